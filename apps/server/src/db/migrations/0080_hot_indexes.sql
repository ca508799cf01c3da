-- Indexes for the hot queries at 1 M – 10 M requests, chosen with EXPLAIN (ANALYZE, BUFFERS)
-- (`npx komek explain`, docs/plans/). Open requests are a small share of a city's history
-- (a few thousand of millions), so partial indexes over the open statuses stay small and hot
-- while the full-history indexes grow with the years.

-- Queue list (open statuses, newest first, LIMIT 50): walk the open rows in order and stop at 50,
-- instead of fetching every open row by (status, due_at) and sorting them.
CREATE INDEX IF NOT EXISTS requests_open_created
  ON requests (city_id, created_at DESC, id DESC)
  WHERE status IN ('new', 'assigned', 'in_progress', 'waiting_for_resident', 'reopened');

-- A service's queue (agency filter, newest first, LIMIT 50, maybe overdue): walk that agency's open
-- rows in order. Without it, with requests_open_created the planner hoped to meet 50 of the agency's
-- rows early and filtered all ≈ 16 k open rows of the city to return 12 (4,500 buffers).
CREATE INDEX IF NOT EXISTS requests_open_agency
  ON requests (city_id, agency_code, created_at DESC, id DESC)
  WHERE status IN ('new', 'assigned', 'in_progress', 'waiting_for_resident', 'reopened');

-- Duplicate candidates: open requests in a few geo cells over the last days.
CREATE INDEX IF NOT EXISTS requests_open_candidates
  ON requests (city_id, geo_cell, created_at)
  WHERE geo_cell IS NOT NULL
    AND status IN ('new', 'assigned', 'in_progress', 'waiting_for_resident', 'reopened');
