/**
 * Opens recorded a batch at a time: a handful of statements for a whole batch of pixel hits, whatever
 * its size, instead of a handful per hit. The rules are those of one open: the hit is counted (the
 * raw hits, `open_hits`), and an Opened line is written unless this mail reader's last line for the
 * mail is under a minute old; a hit on a mail that was never delivered records nothing.
 */
import { randomUUID } from 'node:crypto';
import type { Queryable } from '../db/db.js';
import { sha256 } from '../http/http.js';
import { recordChange, type Change } from '../live/change-log.js';
import { applyToRollups, PLAN_FOR_FEW_ROWS, type RollupLine } from '../stats/rollups.js';
import { judgeOpen } from './machine-detect.js';
import type { TrackingClaims } from './tracking-token.js';

/** Opens by one client within this long of its last Opened line add no line (they are still counted). */
export const OPEN_REPEAT_WINDOW_MS = 60_000;

export interface OpenHit {
  claims: TrackingClaims;
  userAgent: string | null;
  /** Whatever tells one mail reader from another (its address and user agent), kept only as a hash. */
  client: string;
  at: Date;
}

const secondsBetween = (from: Date, to: Date) => Math.max(0, (to.getTime() - from.getTime()) / 1000);

/**
 * Records the hits in order, inside the caller's transaction; resolves with, per hit, whether its
 * mail was delivered (false: nothing recorded). Hits of one reader on one mail fold by the minute
 * rule in the order they came: the batch is cut into rounds, the n-th hit of each reader in round n,
 * since one statement may touch a reader's row only once.
 */
/**
 * `deferred`: a caller with more writes in its transaction collects the change-log entry there and
 * records it last (its lock is held until commit; taken before other row locks, it can deadlock).
 */
export async function recordOpens(tx: Queryable, hits: readonly OpenHit[], deferred?: Change[]): Promise<boolean[]> {
  const delivered = new Array<boolean>(hits.length).fill(false);
  if (hits.length === 0) return delivered;
  await tx.exec(PLAN_FOR_FEW_ROWS);
  const mails = await tx.query<{ ord: string; campaign_id: string; delivered_at: Date }>(
    `SELECT i.ord, e.campaign_id, dl.delivered_at
       FROM unnest($1::text[], $2::text[]) WITH ORDINALITY AS i(event_id, recipient_id, ord)
       -- Looked up by both key columns from each hit: joined plainly, a planner without statistics
       -- (PGlite never runs autovacuum) walked every delivery of the event once per hit.
       CROSS JOIN LATERAL (SELECT d.event_id, d.recipient_id, d.delivered_at FROM event_deliveries d
         WHERE d.event_id = i.event_id AND d.recipient_id = i.recipient_id AND d.detail_id = 'sent' OFFSET 0) dl
       JOIN campaign_events e ON e.id = dl.event_id
       JOIN campaign_recipients cr ON cr.campaign_id = e.campaign_id AND cr.recipient_id = dl.recipient_id`,
    [hits.map((h) => h.claims.eventId), hits.map((h) => h.claims.recipientId)],
  );
  const mailOf = new Map(mails.map((m) => [Number(m.ord) - 1, { campaignId: m.campaign_id, deliveredAt: new Date(m.delivered_at) }]));
  const counted = hits.map((hit, index) => ({ hit, index, mail: mailOf.get(index), clientHash: sha256(hit.client).toString('base64url') }))
    .filter((h): h is typeof h & { mail: { campaignId: string; deliveredAt: Date } } => h.mail !== undefined);
  if (counted.length === 0) return delivered;
  for (const h of counted) delivered[h.index] = true;
  await tx.query(
    `UPDATE event_deliveries dl SET open_hits = dl.open_hits + x.n
       FROM (SELECT event_id, recipient_id, count(*)::int AS n FROM unnest($1::text[], $2::text[]) AS i(event_id, recipient_id) GROUP BY 1, 2) x
      WHERE dl.event_id = x.event_id AND dl.recipient_id = x.recipient_id`,
    [counted.map((h) => h.hit.claims.eventId), counted.map((h) => h.hit.claims.recipientId)],
  );
  const rounds: (typeof counted)[] = [];
  const seen = new Map<string, number>();
  for (const h of counted) {
    const key = `${h.hit.claims.eventId}\n${h.hit.claims.recipientId}\n${h.clientHash}`;
    const round = seen.get(key) ?? 0;
    seen.set(key, round + 1);
    (rounds[round] ??= []).push(h);
  }
  const changes = deferred ?? [];
  for (const round of rounds) await recordRound(tx, round, changes);
  // Last, after every round's rows: the change log's lock is held until commit.
  if (!deferred) for (const change of changes) await recordChange(tx, change);
  return delivered;
}

