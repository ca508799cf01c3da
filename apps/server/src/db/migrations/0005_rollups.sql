-- Daily rollups for analytics: one row per (city, local day, category, district, agency), with
-- the channel, status and criticality splits as columns, so that a month of the whole city is a
-- few thousand rows whatever the volume. Rebuilt per touched day by the rollup job, so intake
-- pays nothing for it.
CREATE TABLE request_rollup_daily (
  city_id text NOT NULL,
  day date NOT NULL,
  category_code text NOT NULL DEFAULT '',
  district_code text NOT NULL DEFAULT '',
  agency_code text NOT NULL DEFAULT '',
  requests integer NOT NULL,
  ch_phone integer NOT NULL,
  ch_web integer NOT NULL,
  ch_app integer NOT NULL,
  ch_open311 integer NOT NULL,
  ch_email integer NOT NULL,
  ch_messenger integer NOT NULL,
  st_new integer NOT NULL,
  st_assigned integer NOT NULL,
  st_in_progress integer NOT NULL,
  st_waiting_for_resident integer NOT NULL,
  st_resolved integer NOT NULL,
  st_closed integer NOT NULL,
  st_rejected integer NOT NULL,
  st_duplicate integer NOT NULL,
  st_deferred integer NOT NULL,
  st_reopened integer NOT NULL,
  n_urgent integer NOT NULL,
  met_urgent integer NOT NULL,
  breached_urgent integer NOT NULL,
  res_n_urgent integer NOT NULL,
  res_s_urgent double precision NOT NULL,
  n_high integer NOT NULL,
  met_high integer NOT NULL,
  breached_high integer NOT NULL,
  res_n_high integer NOT NULL,
  res_s_high double precision NOT NULL,
  n_standard integer NOT NULL,
  met_standard integer NOT NULL,
  breached_standard integer NOT NULL,
  res_n_standard integer NOT NULL,
  res_s_standard double precision NOT NULL,
  n_low integer NOT NULL,
  met_low integer NOT NULL,
  breached_low integer NOT NULL,
  res_n_low integer NOT NULL,
  res_s_low double precision NOT NULL,
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
  PRIMARY KEY (city_id, day, category_code, district_code, agency_code)
);
CREATE INDEX request_rollup_daily_category ON request_rollup_daily (city_id, category_code, day);

-- The watermark of the rollup job per city.
CREATE TABLE rollup_state (
  city_id text PRIMARY KEY,
  scanned_until timestamptz NOT NULL DEFAULT 'epoch'
);

CREATE INDEX requests_updated ON requests (updated_at);
