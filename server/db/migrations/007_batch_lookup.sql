-- Bulk entry's reads. The recipient lookup matches emails in any case; the responded query asks,
-- for one event and one detail, which of up to a thousand recipients have a live line.
CREATE INDEX recipients_email_lower ON recipients (lower(email));
CREATE INDEX response_lines_event_detail
  ON all_response_lines (event_id, detail_id, recipient_id) WHERE deleted_at IS NULL;
