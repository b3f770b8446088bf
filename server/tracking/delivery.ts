/**
 * Sending an email event (simulated: the reference server has no mail transport) and recording the
 * opens and clicks that its tracking URLs report. Every write here is a tracked response line.
 */
import { randomUUID } from 'node:crypto';
import type { Queryable } from '../db/db.js';
import { applyToRollups, type RollupLine } from '../stats/rollups.js';
import { SKIPPED_DETAIL } from '../stats/stats-sql.js';
import { sha256 } from '../http/http.js';
import { recordChange, trackedKind, type Change } from '../live/change-log.js';
import { judgeClick, type Judgement } from './machine-detect.js';
import { recordOpens, type DeferredWrites } from './open-batch.js';
export { OPEN_REPEAT_WINDOW_MS } from './open-batch.js';
import type { TrackingClaims } from './tracking-token.js';

/** Share of addresses that are dead (a hard bounce, every time: it is the address, not the mail). */
export const HARD_BOUNCE_SHARE = 0.02;
/** Share of sends that bounce softly (full mailbox, a server down: this mail, this time). */
export const SOFT_BOUNCE_SHARE = 0.04;
const HARD_BOUNCES = ['mailbox-disabled', 'mailbox-not-accepting', 'invalid-sender-address'];
export { SKIPPED_DETAIL };
const SOFT_BOUNCES = ['mailbox-full', 'network-server-issues', 'mail-protocol-issues', 'message-too-large', 'security-issues'];

/** A number in [0, 1) and a second one for picking, both from the hash of `text`: the same on every machine. */
function draw(text: string): [number, number] {
  const hash = sha256(text);
  return [hash.readUInt32BE(0) / 4_294_967_296, hash.readUInt32BE(4)];
}

/**
 * The outcome of sending `eventId` to a recipient: "sent", or a bounce detail. Deterministic, so a
 * test and a demo see the same bounces every time: a hard bounce follows the address, a soft one
 * the pair of event and address.
 */
export function simulatedOutcome(recipientId: string, email: string, eventId: string): string {
  const [hard, hardPick] = draw(`hard\n${email.toLowerCase()}`);
  if (hard < HARD_BOUNCE_SHARE) return HARD_BOUNCES[hardPick % HARD_BOUNCES.length];
  const [soft, softPick] = draw(`soft\n${eventId}\n${recipientId}`);
  if (soft < SOFT_BOUNCE_SHARE) return SOFT_BOUNCES[softPick % SOFT_BOUNCES.length];
  return 'sent';
}

export interface DeliveryRow {
  recipientId: string;
  recipientName: string;
  email: string;
  outcome: string;
  categoryId: string;
  deliveredAt: Date;
  newlySent: boolean;
}

export interface SendOutcome {
  deliveries: DeliveryRow[];
  withoutEmail: { recipientId: string; recipientName: string }[];
  /** The lines this send added (none when every recipient had it already), for its audit record. */
  lineIds: string[];
}

async function insertTrackedLine(
  tx: Queryable,
  line: { recipientId: string; campaignId: string; eventId: string; detailId: string; at: Date; link?: { id: string; url: string }; userAgent?: string | null; seconds?: number; judgement?: Judgement },
): Promise<{ id: string; rollup: RollupLine }> {
  const evidence = line.judgement !== undefined;
  const id = randomUUID();
  await tx.query(
    `INSERT INTO response_lines (id, recipient_id, campaign_id, event_id, detail_id, category_id, responded_at, recorded_at,
       source, link_id, link_url, evidence_user_agent, evidence_seconds_since_delivery, evidence_machine, evidence_machine_reason)
     SELECT $1::uuid, $2, $3, $4, d.id, d.category_id, $6::timestamptz, $6::timestamptz, 'tracked', $7, $8, $9, $10, $11, $12
       FROM response_details d WHERE d.id = $5`,
    [id, line.recipientId, line.campaignId, line.eventId, line.detailId, line.at.toISOString(),
      line.link?.id ?? null, line.link?.url ?? null, evidence ? (line.userAgent ?? null) : null,
      evidence ? (line.seconds ?? null) : null, evidence ? line.judgement?.machine : null, evidence ? line.judgement?.reason : null],
  );
  const rollup = { ...line, respondedAt: line.at, machine: evidence && line.judgement?.machine === true };
  return { id, rollup };
}

