-- The change log behind GET /api/changes: one row per changed line (or per statistics change),
-- written in the same transaction as the change itself, so a stream that resumes from an id
-- misses nothing that committed. Ids are handed out in commit order (see server/live/change-log.ts),
-- so "every row after id N" is a gap-free resume point. Rows are kept CR_CHANGE_LOG_DAYS (7 by
-- default) and pruned by the purge job.
CREATE TABLE change_log (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  kind text NOT NULL CHECK (kind IN ('line-added', 'line-updated', 'line-deleted', 'line-restored', 'line-purged',
                                     'tracked-open', 'tracked-click', 'stats-changed')),
  -- Null only for a statistics change, which concerns a campaign as a whole.
  recipient_id text,
  campaign_id text NOT NULL,
  line_id uuid,
  created_at timestamptz NOT NULL
);
-- A stream reads "after id N" for one recipient or one campaign.
CREATE INDEX change_log_recipient ON change_log (recipient_id, id) WHERE recipient_id IS NOT NULL;
CREATE INDEX change_log_campaign ON change_log (campaign_id, id);
CREATE INDEX change_log_created ON change_log (created_at);

-- The highest id the prune has removed: a resume from an id below it would have a gap, and gets a
-- reset instead. One row.
CREATE TABLE change_log_horizon (
  singleton boolean PRIMARY KEY DEFAULT true CHECK (singleton),
  pruned_through bigint NOT NULL DEFAULT 0
);
INSERT INTO change_log_horizon DEFAULT VALUES;
