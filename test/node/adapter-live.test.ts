// The REST adapter's change stream (`followChanges`): read with fetch and a bearer header, each
// change validated with its line; after the server goes away it reconnects with backoff and
// resumes from the last id, so a change made while it was down arrives; an expired token is
// followed at once by a request with fresh headers; a reset says to reload in full. Without a
// stream, it polls with If-None-Match.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { openDb, type Db } from '../../server/db/db.js';
import { migrate } from '../../server/db/migrate.js';
import { seed } from '../../server/db/seed.js';
import { startServer, type RunningServer } from '../../server/start.js';
import { call, newLine, testApp, TOKEN } from '../server/helpers.js';
import { AUDIENCE, startLocalIssuer, type LocalIssuer } from '../server/oidc-fixture.js';
import { changeIdOf, createCampaignRestAdapter, createRestAdapter, type LiveNews } from '../../src/adapter/index.js';

let db: Db;
let idp: LocalIssuer;
before(async () => {
  db = await openDb({ dataDir: 'memory://' });
  await migrate(db);
  await seed(db);
  idp = await startLocalIssuer();
});
after(async () => {
  await idp.close();
  await db.close();
});

/** The news heard so far, and a wait for the first news that `match` accepts after `from`. */
function recorder() {
  const heard: LiveNews[] = [];
  const waiters = new Set<() => void>();
  return {
    heard,
    listener: (news: LiveNews) => {
      heard.push(news);
      for (const wake of [...waiters]) wake();
    },
    async waitFor(match: (news: LiveNews) => boolean, timeoutMs = 8_000, from = 0): Promise<LiveNews> {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const found = heard.slice(from).find(match);
        if (found) return found;
        if (Date.now() > deadline) throw new Error(`not heard within ${timeoutMs} ms; heard ${heard.map((n) => n.kind).join(', ')}`);
        await new Promise<void>((resolve) => {
          const wake = () => (waiters.delete(wake), resolve());
          waiters.add(wake);
          setTimeout(wake, 50);
        });
      }
    },
  };
}

const changeOf = (lineId: string) => (news: LiveNews) => news.kind === 'change' && news.change.lineId === lineId;

test("follows a recipient's changes from a real server, each with its line; after a restart it resumes and misses nothing", async () => {
  let server: RunningServer = await startServer({ port: 0, host: '127.0.0.1', db, vite: false, token: 'live-token', seed: false });
  const port = new URL(server.url).port;
  const adapter = createRestAdapter({
    baseUrl: `${server.url}/api`, headers: { Authorization: 'Bearer live-token' }, live: { retryBaseMs: 300, retryCapMs: 600 },
  });
  const stop = new AbortController();
  const news = recorder();
  const following = adapter.followChanges!({ recipientId: '42' }, news.listener, { signal: stop.signal });
  try {
    const ready = await news.waitFor((n) => n.kind === 'ready');
    assert.ok(ready.kind === 'ready' && !ready.resumed && /^\d+$/u.test(ready.lastId ?? ''), 'from now, and where now is');
    const first = await adapter.addResponse(newLine({ recipientId: '42' }));
    await adapter.addResponse(newLine({ recipientId: '44' }));
    const heard = await news.waitFor(changeOf(first.id));
    assert.ok(heard.kind === 'change');
    assert.equal(heard.change.kind, 'line-added');
    assert.equal(heard.change.line?.note, first.note, 'the line comes validated with it');

    await server.close();
    const before = news.heard.length;
    await news.waitFor((n) => n.kind === 'retrying', 8_000, before);
    // Made while no server listens (through an app on the same database), then the server comes back.
    const whileDown = newLine({ recipientId: '42', note: 'while down' });
    assert.equal((await call(testApp(db), 'PUT', `/api/responses/${whileDown.id}`, { body: whileDown })).status, 201);
    server = await startServer({ port: Number(port), host: '127.0.0.1', db, vite: false, token: 'live-token', seed: false });
    const resumed = await news.waitFor((n) => n.kind === 'ready', 8_000, before);
    assert.ok(resumed.kind === 'ready' && resumed.resumed);
    await news.waitFor(changeOf(whileDown.id));
    assert.equal(news.heard.filter((n) => n.kind === 'change' && n.change.recipientId !== '42').length, 0, "another recipient's change never comes");
  } finally {
    stop.abort();
    await following;
    await server.close();
  }
});

