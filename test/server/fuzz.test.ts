// Property-based fuzzing of every endpoint, in-process: arbitrary path segments (any bytes,
// percent-encoded), query parameters and bodies (JSON of any shape, near-miss lines, bytes that are
// not JSON). Whatever comes, the server never answers 5xx, and a request it refuses (4xx) changes
// nothing: the digest of the lines (deleted ones too) and the audit trail is the same before and after. A fixed run budget keeps the
// file well under a minute on PGlite; fast-check prints the seed of a failure to replay it.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import type { Hono } from 'hono';
import { call, newLine, openTestDb, testApp, type TestDb } from './helpers.js';

const RUNS = 1000;
let testDb: TestDb;
let app: Hono;

before(async () => {
  testDb = await openTestDb();
  app = testApp(testDb.db);
});
after(() => testDb.cleanup());

async function digest(): Promise<string> {
  const [row] = await testDb.db.query<{ d: string | null }>(
    `SELECT md5(coalesce((SELECT string_agg(t::text, '|' ORDER BY t.id) FROM all_response_lines t), '')
             || coalesce((SELECT string_agg(a::text, '|' ORDER BY a.id) FROM audit_records a), '')) AS d`,
  );
  return String(row.d);
}

/** Every byte percent-encoded: malformed UTF-8 and NUL reach the server as they would over the wire. */
const encodedBytes = fc.uint8Array({ maxLength: 12 }).map((bytes) => [...bytes].map((b) => `%${b.toString(16).padStart(2, '0')}`).join(''));
const segment = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom('42', 'renewal-calls', 'renewal-round-2') },
  fc.constantFrom('42', '47', 'renewal-calls', 'spring-offer', 'renewal-round-2', 'x', '', '..', '%2F'),
  fc.string({ maxLength: 12 }).map((s) => encodeURIComponent(s.replace(/[\uD800-\uDFFF]/gu, ''))),
  encodedBytes,
);
const queryValue = fc.oneof(fc.constantFrom('', '0', '-1', '1', '1e9', 'true', 'renewal-calls', 'a,b', 'deleted', '2026-06-01T00:00:00Z'), fc.string({ maxLength: 10 }).map((s) => encodeURIComponent(s.replace(/[\uD800-\uDFFF]/gu, ''))), encodedBytes);
const queryKey = fc.oneof(fc.constantFrom('q', 'limit', 'cursor', 'campaignId', 'eventId', 'fresh', 'sort', 'order', 'from', 'to', 'detailId', 'page',
  'include', 'lineId', 'principal', 'recipientId'), encodedBytes);
const query = fc.oneof({ weight: 2, arbitrary: fc.constant('') }, fc.array(fc.tuple(queryKey, queryValue), { maxLength: 4 }).map((pairs) => (pairs.length ? `?${pairs.map(([k, v]) => `${k}=${v}`).join('&')}` : '')));

const lineField = fc.constantFrom('id', 'recipientId', 'campaignId', 'eventId', 'detailId', 'respondedAt', 'note', 'author', 'extra', 'none', 'none');
/** A valid line with one field replaced by anything (or removed): the near misses validation must catch. */
const nearMissLine = fc.tuple(lineField, fc.option(fc.jsonValue({ maxDepth: 2 }), { nil: undefined })).map(([field, value]) => {
  const line: Record<string, unknown> = { ...newLine() };
  // Now and then the line as it is: a write that succeeds, so the digest is seen to move too.
  if (field === 'none') return JSON.stringify(line);
  if (value === undefined) delete line[field];
  else line[field] = value;
  return JSON.stringify(line);
});
const body = fc.oneof(
  { weight: 3, arbitrary: nearMissLine },
  fc.jsonValue({ maxDepth: 3 }).map((v) => JSON.stringify(v)),
  nearMissLine,
  fc.string({ maxLength: 40 }),
  fc.uint8Array({ maxLength: 40 }).map((bytes) => Buffer.from(bytes).toString('latin1')),
);

