-- Indexes for the hot queries at 1 M – 10 M requests, chosen with EXPLAIN (ANALYZE, BUFFERS)
-- (`npx komek explain`, docs/plans/). Open requests are a small share of a city's history
-- (a few thousand of millions), so partial indexes over the open statuses stay small and hot
-- while the full-history indexes grow with the years.

-- Queue list (open statuses, newest first, LIMIT 50): walk the open rows in order and stop at 50,
-- instead of fetching every open row by (status, due_at) and sorting them.
CREATE INDEX IF NOT EXISTS requests_open_created
  ON requests (city_id, created_at DESC, id DESC)
  WHERE status IN ('new', 'assigned', 'in_progress', 'waiting_for_resident', 'reopened');

-- A service's queue (agency filter, overdue or by due time): the full (agency, status, due_at)
-- index filtered thousands of closed rows per open one when the status list was not an index bound.
CREATE INDEX IF NOT EXISTS requests_open_agency
  ON requests (city_id, agency_code, due_at)
  WHERE status IN ('new', 'assigned', 'in_progress', 'waiting_for_resident', 'reopened');

-- Duplicate candidates: open requests in a few geo cells over the last days.
CREATE INDEX IF NOT EXISTS requests_open_candidates
  ON requests (city_id, geo_cell, created_at)
  WHERE geo_cell IS NOT NULL
    AND status IN ('new', 'assigned', 'in_progress', 'waiting_for_resident', 'reopened');