test('an expired token: the stream is opened again at once with fresh headers, and goes on where it ended', async () => {
  const app = testApp(db, { oidc: { issuer: idp.issuer, audience: AUDIENCE, jwksCooldownMs: 0 } });
  const tokens = [await idp.mint({ sub: 'user-live', exp: Math.floor(Date.now() / 1000) + 2 }), await idp.mint({ sub: 'user-live' })];
  let asked = 0;
  const adapter = createRestAdapter({
    baseUrl: 'http://in-process/api',
    headers: async () => ({ Authorization: `Bearer ${tokens[Math.min(asked++, 1)]}` }),
    fetch: async (input, init) => app.request(String(input), init),
    live: { retryBaseMs: 60_000 },
  });
  const stop = new AbortController();
  const news = recorder();
  const following = adapter.followChanges!({ recipientId: '42' }, news.listener, { signal: stop.signal });
  try {
    await news.waitFor((n) => n.kind === 'ready');
    await news.waitFor((n) => n.kind === 'ready' && n.resumed, 8_000);
    const line = newLine({ recipientId: '42' });
    assert.equal((await call(app, 'PUT', `/api/responses/${line.id}`, { body: line })).status, 201);
    await news.waitFor(changeOf(line.id));
    assert.equal(news.heard.filter((n) => n.kind === 'retrying').length, 0, 'no backoff: the token, not the server, ended it');
    assert.equal(asked, 2);
  } finally {
    stop.abort();
    await following;
  }
});

test('a reset says to reload in full, and the next connection resumes from its id; a bad filter stops for good', async () => {
  const urls: string[] = [];
  const sse = (text: string) => new Response(text, { headers: { 'Content-Type': 'text/event-stream' } });
  const adapter = createRestAdapter({
    baseUrl: 'http://fake/api',
    live: { retryBaseMs: 10, retryCapMs: 10 },
    fetch: async (input) => {
      urls.push(String(input));
      if (urls.length === 1) return sse('event: reset\nid: 77\ndata: {"reason":"pruned","lastId":77}\n\n');
      if (urls.length === 2) {
        // Split mid-event, with a heartbeat comment and a change whose line is not a line.
        return sse(': heartbeat\n\nevent: change\nid: 78\ndata: {"id":78,"kind":"tracked-open","recipientId":"42","campaignId":"c",\ndata: "lineId":"l1","at":"2026-01-01T00:00:00Z","line":{"id":1}}\n\n');
      }
      return new Response(JSON.stringify({ title: 'no' }), { status: 422, headers: { 'Content-Type': 'application/problem+json' } });
    },
  });
  const news = recorder();
  await adapter.followChanges!({ recipientId: '42' }, news.listener, { signal: new AbortController().signal });
  assert.deepEqual(news.heard.map((n) => n.kind), ['connecting', 'reset', 'retrying', 'connecting', 'change', 'retrying', 'connecting', 'stopped']);
  assert.match(urls[1], /[?&]lastEventId=77(&|$)/u);
  assert.match(urls[2], /[?&]lastEventId=78(&|$)/u);
  const change = news.heard.find((n) => n.kind === 'change');
  assert.ok(change?.kind === 'change');
  assert.equal(change.change.kind, 'tracked-open');
  assert.equal(change.change.line, undefined, 'a line that fails validation is left out (the client re-reads)');
});

test('without a stream (live.mode poll): the record is asked with If-None-Match, 304 while unchanged, a reset when it changed', async () => {
  const app = testApp(db);
  const statuses: number[] = [];
  const config = {
    baseUrl: 'http://in-process/api',
    headers: { Authorization: `Bearer ${TOKEN}` },
    fetch: async (input: RequestInfo | URL, init?: RequestInit) => {
      const answer = await app.request(String(input), init);
      if (String(input).includes('/campaigns')) statuses.push(answer.status);
      return answer;
    },
    live: { mode: 'poll' as const, pollMs: 50 },
  };
  for (const [follow, filter, campaignId] of [
    [createRestAdapter(config).followChanges!, { recipientId: '42' }, 'renewal-calls'],
    [createCampaignRestAdapter(config).followChanges!, { campaignId: 'renewal-calls' }, 'renewal-calls'],
  ] as const) {
    statuses.length = 0;
    const stop = new AbortController();
    const news = recorder();
    const following = follow(filter, news.listener, { signal: stop.signal });
    try {
      await news.waitFor((n) => n.kind === 'ready');
      await news.waitFor(() => statuses.filter((s) => s === 304).length >= 2);
      assert.equal(news.heard.filter((n) => n.kind === 'reset').length, 0, 'nothing changed yet');
      const line = newLine({ recipientId: '42', campaignId });
      assert.equal((await call(app, 'PUT', `/api/responses/${line.id}`, { body: line })).status, 201);
      await news.waitFor((n) => n.kind === 'reset');
      assert.equal(news.heard.filter((n) => n.kind === 'retrying').length, 0, 'a 304 is no failure');
    } finally {
      stop.abort();
      await following;
    }
  }
});

