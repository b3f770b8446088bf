/** Reads of the domain records, mapped from rows to the model's types (src/model/types.ts). */
import type {
  Campaign,
  CampaignEvent,
  Channel,
  CampaignEventStatus,
  Recipient,
  RecipientCampaign,
  ResponseDetail,
  ResponseLine,
  ResponseSource,
  ResponseVocabulary,
} from '../../src/model/types.js';
import { toInstant, toMoney, toNullableInstant, type Queryable } from './db.js';
import { machineCause } from '../tracking/machine-detect.js';

type Row = Record<string, unknown>;
const str = (value: unknown): string => String(value);
const nullableStr = (value: unknown): string | null => (value === null || value === undefined ? null : String(value));

export const LINE_COLUMNS = `id::text AS id, recipient_id, campaign_id, event_id, detail_id, category_id,
  responded_at, recorded_at, note, author, source, link_id, link_url, evidence_user_agent,
  evidence_seconds_since_delivery, evidence_machine, evidence_machine_reason`;

export function toResponseLine(row: Row): ResponseLine {
  return {
    id: str(row.id),
    recipientId: str(row.recipient_id),
    campaignId: str(row.campaign_id),
    eventId: str(row.event_id),
    detailId: str(row.detail_id),
    categoryId: str(row.category_id),
    respondedAt: toInstant(row.responded_at),
    recordedAt: toInstant(row.recorded_at),
    note: str(row.note),
    author: nullableStr(row.author),
    source: str(row.source) as ResponseSource,
    link: row.link_id === null ? null : { id: str(row.link_id), url: str(row.link_url) },
    evidence:
      row.evidence_machine === null
        ? null
        : {
            userAgent: nullableStr(row.evidence_user_agent),
            secondsSinceDelivery:
              row.evidence_seconds_since_delivery === null ? null : Number(row.evidence_seconds_since_delivery),
            machine: Boolean(row.evidence_machine),
            machineReason: nullableStr(row.evidence_machine_reason),
            machineCause: machineCause(nullableStr(row.evidence_machine_reason)),
          },
  };
}

export async function readVocabulary(db: Queryable): Promise<ResponseVocabulary> {
  const categories = await db.query('SELECT id, label FROM response_categories ORDER BY position, id');
  const details = await db.query('SELECT * FROM response_details ORDER BY position, id');
  return {
    categories: categories.map((row) => ({ id: str(row.id), label: str(row.label) })),
    details: details.map(
      (row): ResponseDetail => ({
        id: str(row.id),
        label: str(row.label),
        categoryId: str(row.category_id),
        channelScope: str(row.channel_scope) as ResponseDetail['channelScope'],
        entry: str(row.entry) as ResponseDetail['entry'],
        legacyEmailOnly: Boolean(row.legacy_email_only),
        bounce: nullableStr(row.bounce) as ResponseDetail['bounce'],
        countsAs: {
          responded: Boolean(row.counts_responded),
          lead: Boolean(row.counts_lead),
          purchase: Boolean(row.counts_purchase),
          unsubscribe: Boolean(row.counts_unsubscribe),
        },
      }),
    ),
  };
}

export const toRecipient = (row: Row): Recipient => ({
  id: str(row.id),
  displayName: str(row.display_name),
  email: nullableStr(row.email),
  timeZone: str(row.time_zone),
});

export async function findRecipient(db: Queryable, id: string): Promise<Recipient | undefined> {
  const [row] = await db.query('SELECT * FROM recipients WHERE id = $1', [id]);
  return row && toRecipient(row);
}

/** Every recipient, by name (the demo's recipient switch; the reference data is small). */
export async function listRecipients(db: Queryable): Promise<Recipient[]> {
  return (await db.query('SELECT * FROM recipients ORDER BY display_name, id')).map(toRecipient);
}

function toEvent(row: Row): CampaignEvent {
  return {
    id: str(row.id),
    campaignId: str(row.campaign_id),
    name: str(row.name),
    channel: str(row.channel) as Channel,
    date: toNullableInstant(row.date),
    status: str(row.status) as CampaignEventStatus,
    cost: toMoney(row.cost),
    legacyEmail: Boolean(row.legacy_email),
  };
}

