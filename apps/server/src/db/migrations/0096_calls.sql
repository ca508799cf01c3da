-- Telephony: the PBX reports each call through the generic CTI webhook (new call, answered,
-- hung up). A call is linked to the operator who answered (by their extension) and to what it
-- produced: the requests registered during it, and the contacts answered from the knowledge base
-- (contacts.call_id).
ALTER TABLE staff ADD COLUMN extension text CHECK (extension ~ '^[0-9*#+]{1,20}$');
CREATE UNIQUE INDEX staff_extension ON staff (city_id, extension) WHERE extension IS NOT NULL;

CREATE TABLE calls (
  city_id text NOT NULL REFERENCES cities (id),
  id bigint GENERATED ALWAYS AS IDENTITY,
  call_id text NOT NULL,
  direction text NOT NULL DEFAULT 'in' CHECK (direction IN ('in', 'out')),
  from_phone text,                    -- personal data: shown only to staff, anonymised with retention
  to_number text,
  state text NOT NULL DEFAULT 'ringing' CHECK (state IN ('ringing', 'answered', 'ended')),
  staff_id bigint,
  started_at timestamptz NOT NULL DEFAULT now(),
  answered_at timestamptz,
  ended_at timestamptz,
  duration_s integer,                 -- talk time: from answer to hang-up
  cause text,
  request_numbers text[] NOT NULL DEFAULT '{}',
  PRIMARY KEY (city_id, id),
  UNIQUE (city_id, call_id),
  FOREIGN KEY (city_id, staff_id) REFERENCES staff (city_id, id)
);
CREATE INDEX calls_city_time ON calls (city_id, started_at DESC);

-- Demo databases seeded before extensions existed.
UPDATE staff SET extension = '101' WHERE login = 'operator' AND city_id = 'astana';
UPDATE staff SET extension = '102' WHERE login = 'supervisor' AND city_id = 'astana';
