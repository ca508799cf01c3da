-- Resident cabinet: reports made without an account (claimed later with a token) and
-- subscriptions to a request or an area (district or bounding box).

CREATE TABLE request_claims (
  city_id text NOT NULL,
  request_id bigint NOT NULL,
  token_hash text NOT NULL,                  -- sha256 of the token; the token itself is never stored
  created_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL,
  claimed_at timestamptz,
  claimed_by bigint,
  PRIMARY KEY (city_id, request_id),
  UNIQUE (city_id, token_hash),
  FOREIGN KEY (city_id, request_id) REFERENCES requests (city_id, id),
  FOREIGN KEY (city_id, claimed_by) REFERENCES residents (city_id, id),
  CHECK ((claimed_at IS NULL) = (claimed_by IS NULL))
);

CREATE TABLE subscriptions (
  city_id text NOT NULL REFERENCES cities (id),
  id bigint GENERATED ALWAYS AS IDENTITY,
  resident_id bigint NOT NULL,
  kind text NOT NULL CHECK (kind IN ('request', 'district', 'bbox')),
  request_id bigint,
  district_code text,
  bbox double precision[],                   -- [minLon, minLat, maxLon, maxLat]
  last_status text,                          -- the request status last announced (kind = request)
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (city_id, id),
  FOREIGN KEY (city_id, resident_id) REFERENCES residents (city_id, id) ON DELETE CASCADE,
  FOREIGN KEY (city_id, request_id) REFERENCES requests (city_id, id),
  FOREIGN KEY (city_id, district_code) REFERENCES districts (city_id, code) ON DELETE CASCADE,
  CHECK ((kind = 'request') = (request_id IS NOT NULL)),
  CHECK ((kind = 'district') = (district_code IS NOT NULL)),
  CHECK ((kind = 'bbox') = (bbox IS NOT NULL)),
  CHECK (bbox IS NULL OR cardinality(bbox) = 4)
);
CREATE UNIQUE INDEX subscriptions_one_request ON subscriptions (city_id, request_id, resident_id) WHERE kind = 'request';
CREATE UNIQUE INDEX subscriptions_one_district ON subscriptions (city_id, district_code, resident_id) WHERE kind = 'district';
CREATE INDEX subscriptions_resident ON subscriptions (city_id, resident_id);
CREATE INDEX subscriptions_kind ON subscriptions (city_id, kind);

-- A claim is history too: the 'claimed' event type, added to whatever list the check holds now
-- (other migrations may have added types of their own), without a full-table lock.
DO $$
DECLARE def text;
BEGIN
  SELECT pg_get_constraintdef(c.oid) INTO def FROM pg_constraint c
    WHERE c.conrelid = 'request_events'::regclass AND c.conname = 'request_events_type_check';
  IF def IS NOT NULL AND position('''claimed''' in def) = 0 THEN
    ALTER TABLE request_events DROP CONSTRAINT request_events_type_check;
    EXECUTE 'ALTER TABLE request_events ADD CONSTRAINT request_events_type_check '
      || replace(def, '::text])', '::text, ''claimed''::text])') || ' NOT VALID';
    ALTER TABLE request_events VALIDATE CONSTRAINT request_events_type_check;
  END IF;
END
$$;
