/**
 * Opens recorded a batch at a time: two statements for a whole batch of pixel hits, whatever its
 * size, instead of a handful per hit. The rules are those of one open: the hit is counted (the
 * raw hits, `open_hits`), and an Opened line is written unless this mail reader's last line for the
 * mail is under a minute old; a hit on a mail that was never delivered records nothing.
 */
import { randomUUID } from 'node:crypto';
import type { Queryable } from '../db/db.js';
import { sha256 } from '../http/http.js';
import type { Change } from '../live/change-log.js';
import type { RollupLine } from '../stats/rollups.js';
import { judgeOpen } from './machine-detect.js';
import type { TrackingClaims } from './tracking-token.js';

/** Opens by one client within this long of its last Opened line add no line (they are still counted). */
export const OPEN_REPEAT_WINDOW_MS = 60_000;

/**
 * What a transaction of several tracking writes (a batch of opens and clicks) does once, after all of
 * them: one move of the roll-ups, which takes its row locks in the one order every writer keeps (two
 * moves would take the second's after the first's rows, out of that order: a deadlock), then the
 * change log, whose lock is held until commit.
 */
export interface DeferredWrites {
  rollups: RollupLine[];
  changes: Change[];
}

export interface OpenHit {
  claims: TrackingClaims;
  userAgent: string | null;
  /** Whatever tells one mail reader from another (its address and user agent), kept only as a hash. */
  client: string;
  at: Date;
}

/** An open as it is kept until its fold (open_inbox): the reader already reduced to its hash. */
export interface StoredOpen {
  eventId: string;
  recipientId: string;
  userAgent: string | null;
  clientHash: string;
  at: Date;
}

/** The reader's hash: who a reader is matters, not its address. */
export const clientHashOf = (client: string): string => sha256(client).toString('base64url');

export const storedOpen = (hit: OpenHit): StoredOpen => ({
  eventId: hit.claims.eventId, recipientId: hit.claims.recipientId, userAgent: hit.userAgent, clientHash: clientHashOf(hit.client), at: hit.at,
});

const secondsBetween = (from: Date, to: Date) => Math.max(0, (to.getTime() - from.getTime()) / 1000);

/**
 * Records the hits in order; resolves with, per hit, whether its mail was delivered (false: nothing
 * recorded). Hits of one reader on one mail fold by the minute rule in the order they came: the
 * batch is cut into rounds, the n-th hit of each reader in round n, since one statement may touch a
 * reader's row only once. Two statements (open-sql.ts): the lookup, a read, and the write of the
 * whole batch, which is one transaction by itself when `db` is not one already.
 *
 * `deferred`: a caller with more writes in its transaction collects the lines' roll-up moves and the
 * change-log entry there, and does both once for all its writes, last (see DeferredWrites).
 */
export function recordOpens(db: Queryable, hits: readonly OpenHit[], deferred?: DeferredWrites): Promise<boolean[]> {
  return recordStoredOpens(db, hits.map(storedOpen), deferred);
}

/** As recordOpens, for opens whose reader is already a hash (the inbox's, folded). */
export async function recordStoredOpens(db: Queryable, hits: readonly StoredOpen[], deferred?: DeferredWrites): Promise<boolean[]> {
  const delivered = new Array<boolean>(hits.length).fill(false);
  if (hits.length === 0) return delivered;
  const mails = await db.query<{ ord: string; campaign_id: string; delivered_at: Date }>(
    'SELECT ord::text AS ord, campaign_id, delivered_at FROM open_mails($1::text[], $2::text[])',
    [hits.map((h) => h.eventId), hits.map((h) => h.recipientId)],
  );
  const counted = mails.map((mail) => {
    const index = Number(mail.ord) - 1;
    const hit = hits[index];
    delivered[index] = true;
    const seconds = secondsBetween(new Date(mail.delivered_at), hit.at);
    return { index, hit, campaignId: mail.campaign_id, seconds, judgement: judgeOpen(hit.userAgent, seconds) };
  }).sort((a, b) => a.index - b.index);
  if (counted.length === 0) return delivered;
  const seen = new Map<string, number>();
  const rounds = counted.map((h) => {
    const key = `${h.hit.eventId}\n${h.hit.recipientId}\n${h.hit.clientHash}`;
    const round = (seen.get(key) ?? 0) + 1;
    seen.set(key, round);
    return round;
  });
  const ids = counted.map(() => randomUUID());
  const [{ line_ids: lineIds }] = await db.query<{ line_ids: string[] }>(
    `SELECT record_open_hits($1::text[], $2::text[], $3::text[], $4::text[], $5::timestamptz[], $6::int[], $7::text[], $8::float8[],
       $9::boolean[], $10::text[], $11::uuid[], $12::int, $13::boolean)::text[] AS line_ids`,
    [counted.map((h) => h.hit.eventId), counted.map((h) => h.hit.recipientId), counted.map((h) => h.campaignId),
      counted.map((h) => h.hit.clientHash), counted.map((h) => h.hit.at.toISOString()), rounds, counted.map((h) => h.hit.userAgent),
      counted.map((h) => h.seconds), counted.map((h) => h.judgement.machine), counted.map((h) => h.judgement.reason), ids,
      OPEN_REPEAT_WINDOW_MS, deferred === undefined],
  );
  if (deferred && lineIds.length > 0) {
    const hitOf = new Map<string, (typeof counted)[number]>(ids.map((id, i) => [id, counted[i]]));
    const written = lineIds.map((id) => hitOf.get(id) as (typeof counted)[number]);
    deferred.rollups.push(...written.map((h) => ({
      campaignId: h.campaignId, recipientId: h.hit.recipientId, eventId: h.hit.eventId, detailId: 'opened', respondedAt: h.hit.at, machine: h.judgement.machine,
    })));
    // Each line's recipient and campaign are read from the lines: a batch spans both.
    deferred.changes.push({ kind: 'tracked-open', recipientId: null, campaignId: null, lineIds, at: written[written.length - 1].hit.at });
  }
  return delivered;
}
