-- How many recipients a campaign was sent to, kept as they are added and removed: the statistics'
-- head counted them at every read (count(*) over campaign_recipients, some milliseconds at 20,000
-- recipients), the one part of a read from the roll-ups that still grew with the campaign.
-- Statement-level triggers with transition tables: a bulk insert moves the count once per campaign.
ALTER TABLE campaigns ADD COLUMN recipient_count integer NOT NULL DEFAULT 0;

UPDATE campaigns c SET recipient_count = (SELECT count(*) FROM campaign_recipients cr WHERE cr.campaign_id = c.id);

CREATE FUNCTION campaign_recipient_count_moved() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    UPDATE campaigns c SET recipient_count = c.recipient_count + n.n
      FROM (SELECT campaign_id, count(*)::int AS n FROM new_rows GROUP BY 1) n WHERE c.id = n.campaign_id;
  END IF;
  IF TG_OP IN ('DELETE', 'UPDATE') THEN
    UPDATE campaigns c SET recipient_count = c.recipient_count - o.n
      FROM (SELECT campaign_id, count(*)::int AS n FROM old_rows GROUP BY 1) o WHERE c.id = o.campaign_id;
  END IF;
  RETURN NULL;
END
$fn$;

CREATE TRIGGER campaign_recipients_added AFTER INSERT ON campaign_recipients
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION campaign_recipient_count_moved();
CREATE TRIGGER campaign_recipients_removed AFTER DELETE ON campaign_recipients
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION campaign_recipient_count_moved();
CREATE TRIGGER campaign_recipients_moved AFTER UPDATE ON campaign_recipients
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION campaign_recipient_count_moved();
