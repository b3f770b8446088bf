/**
 * The unfiltered statistics, timeline and summary, read from the roll-ups: a few hundred rows per
 * campaign (its events × the figures), whatever the number of its lines.
 */
import type { Queryable } from '../db/db.js';
import { assembleStats, assembleSummary, countsFromRow, readHead, type StoredStats, type StoredSummary, type SummaryRow } from './stats-figures.js';
import { toTimeline } from './stats.js';

async function countsOf(db: Queryable, campaignId: string): Promise<Map<string, Record<string, number>>> {
  const rows = await db.query<{ scope: string; figure: string; n: number }>(
    'SELECT scope, figure, n FROM rollup_counts WHERE campaign_id = $1 AND n <> 0',
    [campaignId],
  );
  const byScope = new Map<string, Record<string, number>>();
  for (const row of rows) {
    const scope = byScope.get(row.scope) ?? {};
    scope[row.figure] = Number(row.n);
    byScope.set(row.scope, scope);
  }
  return byScope;
}

/**
 * The timeline: the campaign's UTC days (rollup_timeline_days), days with no open, click or response
 * left out. The day is formatted from a timestamp without a zone, so the session's time zone and date
 * style cannot change it.
 */
const TIMELINE_SQL = `
  SELECT to_char(t.day::timestamp, 'YYYY-MM-DD') AS day, opened, opened_machine, clicked, clicked_machine, responded, purchased
    FROM rollup_timeline_days t WHERE campaign_id = $1 AND opened + clicked + responded > 0
   ORDER BY t.day`;

export async function readStats(db: Queryable, campaignId: string): Promise<StoredStats | undefined> {
  const head = await readHead(db, campaignId);
  if (!head) return undefined;
  const counts = await countsOf(db, campaignId);
  const timeline = toTimeline(await db.query<Record<string, unknown>>(TIMELINE_SQL, [campaignId]));
  return assembleStats(head, (eventId) => countsFromRow(counts.get(eventId ?? '')), timeline);
}

export async function readSummary(db: Queryable, campaignId: string): Promise<StoredSummary | undefined> {
  const head = await readHead(db, campaignId);
  if (!head) return undefined;
  const counts = await countsOf(db, campaignId);
  const categoryOf = new Map(
    (await db.query<{ id: string; category_id: string }>('SELECT id, category_id FROM response_details')).map((d) => [d.id, d.category_id]),
  );
  const rows: SummaryRow[] = [];
  const byDetail = new Map<string, number>();
  const byCategory = new Map<string, number>();
  let total = 0;
  for (const [scope, figures] of counts) {
    if (scope === '') continue;
    let eventLines = 0;
    for (const [figure, lines] of Object.entries(figures)) {
      if (!figure.startsWith('l:')) continue;
      const detailId = figure.slice(2);
      const categoryId = categoryOf.get(detailId) ?? null;
      rows.push({ eventId: scope, detailId, categoryId, lines, recipients: figures[`u:${detailId}`] ?? 0 });
      byDetail.set(detailId, (byDetail.get(detailId) ?? 0) + lines);
      if (categoryId !== null) byCategory.set(categoryId, (byCategory.get(categoryId) ?? 0) + lines);
      eventLines += lines;
    }
    if (eventLines > 0) rows.push({ eventId: scope, detailId: null, categoryId: null, lines: eventLines, recipients: figures.ue ?? 0 });
    total += eventLines;
  }
  const whole = counts.get('') ?? {};
  for (const [detailId, lines] of byDetail) {
    rows.push({ eventId: null, detailId, categoryId: categoryOf.get(detailId) ?? null, lines, recipients: whole[`ud:${detailId}`] ?? 0 });
  }
  for (const [categoryId, lines] of byCategory) rows.push({ eventId: null, detailId: null, categoryId, lines, recipients: whole[`uc:${categoryId}`] ?? 0 });
  if (total > 0) rows.push({ eventId: null, detailId: null, categoryId: null, lines: total, recipients: whole.ua ?? 0 });
  return assembleSummary(db, head, rows);
}
