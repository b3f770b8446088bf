-- The demo's own token issuer keeps its signing keys here (a key made on first start; a retired key
-- no longer verifies). An external OpenID Connect issuer keeps its keys itself.
CREATE TABLE signing_keys (
  kid text PRIMARY KEY,
  public_jwk text NOT NULL,
  private_jwk text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  retired_at timestamptz
);
