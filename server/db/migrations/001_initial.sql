-- The response vocabulary (DESIGN.md §2), filled from src/model/vocabulary.ts by the seed.
CREATE TABLE response_categories (
  id text PRIMARY KEY,
  label text NOT NULL,
  position integer NOT NULL
);

CREATE TABLE response_details (
  id text PRIMARY KEY,
  label text NOT NULL,
  category_id text NOT NULL REFERENCES response_categories (id),
  channel_scope text NOT NULL CHECK (channel_scope IN ('any', 'email')),
  entry text NOT NULL CHECK (entry IN ('manual', 'tracked')),
  legacy_email_only boolean NOT NULL DEFAULT false,
  bounce text CHECK (bounce IN ('hard', 'soft')),
  counts_responded boolean NOT NULL DEFAULT false,
  counts_lead boolean NOT NULL DEFAULT false,
  counts_purchase boolean NOT NULL DEFAULT false,
  counts_unsubscribe boolean NOT NULL DEFAULT false,
  position integer NOT NULL
);

CREATE TABLE recipients (
  id text PRIMARY KEY,
  display_name text NOT NULL,
  email text,
  time_zone text NOT NULL
);

-- Money is numeric (exact); the API turns it into JSON numbers.
CREATE TABLE campaigns (
  id text PRIMARY KEY,
  title text NOT NULL,
  currency char(3) NOT NULL,
  base_cost numeric(14, 2),
  expected_revenue numeric(14, 2)
);

CREATE TABLE campaign_events (
  id text PRIMARY KEY,
  campaign_id text NOT NULL REFERENCES campaigns (id) ON DELETE CASCADE,
  name text NOT NULL,
  channel text NOT NULL CHECK (channel IN ('email', 'direct-mail', 'phone', 'event', 'integration', 'other')),
  date timestamptz,
  status text NOT NULL CHECK (status IN ('planned', 'scheduled', 'in-progress', 'completed', 'cancelled')),
  cost numeric(14, 2),
  legacy_email boolean NOT NULL DEFAULT false,
  CHECK (NOT legacy_email OR channel = 'email')
);
CREATE INDEX campaign_events_campaign ON campaign_events (campaign_id);

-- A campaign reaches a recipient as a whole: every event of a campaign applies to its recipients.
CREATE TABLE campaign_recipients (
  campaign_id text NOT NULL REFERENCES campaigns (id) ON DELETE CASCADE,
  recipient_id text NOT NULL REFERENCES recipients (id) ON DELETE CASCADE,
  added_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (recipient_id, campaign_id)
);

-- Append-only history. Ids are client-made UUIDs; the uuid type orders like their lowercase text.
CREATE TABLE response_lines (
  id uuid PRIMARY KEY,
  recipient_id text NOT NULL REFERENCES recipients (id) ON DELETE CASCADE,
  campaign_id text NOT NULL REFERENCES campaigns (id) ON DELETE CASCADE,
  event_id text NOT NULL REFERENCES campaign_events (id) ON DELETE CASCADE,
  detail_id text NOT NULL REFERENCES response_details (id),
  category_id text NOT NULL REFERENCES response_categories (id),
  responded_at timestamptz NOT NULL,
  recorded_at timestamptz NOT NULL,
  note text NOT NULL DEFAULT '' CHECK (char_length(note) <= 4000),
  author text,
  source text NOT NULL CHECK (source IN ('manual', 'tracked', 'import')),
  link_id text,
  link_url text,
  evidence_user_agent text,
  evidence_seconds_since_delivery double precision,
  evidence_machine boolean,
  evidence_machine_reason text,
  CHECK ((link_id IS NULL) = (link_url IS NULL))
);
-- The history read: one recipient, newest first, optionally one campaign.
CREATE INDEX response_lines_history
  ON response_lines (recipient_id, responded_at DESC, recorded_at DESC, id DESC);
CREATE INDEX response_lines_campaign
  ON response_lines (recipient_id, campaign_id, responded_at DESC, recorded_at DESC, id DESC);

-- Results of writes sent with an Idempotency-Key, replayed when the same request comes again.
-- Kept at least 8 days (the purge removes only rows older than 10).
CREATE TABLE idempotency_keys (
  key text PRIMARY KEY,
  method text NOT NULL,
  path text NOT NULL,
  request_hash text NOT NULL,
  status integer NOT NULL,
  response_body text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX idempotency_keys_created ON idempotency_keys (created_at);
