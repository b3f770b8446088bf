-- Soft deletes, restore and the audit trail.
--
-- Every line, live or deleted, is kept in all_response_lines; `response_lines` becomes a view of the
-- live ones. So every read, statistic, report, export and count that names response_lines leaves
-- deleted lines out without a filter of its own, and a query written later cannot forget one: only
-- code that means deleted lines too (the history with include=deleted, delete, restore, purge,
-- erasure, the line-id check of a PUT) names all_response_lines. The view is simple, so Postgres
-- inserts through it (INSERT … ON CONFLICT … RETURNING included) and plans through it as if it were
-- the table. A column added to the lines later must be added to the view too (CREATE OR REPLACE VIEW).
ALTER TABLE response_lines RENAME TO all_response_lines;
ALTER TABLE all_response_lines
  ADD COLUMN deleted_at timestamptz,
  -- The deleter's display name as it was then (the line's author is kept the same way).
  ADD COLUMN deleted_by text,
  ADD COLUMN deletion_id uuid;

CREATE VIEW response_lines AS
  SELECT id, recipient_id, campaign_id, event_id, detail_id, category_id, responded_at, recorded_at, note, author,
         source, link_id, link_url, evidence_user_agent, evidence_seconds_since_delivery, evidence_machine,
         evidence_machine_reason
    FROM all_response_lines
   WHERE deleted_at IS NULL;

-- Statistics, reports and the clickthrough read only live lines: their indexes hold only those.
-- The history indexes stay whole, since the history with include=deleted reads both.
DROP INDEX response_lines_campaign_time;
CREATE INDEX response_lines_campaign_time
  ON all_response_lines (campaign_id, responded_at DESC, recorded_at DESC, id DESC) WHERE deleted_at IS NULL;
DROP INDEX response_lines_event_link;
CREATE INDEX response_lines_event_link
  ON all_response_lines (event_id, link_id) WHERE link_id IS NOT NULL AND deleted_at IS NULL;
-- Restore by deletion, and the purge's scan for deletions past the window.
CREATE INDEX response_lines_deletion ON all_response_lines (deletion_id) WHERE deletion_id IS NOT NULL;

-- One row per delete (a single line or a delete-all): what a restore names, and what tells a
-- restore of a purged deletion (410) from one of an unknown id (404). Kept, marked purged, until the
-- audit retention drops it.
CREATE TABLE deletions (
  id uuid PRIMARY KEY,
  deleted_at timestamptz NOT NULL,
  principal_id text NOT NULL,
  principal_name text NOT NULL,
  recipient_id text NOT NULL,
  campaign_id text NOT NULL,
  purged_at timestamptz
);
CREATE INDEX deletions_to_purge ON deletions (deleted_at) WHERE purged_at IS NULL;
CREATE INDEX deletions_deleted_at ON deletions (deleted_at);

-- Who did what. No foreign keys: a record outlives the lines (purged) and the deletion it names.
-- The id orders records as they were written, also between records of the same instant.
CREATE TABLE audit_records (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  at timestamptz NOT NULL,
  principal_id text NOT NULL,
  principal_name text NOT NULL,
  action text NOT NULL CHECK (action IN ('add', 'update', 'delete', 'delete-all', 'restore', 'purge', 'erase')),
  recipient_id text,
  campaign_id text,
  line_ids uuid[] NOT NULL DEFAULT '{}',
  before jsonb,
  after jsonb,
  request_id text,
  idempotency_key text,
  deletion_id uuid
);
-- GET /audit, newest first, by recipient, campaign or principal; by line through line_ids.
CREATE INDEX audit_records_newest ON audit_records (at DESC, id DESC);
CREATE INDEX audit_records_recipient ON audit_records (recipient_id, at DESC, id DESC);
CREATE INDEX audit_records_campaign ON audit_records (campaign_id, at DESC, id DESC);
CREATE INDEX audit_records_principal ON audit_records (principal_id, at DESC, id DESC);
CREATE INDEX audit_records_lines ON audit_records USING gin (line_ids);
