/**
 * The SQL that keeps the roll-ups (migration 009). Two kinds of figure:
 *
 * - additive ones (lines per event and detail, per hour, the timeline) move by the lines written:
 *   DELTA_SQL adds +1 or −1 per line;
 * - unique recipients (every statistic, the summary's recipient columns) are not additive. They are
 *   kept through per-recipient counts (rollup_recipient_lines): a write moves the counts of the
 *   recipients it touches, then adds what they contribute now less what they contributed before
 *   (netContributionsSql); the repair adds what every recipient contributes (contributionsSql).
 *   What a recipient contributes is computed by the same outcome rules as the live statistics
 *   (stats-sql.ts), over their few rows instead of the campaign's lines.
 *
 * Figure names in rollup_counts (scope is an event id, or '' for the whole campaign): the statistics'
 * own names (sent, delivered, opened_human, …), `l:<detail>` lines per event and detail,
 * `u:<detail>` unique recipients per event and detail, `ue` per event, `ud:<detail>` and
 * `uc:<category>` per detail and category over the campaign, and `ua` in all.
 *
 * Lock order. Transactions on other connections (other server instances, the pool's other writers)
 * move the same rows at once: a campaign's figures, its hours and days. An upsert locks its rows in
 * the order its SELECT yields them, and a hash aggregate yields a batch's groups in an order that
 * depends on the batch's other groups: two batches sharing two rows could each hold one and wait for
 * the other, and PostgreSQL would abort one ("deadlock detected": a failed save, a batch of hits
 * retried). So every upsert is sorted by its conflict key, the statements run in one order (the
 * pairs' locks, the additive moves, the contributions; the `l:` figures and the others are distinct
 * rows of rollup_counts), and a transaction moves the roll-ups once, after its other row locks
 * (applyToRollups): one global order, in which nobody waits for a row it passed.
 */
import { COUNT_NAMES, eventOutcome, FIGURE_CONDITIONS, lineFlags, perEventAndRecipient, rawFlagColumns } from './stats-sql.js';

/** The flags of a recipient's group of lines of one event and detail (a rollup_recipient_lines row). */
const GROUP_FLAGS = lineFlags('l', 'l', 'l.lines > l.machine_lines', 'l.machine_lines > 0');

const figureValues = COUNT_NAMES.map((name) => `('${name}', ${FIGURE_CONDITIONS[name]})`).join(', ');

const RECIPIENT_LINE_COLUMNS = 'r.campaign_id, r.recipient_id, r.event_id, r.detail_id, r.lines, r.machine_lines';

/**
 * What the recipients named by the `pairs` relation (campaign_id, recipient_id) contribute to the
 * counts, added `$n` times (1 or −1). Statistics count the campaign's recipients only; the summary
 * counts whoever has lines, as the live summary does.
 */
export function contributionsSql(pairs: string, sign: string): string {
  return contributionsOf(pairs, `SELECT ${RECIPIENT_LINE_COLUMNS}, ${sign}::int AS state FROM rollup_recipient_lines r
      JOIN pairs p ON p.campaign_id = r.campaign_id AND p.recipient_id = r.recipient_id`);
}

/**
 * What the recipients of the lines of DELTA's `input` relation contribute now less what they
 * contributed before those lines moved them, in one statement, after the additive moves (deltaSql):
 * their rows as they are now count +1, and as they were (now less the input's lines) −1. Only the
 * figures that changed are written; taking every contribution out and adding it back (contributionsSql
 * −1, then +1) computed and wrote both in full, a third of a batch of tracked opens.
 */
export function netContributionsSql(input: string): string {
  // Each pair's rows by the key's first columns, whatever the planner's statistics: joined plainly, a
  // table analyzed while small was walked whole once per pair (measured: 6 ms for 20 pairs at 820 rows).
  const now = `SELECT ${RECIPIENT_LINE_COLUMNS} FROM pairs p CROSS JOIN LATERAL (SELECT * FROM rollup_recipient_lines r
      WHERE r.campaign_id = p.campaign_id AND r.recipient_id = p.recipient_id OFFSET 0) r`;
  return `WITH input AS (${input}), moved AS (
    SELECT campaign_id, recipient_id, event_id, detail_id, sum(n)::int AS n, coalesce(sum(n) FILTER (WHERE machine), 0)::int AS machine_n
      FROM input GROUP BY 1, 2, 3, 4)
  ${contributionsOf('SELECT DISTINCT campaign_id, recipient_id FROM input', `
    SELECT *, 1 AS state FROM (${now}) r
    UNION ALL
    SELECT r.campaign_id, r.recipient_id, r.event_id, r.detail_id, r.lines - coalesce(m.n, 0), r.machine_lines - coalesce(m.machine_n, 0), -1
      FROM (${now}) r
      LEFT JOIN moved m ON m.campaign_id = r.campaign_id AND m.recipient_id = r.recipient_id AND m.event_id = r.event_id AND m.detail_id = r.detail_id`, true)}`;
}

/**
 * The contributions of `rows` (rollup_recipient_lines' columns and a `state`, the sign each row's
 * contribution is added with; rows of one state are one recipient's whole state), summed by figure.
 */