test("a read's answer says its change id; a stream opened after it brings what changed between the read and the stream", async () => {
  const app = testApp(db);
  const adapter = createRestAdapter({
    baseUrl: 'http://in-process/api', headers: { Authorization: `Bearer ${TOKEN}` }, fetch: async (input, init) => app.request(String(input), init),
  });
  const campaigns = createCampaignRestAdapter({
    baseUrl: 'http://in-process/api', headers: { Authorization: `Bearer ${TOKEN}` }, fetch: async (input, init) => app.request(String(input), init),
  });
  const read = await adapter.getRecipientCampaigns('42');
  const readAt = changeIdOf(read);
  assert.match(readAt ?? '', /^\d+$/u);
  assert.equal(changeIdOf(await adapter.getRecipientResponses('42')), readAt);
  assert.equal(changeIdOf(await campaigns.getCampaignStats('spring-launch-2026')), readAt);
  assert.equal(Object.keys(read).join(), 'recipient,campaigns', 'the model is as it was');
  const between = newLine({ recipientId: '42', note: 'between the read and the stream' });
  assert.equal((await call(app, 'PUT', `/api/responses/${between.id}`, { body: between })).status, 201);
  const stop = new AbortController();
  const news = recorder();
  const following = adapter.followChanges!({ recipientId: '42' }, news.listener, { signal: stop.signal, after: readAt });
  try {
    const ready = await news.waitFor((n) => n.kind === 'ready');
    assert.deepEqual(ready, { kind: 'ready', resumed: true, lastId: readAt });
    await news.waitFor(changeOf(between.id));
  } finally {
    stop.abort();
    await following;
  }
});

test("polling (live.mode poll) takes the page's own re-read after its save as known: no reset for it, one for another's change", async () => {
  const app = testApp(db);
  let gate: Promise<void> | undefined;
  let held = 0;
  const adapter = createRestAdapter({
    baseUrl: 'http://in-process/api',
    headers: { Authorization: `Bearer ${TOKEN}` },
    fetch: async (input: RequestInfo | URL, init?: RequestInit) => {
      // Polls (they ask If-None-Match) wait at the gate while the test holds it; the page's reads never do.
      if (gate && new Headers(init?.headers).has('If-None-Match')) {
        held += 1;
        await gate;
      }
      return app.request(String(input), init);
    },
    live: { mode: 'poll' as const, pollMs: 50 },
  });
  await adapter.getRecipientCampaigns('42');
  const stop = new AbortController();
  const news = recorder();
  const following = adapter.followChanges!({ recipientId: '42' }, news.listener, { signal: stop.signal });
  try {
    const ready = await news.waitFor((n) => n.kind === 'ready');
    assert.ok(ready.kind === 'ready' && ready.resumed, 'the first poll found the version the page had read');
    let open!: () => void;
    gate = new Promise((resolve) => (open = resolve));
    await news.waitFor(() => held > 0);
    // The page's own save, and the re-read its elements make, while a poll is on its way.
    await adapter.addResponse(newLine({ recipientId: '42', note: 'my own save' }));
    await adapter.getRecipientCampaigns('42');
    gate = undefined;
    open();
    await new Promise((resolve) => setTimeout(resolve, 300));
    assert.equal(news.heard.filter((n) => n.kind === 'reset').length, 0, 'the own save is no news');
    const other = newLine({ recipientId: '42', note: "another person's" });
    assert.equal((await call(app, 'PUT', `/api/responses/${other.id}`, { body: other })).status, 201);
    await news.waitFor((n) => n.kind === 'reset');
  } finally {
    stop.abort();
    await following;
  }
});
