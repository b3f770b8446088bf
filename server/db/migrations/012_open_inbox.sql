-- Pixel hits are acknowledged once they are here, and folded into the raw hits, the readers' minute
-- rule, the Opened lines, the roll-ups and the change log right after (server/tracking/open-fold.ts),
-- by a transaction that deletes the rows it folded: a row is folded once, even across a crash. The
-- hot path is then one INSERT into a table with no foreign key and one index. No lookup either: the
-- pixel answers the same whether or not its mail was delivered, and the fold drops a hit whose mail
-- was not.
CREATE TABLE open_inbox (
  -- Arrival order within an instance (its batches commit one after another): the fold keeps it, so
  -- the minute rule judges one reader's hits in the order they came.
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  event_id text NOT NULL,
  recipient_id text NOT NULL,
  -- SHA-256 of the reader's address and user agent, as in open_clients.
  client text NOT NULL,
  at timestamptz NOT NULL,
  user_agent text,
  -- Folds of this row alone that failed: past a few, the fold passes it by (and logs it) rather
  -- than stop every hit behind it; it stays here for someone to look at.
  failed_folds smallint NOT NULL DEFAULT 0
);