function contributionsOf(pairs: string, rows: string, continued = false): string {
  return `
  ${continued ? ',' : 'WITH'} pairs AS (${pairs}),
  src AS (
    SELECT rr.campaign_id, rr.recipient_id, rr.event_id, rr.detail_id, d.category_id, rr.lines, rr.machine_lines, rr.state,
           d.bounce, d.counts_responded, d.counts_lead, d.counts_purchase, d.counts_unsubscribe,
           EXISTS (SELECT 1 FROM campaign_recipients cr WHERE cr.campaign_id = rr.campaign_id AND cr.recipient_id = rr.recipient_id) AS member
      FROM (${rows}) rr
      JOIN response_details d ON d.id = rr.detail_id
     WHERE rr.lines > 0
  ), message AS (
    SELECT l.campaign_id, l.recipient_id, l.member, l.state, l.event_id,
      ${eventOutcome(GROUP_FLAGS)} AS outcome,
      ${rawFlagColumns(GROUP_FLAGS)}
    FROM src l
    GROUP BY l.campaign_id, l.recipient_id, l.member, l.state, l.event_id
  ), ${perEventAndRecipient('campaign_id, recipient_id, member, state')},
  contribution AS (
    SELECT e.campaign_id, e.event_id AS scope, f.figure, e.state
      FROM per_event e CROSS JOIN LATERAL (VALUES ${figureValues}) AS f(figure, hit) WHERE e.member AND f.hit
    UNION ALL
    SELECT r.campaign_id, '', f.figure, r.state
      FROM per_recipient r CROSS JOIN LATERAL (VALUES ${figureValues}) AS f(figure, hit) WHERE r.member AND f.hit
    UNION ALL SELECT campaign_id, event_id, 'u:' || detail_id, state FROM src
    UNION ALL SELECT campaign_id, event_id, 'ue', state FROM message
    UNION ALL SELECT DISTINCT campaign_id, '', 'ud:' || detail_id || E'\\n' || recipient_id, state FROM src
    UNION ALL SELECT DISTINCT campaign_id, '', 'uc:' || category_id || E'\\n' || recipient_id, state FROM src
    UNION ALL SELECT campaign_id, '', 'ua', state FROM per_recipient
  )
  INSERT INTO rollup_counts AS c (campaign_id, scope, figure, n)
  SELECT campaign_id, scope, split_part(figure, E'\\n', 1), sum(state)::int FROM contribution
   GROUP BY campaign_id, scope, split_part(figure, E'\\n', 1)
  HAVING sum(state) <> 0
   ORDER BY 1, 2, 3
  ON CONFLICT (campaign_id, scope, figure) DO UPDATE SET n = c.n + excluded.n`;
}

/**
 * The planner's settings of every function that writes a batch (a SET clause: they hold for the
 * function and what it calls, whoever calls it). A write touches a few rows of large tables, named
 * by arrays whose length the planner cannot know, and the statistics it plans with may be from when
 * the tables were small (PGlite never runs autovacuum; the server analyzes it every 10 minutes):
 * left to itself it hash-joined a batch against a whole table (hundreds of milliseconds per batch
 * at 20,000 deliveries) and, from statistics taken while a table was empty, read it whole once per
 * row of the batch (measured: 40 scans of the per-recipient roll-ups per batch of 20 opens, the
 * batch's time growing with the table, 9 to 70 ms within 5,000 opens). Index lookups row by row are
 * what a batch wants, whatever the statistics say.
 *
 * And one plan per statement, kept for the connection: a statement of a PL/pgSQL function is planned
 * anew at each call for its first five calls, then for as long as the planner finds a plan made
 * for the call's values cheaper than the generic one, which for the roll-ups' dozen CTEs it kept
 * finding. Replanning was most of a batch: a call of record_open_hits took 13.5 ms with the
 * planner's choice, 5.4 ms with generic plans and 24.6 ms replanned every time (PGlite; on
 * PostgreSQL 6.7, 4.1 and 8.5 ms). With the settings above the generic plans are the index lookups
 * a batch wants whatever its size.
 */
export const FEW_ROWS = 'SET enable_hashjoin = off SET enable_mergejoin = off SET enable_seqscan = off SET plan_cache_mode = force_generic_plan';

/** The timeline's figures, as columns of rollup_timeline and rollup_timeline_days. */
export const TIMELINE_FIGURES = ['opened', 'opened_machine', 'clicked', 'clicked_machine', 'responded', 'purchased'] as const;

/** The UTC day of a timestamptz, whatever the session's time zone. */
export const UTC_DAY = (at: string) => `(${at} AT TIME ZONE 'UTC')::date`;

/** An upsert's SET list that adds the excluded row's timeline figures to the stored row `t`. */
const TIMELINE_ADDED = (t: string) => TIMELINE_FIGURES.map((f) => `${f} = ${t}.${f} + excluded.${f}`).join(', ');

/**
 * The additive roll-ups moved by the lines of the `input` relation (campaign_id, recipient_id,
 * event_id, detail_id, at, machine, n): per recipient, per hour, the timeline by hour and by UTC day,
 * and lines per event and detail. Every insert is grouped first: ON CONFLICT may touch a row once
 * per statement.
 */
