/**
 * `npm start`'s server for an end-to-end test: the reference server with a fresh database of its own
 * (removed by `stop()`), serving the demo pages through Vite, plus a GET of the API with its token,
 * for checking what the server kept.
 *
 * The database: a schema of its own in the PostgreSQL of CR_TEST_DATABASE_URL when set (CI: it
 * opens, migrates and seeds in well under a second), else PGlite in a folder of its own, as
 * `npm start` keeps it. PGlite's open, migration and seed in a new folder cost 5-6 s of CPU per
 * server, once per end-to-end file and browser, on the two cores the whole CI run shares; what
 * differs between the engines is tested by the server suite, which runs on both.
 */
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openDb, type Db } from '../../../server/db/db.js';
import { startServer } from '../../../server/start.js';
import type { RunningServer, StartOptions } from '../../../server/start.js';

export interface DemoServer {
  url: string;
  token: string;
  /** Opens the server's database apart from the server (while it is down, say); the caller closes it. */
  openDatabase(): Promise<Db>;
  /** GETs `/api${path}` with the token; asserts a 200 and returns the JSON. */
  api<T>(path: string): Promise<T>;
  /** Sends `body` to `/api${path}` with the token (another person's write); asserts a 2xx and returns the JSON. */
  write<T>(method: string, path: string, body?: unknown): Promise<T>;
  /** Closes the server and starts it again on the same port and database (`whileDown` runs in between). */
  restart(whileDown?: () => Promise<void>): Promise<void>;
  /** Closes the server and removes its database. */
  stop(): Promise<void>;
}

/** `name` marks the temporary folder or schema; `options` are the server's, beside the demo's own. */
export async function startDemoServer(
  name: string,
  options: Omit<StartOptions, 'port' | 'dataDir' | 'databaseUrl' | 'databaseSchema' | 'vite' | 'viteRoot'> = {},
): Promise<DemoServer> {
  const databaseUrl = process.env.CR_TEST_DATABASE_URL || undefined;
  const databaseSchema = databaseUrl ? `cr_e2e_${name.replace(/\W/gu, '_')}_${randomBytes(6).toString('hex')}` : undefined;
  const dataDir = databaseUrl ? undefined : await mkdtemp(join(tmpdir(), `cr-e2e-${name}-`));
  const openDatabase = () => (databaseUrl ? openDb({ databaseUrl, schema: databaseSchema }) : openDb({ dataDir }));
  const removeDatabase = async () => {
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
    if (databaseUrl) {
      const db = await openDb({ databaseUrl });
      await db.query(`DROP SCHEMA IF EXISTS ${databaseSchema} CASCADE`).finally(() => db.close());
    }
  };
  let server: RunningServer;
  const start = (port: number, token?: string) =>
    startServer({
      demoConfigToken: true,
      ...options,
      ...(token ? { token } : {}),
      port,
      dataDir,
      databaseUrl,
      databaseSchema,
      vite: true,
      viteRoot: fileURLToPath(new URL('../../../demo', import.meta.url)),
    });
  try {
    server = await start(0);
  } catch (error) {
    await removeDatabase();
    throw error;
  }
  return {
    url: server.url,
    token: server.token,
    openDatabase,
    async api<T>(path: string): Promise<T> {
      const answer = await fetch(`${server.url}/api${path}`, { headers: { Authorization: `Bearer ${server.token}` } });
      assert.equal(answer.status, 200, `GET /api${path} answered ${answer.status}`);
      return (await answer.json()) as T;
    },
    async write<T>(method: string, path: string, body?: unknown): Promise<T> {
      const answer = await fetch(`${server.url}/api${path}`, {
        method,
        headers: { Authorization: `Bearer ${server.token}`, 'Content-Type': 'application/json', 'Idempotency-Key': crypto.randomUUID() },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      assert.ok(answer.ok, `${method} /api${path} answered ${answer.status}: ${await answer.clone().text()}`);
      return (await answer.json()) as T;
    },
    async restart(whileDown) {
      const port = Number(new URL(server.url).port);
      await server.close();
      await whileDown?.();
      // The same token: the page's demo session keeps the one it was given.
      server = await start(port, server.token);
    },
    async stop() {
      await server.close();
      await removeDatabase();
    },
  };
}
