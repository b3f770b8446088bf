-- Idempotency keys belong to the principal that sent them: one caller's key never replays, refuses
-- or reveals another's request. Keys stored before principals existed were the service token's.
ALTER TABLE idempotency_keys ADD COLUMN principal_id text NOT NULL DEFAULT 'service';
ALTER TABLE idempotency_keys ALTER COLUMN principal_id DROP DEFAULT;
ALTER TABLE idempotency_keys DROP CONSTRAINT idempotency_keys_pkey;
ALTER TABLE idempotency_keys ADD PRIMARY KEY (principal_id, key);
