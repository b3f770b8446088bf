/**
 * Shared by the server tests: one database per test file (PGlite in memory, or a fresh schema in
 * the PostgreSQL of DATABASE_URL), an app over it, and a checker that validates answers against the
 * OpenAPI document the server itself serves.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import assert from 'node:assert/strict';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import type { Hono } from 'hono';
import { createApp, type AppOptions } from '../../server/app.js';
import { openDb, type Db } from '../../server/db/db.js';
import { migrate } from '../../server/db/migrate.js';
import { seed } from '../../server/db/seed.js';
import { sendEvent } from '../../server/tracking/delivery.js';
import { HitRecorder } from '../../server/tracking/hit-recorder.js';
import type { NewResponseLine } from '../../src/model/types.js';

export const TOKEN = 'test-token-6f1c2a';
export const ALLOWED_ORIGIN = 'https://crm.example.com';
export const onPostgres = Boolean(process.env.DATABASE_URL);

/**
 * For a heavy test whose subject is not the database engine (streaming back-pressure, a body
 * limit): it runs once per `npm test`, in the PostgreSQL pass when the run has one (CI), else on
 * PGlite. Everything else runs on both engines.
 */
export const ONCE_ACROSS_ENGINES = {
  skip: !onPostgres && Boolean(process.env.CR_TEST_DATABASE_URL) ? 'not engine-specific: runs in this run’s PostgreSQL pass' : false,
} as const;

export interface TestDb {
  db: Db;
  /** Drops the test schema (PostgreSQL) and closes the database. */
  cleanup(): Promise<void>;
}

/** Opens, migrates and seeds one database; call once per file (PGlite's first open takes seconds). */
export async function openTestDb(): Promise<TestDb> {
  const databaseUrl = process.env.DATABASE_URL;
  const schema = databaseUrl ? `cr_test_${randomBytes(6).toString('hex')}` : undefined;
  const db = await openDb({ databaseUrl, schema });
  await migrate(db);
  await seed(db);
  return {
    db,
    async cleanup() {
      if (schema) await db.query(`DROP SCHEMA ${schema} CASCADE`);
      await db.close();
    },
  };
}

/**
 * A campaign of its own with one email event sent at `sentAt` to 400 new recipients (`<prefix>-1` …):
 * resolves with those the mail was delivered to, for tests of what their opens record.
 */
export async function mailedCampaign(db: Db, campaign: string, event: string, sentAt: number, prefix: string): Promise<string[]> {
  await db.query(`INSERT INTO campaigns (id, title, currency) VALUES ($1, $1, 'EUR')`, [campaign]);
  await db.query(`INSERT INTO campaign_events (id, campaign_id, name, channel, date, status) VALUES ($1, $2, 'Mail', 'email', $3, 'completed')`,
    [event, campaign, new Date(sentAt).toISOString()]);
  await db.query(`INSERT INTO recipients (id, display_name, email, time_zone) SELECT $1 || '-' || g, 'P' || g, 'p' || g || '@' || $1 || '.example', 'UTC' FROM generate_series(1, 400) g`, [prefix]);
  await db.query(`INSERT INTO campaign_recipients (campaign_id, recipient_id) SELECT $1, $2 || '-' || g FROM generate_series(1, 400) g`, [campaign, prefix]);
  const sent = await db.transaction((tx) => sendEvent(tx, campaign, event, new Date(sentAt)));
  return sent.deliveries.filter((d) => d.outcome === 'sent').map((d) => d.recipientId);
}

const recorders = new WeakMap<Hono, HitRecorder>();

export function testApp(db: Db, options: Partial<AppOptions> = {}): Hono {
  const hits = options.hits ?? new HitRecorder(db);
  const app = createApp({ db, token: TOKEN, allowedOrigins: [ALLOWED_ORIGIN], ...options, hits });
  recorders.set(app, hits);
  return app;
}

/**
 * Resolves once the pixel hits answered by `app` are folded from the open inbox into the raw hits,
 * the Opened lines, the roll-ups and the change log (they follow the answer, see open-fold.ts).
 */
export async function opensFolded(app: Hono): Promise<void> {
  await recorders.get(app)?.folded();
}

export interface Answer {
  status: number;
  headers: Headers;
  text: string;
  /** The parsed body, or undefined when there was none. */
  json: unknown;
}

export interface CallInit {
  body?: unknown;
  headers?: Record<string, string>;
  /** The bearer token; null sends no Authorization header. */
  token?: string | null;
}

