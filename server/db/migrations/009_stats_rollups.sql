-- Statistics kept as roll-ups, in the same transaction as every write of a line
-- (server/stats/rollups.ts), so a read costs in proportion to a campaign's events, not its lines.
-- No foreign keys: each write of a line touches these rows, and a check per row would cost more than
-- the row; a campaign's roll-ups are rebuilt from its lines by the repair (`npm run rollups:repair`).

-- Per recipient: live lines by event and detail (and how many of them a machine made). A delete
-- takes a count down and a restore puts it back, so "unique recipients" survive both: a recipient
-- counts while any of their counts is above zero.
CREATE TABLE rollup_recipient_lines (
  campaign_id text NOT NULL,
  recipient_id text NOT NULL,
  event_id text NOT NULL,
  detail_id text NOT NULL,
  lines integer NOT NULL,
  machine_lines integer NOT NULL,
  PRIMARY KEY (campaign_id, recipient_id, event_id, detail_id)
);

-- Lines per campaign, event, detail and UTC hour: a viewer's day in their own time zone is a sum of
-- whole hours (for the zones that are whole hours off UTC).
CREATE TABLE rollup_hours (
  campaign_id text NOT NULL,
  event_id text NOT NULL,
  detail_id text NOT NULL,
  hour timestamptz NOT NULL,
  lines integer NOT NULL,
  machine_lines integer NOT NULL,
  PRIMARY KEY (campaign_id, event_id, detail_id, hour)
);

-- The timeline's figures per campaign and UTC hour: what the statistics answer sums into days, a
-- row per hour rather than per event and detail and hour.
CREATE TABLE rollup_timeline (
  campaign_id text NOT NULL,
  hour timestamptz NOT NULL,
  opened integer NOT NULL,
  opened_machine integer NOT NULL,
  clicked integer NOT NULL,
  clicked_machine integer NOT NULL,
  responded integer NOT NULL,
  purchased integer NOT NULL,
  PRIMARY KEY (campaign_id, hour)
);

-- Every other figure of the statistics and the summary, as a count per campaign, scope (an event id,
-- or '' for the whole campaign) and figure name (see server/stats/rollup-sql.ts).
CREATE TABLE rollup_counts (
  campaign_id text NOT NULL,
  scope text NOT NULL,
  figure text NOT NULL,
  n integer NOT NULL,
  PRIMARY KEY (campaign_id, scope, figure)
);

-- Existing lines are rolled up once by the server on its next start (the SQL lives in TypeScript,
-- beside the writes that keep it).
INSERT INTO server_settings (key, value) VALUES ('rollups-stale', 'migration 009')
  ON CONFLICT (key) DO UPDATE SET value = excluded.value;
