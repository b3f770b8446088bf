-- Repeated opens of one mail by one client (a mail app redrawing, a reader scrolling back) are one
-- Opened line a minute: open_clients remembers when each client's last line was written. Every hit
-- is still counted, raw, on the delivery.
ALTER TABLE event_deliveries ADD COLUMN open_hits integer NOT NULL DEFAULT 0;

CREATE TABLE open_clients (
  event_id text NOT NULL,
  recipient_id text NOT NULL,
  -- SHA-256 of the client's address and user agent: who the client is matters, not its details.
  client text NOT NULL,
  last_line_at timestamptz NOT NULL,
  PRIMARY KEY (event_id, recipient_id, client),
  FOREIGN KEY (event_id, recipient_id) REFERENCES event_deliveries (event_id, recipient_id) ON DELETE CASCADE
);
