-- Spike alerts: unusual volume of one category in one district on one day.
CREATE TABLE alerts (
  city_id text NOT NULL,
  id bigint GENERATED ALWAYS AS IDENTITY,
  day date NOT NULL,
  category_code text NOT NULL,
  district_code text NOT NULL DEFAULT '',
  count integer NOT NULL,
  expected double precision NOT NULL,
  score double precision NOT NULL,
  status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'acknowledged', 'dismissed')),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (city_id, id),
  UNIQUE (city_id, day, category_code, district_code)
);
