/**
 * The unfiltered statistics, timeline and summary, read from the roll-ups: a few hundred rows per
 * campaign (its events × the figures), whatever the number of its lines.
 */
import type { Queryable } from '../db/db.js';
import {
  assembleStats,
  assembleSummary,
  countsFromRow,
  HEAD_JSON_SQL,
  headOf,
  VOCABULARY_JSON_SQL,
  type StoredStats,
  type StoredSummary,
  type SummaryRow,
  type VocabularyOrder,
} from './stats-figures.js';
import { toTimeline } from './stats.js';

/** A campaign's non-zero roll-up counts as one JSON array of [scope, figure, n]. */
const COUNTS_JSON_SQL = `(SELECT coalesce(json_agg(json_build_array(scope, figure, n)), '[]')
    FROM rollup_counts WHERE campaign_id = $1 AND n <> 0)`;

/**
 * The timeline: the campaign's UTC days (rollup_timeline_days), days with no open, click or response
 * left out, as one JSON array. The day is formatted from a timestamp without a zone, so the session's
 * time zone and date style cannot change it.
 */
const TIMELINE_JSON_SQL = `(SELECT coalesce(json_agg(json_build_object('day', to_char(t.day::timestamp, 'YYYY-MM-DD'),
      'opened', opened, 'opened_machine', opened_machine, 'clicked', clicked, 'clicked_machine', clicked_machine,
      'responded', responded, 'purchased', purchased) ORDER BY t.day), '[]')
    FROM rollup_timeline_days t WHERE campaign_id = $1 AND opened + clicked + responded > 0)`;

/**
 * Each read is one statement (the summary's with the vocabulary's order): on PGlite every statement
 * and every row it returns has a cost of its own in JavaScript, and on PostgreSQL every statement is
 * a round trip; three JSON values cost less than the campaign, its events, its counts and its days
 * as the rows of four statements.
 */
const STATS_READ_SQL = `SELECT ${HEAD_JSON_SQL} AS head, ${COUNTS_JSON_SQL} AS counts, ${TIMELINE_JSON_SQL} AS timeline`;
const SUMMARY_READ_SQL = `SELECT ${HEAD_JSON_SQL} AS head, ${COUNTS_JSON_SQL} AS counts, ${VOCABULARY_JSON_SQL} AS vocabulary`;

interface ReadRow {
  head: unknown;
  counts: [string, string, number][];
  timeline?: Record<string, unknown>[];
  vocabulary?: VocabularyOrder;
}

function countsByScope(counts: ReadRow['counts']): Map<string, Record<string, number>> {
  const byScope = new Map<string, Record<string, number>>();
  for (const [scope, figure, n] of counts) {
    const figures = byScope.get(scope) ?? {};
    figures[figure] = Number(n);
    byScope.set(scope, figures);
  }
  return byScope;
}

export async function readStats(db: Queryable, campaignId: string): Promise<StoredStats | undefined> {
  const [row] = await db.query<ReadRow>(STATS_READ_SQL, [campaignId]);
  const head = headOf(row.head);
  if (!head) return undefined;
  const counts = countsByScope(row.counts);
  return assembleStats(head, (eventId) => countsFromRow(counts.get(eventId ?? '')), toTimeline(row.timeline ?? []));
}

export async function readSummary(db: Queryable, campaignId: string): Promise<StoredSummary | undefined> {
  const [row] = await db.query<ReadRow>(SUMMARY_READ_SQL, [campaignId]);
  const head = headOf(row.head);
  if (!head) return undefined;
  const counts = countsByScope(row.counts);
  const vocabulary = row.vocabulary as VocabularyOrder;
  const categoryOf = new Map(vocabulary.details.map(([id, categoryId]) => [id, categoryId]));
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
  return assembleSummary(head, rows, vocabulary);
}
