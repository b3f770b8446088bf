// A backend of another shape (snake_case, `{ "data": ... }` envelopes, its own paths, a cursor called
// `page_token`, its own error bodies), reached by configuring the REST adapter only: the kit gets its model.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  createRestAdapter,
  MalformedResponseError,
  ValidationError,
  type RestAdapterConfig,
  type RestMappers,
} from '../../src/adapter/index.js';
import type { NewResponseLine, ResponseLine } from '../../src/model/index.js';

type Json = Record<string, unknown>;

// ---- the other backend: its own names for everything --------------------------------------------
const snakeLine = (id: string, campaignId: string) => ({
  activity_id: id,
  contact_id: 'p 1',
  campaign_id: campaignId,
  campaign_event_id: 'e1',
  outcome_code: 'responded',
  outcome_group: 'responded',
  occurred_at: '2026-03-04T15:30:00Z',
  created_at: '2026-03-04T15:31:00Z',
  comment: 'Met at the booth',
  created_by: { name: 'ana' },
  origin: 'MANUAL',
});
const requests: { method: string; url: string; body: string }[] = [];
let server: Server;
let origin: string;

function send(res: ServerResponse, status: number, body: unknown) {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}

function otherBackend(method: string, url: URL, body: string, res: ServerResponse) {
  const path = url.pathname;
  if (path === '/v2/outcomes') {
    return send(res, 200, {
      data: {
        groups: [{ code: 'responded', name: 'Responded' }],
        outcomes: [{ code: 'responded', name: 'Responded', group: 'responded', email_only: false, manual: true, counts: ['responded', 'lead'] }],
      },
    });
  }
  if (path === '/v2/contacts/p%201/campaign-members') {
    return send(res, 200, {
      data: {
        contact: { contact_id: 'p 1', full_name: 'Ana Díaz', email_address: null, tz: 'Europe/Madrid' },
        memberships: [{ campaign_id: 'c1', name: 'Spring fair', currency_code: 'EUR', budget: 1200, events: [], last_activity: snakeLine('l0', 'c1') }],
      },
    });
  }
  if (path === '/v2/contacts/p%201/activity') {
    if (url.searchParams.get('page_token') === 'garbage') return send(res, 200, { unexpected: true });
    const token = url.searchParams.get('page_token');
    return send(res, 200, {
      data: [snakeLine(token ? 'l2' : 'l1', url.searchParams.get('campaign_id') ?? 'c1')],
      paging: { next_page_token: token ? null : 'tok-2', page_size: Number(url.searchParams.get('page_size')) },
    });
  }
  if (method === 'PUT' && path.startsWith('/v2/activity/')) {
    const sent = JSON.parse(body) as Json;
    if (sent.comment === 'too long') return send(res, 400, { error: { code: 'INVALID', message: 'Check the fields', fields: { comment: 'too long' } } });
    return send(res, 200, { data: { ...snakeLine(String(sent.activity_id), String(sent.campaign_id)), comment: sent.comment } });
  }
  if (method === 'DELETE' && path === '/v2/campaigns/c1/members/p%201/activity') return send(res, 200, { data: { removed_count: 3 } });
  send(res, 404, { error: { code: 'NOT_FOUND', message: `nothing at ${path}` } });
}