type CountedHit = { hit: OpenHit; clientHash: string; mail: { campaignId: string; deliveredAt: Date } };

/** One round: distinct readers, so one upsert decides for all of them which get a line. */
async function recordRound(tx: Queryable, round: readonly CountedHit[], changes: Change[]): Promise<void> {
  // A row comes back when the client is new or its last line is a minute old; none otherwise. One
  // statement decides, so two batches at once cannot both write a line (the row's lock orders them).
  const fresh = await tx.query<{ ord: string }>(
    `WITH i AS (SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::timestamptz[]) WITH ORDINALITY AS i(event_id, recipient_id, client, at, ord)),
     upserted AS (
       INSERT INTO open_clients AS oc (event_id, recipient_id, client, last_line_at) SELECT event_id, recipient_id, client, at FROM i
       ON CONFLICT (event_id, recipient_id, client) DO UPDATE SET last_line_at = excluded.last_line_at
         WHERE oc.last_line_at <= excluded.last_line_at - $5 * interval '1 millisecond'
       RETURNING event_id, recipient_id, client)
     SELECT i.ord FROM upserted u JOIN i ON i.event_id = u.event_id AND i.recipient_id = u.recipient_id AND i.client = u.client`,
    [round.map((h) => h.hit.claims.eventId), round.map((h) => h.hit.claims.recipientId), round.map((h) => h.clientHash),
      round.map((h) => h.hit.at.toISOString()), OPEN_REPEAT_WINDOW_MS],
  );
  const lines = fresh.map(({ ord }) => {
    const { hit, mail } = round[Number(ord) - 1];
    const seconds = secondsBetween(mail.deliveredAt, hit.at);
    return { id: randomUUID(), hit, campaignId: mail.campaignId, seconds, judgement: judgeOpen(hit.userAgent, seconds) };
  });
  if (lines.length === 0) return;
  await tx.query(
    `INSERT INTO response_lines (id, recipient_id, campaign_id, event_id, detail_id, category_id, responded_at, recorded_at,
       source, evidence_user_agent, evidence_seconds_since_delivery, evidence_machine, evidence_machine_reason)
     SELECT i.id, i.recipient_id, i.campaign_id, i.event_id, d.id, d.category_id, i.at, i.at, 'tracked', i.user_agent, i.seconds, i.machine, i.reason
       FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::timestamptz[], $6::text[], $7::float8[], $8::boolean[], $9::text[])
         AS i(id, recipient_id, campaign_id, event_id, at, user_agent, seconds, machine, reason)
       JOIN response_details d ON d.id = 'opened'`,
    [lines.map((l) => l.id), lines.map((l) => l.hit.claims.recipientId), lines.map((l) => l.campaignId), lines.map((l) => l.hit.claims.eventId),
      lines.map((l) => l.hit.at.toISOString()), lines.map((l) => l.hit.userAgent), lines.map((l) => l.seconds),
      lines.map((l) => l.judgement.machine), lines.map((l) => l.judgement.reason)],
  );
  const rollups: RollupLine[] = lines.map((l) => ({
    campaignId: l.campaignId, recipientId: l.hit.claims.recipientId, eventId: l.hit.claims.eventId, detailId: 'opened', respondedAt: l.hit.at, machine: l.judgement.machine,
  }));
  await applyToRollups(tx, rollups, 1);
  // Each line's recipient and campaign are read from the lines: a batch spans both.
  const change: Change = { kind: 'tracked-open', recipientId: null, campaignId: null, lineIds: lines.map((l) => l.id), at: lines[lines.length - 1].hit.at };
  changes.push(change);
}
