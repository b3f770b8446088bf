-- The timeline's figures per campaign and UTC day, kept beside the hourly ones (rollup_timeline) by
-- the same statement (server/stats/rollup-sql.ts): the statistics answer's timeline is by UTC day,
-- and summing a campaign's hours into days at every read cost more than the rest of the read (1,944
-- hourly rows at a million lines). The hourly rows stay, for a day in another time zone.
CREATE TABLE rollup_timeline_days (
  campaign_id text NOT NULL,
  day date NOT NULL,
  opened integer NOT NULL,
  opened_machine integer NOT NULL,
  clicked integer NOT NULL,
  clicked_machine integer NOT NULL,
  responded integer NOT NULL,
  purchased integer NOT NULL,
  PRIMARY KEY (campaign_id, day)
);

-- Filled from the hourly rows by the server's next start, once it has replaced the functions that
-- keep the roll-ups (ensureRollups): a server of the previous version may still write until then, and
-- what it writes moves the hours only.
INSERT INTO server_settings (key, value) VALUES ('rollup-days-stale', 'migration 011')
  ON CONFLICT (key) DO UPDATE SET value = excluded.value;