/** Calls the app in-process, the way a browser would over HTTP. */
export async function call(app: Hono, method: string, path: string, init: CallInit = {}): Promise<Answer> {
  const headers: Record<string, string> = { ...init.headers };
  const token = init.token === undefined ? TOKEN : init.token;
  if (token !== null) headers.Authorization = `Bearer ${token}`;
  let body: string | undefined;
  if (init.body !== undefined) {
    body = typeof init.body === 'string' ? init.body : JSON.stringify(init.body);
    headers['Content-Type'] ??= 'application/json';
  }
  const response = await app.request(path, { method, headers, body });
  return toAnswer(response);
}

export async function toAnswer(response: Response): Promise<Answer> {
  const text = await response.text();
  let json: unknown;
  if (text && /json/u.test(response.headers.get('Content-Type') ?? '')) json = JSON.parse(text);
  return { status: response.status, headers: response.headers, text, json };
}

/** A new hand-entered line for recipient 42's renewal call (a phone event), with a fresh id. */
export function newLine(overrides: Partial<NewResponseLine> = {}): NewResponseLine {
  return {
    id: randomUUID(),
    recipientId: '42',
    campaignId: 'renewal-calls',
    eventId: 'renewal-round-2',
    detailId: 'responded',
    respondedAt: '2026-05-20T09:30:00.000Z',
    note: 'Called back about the renewal quote.',
    ...overrides,
  };
}

export async function countLines(db: Db, where = 'true', params: unknown[] = []): Promise<number> {
  const [row] = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM response_lines WHERE ${where}`, params);
  return row.n;
}

type OpenApiDoc = {
  paths: Record<string, Record<string, { responses: Record<string, { $ref?: string; content?: Record<string, unknown> }> }>>;
  components: { schemas: Record<string, object>; responses: Record<string, { content?: Record<string, unknown> }> };
};

const pointer = (...segments: string[]) =>
  segments.map((s) => encodeURIComponent(s.replaceAll('~', '~0').replaceAll('/', '~1'))).join('/');

/**
 * Checks answers against the served OpenAPI document: the status is documented for the operation,
 * the content type is one it lists, and the body validates against its JSON Schema (Ajv, 2020-12).
 */
export class ContractChecker {
  readonly ajv = new Ajv2020({ allErrors: true, allowUnionTypes: true });
  readonly checked = new Set<string>();

  constructor(readonly doc: OpenApiDoc) {
    addFormats(this.ajv);
    // The document's own keywords are not JSON Schema; declaring them keeps Ajv strict elsewhere.
    this.ajv.addVocabulary(['openapi', 'jsonSchemaDialect', 'info', 'servers', 'security', 'paths', 'components', 'webhooks', 'tags']);
    this.ajv.addSchema(doc as object, 'oas');
  }

  static async load(app: Hono): Promise<ContractChecker> {
    const answer = await call(app, 'GET', '/api/openapi.json', { token: null });
    assert.equal(answer.status, 200);
    return new ContractChecker(answer.json as OpenApiDoc);
  }

  /** Asserts the answer is one the document describes for `method pathTemplate`. */
  check(method: string, pathTemplate: string, answer: Answer): void {
    const operation = this.doc.paths[pathTemplate]?.[method.toLowerCase()];
    assert.ok(operation, `${method} ${pathTemplate} is documented`);
    const status = String(answer.status);
    let declared = operation.responses[status];
    assert.ok(declared, `${method} ${pathTemplate} documents status ${status}`);
    let base = pointer('paths', pathTemplate, method.toLowerCase(), 'responses', status);
    if (declared.$ref) {
      const name = declared.$ref.split('/').pop() as string;
      declared = this.doc.components.responses[name];
      base = pointer('components', 'responses', name);
    }
    this.checked.add(`${method} ${pathTemplate} ${status}`);
    if (!declared.content) {
      assert.equal(answer.text, '', `${status} has no body`);
      return;
    }
    const type = (answer.headers.get('Content-Type') ?? '').split(';')[0].trim();
    assert.ok(type in declared.content, `${method} ${pathTemplate} ${status} declares ${type}`);
    const validate = this.ajv.getSchema(`oas#/${base}/${pointer('content', type, 'schema')}`);
    assert.ok(validate, 'the schema compiles');
    // JSON bodies are checked parsed; others (CSV, the GIF) as their text, against a string schema.
    const valid = validate(/json/u.test(type) ? answer.json : answer.text);
    assert.ok(valid, `${method} ${pathTemplate} ${status}: ${this.ajv.errorsText(validate.errors)}`);
  }
}

/** Asserts a validation problem that names `field`. */
export function assertFieldProblem(answer: Answer, field: string): void {
  assert.equal(answer.status, 422, answer.text);
  const problem = answer.json as { type: string; errors?: { field: string }[] };
  assert.equal(problem.type, 'https://campaign-response-kit.dev/problems/validation');
  assert.ok(problem.errors?.some((e) => e.field === field), `names ${field}: ${answer.text}`);
}