before(async () => {
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      requests.push({ method: req.method ?? '', url: req.url ?? '', body });
      otherBackend(req.method ?? '', new URL(req.url ?? '/', 'http://x'), body, res);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

after(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

// ---- what a host writes: configuration only ------------------------------------------------------
const data = (body: unknown) => (body as { data: unknown }).data;

const lineFromServer = (raw: unknown): ResponseLine => {
  const line = raw as ReturnType<typeof snakeLine>;
  return {
    id: line.activity_id,
    recipientId: line.contact_id,
    campaignId: line.campaign_id,
    eventId: line.campaign_event_id,
    detailId: line.outcome_code,
    categoryId: line.outcome_group,
    respondedAt: line.occurred_at,
    recordedAt: line.created_at,
    note: line.comment,
    author: line.created_by?.name ?? null,
    source: line.origin.toLowerCase() as ResponseLine['source'],
    link: null,
    evidence: null,
  };
};

const mappers: RestMappers = {
  responseTypes: {
    fromServer: (body) => {
      const { groups, outcomes } = data(body) as { groups: Json[]; outcomes: Json[] };
      return {
        categories: groups.map((g) => ({ id: g.code, label: g.name })),
        details: outcomes.map((o) => {
          const counts = o.counts as string[];
          return {
            id: o.code, label: o.name, categoryId: o.group, channelScope: o.email_only ? 'email' : 'any',
            entry: o.manual ? 'manual' : 'tracked', legacyEmailOnly: false, bounce: null,
            countsAs: { responded: counts.includes('responded'), lead: counts.includes('lead'), purchase: counts.includes('purchase'), unsubscribe: counts.includes('unsubscribe') },
          };
        }),
      };
    },
  },
  recipientCampaigns: {
    fromServer: (body, mapLine) => {
      const { contact, memberships } = data(body) as { contact: Json; memberships: Json[] };
      return {
        recipient: { id: contact.contact_id, displayName: contact.full_name, email: contact.email_address, timeZone: contact.tz },
        campaigns: memberships.map((m) => ({
          id: m.campaign_id, title: m.name, currency: m.currency_code, baseCost: m.budget, expectedRevenue: null,
          events: m.events, latestResponse: m.last_activity ? mapLine(m.last_activity) : null,
        })),
      };
    },
  },
  // Only the envelope: each item then goes through `responseLine` by itself.
  responsePage: {
    fromServer: (body, mapLine) => {
      const { data: items, paging } = body as { data: unknown[]; paging: { next_page_token: string | null } };
      return { items: items.map(mapLine), nextCursor: paging.next_page_token };
    },
  },
  responseLine: { fromServer: (body) => lineFromServer(data(body) ?? body) },
  newResponseLine: {
    toServer: (line: NewResponseLine) => ({
      activity_id: line.id, contact_id: line.recipientId, campaign_id: line.campaignId, campaign_event_id: line.eventId,
      outcome_code: line.detailId, occurred_at: line.respondedAt, comment: line.note,
    }),
  },
  deleteResult: { fromServer: (body) => ({ deleted: (data(body) as Json).removed_count }) },
  historyQuery: (query) => ({ campaign_id: query.campaignId, event_id: query.eventId, page_token: query.cursor, page_size: query.limit }),
  errorFromServer: (body) => {
    const { error } = body as { error: { code: string; message: string; fields?: Record<string, string> } };
    const fieldNames: Record<string, string> = { comment: 'note' };
    return {
      type: error.code,
      title: error.message,
      errors: Object.entries(error.fields ?? {}).map(([field, message]) => ({ field: fieldNames[field] ?? field, message })),
    };
  },
};

const paths: RestAdapterConfig['paths'] = {
  getResponseTypes: '/outcomes',
  getRecipientCampaigns: '/contacts/{recipientId}/campaign-members',
  getRecipientResponses: '/contacts/{recipientId}/activity',
  addResponse: '/activity/{id}',
  deleteAllResponses: '/campaigns/{campaignId}/members/{recipientId}/activity',
};
const adapter = (overrides: RestMappers = {}) =>
  createRestAdapter({ baseUrl: `${origin}/v2`, paths, mappers: { ...mappers, ...overrides } });

// ---- the kit's view -------------------------------------------------------------------------------
test('vocabulary and campaigns come back as the kit model', async () => {
  const vocabulary = await adapter().getResponseTypes();
  assert.deepEqual(vocabulary.details[0].countsAs, { responded: true, lead: true, purchase: false, unsubscribe: false });
  const { recipient, campaigns } = await adapter().getRecipientCampaigns('p 1');
  assert.deepEqual(recipient, { id: 'p 1', displayName: 'Ana Díaz', email: null, timeZone: 'Europe/Madrid' });
  assert.equal(campaigns[0].title, 'Spring fair');
  assert.equal(campaigns[0].latestResponse?.note, 'Met at the booth');
  assert.equal(campaigns[0].latestResponse?.source, 'manual');
});

test('history pages with the query renamed and the cursor called page_token', async () => {
  const first = await adapter().getRecipientResponses('p 1', { campaignId: 'c9', limit: 20 });
  assert.equal(requests.at(-1)?.url, '/v2/contacts/p%201/activity?campaign_id=c9&page_size=20');
  assert.equal(first.items[0].id, 'l1');
  assert.equal(first.items[0].campaignId, 'c9');
  assert.equal(first.nextCursor, 'tok-2');
  const second = await adapter().getRecipientResponses('p 1', { campaignId: 'c9', cursor: first.nextCursor! });
  assert.equal(requests.at(-1)?.url, '/v2/contacts/p%201/activity?campaign_id=c9&page_token=tok-2');
  assert.deepEqual([second.items[0].id, second.nextCursor], ['l2', null]);
});

test('addResponse sends the backend body and maps its answer; deleteAll reads its count', async () => {
  const line: NewResponseLine = {
    id: '0b9f3a10-5c4e-4f6a-8d2b-7e1c9a3f4d56', recipientId: 'p 1', campaignId: 'c1', eventId: 'e1',
    detailId: 'responded', respondedAt: '2026-03-05T09:00:00Z', note: 'Asked for a quote',
  };
  const stored = await adapter().addResponse(line);
  assert.deepEqual([stored.id, stored.note, stored.author], [line.id, 'Asked for a quote', 'ana']);
  const put = requests.at(-1)!;
  assert.equal(put.url, `/v2/activity/${line.id}`);
  assert.equal(JSON.parse(put.body).comment, 'Asked for a quote');
  assert.equal(JSON.parse(put.body).note, undefined);
  assert.deepEqual(await adapter().deleteAllResponses('p 1', 'c1'), { deleted: 3 });
});

test('the backend error body becomes a problem with the kit field names', async () => {
  const line: NewResponseLine = {
    id: '3c2d1e0f-5a6b-4c7d-8e9f-0a1b2c3d4e5f', recipientId: 'p 1', campaignId: 'c1', eventId: 'e1',
    detailId: 'responded', respondedAt: '2026-03-05T09:00:00Z', note: 'too long',
  };
  // The backend answers 400 for invalid input; its fields still reach the problem.
  const error = await adapter().addResponse(line).catch((e: unknown) => e);
  assert.ok(!(error instanceof ValidationError), '400 is a bad request, not a 422');
  assert.equal((error as { kind: string }).kind, 'bad-request');
  assert.equal((error as Error).message, 'addResponse: Check the fields');
  assert.deepEqual((error as { problem: { errors: unknown } }).problem.errors, [{ field: 'note', message: 'too long' }]);
});

test('a mapper meeting a surprising body, or mapping to the wrong shape, gives MalformedResponseError', async () => {
  const thrown = await adapter().getRecipientResponses('p 1', { cursor: 'garbage' }).catch((e: unknown) => e);
  assert.ok(thrown instanceof MalformedResponseError);
  assert.ok(thrown.cause instanceof TypeError, 'the mapper threw on a body without data');
  const wrongShape = adapter({
    deleteResult: { fromServer: (body) => ({ deleted: String((data(body) as Json).removed_count) }) },
  });
  const invalid = await wrongShape.deleteAllResponses('p 1', 'c1').catch((e: unknown) => e);
  assert.ok(invalid instanceof MalformedResponseError);
  assert.deepEqual(invalid.issues.map((i) => i.field), ['deleted'], 'the mapped output is validated');
});
