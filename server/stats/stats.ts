/**
 * The campaign figures computed live by SQL over the lines: the statistics (DESIGN.md §2), their
 * timeline, and the response summary. The answers are served from the roll-ups (rollup-read.ts);
 * these functions are the reference the roll-ups are checked against (the property test, the
 * benchmark's side-by-side row) and what `?fresh=1` and the optional snapshot run.
 */
import type { TimelineDay } from '../../src/model/campaign-stats.js';
import type { Queryable } from '../db/db.js';
import { assembleStats, assembleSummary, countsFromRow, readHead, readVocabularyOrder, type StoredStats, type StoredSummary } from './stats-figures.js';
import { COUNT_NAMES, eventOutcome, FIGURE_CONDITIONS, LINE_FLAGS, perEventAndRecipient, rawFlagColumns } from './stats-sql.js';

const OUTCOME_COUNTS = COUNT_NAMES.map((name) => `count(*) FILTER (WHERE ${FIGURE_CONDITIONS[name]})::int AS ${name}`).join(',\n    ');

/**
 * Per message (event, recipient): its outcome and whether it was opened, clicked, answered; then per
 * recipient over the campaign. Only the campaign's recipients count, so no unique count exceeds them.
 */
export const STATS_SQL = `
  WITH message AS (
    SELECT l.recipient_id, l.event_id,
      ${eventOutcome(LINE_FLAGS)} AS outcome,
      ${rawFlagColumns(LINE_FLAGS)}
    FROM response_lines l
      JOIN response_details d ON d.id = l.detail_id
      JOIN campaign_recipients cr ON cr.campaign_id = l.campaign_id AND cr.recipient_id = l.recipient_id
    WHERE l.campaign_id = $1
    GROUP BY l.event_id, l.recipient_id
  ), ${perEventAndRecipient('recipient_id')}
  SELECT event_id, 0 AS whole,
    ${OUTCOME_COUNTS}
  FROM per_event GROUP BY event_id
  UNION ALL
  SELECT NULL, 1 AS whole,
    ${OUTCOME_COUNTS}
  FROM per_recipient`;

/** Lines per UTC day of opens, clicks and responses (the "responses over time" picture); days with none left out. */
export const TIMELINE_SQL = `
  SELECT to_char(l.responded_at AT TIME ZONE 'UTC', 'YYYY-MM-DD') AS day,
    count(*) FILTER (WHERE ${LINE_FLAGS.opened})::int AS opened,
    count(*) FILTER (WHERE ${LINE_FLAGS.opened_machine})::int AS opened_machine,
    count(*) FILTER (WHERE ${LINE_FLAGS.clicked})::int AS clicked,
    count(*) FILTER (WHERE ${LINE_FLAGS.clicked_machine})::int AS clicked_machine,
    count(*) FILTER (WHERE ${LINE_FLAGS.responded})::int AS responded,
    count(*) FILTER (WHERE ${LINE_FLAGS.purchase})::int AS purchased
  FROM response_lines l JOIN response_details d ON d.id = l.detail_id
  WHERE l.campaign_id = $1
  GROUP BY 1
  HAVING count(*) FILTER (WHERE ${LINE_FLAGS.opened} OR ${LINE_FLAGS.clicked} OR ${LINE_FLAGS.responded}) > 0
  ORDER BY 1`;

/** Timeline rows (day and the six counts, named as in TIMELINE_SQL) as the answer's days. */
export function toTimeline(rows: Record<string, unknown>[]): TimelineDay[] {
  return rows.map((row) => ({
    day: String(row.day),
    opened: Number(row.opened),
    openedByMachine: Number(row.opened_machine),
    clickedThrough: Number(row.clicked),
    clickedByMachine: Number(row.clicked_machine),
    responded: Number(row.responded),
    purchased: Number(row.purchased),
  }));
}

/** The statistics without their times; undefined for an unknown campaign. */
export async function computeStats(db: Queryable, campaignId: string): Promise<StoredStats | undefined> {
  const head = await readHead(db, campaignId);
  if (!head) return undefined;
  const rows = await db.query<Record<string, unknown>>(STATS_SQL, [campaignId]);
  const whole = rows.find((row) => Number(row.whole) === 1);
  const byEvent = new Map(rows.filter((row) => Number(row.whole) === 0).map((row) => [String(row.event_id), row]));
  const timeline = toTimeline(await db.query<Record<string, unknown>>(TIMELINE_SQL, [campaignId]));
  return assembleStats(head, (eventId) => countsFromRow(eventId === null ? whole : byEvent.get(eventId)), timeline);
}

/** Lines and unique recipients by event × detail, by detail, by category, by event, and in all. */
export const SUMMARY_SQL = `
  SELECT event_id, detail_id, category_id, GROUPING(event_id) AS no_event, GROUPING(detail_id) AS no_detail,
         GROUPING(category_id) AS no_category, count(*)::int AS lines, count(DISTINCT recipient_id)::int AS recipients
    FROM response_lines WHERE campaign_id = $1
   GROUP BY GROUPING SETS ((event_id, detail_id, category_id), (detail_id, category_id), (category_id), (event_id), ())`;

export async function computeSummary(db: Queryable, campaignId: string): Promise<StoredSummary | undefined> {
  const head = await readHead(db, campaignId);
  if (!head) return undefined;
  const rows = await db.query<Record<string, unknown>>(SUMMARY_SQL, [campaignId]);
  return assembleSummary(
    head,
    rows.map((r) => ({
      eventId: Number(r.no_event) === 1 ? null : String(r.event_id),
      detailId: Number(r.no_detail) === 1 ? null : String(r.detail_id),
      categoryId: Number(r.no_category) === 1 ? null : String(r.category_id),
      lines: Number(r.lines),
      recipients: Number(r.recipients),
    })),
    await readVocabularyOrder(db),
  );
}
