-- The budget backlog reads the deferred requests only, grouped by planned year, category,
-- district and agency, summing their repeats: an index-only scan of this partial index.
CREATE INDEX requests_deferred_backlog ON requests (city_id, planned_year, category_code, district_code, agency_code)
  INCLUDE (repeats, created_at) WHERE status = 'deferred';