function idOf(text: string | undefined): string | undefined {
  try {
    const parsed = JSON.parse(text ?? '') as { id?: unknown };
    return typeof parsed?.id === 'string' ? encodeURIComponent(parsed.id.replace(/[\uD800-\uDFFF]/gu, '')) : undefined;
  } catch {
    return undefined;
  }
}

type Route = { method: string; path: (s: string[]) => string; segments: number; body?: boolean };
const ROUTES: Route[] = [
  { method: 'GET', path: () => '/api/me', segments: 0 },
  { method: 'GET', path: () => '/api/response-types', segments: 0 },
  { method: 'GET', path: () => '/api/recipients', segments: 0 },
  { method: 'GET', path: ([r]) => `/api/recipients/${r}/campaigns`, segments: 1 },
  { method: 'GET', path: ([r]) => `/api/recipients/${r}/responses`, segments: 1 },
  { method: 'DELETE', path: ([r, c]) => `/api/recipients/${r}/campaigns/${c}/responses`, segments: 2 },
  { method: 'GET', path: () => '/api/campaigns', segments: 0 },
  { method: 'GET', path: ([c]) => `/api/campaigns/${c}`, segments: 1 },
  { method: 'GET', path: ([c]) => `/api/campaigns/${c}/stats`, segments: 1 },
  { method: 'GET', path: ([c]) => `/api/campaigns/${c}/responses`, segments: 1 },
  { method: 'GET', path: ([c]) => `/api/campaigns/${c}/responses.csv`, segments: 1 },
  { method: 'GET', path: ([c]) => `/api/campaigns/${c}/responses/summary`, segments: 1 },
  { method: 'GET', path: ([c]) => `/api/campaigns/${c}/clickthrough`, segments: 1 },
  { method: 'PUT', path: ([id]) => `/api/responses/${id}`, segments: 1, body: true },
  { method: 'DELETE', path: ([id]) => `/api/responses/${id}`, segments: 1 },
  { method: 'POST', path: ([id]) => `/api/responses/${id}/restore`, segments: 1 },
  { method: 'POST', path: ([d]) => `/api/deletions/${d}/restore`, segments: 1 },
  { method: 'POST', path: ([r]) => `/api/recipients/${r}/erasure`, segments: 1 },
  { method: 'GET', path: () => '/api/audit', segments: 0 },
  { method: 'POST', path: ([c, e]) => `/api/campaigns/${c}/events/${e}/send`, segments: 2, body: true },
  { method: 'GET', path: ([f]) => `/api/t/o/${f}.gif`, segments: 1 },
  { method: 'GET', path: ([t, l]) => `/api/t/c/${t}/${l}`, segments: 2 },
];

const request = fc.record({
  route: fc.constantFrom(...ROUTES),
  segments: fc.array(segment, { minLength: 2, maxLength: 2 }),
  query,
  body: fc.option(body, { nil: undefined }),
  contentType: fc.constantFrom('application/json', 'application/json', 'text/plain', 'application/x-www-form-urlencoded'),
  // Most PUTs name the body's own id in the path, so near misses get past the id check to validation.
  ownId: fc.boolean(),
});

test(`${RUNS} arbitrary requests to every endpoint: never a 5xx, and a refused one changes nothing`, async () => {
  await fc.assert(
    fc.asyncProperty(request, async ({ route, segments, query: q, body: b, contentType, ownId }) => {
      const id = ownId && route.method === 'PUT' ? idOf(b) : undefined;
      const path = route.path(id ? [id, ...segments.slice(1)] : segments) + q;
      const writes = route.method !== 'GET';
      const before = writes ? await digest() : '';
      // A GET cannot carry a body in fetch's Request; every other method gets one or none at random.
      const sent = route.method === 'GET' ? undefined : b;
      const answer = await call(app, route.method, path, { body: sent, headers: sent !== undefined ? { 'Content-Type': contentType } : {} });
      assert.ok(answer.status < 500, `${route.method} ${path} answered ${answer.status}: ${answer.text}`);
      if (writes && answer.status >= 400) assert.equal(await digest(), before, `${route.method} ${path} refused (${answer.status}) yet changed the lines`);
    }),
    { numRuns: RUNS },
  );
});
