/**
 * A real json-server 0.17.4 process (the npm package, unmodified) on a copy of a db.json in a
 * folder of its own: json-server writes every change back to the file.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_VOCABULARY } from '../../../src/model/vocabulary.js';

/** The db.json shape the json-server preset expects (docs/presets.md). */
export function sampleDb() {
  const event = (id: string, campaignId: string, name: string, channel: string) =>
    ({ id, campaignId, name, channel, date: '2026-03-01T09:00:00.000Z', status: 'completed', cost: 100, legacyEmail: false });
  return {
    'response-types': DEFAULT_VOCABULARY,
    recipients: [
      { id: 'r1', displayName: 'Ana Ruiz', email: 'ana@example.com', timeZone: 'Europe/Madrid' },
      { id: 'r2', displayName: 'Ben Ode', email: null, timeZone: 'UTC' },
    ],
    campaigns: [
      { id: 'c1', title: 'Spring Launch', currency: 'EUR', baseCost: 1000, expectedRevenue: 5000,
        events: [event('e1', 'c1', 'Launch mail', 'email'), event('e2', 'c1', 'Follow-up call', 'phone')] },
      { id: 'c2', title: 'Trade Fair', currency: 'EUR', baseCost: 2000, expectedRevenue: null,
        events: [event('e3', 'c2', 'Booth', 'event')] },
    ],
    sends: [
      { id: 's1', recipientId: 'r1', campaignId: 'c1' },
      { id: 's2', recipientId: 'r1', campaignId: 'c2' },
      { id: 's3', recipientId: 'r2', campaignId: 'c1' },
    ],
    responses: [
      { id: 'a0000000-0000-4000-8000-000000000001', recipientId: 'r1', campaignId: 'c1', eventId: 'e1', detailId: 'opened',
        categoryId: 'responded', respondedAt: '2026-03-02T08:00:00.000Z', recordedAt: '2026-03-02T08:00:01.000Z', note: '',
        author: null, source: 'tracked', link: null, evidence: null },
    ],
  };
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

export interface RunningJsonServer {
  origin: string;
  stop(): Promise<void>;
}

export async function startJsonServer(db: unknown = sampleDb()): Promise<RunningJsonServer> {
  const folder = mkdtempSync(join(tmpdir(), 'cr-json-server-'));
  const file = join(folder, 'db.json');
  writeFileSync(file, JSON.stringify(db, null, 2));
  const port = await freePort();
  const child: ChildProcess = spawn(process.execPath,
    ['node_modules/json-server/lib/cli/bin.js', '--port', String(port), '--host', '127.0.0.1', '--quiet', file],
    { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const origin = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 15_000;
  for (;;) {
    try {
      if ((await fetch(`${origin}/recipients`)).ok) break;
    } catch { /* not listening yet */ }
    if (child.exitCode !== null || Date.now() > deadline) {
      child.kill();
      throw new Error(`json-server did not start: ${stderr}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return {
    origin,
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill();
        await exited;
      }
      rmSync(folder, { recursive: true, force: true });
    },
  };
}
