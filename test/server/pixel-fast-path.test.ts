// The open pixel answered before Hono: the same answer as the app's route, headers included, the
// open stored as the route stores it; a request it would answer differently is left to the app.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { SendResult } from '../../src/model/campaign-stats.js';
import { PIXEL_GIF } from '../../server/routes/tracking.js';
import { HitRecorder } from '../../server/tracking/hit-recorder.js';
import { pixelFastPath, type PixelFastPath } from '../../server/routes/pixel-fast-path.js';
import { trackingKeysLoader } from '../../server/tracking/tracking-token.js';
import { call, openTestDb, testApp, type TestDb } from './helpers.js';

const EVENT = 'spring-last-chance';
const READER = 'Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0';
/** What the app answers when the fast path does not take a request, in these tests. */
const LEFT_TO_THE_APP = 599;
let testDb: TestDb;
const servers: Server[] = [];
let paths: string[] = [];
let recipients: string[] = [];

before(async () => {
  testDb = await openTestDb();
  const sent = (await call(testApp(testDb.db), 'POST', `/api/campaigns/spring-launch-2026/events/${EVENT}/send`)).json as SendResult;
  const mails = sent.deliveries.filter((d) => d.tracking);
  paths = mails.map((d) => new URL(d.tracking?.openUrl ?? '').pathname);
  recipients = mails.map((d) => d.recipientId);
});
after(async () => {
  for (const server of servers) server.close();
  await testDb.cleanup();
});

async function serve(hits: Pick<HitRecorder, 'open'>) {
  const trackingKeys = trackingKeysLoader(testDb.db);
  const app = testApp(testDb.db, { hits: hits as HitRecorder, trackingKeys });
  const fast: PixelFastPath = await pixelFastPath(app, { hits: hits as HitRecorder, trackingKeys, now: () => new Date() });
  const server = createServer((req, res) => {
    if (!fast(req, res, (req.url ?? '/').split('?')[0])) res.writeHead(LEFT_TO_THE_APP).end();
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { app, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

/** Headers as a record, without those that differ between any two answers or frame the message on the connection. */
function headersOf(response: Response): Record<string, string> {
  const kept: Record<string, string> = {};
  response.headers.forEach((value, name) => {
    if (!['x-request-id', 'date', 'connection', 'keep-alive', 'transfer-encoding'].includes(name)) kept[name] = value;
  });
  return kept;
}

const rawHits = async (recipientId: string) =>
  (await testDb.db.query<{ n: number }>('SELECT open_hits AS n FROM event_deliveries WHERE event_id = $1 AND recipient_id = $2', [EVENT, recipientId]))[0].n;

test('a pixel answered before Hono: the app route\'s headers and GIF, a request id of its own, the open stored', async () => {
  const hits = new HitRecorder(testDb.db);
  const { app, url } = await serve(hits);
  const fast = await fetch(`${url}${paths[0]}`, { headers: { 'User-Agent': READER } });
  assert.equal(fast.status, 200);
  assert.deepEqual(Buffer.from(await fast.arrayBuffer()), PIXEL_GIF);
  const viaApp = await app.request(`/api/t/o/not-a-token.gif`, { headers: { 'User-Agent': READER } });
  await viaApp.arrayBuffer();
  assert.deepEqual(headersOf(fast), headersOf(viaApp), 'the same headers as the app gives a pixel');
  assert.ok('strict-transport-security' in headersOf(fast) && 'content-security-policy' in headersOf(fast), 'the middleware\'s headers are among them');
  assert.match(fast.headers.get('x-request-id') ?? '', /^[0-9a-f-]{36}$/u);
  await hits.folded();
  assert.equal(await rawHits(recipients[0]), 1, 'the open is stored and folded');
  const forged = await fetch(`${url}/api/t/o/${'A'.repeat(20)}.gif`);
  assert.equal(forged.status, 200, 'a token that does not verify gets the same GIF');
  await hits.close();
});

test('what the fast path would answer differently is left to the app', async () => {
  const hits = new HitRecorder(testDb.db);
  const { url } = await serve(hits);
  const pixel = `${url}${paths[1]}`;
  const left = [
    await fetch(pixel, { method: 'HEAD' }),
    await fetch(pixel, { headers: { Origin: 'https://mail.example' } }),
    await fetch(pixel, { headers: { 'X-Request-Id': 'caller-id-1' } }),
    await fetch(pixel.replace(/\.gif$/u, '%2Egif')),
    await fetch(`${url}/api/t/o/a/b.gif`),
    await fetch(pixel, { method: 'POST' }),
  ];
  assert.deepEqual(left.map((r) => r.status), left.map(() => LEFT_TO_THE_APP));
  await hits.close();
  assert.equal(await rawHits(recipients[1]), 0, 'none of them recorded an open');
});

test('an open that cannot be stored is answered 503, not acknowledged, exactly as the app answers it', async () => {
  const failing = { open: () => Promise.reject(new Error('no space left on device')) };
  const { app, url } = await serve(failing);
  const quiet = console.error;
  console.error = () => {};
  try {
    const fast = await fetch(`${url}${paths[2]}`);
    const viaApp = await app.request(paths[2]);
    assert.equal(fast.status, 503);
    assert.equal(viaApp.status, 503);
    assert.equal(fast.headers.get('retry-after'), '1');
    assert.deepEqual(headersOf(fast), headersOf(viaApp));
    assert.equal((await fast.arrayBuffer()).byteLength, 0, 'no image: the reader may load it again');
  } finally {
    console.error = quiet;
  }
});
