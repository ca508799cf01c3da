-- Daily rollups for analytics: one row per (city, local day, category, district, agency, channel,
-- status, criticality). Rebuilt per touched day by the rollup job, so intake pays nothing for it.
CREATE TABLE request_rollup_daily (
  city_id text NOT NULL,
  day date NOT NULL,
  category_code text NOT NULL DEFAULT '',
  district_code text NOT NULL DEFAULT '',
  agency_code text NOT NULL DEFAULT '',
  channel text NOT NULL,
  status text NOT NULL,
  criticality text NOT NULL,
  requests integer NOT NULL,
  resolved integer NOT NULL,
  sla_met integer NOT NULL,
  sla_breached integer NOT NULL,
  first_response_n integer NOT NULL,
  first_response_seconds double precision NOT NULL,
  resolution_n integer NOT NULL,
  resolution_seconds double precision NOT NULL,
  resolved_24h integer NOT NULL,
  resolved_72h integer NOT NULL,
  resolved_10d integer NOT NULL,
  rating_n integer NOT NULL,
  rating_sum integer NOT NULL,
  PRIMARY KEY (city_id, day, category_code, district_code, agency_code, channel, status, criticality)
);
CREATE INDEX request_rollup_daily_category ON request_rollup_daily (city_id, category_code, day);

-- Days whose rollup must be recomputed, and the watermark of the last scan.
CREATE TABLE rollup_state (
  city_id text PRIMARY KEY,
  scanned_until timestamptz NOT NULL DEFAULT 'epoch'
);

CREATE INDEX requests_updated ON requests (updated_at);
