/**
 * The built demo (vite.demo.config.ts, as `npm run build` makes dist-demo/, with its service worker)
 * served as files by the reference server, the way production mode serves them (no Vite, the demo
 * pages' headers), on a server a test can stop and start again on the same port with the same
 * database, as when a booth's server or its Wi-Fi goes away and comes back.
 *
 * The one difference from `npm run serve`: /demo-config.json carries the service token (the tests'
 * `demoConfigToken`), since production mode signs no one in and the test has no OpenID Connect issuer.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openDb } from '../../../server/db/db.js';
import { startServer, type RunningServer } from '../../../server/start.js';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

/** Builds the demo into a new temporary folder (as `npm run build`'s last step); returns it and how long it took. */
export async function buildDemo(name: string): Promise<{ dir: string; ms: number }> {
  const dir = await mkdtemp(join(tmpdir(), `cr-e2e-${name}-build-`));
  const started = Date.now();
  const vite = join(ROOT, 'node_modules/vite/bin/vite.js');
  const args = [vite, 'build', '--config', 'vite.demo.config.ts', '--outDir', dir, '--emptyOutDir', '--logLevel', 'warn'];
  const child = spawn(process.execPath, args, { cwd: ROOT, stdio: ['ignore', 'inherit', 'inherit'] });
  const code = await new Promise<number | null>((resolve, reject) => child.once('error', reject).once('exit', resolve));
  if (code !== 0) {
    await rm(dir, { recursive: true, force: true });
    throw new Error(`Building the demo failed (exit ${code})`);
  }
  return { dir, ms: Date.now() - started };
}

export interface BuiltDemoServer {
  readonly url: string;
  /** GETs `/api${path}` with the token; asserts a 200 and returns the JSON. */
  api<T>(path: string): Promise<T>;
  /** Stops the server (it no longer listens); the database folder stays. */
  stop(): Promise<void>;
  /** Starts it again on the same port, with the same database and token. */
  start(): Promise<void>;
  /** Stops it and removes the database folder. */
  dispose(): Promise<void>;
}

/**
 * Serves the built demo in `staticRoot`. The database: a schema of its own in the PostgreSQL of
 * CR_TEST_DATABASE_URL when set (CI: it starts in a moment), else PGlite in a folder of its own
 * (whose first open runs initdb, 30-50 s on a loaded machine). Either outlives a restart.
 */
export async function serveBuiltDemo(name: string, staticRoot: string): Promise<BuiltDemoServer> {
  const databaseUrl = process.env.CR_TEST_DATABASE_URL || undefined;
  const databaseSchema = databaseUrl ? `cr_e2e_${name}_${randomBytes(6).toString('hex')}` : undefined;
  const dataDir = databaseUrl ? undefined : await mkdtemp(join(tmpdir(), `cr-e2e-${name}-data-`));
  const removeDatabase = async () => {
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
    if (databaseUrl && databaseSchema) {
      const db = await openDb({ databaseUrl });
      await db.query(`DROP SCHEMA IF EXISTS ${databaseSchema} CASCADE`).finally(() => db.close());
    }
  };
  // Fixed across restarts: a page that got it before the stop sends its queued edits with it after.
  const token = randomBytes(24).toString('base64url');
  let port = 0;
  let running: RunningServer | undefined;
  const start = async () => {
    running = await startServer({
      port, dataDir, databaseUrl, databaseSchema, token, staticRoot, vite: false, demoSignIn: false, demoConfigToken: true, statsSchedule: false,
    });
    port = Number(new URL(running.url).port);
  };
  await start().catch(async (error: unknown) => {
    await removeDatabase();
    throw error;
  });
  const url = running!.url;
  const stop = async () => {
    const server = running;
    running = undefined;
    await server?.close();
  };
  return {
    url,
    async api<T>(path: string): Promise<T> {
      const answer = await fetch(`${url}/api${path}`, { headers: { Authorization: `Bearer ${token}` } });
      assert.equal(answer.status, 200, `GET /api${path} answered ${answer.status}`);
      return (await answer.json()) as T;
    },
    stop,
    async start() {
      assert.equal(running, undefined, 'the server is already running');
      await start();
    },
    async dispose() {
      await stop();
      await removeDatabase();
    },
  };
}
