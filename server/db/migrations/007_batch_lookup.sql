-- Bulk entry's reads. The recipient lookup matches emails in any case.
CREATE INDEX recipients_email_lower ON recipients (lower(email));
