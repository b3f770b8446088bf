-- Email tracking, revenue and statistics snapshots for the campaign side.

-- Settings the server keeps for itself, e.g. the tracking secret generated on first start, so the
-- tokens in mails already sent stay valid across restarts.
CREATE TABLE server_settings (
  key text PRIMARY KEY,
  value text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);

-- The links of an email event. A click redirects only to a URL listed here for the token's event.
CREATE TABLE event_links (
  event_id text NOT NULL REFERENCES campaign_events (id) ON DELETE CASCADE,
  id text NOT NULL,
  url text NOT NULL CHECK (char_length(url) <= 4000),
  position integer NOT NULL,
  PRIMARY KEY (event_id, id)
);

-- One row per email event and recipient it was sent to, with the outcome (sent or a bounce detail).
-- The primary key is what makes sending an event twice deliver once.
CREATE TABLE event_deliveries (
  event_id text NOT NULL REFERENCES campaign_events (id) ON DELETE CASCADE,
  recipient_id text NOT NULL REFERENCES recipients (id) ON DELETE CASCADE,
  detail_id text NOT NULL REFERENCES response_details (id),
  delivered_at timestamptz NOT NULL,
  PRIMARY KEY (event_id, recipient_id)
);

-- Revenue attributed to an event (the campaign's revenue is the sum over its events).
ALTER TABLE campaign_events ADD COLUMN revenue numeric(14, 2);

-- The figures of the Statistics subtab and the summary report, computed on a schedule.
CREATE TABLE stats_snapshots (
  campaign_id text PRIMARY KEY REFERENCES campaigns (id) ON DELETE CASCADE,
  as_of timestamptz NOT NULL,
  stats json NOT NULL,
  summary json NOT NULL
);

-- The campaign reports: the detail report's default order (and its keyset pages and CSV batches),
-- the statistics' per-campaign scan, and the clickthrough report.
CREATE INDEX response_lines_campaign_time
  ON response_lines (campaign_id, responded_at DESC, recorded_at DESC, id DESC);
CREATE INDEX response_lines_event_link
  ON response_lines (event_id, link_id) WHERE link_id IS NOT NULL;
