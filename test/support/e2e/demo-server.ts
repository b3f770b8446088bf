/**
 * `npm start`'s server for an end-to-end test: the reference server with a fresh database in a
 * folder of its own (removed by `stop()`), serving the demo pages through Vite, plus a GET of the
 * API with its token, for checking what the server kept.
 */
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startServer } from '../../../server/start.js';
import type { RunningServer, StartOptions } from '../../../server/start.js';

export interface DemoServer {
  url: string;
  token: string;
  /** The folder of its database. */
  dataDir: string;
  /** GETs `/api${path}` with the token; asserts a 200 and returns the JSON. */
  api<T>(path: string): Promise<T>;
  /** Sends `body` to `/api${path}` with the token (another person's write); asserts a 2xx and returns the JSON. */
  write<T>(method: string, path: string, body?: unknown): Promise<T>;
  /** Closes the server and starts it again on the same port and database (`whileDown` runs in between). */
  restart(whileDown?: () => Promise<void>): Promise<void>;
  /** Closes the server and removes its database. */
  stop(): Promise<void>;
}

/** `name` marks the temporary folder; `options` are the server's, beside the demo's own. */
export async function startDemoServer(name: string, options: Omit<StartOptions, 'port' | 'dataDir' | 'vite' | 'viteRoot'> = {}): Promise<DemoServer> {
  const dataDir = await mkdtemp(join(tmpdir(), `cr-e2e-${name}-`));
  let server: RunningServer;
  const start = (port: number, token?: string) =>
    startServer({ demoConfigToken: true, ...options, ...(token ? { token } : {}), port, dataDir, vite: true, viteRoot: fileURLToPath(new URL('../../../demo', import.meta.url)) });
  try {
    server = await start(0);
  } catch (error) {
    await rm(dataDir, { recursive: true, force: true });
    throw error;
  }
  return {
    url: server.url,
    token: server.token,
    dataDir,
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
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
