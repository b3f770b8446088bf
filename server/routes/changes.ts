/**
 * GET /changes: the change feed as Server-Sent Events, for one recipient and/or one campaign.
 * Authenticated like any request (a bearer header: the kit reads it with fetch, since EventSource
 * cannot send one), with `read`. Each principal may hold a bounded number of open streams on this
 * instance; one more is a 429.
 */
import { streamSSE } from 'hono/streaming';
import type { ServerResponse } from 'node:http';
import { principalOf } from '../auth/principal.js';
import { fieldProblem, ProblemError } from '../http/problems.js';
import type { ChangeHub } from '../live/change-hub.js';
import type { ChangeFilter } from '../live/change-log.js';
import { runChangeStream, type ChangeStreamOptions } from '../live/change-stream.js';
import type { Api, RouteDeps } from './context.js';

export interface ChangeRouteDeps extends RouteDeps {
  hub: ChangeHub;
  stream: ChangeStreamOptions;
  maxPerPrincipal: number;
}

const EVENT_ID = /^\d{1,15}$/u;
const ID_MAX_LENGTH = 200;

function filterOf(query: (name: string) => string | undefined): ChangeFilter {
  const filter: ChangeFilter = {};
  for (const field of ['recipientId', 'campaignId'] as const) {
    const value = query(field);
    if (value === undefined) continue;
    if (value === '' || value.length > ID_MAX_LENGTH) throw fieldProblem(field, `must be 1 to ${ID_MAX_LENGTH} characters`);
    filter[field] = value;
  }
  if (filter.recipientId === undefined && filter.campaignId === undefined) {
    throw fieldProblem('recipientId', 'or campaignId is needed: a stream follows one recipient, one campaign, or both');
  }
  return filter;
}

function lastEventIdOf(header: string | undefined, query: string | undefined): number | undefined {
  const value = header ?? query;
  if (value === undefined || value === '') return undefined;
  if (!EVENT_ID.test(value.trim())) throw fieldProblem('lastEventId', 'must be an event id this feed sent');
  return Number(value.trim());
}

export function registerChangeRoutes(api: Api, deps: ChangeRouteDeps): void {
  const open = new Map<string, number>();
  api.get('/changes', (c) => {
    const filter = filterOf((name) => c.req.query(name));
    const lastEventId = lastEventIdOf(c.req.header('Last-Event-ID'), c.req.query('lastEventId'));
    const principal = principalOf(c);
    const held = open.get(principal.id) ?? 0;
    if (held >= deps.maxPerPrincipal) {
      throw new ProblemError('rate-limited', `At most ${deps.maxPerPrincipal} change streams may be open at once; close one first.`, undefined, { 'Retry-After': '5' });
    }
    open.set(principal.id, held + 1);
    // Proxies that buffer responses (nginx) would hold the events back.
    c.header('X-Accel-Buffering', 'no');
    const outgoing = (c.env as { outgoing?: ServerResponse } | undefined)?.outgoing;
    return streamSSE(c, async (sse) => {
      try {
        await runChangeStream(sse, {
          db: deps.db, hub: deps.hub, filter, lastEventId, expiresAt: principal.expiresAt, now: deps.now, options: deps.stream,
          onStall() {
            // The socket's own buffer goes with it; in-process (no socket) aborting the body is all there is.
            outgoing?.destroy();
            sse.abort();
          },
        });
      } finally {
        const left = (open.get(principal.id) ?? 1) - 1;
        if (left > 0) open.set(principal.id, left);
        else open.delete(principal.id);
      }
    });
  });
}
