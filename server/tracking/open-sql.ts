/**
 * A batch of opens as two statements, each a PL/pgSQL function (created with the roll-ups' at every
 * start, installRollupFunction): `open_mails` finds the hits' delivered mails, and `record_open_hits`
 * writes the whole batch (the raw hits, the readers' minute rule, the lines, the roll-ups, the change
 * log). Measured (bench/node/tracking-profile.ts), a batch's time went to its dozen statements and
 * not to their rows: each was parsed and planned anew at every batch, and on PostgreSQL each was a
 * round trip, with BEGIN and COMMIT two more. A function's plans are cached per connection, and one
 * statement is one transaction of its own: everything it writes commits, or nothing does.
 *
 * The judgement of machines stays in JavaScript (machine-detect.ts), between the two: it needs the
 * delivery's instant, which the first function reads.
 */

import { FEW_ROWS } from '../stats/rollup-sql.js';

/**
 * The delivered mail of each hit (by its 1-based position), for hits whose mail was delivered and
 * whose recipient is still in the campaign; no row for the others.
 */
const OPEN_MAILS_FUNCTION = `CREATE OR REPLACE FUNCTION open_mails(p_event text[], p_recipient text[])
RETURNS TABLE (ord bigint, campaign_id text, delivered_at timestamptz) LANGUAGE plpgsql ${FEW_ROWS} AS $fn$
#variable_conflict use_column
BEGIN
  RETURN QUERY
  SELECT i.ord, e.campaign_id, dl.delivered_at
    FROM unnest(p_event, p_recipient) WITH ORDINALITY AS i(event_id, recipient_id, ord)
    -- Looked up by both key columns from each hit: joined plainly, a planner without statistics
    -- (PGlite never runs autovacuum) walked every delivery of the event once per hit.
    CROSS JOIN LATERAL (SELECT d.event_id, d.recipient_id, d.delivered_at FROM event_deliveries d
      WHERE d.event_id = i.event_id AND d.recipient_id = i.recipient_id AND d.detail_id = 'sent' OFFSET 0) dl
    JOIN campaign_events e ON e.id = dl.event_id
    JOIN campaign_recipients cr ON cr.campaign_id = e.campaign_id AND cr.recipient_id = dl.recipient_id;
END
$fn$`;

/**
 * Records the counted hits (parallel arrays, in the order they came) and resolves with the ids of the
 * lines it wrote. Every hit adds to its delivery's raw hits; a hit writes an Opened line (with the id
 * given for it) when its reader is new on the mail or its reader's last line is `p_window_ms` old.
 * Hits of one reader on one mail are cut into rounds by the caller (`p_round`: the n-th hit of each
 * reader in round n), since one statement may touch a reader's row only once; the rounds run in
 * order. Then, unless `p_alone` is false, the roll-ups move by the lines and the change log takes
 * one row per line; a caller with more writes in its transaction (false) does both itself, once for
 * all its writes: a second move of the roll-ups in one transaction would take row locks after rows
 * it already holds, out of the one order every writer keeps (rollup-sql.ts), and deadlock.
 *
 * The rows a batch shares with another batch (a delivery's raw hits, a reader's row when one image
 * proxy fetches many mails) are locked in key order: two batches listing them in opposite orders
 * (another instance's, or one that came in another order) could otherwise each hold one the other
 * waits for. An UPDATE … FROM locks in its join's order, which nothing fixes: the deliveries are
 * locked first, sorted, each by its key; the readers' upsert is sorted by its conflict key.
 *
 * Named anew when its last argument changed meaning (`record_opens`' said "log the change" only): a
 * server of the previous version, running beside this one for a while, keeps calling its own.
 */
