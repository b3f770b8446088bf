/**
 * Single-line delete, the two restores and a recipient's erasure. Each is an idempotent write
 * (Idempotency-Key) whose audit record is written in the transaction of its change.
 */
import type { Context } from 'hono';
import { principalOf } from '../auth/principal.js';
import { actorOf } from '../audit/audit-log.js';
import { deleteOneLine, restoreDeletion, restoreOneLine } from '../audit/deletions.js';
import { eraseRecipient } from '../audit/erasure.js';
import type { Queryable } from '../db/db.js';
import { findRecipient } from '../db/repo.js';
import { idempotencyKeyOf, runIdempotent, type WriteReply } from '../http/idempotency.js';
import { ProblemError } from '../http/problems.js';
import type { Api, RouteDeps } from './context.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/iu;

/** An id that is no UUID names nothing here: 404, as an unknown one. */
function uuidParam(c: Context, name: string, what: string): string {
  const value = c.req.param(name) ?? '';
  if (!UUID.test(value)) throw new ProblemError('not-found', `No ${what} ${value}.`);
  return value.toLowerCase();
}

export function registerDeletionRoutes(api: Api, { db, now, restoreDays }: RouteDeps): void {
  /** Runs `work` as an idempotent write of this request (no body: the path is its whole meaning). */
  const write = (c: Context, work: (tx: Queryable, actor: ReturnType<typeof actorOf>) => Promise<WriteReply>) => {
    const key = idempotencyKeyOf(c);
    const request = { principal: principalOf(c).id, key, method: c.req.method, path: c.req.path, canonicalBody: '' };
    return runIdempotent(db, request, (tx) => work(tx, actorOf(c, key)));
  };

  api.delete('/responses/:id', (c) => {
    const id = uuidParam(c, 'id', 'response line');
    return write(c, async (tx, actor) => ({ status: 200, body: await deleteOneLine(tx, actor, id, now()) }));
  });

  api.post('/deletions/:deletionId/restore', (c) => {
    const deletionId = uuidParam(c, 'deletionId', 'deletion');
    return write(c, async (tx, actor) => ({ status: 200, body: { restored: await restoreDeletion(tx, actor, deletionId, now(), restoreDays) } }));
  });

  api.post('/responses/:id/restore', (c) => {
    const id = uuidParam(c, 'id', 'response line');
    return write(c, async (tx, actor) => ({ status: 200, body: await restoreOneLine(tx, actor, id, now(), restoreDays) }));
  });

  api.post('/recipients/:recipientId/erasure', (c) => {
    const recipientId = c.req.param('recipientId');
    return write(c, async (tx, actor) => {
      if (!(await findRecipient(tx, recipientId))) throw new ProblemError('not-found', `No recipient ${recipientId}.`);
      return { status: 200, body: await eraseRecipient(tx, actor, recipientId, now()) };
    });
  });
}
