-- Open311 partners' API keys (stored hashed).
CREATE TABLE open311_keys (
  key_hash text PRIMARY KEY,
  city_id text NOT NULL REFERENCES cities (id),
  partner text NOT NULL,
  active boolean NOT NULL DEFAULT true,
  created_at timestamptz NOT NULL DEFAULT now()
);
