/**
 * A Server-Sent Events reader for the live tests, the way the kit reads the feed: fetch (or the
 * app in-process) with a bearer header, the body parsed into events and comment lines.
 */
import type { Hono } from 'hono';
import { TOKEN } from './helpers.js';

export interface SseEvent {
  event: string;
  id?: string;
  data: string;
  /** A comment line (a heartbeat) rather than an event. */
  comment?: string;
}

export interface SseReader {
  status: number;
  response: Response;
  /** The next event or comment; rejects after `timeoutMs`, resolves undefined at the end of the stream. */
  next(timeoutMs?: number): Promise<SseEvent | undefined>;
  /** The next event (not a comment) with this name. */
  nextEvent(name: string, timeoutMs?: number): Promise<SseEvent>;
  close(): Promise<void>;
}

export async function openSse(
  target: Hono | string,
  query: string,
  init: { token?: string; headers?: Record<string, string> } = {},
): Promise<SseReader> {
  const headers = { Authorization: `Bearer ${init.token ?? TOKEN}`, Accept: 'text/event-stream', ...init.headers };
  const path = `/api/changes?${query}`;
  const response = typeof target === 'string' ? await fetch(`${target}${path}`, { headers }) : await target.request(path, { headers });
  const reader = response.body?.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  const ready: SseEvent[] = [];
  let ended = false;

  const parseBlocks = () => {
    for (let end = buffer.indexOf('\n\n'); end >= 0; end = buffer.indexOf('\n\n')) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      const event: SseEvent = { event: 'message', data: '' };
      const data: string[] = [];
      for (const line of block.split('\n')) {
        if (line.startsWith(':')) event.comment = line.slice(1).trim();
        else if (line.startsWith('event: ')) event.event = line.slice(7);
        else if (line.startsWith('id: ')) event.id = line.slice(4);
        else if (line.startsWith('data: ')) data.push(line.slice(6));
      }
      event.data = data.join('\n');
      ready.push(event);
    }
  };

  const next = async (timeoutMs = 5_000): Promise<SseEvent | undefined> => {
    const deadline = Date.now() + timeoutMs;
    while (ready.length === 0) {
      if (ended || !reader) return undefined;
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`no event within ${timeoutMs} ms`)), Math.max(0, deadline - Date.now()));
      });
      const chunk = await Promise.race([reader.read(), timeout]).finally(() => clearTimeout(timer));
      if (chunk.done) ended = true;
      else buffer += decoder.decode(chunk.value, { stream: true });
      parseBlocks();
    }
    return ready.shift();
  };

  return {
    status: response.status,
    response,
    next,
    async nextEvent(name, timeoutMs = 5_000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const event = await next(Math.max(1, deadline - Date.now()));
        if (!event) throw new Error(`the stream ended before a "${name}" event`);
        if (!event.comment && event.event === name) return event;
      }
    },
    async close() {
      await reader?.cancel().catch(() => undefined);
    },
  };
}