export async function findEvent(db: Queryable, id: string): Promise<CampaignEvent | undefined> {
  const [row] = await db.query('SELECT * FROM campaign_events WHERE id = $1', [id]);
  return row && toEvent(row);
}

/** Whether the campaign was sent to the recipient (and so may carry responses from them). */
export async function campaignSentTo(db: Queryable, recipientId: string, campaignId: string): Promise<boolean> {
  const rows = await db.query('SELECT 1 FROM campaign_recipients WHERE recipient_id = $1 AND campaign_id = $2', [
    recipientId,
    campaignId,
  ]);
  return rows.length > 0;
}

export async function campaignExists(db: Queryable, campaignId: string): Promise<boolean> {
  return (await db.query('SELECT 1 FROM campaigns WHERE id = $1', [campaignId])).length > 0;
}

/** The campaigns sent to a recipient, most recent first, each with its events and latest response. */
export async function recipientCampaigns(db: Queryable, recipientId: string): Promise<RecipientCampaign[]> {
  const campaigns = await db.query(
    `SELECT c.*, (SELECT max(e.date) FROM campaign_events e WHERE e.campaign_id = c.id) AS last_event
       FROM campaigns c JOIN campaign_recipients cr ON cr.campaign_id = c.id
      WHERE cr.recipient_id = $1
      ORDER BY last_event DESC NULLS LAST, c.id`,
    [recipientId],
  );
  const ids = campaigns.map((row) => str(row.id));
  const events = await db.query(
    'SELECT * FROM campaign_events WHERE campaign_id = ANY($1::text[]) ORDER BY date NULLS LAST, id',
    [ids],
  );
  // The same order as compareNewestFirst (src/model/history.ts), so the Response column and the
  // history agree on which line is the latest.
  const latest = await db.query(
    `SELECT DISTINCT ON (campaign_id) ${LINE_COLUMNS} FROM response_lines
      WHERE recipient_id = $1
      ORDER BY campaign_id, responded_at DESC, recorded_at DESC, id DESC`,
    [recipientId],
  );
  const latestByCampaign = new Map(latest.map((row) => [str(row.campaign_id), toResponseLine(row)]));
  return campaigns.map((row) => ({ ...toCampaign(row, events), latestResponse: latestByCampaign.get(str(row.id)) ?? null }));
}

/**
 * A stored line by id, deleted or not: an id is never used twice, so a PUT of a deleted line's id
 * is its replay (or a conflict), never a second line.
 */
export async function findLine(db: Queryable, id: string): Promise<ResponseLine | undefined> {
  const [row] = await db.query(`SELECT ${LINE_COLUMNS} FROM all_response_lines WHERE id = $1::uuid`, [id]);
  return row && toResponseLine(row);
}

/** The stored lines among `ids`, deleted or not, by id (a batch's check of its ids in one read). */
export async function findLines(db: Queryable, ids: readonly string[]): Promise<Map<string, ResponseLine>> {
  const rows = await db.query(`SELECT ${LINE_COLUMNS} FROM all_response_lines WHERE id = ANY($1::uuid[])`, [ids]);
  return new Map(rows.map((row) => [str(row.id), toResponseLine(row)]));
}

/** Every campaign with its events, most recent first (the demo's campaign view; reference data is small). */
export async function listCampaigns(db: Queryable, campaignId?: string): Promise<Campaign[]> {
  const campaigns = await db.query(
    `SELECT c.*, (SELECT max(e.date) FROM campaign_events e WHERE e.campaign_id = c.id) AS last_event
       FROM campaigns c WHERE $1::text IS NULL OR c.id = $1
      ORDER BY last_event DESC NULLS LAST, c.id`,
    [campaignId ?? null],
  );
  const events = await db.query(
    'SELECT * FROM campaign_events WHERE campaign_id = ANY($1::text[]) ORDER BY date NULLS LAST, id',
    [campaigns.map((row) => str(row.id))],
  );
  return campaigns.map((row) => toCampaign(row, events));
}

/** A campaign row with its events, as both the recipient's list and the campaign view answer it. */
function toCampaign(row: Row, events: Row[]): Campaign {
  return {
    id: str(row.id),
    title: str(row.title),
    currency: str(row.currency),
    baseCost: toMoney(row.base_cost),
    expectedRevenue: toMoney(row.expected_revenue),
    events: events.filter((event) => event.campaign_id === row.id).map(toEvent),
  };
}
