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
  /** GETs `/api${path}` with the token; asserts a 200 and returns the JSON. */
  api<T>(path: string): Promise<T>;
  /** Closes the server and removes its database. */
  stop(): Promise<void>;
}

/** `name` marks the temporary folder; `options` are the server's, beside the demo's own. */
export async function startDemoServer(name: string, options: Omit<StartOptions, 'port' | 'dataDir' | 'vite' | 'viteRoot'> = {}): Promise<DemoServer> {
  const dataDir = await mkdtemp(join(tmpdir(), `cr-e2e-${name}-`));
  let server: RunningServer;
  try {
    server = await startServer({ demoConfigToken: true, ...options, port: 0, dataDir, vite: true, viteRoot: fileURLToPath(new URL('../../../demo', import.meta.url)) });
  } catch (error) {
    await rm(dataDir, { recursive: true, force: true });
    throw error;
  }
  return {
    url: server.url,
    token: server.token,
    async api<T>(path: string): Promise<T> {
      const answer = await fetch(`${server.url}/api${path}`, { headers: { Authorization: `Bearer ${server.token}` } });
      assert.equal(answer.status, 200, `GET /api${path} answered ${answer.status}`);
      return (await answer.json()) as T;
    },
    async stop() {
      await server.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