/**
 * Sends the event to every recipient of its campaign that has an address and was not sent it yet:
 * a delivery row and a Sent (or bounce) line each. Recipients already delivered keep their first
 * outcome, so sending twice changes nothing. Runs inside the caller's transaction.
 */
export async function sendEvent(tx: Queryable, campaignId: string, eventId: string, now: Date): Promise<SendOutcome> {
  const recipients = await tx.query<{ id: string; display_name: string; email: string | null }>(
    `SELECT r.id, r.display_name, r.email FROM campaign_recipients cr JOIN recipients r ON r.id = cr.recipient_id
      WHERE cr.campaign_id = $1 ORDER BY r.display_name, r.id`,
    [campaignId],
  );
  const withEmail = recipients.filter((r) => r.email);
  // A hard bounce anywhere before (a line, or a delivery whose line was deleted since) means the
  // address is dead: the mail is not sent again.
  const hardBounced = new Set(
    (
      await tx.query<{ recipient_id: string }>(
        `SELECT l.recipient_id FROM response_lines l JOIN response_details d ON d.id = l.detail_id
          WHERE d.bounce = 'hard' AND l.recipient_id = ANY($1::text[])
         UNION
         SELECT dl.recipient_id FROM event_deliveries dl JOIN response_details d ON d.id = dl.detail_id
          WHERE d.bounce = 'hard' AND dl.recipient_id = ANY($1::text[])`,
        [withEmail.map((r) => r.id)],
      )
    ).map((row) => row.recipient_id),
  );
  const deliveries: DeliveryRow[] = [];
  const lineIds: string[] = [];
  const added: RollupLine[] = [];
  for (const recipient of withEmail) {
    const outcome = hardBounced.has(recipient.id)
      ? SKIPPED_DETAIL
      : simulatedOutcome(recipient.id, recipient.email as string, eventId);
    const inserted = await tx.query(
      `INSERT INTO event_deliveries (event_id, recipient_id, detail_id, delivered_at) VALUES ($1, $2, $3, $4::timestamptz)
       ON CONFLICT (event_id, recipient_id) DO NOTHING RETURNING recipient_id`,
      [eventId, recipient.id, outcome, now.toISOString()],
    );
    if (inserted.length > 0) {
      const line = await insertTrackedLine(tx, { recipientId: recipient.id, campaignId, eventId, detailId: outcome, at: now });
      lineIds.push(line.id);
      added.push(line.rollup);
    }
    const [stored] = await tx.query<{ detail_id: string; category_id: string; delivered_at: Date }>(
      `SELECT dl.detail_id, d.category_id, dl.delivered_at FROM event_deliveries dl JOIN response_details d ON d.id = dl.detail_id
        WHERE dl.event_id = $1 AND dl.recipient_id = $2`,
      [eventId, recipient.id],
    );
    deliveries.push({
      recipientId: recipient.id,
      recipientName: recipient.display_name,
      email: recipient.email as string,
      outcome: stored.detail_id,
      categoryId: stored.category_id,
      deliveredAt: new Date(stored.delivered_at),
      newlySent: inserted.length > 0,
    });
  }
  await applyToRollups(tx, added, 1);
  if (deliveries.some((d) => d.newlySent)) {
    // Sent now: an undated or not-yet-run event becomes a completed one, dated by this send.
    await tx.query(
      `UPDATE campaign_events SET date = coalesce(date, $2::timestamptz),
         status = CASE WHEN status IN ('planned', 'scheduled') THEN 'completed' ELSE status END
       WHERE id = $1`,
      [eventId, now.toISOString()],
    );
  }
  // The change log last: its lock is held until commit, and taken after every row lock, as every
  // writer does (taken before the roll-ups' rows here, a send and an add waited on each other: a
  // deadlock). Each line's recipient and campaign are read from the lines.
  await recordChange(tx, { kind: 'line-added', recipientId: null, campaignId: null, lineIds, at: now });
  return {
    deliveries,
    withoutEmail: recipients.filter((r) => !r.email).map((r) => ({ recipientId: r.id, recipientName: r.display_name })),
    lineIds,
  };
}