export function deltaSql(input: string): string {
  const hour = `date_trunc('hour', i.at AT TIME ZONE 'UTC') AT TIME ZONE 'UTC'`;
  return `
  WITH input AS (${input}),
  recipients AS (
    INSERT INTO rollup_recipient_lines AS r (campaign_id, recipient_id, event_id, detail_id, lines, machine_lines)
    SELECT campaign_id, recipient_id, event_id, detail_id, sum(n)::int, coalesce(sum(n) FILTER (WHERE machine), 0)::int
      FROM input GROUP BY campaign_id, recipient_id, event_id, detail_id ORDER BY campaign_id, recipient_id, event_id, detail_id
    ON CONFLICT (campaign_id, recipient_id, event_id, detail_id)
      DO UPDATE SET lines = r.lines + excluded.lines, machine_lines = r.machine_lines + excluded.machine_lines
  ), hours AS (
    INSERT INTO rollup_hours AS h (campaign_id, event_id, detail_id, hour, lines, machine_lines)
    SELECT i.campaign_id, i.event_id, i.detail_id, ${hour}, sum(i.n)::int, coalesce(sum(i.n) FILTER (WHERE i.machine), 0)::int
      FROM input i GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4
    ON CONFLICT (campaign_id, event_id, detail_id, hour)
      DO UPDATE SET lines = h.lines + excluded.lines, machine_lines = h.machine_lines + excluded.machine_lines
  ), timeline_hours AS (
    SELECT i.campaign_id, ${hour} AS hour,
      coalesce(sum(i.n) FILTER (WHERE i.detail_id = 'opened'), 0)::int AS opened,
      coalesce(sum(i.n) FILTER (WHERE i.detail_id = 'opened' AND i.machine), 0)::int AS opened_machine,
      coalesce(sum(i.n) FILTER (WHERE d.category_id = 'clicked-through'), 0)::int AS clicked,
      coalesce(sum(i.n) FILTER (WHERE d.category_id = 'clicked-through' AND i.machine), 0)::int AS clicked_machine,
      coalesce(sum(i.n) FILTER (WHERE d.counts_responded OR d.counts_purchase), 0)::int AS responded,
      coalesce(sum(i.n) FILTER (WHERE d.counts_purchase), 0)::int AS purchased
      FROM input i JOIN response_details d ON d.id = i.detail_id
     GROUP BY 1, 2
  ), timeline AS (
    INSERT INTO rollup_timeline AS t (campaign_id, hour, opened, opened_machine, clicked, clicked_machine, responded, purchased)
    SELECT campaign_id, hour, opened, opened_machine, clicked, clicked_machine, responded, purchased FROM timeline_hours ORDER BY 1, 2
    ON CONFLICT (campaign_id, hour) DO UPDATE SET ${TIMELINE_ADDED('t')}
  ), timeline_days AS (
    INSERT INTO rollup_timeline_days AS t (campaign_id, day, opened, opened_machine, clicked, clicked_machine, responded, purchased)
    SELECT campaign_id, ${UTC_DAY('hour')}, ${TIMELINE_FIGURES.map((f) => `sum(${f})::int`).join(', ')}
      FROM timeline_hours GROUP BY 1, 2 ORDER BY 1, 2
    ON CONFLICT (campaign_id, day) DO UPDATE SET ${TIMELINE_ADDED('t')}
  )
  INSERT INTO rollup_counts AS c (campaign_id, scope, figure, n)
  SELECT campaign_id, event_id, 'l:' || detail_id, sum(n)::int FROM input GROUP BY 1, 2, 3 ORDER BY 1, 2, 3
  ON CONFLICT (campaign_id, scope, figure) DO UPDATE SET n = c.n + excluded.n`;
}

/** The lines handed to applyToRollups, as the `input` relation of DELTA: parallel arrays, one sign. */
export const ARRAY_INPUT = `SELECT i.campaign_id, i.recipient_id, i.event_id, i.detail_id, i.at, i.machine, $7::int AS n
  FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::timestamptz[], $6::boolean[])
    AS i(campaign_id, recipient_id, event_id, detail_id, at, machine)`;

/** The distinct (campaign, recipient) pairs of ARRAY_INPUT's arrays. */
export const ARRAY_PAIRS = 'SELECT DISTINCT campaign_id, recipient_id FROM unnest($1::text[], $2::text[]) AS p(campaign_id, recipient_id)';

/**
 * Writes that touch the same recipient of a campaign take turns (on PostgreSQL; PGlite has one
 * connection): each reads what the recipient contributes and replaces it, which two at once would
 * both base on the same old state. Keys in one order, so two batches cannot deadlock on each other.
 */
export const LOCK_PAIRS_SQL = `SELECT count(pg_advisory_xact_lock(k))::int AS locked FROM (
    SELECT DISTINCT hashtextextended(campaign_id || E'\\n' || recipient_id, 20260601) AS k
      FROM unnest($1::text[], $2::text[]) AS p(campaign_id, recipient_id) ORDER BY 1) AS keys`;
