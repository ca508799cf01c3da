-- The daily rollup per category: summed over district and agency (a row a category a day; the
-- district and agency columns are ''). The dashboard's top categories and the rising topics
-- group by category without a district or agency filter: at 10 M requests 30 days are ≈ 1,400
-- rows here against ≈ 8,000 in the full daily rollup. Rebuilt with the daily rollup, day by day.
CREATE TABLE request_rollup_category_daily (LIKE request_rollup_daily INCLUDING DEFAULTS);
ALTER TABLE request_rollup_category_daily ADD PRIMARY KEY (city_id, day, category_code, district_code, agency_code);

INSERT INTO request_rollup_category_daily (city_id, day, category_code, district_code, agency_code,
  requests, ch_phone, ch_web, ch_app, ch_open311, ch_email, ch_messenger, st_new, st_assigned, st_in_progress, st_waiting_for_resident, st_resolved, st_closed, st_rejected, st_duplicate, st_deferred, st_reopened, n_urgent, met_urgent, breached_urgent, res_n_urgent, res_s_urgent, n_high, met_high, breached_high, res_n_high, res_s_high, n_standard, met_standard, breached_standard, res_n_standard, res_s_standard, n_low, met_low, breached_low, res_n_low, res_s_low, resolved, sla_met, sla_breached, first_response_n, first_response_seconds, resolution_n, resolution_seconds, resolved_24h, resolved_72h, resolved_10d, rating_n, rating_sum)
SELECT city_id, day, category_code, '', '',
  sum(requests), sum(ch_phone), sum(ch_web), sum(ch_app), sum(ch_open311), sum(ch_email), sum(ch_messenger), sum(st_new), sum(st_assigned), sum(st_in_progress), sum(st_waiting_for_resident), sum(st_resolved), sum(st_closed), sum(st_rejected), sum(st_duplicate), sum(st_deferred), sum(st_reopened), sum(n_urgent), sum(met_urgent), sum(breached_urgent), sum(res_n_urgent), sum(res_s_urgent), sum(n_high), sum(met_high), sum(breached_high), sum(res_n_high), sum(res_s_high), sum(n_standard), sum(met_standard), sum(breached_standard), sum(res_n_standard), sum(res_s_standard), sum(n_low), sum(met_low), sum(breached_low), sum(res_n_low), sum(res_s_low), sum(resolved), sum(sla_met), sum(sla_breached), sum(first_response_n), sum(first_response_seconds), sum(resolution_n), sum(resolution_seconds), sum(resolved_24h), sum(resolved_72h), sum(resolved_10d), sum(rating_n), sum(rating_sum)
FROM request_rollup_daily GROUP BY city_id, day, category_code;

-- Statistics now (ANALYZE runs inside the migration's transaction; PGlite has no autovacuum).
ANALYZE request_rollup_category_daily;