/** The delivery a token points at, if the mail was sent (not bounced) and the recipient still gets the campaign. */
async function deliveredMail(db: Queryable, claims: TrackingClaims): Promise<{ campaignId: string; deliveredAt: Date } | undefined> {
  const [row] = await db.query<{ campaign_id: string; delivered_at: Date }>(
    `SELECT e.campaign_id, dl.delivered_at FROM event_deliveries dl
       JOIN campaign_events e ON e.id = dl.event_id
       JOIN campaign_recipients cr ON cr.campaign_id = e.campaign_id AND cr.recipient_id = dl.recipient_id
      WHERE dl.event_id = $1 AND dl.recipient_id = $2 AND dl.detail_id = 'sent'`,
    [claims.eventId, claims.recipientId],
  );
  return row && { campaignId: row.campaign_id, deliveredAt: new Date(row.delivered_at) };
}

const secondsBetween = (from: Date, to: Date) => Math.max(0, (to.getTime() - from.getTime()) / 1000);

/**
 * Counts an open and records an Opened line, unless this client's last line for this mail is under a
 * minute old; false when the token's mail was never delivered. One hit of a batch (open-batch.ts).
 */
export async function recordOpen(db: Queryable, claims: TrackingClaims, userAgent: string | null, client: string, now: Date): Promise<boolean> {
  const [delivered] = await recordOpens(db, [{ claims, userAgent, client, at: now }]);
  return delivered;
}

/** http(s) only: a stored URL of another scheme is never a redirect target. */
export function isWebUrl(url: string): boolean {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:';
  } catch {
    return false;
  }
}

/**
 * Records a Clicked Through line for one of the event's own links and resolves with its URL, the
 * only place the click may redirect to; undefined (and nothing recorded) for any other link.
 */
export async function recordClick(
  db: Queryable,
  claims: TrackingClaims,
  linkId: string,
  userAgent: string | null,
  now: Date,
  /** As for recordOpens: the roll-ups' move and the change-log entry, collected for the caller to do last. */
  deferred?: DeferredWrites,
): Promise<string | undefined> {
  const [link] = await db.query<{ url: string }>('SELECT url FROM event_links WHERE event_id = $1 AND id = $2', [claims.eventId, linkId]);
  if (!link || !isWebUrl(link.url)) return undefined;
  const mail = await deliveredMail(db, claims);
  if (!mail) return undefined;
  const [previous] = await db.query<{ at: Date | null }>(
    `SELECT max(responded_at) AS at FROM response_lines
      WHERE recipient_id = $1 AND event_id = $2 AND detail_id = 'clicked-through' AND responded_at <= $3::timestamptz`,
    [claims.recipientId, claims.eventId, now.toISOString()],
  );
  const seconds = secondsBetween(mail.deliveredAt, now);
  const sincePrevious = previous?.at ? secondsBetween(new Date(previous.at), now) : null;
  const line = await insertTrackedLine(db, {
    recipientId: claims.recipientId, campaignId: mail.campaignId, eventId: claims.eventId, detailId: 'clicked-through', at: now,
    link: { id: linkId, url: link.url }, userAgent, seconds, judgement: judgeClick(userAgent, seconds, sincePrevious),
  });
  const change: Change = { kind: trackedKind('clicked-through'), recipientId: claims.recipientId, campaignId: mail.campaignId, lineIds: [line.id], at: now };
  if (deferred) {
    deferred.rollups.push(line.rollup);
    deferred.changes.push(change);
  } else {
    await applyToRollups(db, [line.rollup], 1);
    await recordChange(db, change);
  }
  return link.url;
}
