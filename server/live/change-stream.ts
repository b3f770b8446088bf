/**
 * One open GET /api/changes: where it starts (a fresh start, a resume, or a reset), then the log's
 * rows for its filter, by id, as they come; heartbeats while idle; an `expired` event when the
 * token runs out.
 *
 * Every write is awaited: the response body has no queue of its own beyond one chunk, so a reader
 * that does not drain stops this loop instead of piling events up in memory. A write that is not
 * taken within `writeTimeoutMs` ends the stream (`onStall` drops the connection and whatever the
 * socket still buffers); the events stay in the log, for the resume.
 */
import type { SSEStreamingApi } from 'hono/streaming';
import type { Db } from '../db/db.js';
import type { ChangeHub } from './change-hub.js';
import { logBounds, readChanges, type ChangeFilter, type ChangeRow } from './change-log.js';

export const DEFAULT_SSE_HEARTBEAT_MS = 15_000;
export const DEFAULT_SSE_MAX_PER_PRINCIPAL = 6;
export const DEFAULT_SSE_WRITE_TIMEOUT_MS = 30_000;
const STREAM_PAGE = 200;
// Timers beyond this overflow (about 24.8 days); a token valid longer is checked again then.
const MAX_TIMER_MS = 2_147_483_647;

export interface ChangeStreamOptions {
  heartbeatMs: number;
  writeTimeoutMs: number;
}

export interface ChangeStreamRequest {
  db: Db;
  hub: ChangeHub;
  filter: ChangeFilter;
  /** From Last-Event-ID (or `lastEventId`); undefined for a fresh start. */
  lastEventId: number | undefined;
  /** When the caller's token expires, in ms since the epoch; undefined for one that does not. */
  expiresAt: number | undefined;
  now: () => Date;
  options: ChangeStreamOptions;
  /** Called when a write was not taken in time: drop the connection. */
  onStall(): void;
}

class Stalled extends Error {}

/** What a client receives for one log row. */
export function changeEvent(row: ChangeRow): { event: string; id: string; data: string } {
  return { event: 'change', id: String(row.id), data: JSON.stringify(row) };
}

export async function runChangeStream(sse: SSEStreamingApi, request: ChangeStreamRequest): Promise<void> {
  const { db, hub, filter, options } = request;
  let woken = false;
  let signal: (() => void) | undefined;
  const wake = () => {
    woken = true;
    signal?.();
  };
  sse.onAbort(wake);
  // Subscribed before the first read: a row committed in between wakes it, so none is missed.
  const unsubscribe = await hub.subscribe(filter, wake);
  const timers: NodeJS.Timeout[] = [];
  const write = async (text: string): Promise<void> => {
    let timer: NodeJS.Timeout | undefined;
    const stalled = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Stalled()), options.writeTimeoutMs);
    });
    try {
      await Promise.race([sse.write(text), stalled]);
    } finally {
      clearTimeout(timer);
    }
  };
  const send = (event: { event: string; id?: string; data: string }) =>
    write(`event: ${event.event}\n${event.id === undefined ? '' : `id: ${event.id}\n`}data: ${event.data}\n\n`);
  try {
    let cursor = await startingPoint(db, request.lastEventId, send);
    let expired = false;
    const expiresIn = request.expiresAt === undefined ? undefined : request.expiresAt - request.now().getTime();
    if (expiresIn !== undefined && expiresIn <= MAX_TIMER_MS) {
      timers.push(setTimeout(() => {
        expired = true;
        wake();
      }, Math.max(0, expiresIn)));
    }
    while (!sse.aborted && !sse.closed && !expired) {
      woken = false;
      const rows = await readChanges(db, filter, cursor, STREAM_PAGE, true);
      for (const row of rows) {
        if (sse.aborted) return;
        await send(changeEvent(row));
        cursor = row.id;
      }
      if (rows.length === STREAM_PAGE || woken) continue;
      const heartbeat = await new Promise<boolean>((resolve) => {
        const beat = setTimeout(() => resolve(true), options.heartbeatMs);
        signal = () => {
          clearTimeout(beat);
          resolve(false);
        };
        if (woken || sse.aborted || expired) signal();
      });
      signal = undefined;
      if (heartbeat && !sse.aborted) await write(': heartbeat\n\n');
    }
    if (expired && !sse.aborted) {
      await send({ event: 'expired', data: JSON.stringify({ reason: 'token-expired', lastId: cursor }) });
    }
  } catch (error) {
    if (error instanceof Stalled) request.onStall();
    else if (!sse.aborted) console.error('A change stream failed:', error);
  } finally {
    for (const timer of timers) clearTimeout(timer);
    unsubscribe();
  }
}

/**
 * The id to read after. A fresh start begins at the newest id (a `ready` event carries it, so the
 * client's Last-Event-ID has a value from the start). A resume begins at its id, unless rows after
 * it were pruned (or the id is one this log never handed out): then one `reset` event tells the
 * client to reload in full, and the stream goes on from the newest id.
 */
async function startingPoint(
  db: Db,
  lastEventId: number | undefined,
  send: (event: { event: string; id?: string; data: string }) => Promise<void>,
): Promise<number> {
  const bounds = await logBounds(db);
  if (lastEventId !== undefined && (lastEventId < bounds.prunedThrough || lastEventId > bounds.lastId)) {
    const reason = lastEventId < bounds.prunedThrough ? 'pruned' : 'unknown-id';
    await send({ event: 'reset', id: String(bounds.lastId), data: JSON.stringify({ reason, lastId: bounds.lastId }) });
    return bounds.lastId;
  }
  const cursor = lastEventId ?? bounds.lastId;
  await send({ event: 'ready', id: String(cursor), data: JSON.stringify({ lastId: cursor, resumed: lastEventId !== undefined }) });
  return cursor;
}