const RECORD_OPENS_FUNCTION = `CREATE OR REPLACE FUNCTION record_open_hits(
  p_event text[], p_recipient text[], p_campaign text[], p_client text[], p_at timestamptz[], p_round integer[],
  p_user_agent text[], p_seconds float8[], p_machine boolean[], p_reason text[], p_id uuid[], p_window_ms integer, p_alone boolean)
RETURNS uuid[] LANGUAGE plpgsql ${FEW_ROWS} AS $fn$
#variable_conflict use_column
DECLARE
  round_now integer;
  fresh bigint[] := '{}';
  line_ids uuid[];
  line_campaigns text[];
  line_recipients text[];
  line_events text[];
  line_ats timestamptz[];
  line_machines boolean[];
BEGIN
  PERFORM 1 FROM (SELECT DISTINCT event_id, recipient_id FROM unnest(p_event, p_recipient) AS i(event_id, recipient_id) ORDER BY 1, 2) i
    CROSS JOIN LATERAL (SELECT 1 FROM event_deliveries d WHERE d.event_id = i.event_id AND d.recipient_id = i.recipient_id FOR NO KEY UPDATE) dl;
  UPDATE event_deliveries dl SET open_hits = dl.open_hits + x.n
    FROM (SELECT event_id, recipient_id, count(*)::int AS n FROM unnest(p_event, p_recipient) AS i(event_id, recipient_id) GROUP BY 1, 2) x
   WHERE dl.event_id = x.event_id AND dl.recipient_id = x.recipient_id;
  FOR round_now IN SELECT DISTINCT r FROM unnest(p_round) AS r ORDER BY 1 LOOP
    -- A row comes back when the client is new or its last line is a minute old; none otherwise. One
    -- statement decides, so two batches at once cannot both write a line (the row's lock orders them).
    WITH i AS (
      SELECT * FROM unnest(p_event, p_recipient, p_client, p_at, p_round) WITH ORDINALITY AS i(event_id, recipient_id, client, at, round, ord)
       WHERE i.round = round_now),
    upserted AS (
      INSERT INTO open_clients AS oc (event_id, recipient_id, client, last_line_at)
      SELECT event_id, recipient_id, client, at FROM i ORDER BY event_id, recipient_id, client
      ON CONFLICT (event_id, recipient_id, client) DO UPDATE SET last_line_at = excluded.last_line_at
        WHERE oc.last_line_at <= excluded.last_line_at - p_window_ms * interval '1 millisecond'
      RETURNING event_id, recipient_id, client)
    SELECT fresh || coalesce(array_agg(i.ord), '{}') INTO fresh
      FROM upserted u JOIN i ON i.event_id = u.event_id AND i.recipient_id = u.recipient_id AND i.client = u.client;
  END LOOP;
  IF cardinality(fresh) = 0 THEN RETURN '{}'; END IF;
  SELECT array_agg(i.id ORDER BY i.ord), array_agg(i.campaign_id ORDER BY i.ord), array_agg(i.recipient_id ORDER BY i.ord),
         array_agg(i.event_id ORDER BY i.ord), array_agg(i.at ORDER BY i.ord), array_agg(i.machine ORDER BY i.ord)
    INTO line_ids, line_campaigns, line_recipients, line_events, line_ats, line_machines
    FROM unnest(p_id, p_campaign, p_recipient, p_event, p_at, p_machine) WITH ORDINALITY AS i(id, campaign_id, recipient_id, event_id, at, machine, ord)
   WHERE i.ord = ANY (fresh);
  INSERT INTO response_lines (id, recipient_id, campaign_id, event_id, detail_id, category_id, responded_at, recorded_at,
    source, evidence_user_agent, evidence_seconds_since_delivery, evidence_machine, evidence_machine_reason)
  SELECT i.id, i.recipient_id, i.campaign_id, i.event_id, d.id, d.category_id, i.at, i.at, 'tracked', i.user_agent, i.seconds, i.machine, i.reason
    FROM unnest(p_id, p_recipient, p_campaign, p_event, p_at, p_user_agent, p_seconds, p_machine, p_reason) WITH ORDINALITY
      AS i(id, recipient_id, campaign_id, event_id, at, user_agent, seconds, machine, reason, ord)
    JOIN response_details d ON d.id = 'opened'
   WHERE i.ord = ANY (fresh)
   ORDER BY i.ord;
  IF p_alone THEN
    PERFORM rollup_apply(line_campaigns, line_recipients, line_events, array_fill('opened'::text, ARRAY[cardinality(line_ids)]), line_ats, line_machines, 1);
    -- Last, after every other row's lock: the change log's lock is held until commit.
    PERFORM change_log_lines('tracked-open', line_campaigns, line_recipients, line_ids, line_ats[cardinality(line_ats)]);
  END IF;
  RETURN line_ids;
END
$fn$`;

export const OPEN_FUNCTIONS: readonly string[] = [OPEN_MAILS_FUNCTION, RECORD_OPENS_FUNCTION];
