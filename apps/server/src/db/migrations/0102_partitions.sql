-- Monthly partitions for requests and their events (docs/SCALING.md, "Partitioning").
--
-- The partition key is the id, and the id carries its month: id = month_base(created_at) + seq,
-- where month_base = (months since 1970-01, UTC) << 36 and seq comes from one sequence (so the
-- public number, built from seq, reads as before). An id range is therefore exactly a calendar
-- month, known years ahead, and
--   * the primary key stays (city_id, id) and every foreign key to requests stays as it was;
--   * a lookup by id (request page, history, attachments, foreign-key checks) prunes to one
--     partition; a time range prunes with `id BETWEEN month_base(from) AND …`;
--   * events are partitioned by request_id the same way, so a request and its history share a month.
-- Rows that existed before this migration keep their ids (all < 2^36) in `requests_legacy`; a
-- DEFAULT partition catches any month nobody created ahead, so an insert never fails. The
-- partition job (jobs/partitions.ts) creates the current month and three ahead.
--
-- Unique keys of a partitioned table must contain the partition key, so the number is unique
-- because the sequence is (a plain index serves lookups), and idempotency keys move to their
-- own small table, request_keys.

-- 1. Foreign keys to and from the tables being replaced (re-added in step 6).
ALTER TABLE request_events DROP CONSTRAINT request_events_city_id_request_id_fkey;
ALTER TABLE attachments DROP CONSTRAINT attachments_city_id_request_id_fkey;
ALTER TABLE kb_links DROP CONSTRAINT kb_links_city_id_request_id_fkey;
ALTER TABLE request_claims DROP CONSTRAINT request_claims_city_id_request_id_fkey;
ALTER TABLE subscriptions DROP CONSTRAINT subscriptions_city_id_request_id_fkey;
ALTER TABLE requests DROP CONSTRAINT requests_city_id_duplicate_of_fkey;

-- 2. The old tables step aside with their data; their indexes go (re-created on the new tables).
ALTER TABLE requests RENAME TO requests_old;
ALTER TABLE requests_old RENAME CONSTRAINT requests_pkey TO requests_old_pkey;
ALTER TABLE requests_old DROP CONSTRAINT requests_city_id_number_key;
DROP INDEX requests_idempotency, requests_queue, requests_agency, requests_created, requests_resident,
  requests_candidates, requests_duplicate_of, requests_incident, requests_sla_open, requests_updated,
  requests_retention, requests_open_created, requests_open_agency, requests_open_candidates,
  requests_deferred_place, requests_deferred_backlog;
ALTER TABLE request_events RENAME TO request_events_old;
ALTER TABLE request_events_old RENAME CONSTRAINT request_events_pkey TO request_events_old_pkey;
DROP INDEX request_events_request;

-- 3. Ids that carry their month.
CREATE SEQUENCE requests_seq;
SELECT setval('requests_seq', coalesce((SELECT max(id) FROM requests_old), 0) + 1, false);
CREATE SEQUENCE request_events_seq;
SELECT setval('request_events_seq', coalesce((SELECT max(id) FROM request_events_old), 0) + 1, false);

CREATE FUNCTION request_month_base(ts timestamptz) RETURNS bigint LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT ((extract(year FROM ts AT TIME ZONE 'UTC')::bigint - 1970) * 12
    + extract(month FROM ts AT TIME ZONE 'UTC')::bigint - 1) << 36
$$;
-- A new request id for a request created at ts.
CREATE FUNCTION request_id_at(ts timestamptz) RETURNS bigint LANGUAGE sql VOLATILE AS $$
  SELECT request_month_base(ts) + nextval('requests_seq')
$$;

-- 4. The partitioned tables: the same columns, defaults and checks.
CREATE TABLE requests (LIKE requests_old INCLUDING DEFAULTS INCLUDING CONSTRAINTS) PARTITION BY RANGE (id);
ALTER TABLE requests ALTER COLUMN id SET DEFAULT request_id_at(now());
ALTER TABLE requests ADD CONSTRAINT requests_pkey PRIMARY KEY (city_id, id);
CREATE TABLE requests_legacy PARTITION OF requests FOR VALUES FROM (MINVALUE) TO (68719476736);
CREATE TABLE requests_default PARTITION OF requests DEFAULT;

CREATE TABLE request_events (LIKE request_events_old INCLUDING DEFAULTS INCLUDING CONSTRAINTS)
  PARTITION BY RANGE (request_id);
ALTER TABLE request_events ALTER COLUMN id SET DEFAULT nextval('request_events_seq');
ALTER SEQUENCE request_events_seq OWNED BY request_events.id;
ALTER TABLE request_events ADD CONSTRAINT request_events_pkey PRIMARY KEY (city_id, request_id, id);
CREATE TABLE request_events_legacy PARTITION OF request_events FOR VALUES FROM (MINVALUE) TO (68719476736);
CREATE TABLE request_events_default PARTITION OF request_events DEFAULT;

INSERT INTO requests SELECT * FROM requests_old;
INSERT INTO request_events SELECT * FROM request_events_old;
DROP TABLE request_events_old;
DROP TABLE requests_old;

-- 5. Indexes (each partition gets its own).
CREATE INDEX requests_number ON requests (city_id, number);
CREATE INDEX requests_queue ON requests (city_id, status, due_at);
CREATE INDEX requests_agency ON requests (city_id, agency_code, status, due_at);
CREATE INDEX requests_created ON requests (city_id, created_at DESC, id DESC);
CREATE INDEX requests_resident ON requests (city_id, resident_id, created_at DESC) WHERE resident_id IS NOT NULL;
CREATE INDEX requests_candidates ON requests (city_id, geo_cell, created_at) WHERE geo_cell IS NOT NULL;
CREATE INDEX requests_duplicate_of ON requests (city_id, duplicate_of) WHERE duplicate_of IS NOT NULL;
CREATE INDEX requests_incident ON requests (city_id, incident_id) WHERE incident_id IS NOT NULL;
CREATE INDEX requests_sla_open ON requests (due_at)
  WHERE sla_breached_at IS NULL AND status IN ('new', 'assigned', 'in_progress', 'reopened');
CREATE INDEX requests_updated ON requests (updated_at);
CREATE INDEX requests_retention ON requests (closed_at) WHERE anonymized_at IS NULL AND closed_at IS NOT NULL;
CREATE INDEX requests_open_created ON requests (city_id, created_at DESC, id DESC)
  WHERE status IN ('new', 'assigned', 'in_progress', 'waiting_for_resident', 'reopened');
CREATE INDEX requests_open_agency ON requests (city_id, agency_code, created_at DESC, id DESC)
  WHERE status IN ('new', 'assigned', 'in_progress', 'waiting_for_resident', 'reopened');
CREATE INDEX requests_open_candidates ON requests (city_id, geo_cell, created_at)
  WHERE geo_cell IS NOT NULL AND status IN ('new', 'assigned', 'in_progress', 'waiting_for_resident', 'reopened');
CREATE INDEX requests_deferred_place ON requests (city_id, category_code, geo_cell) WHERE status = 'deferred';
CREATE INDEX requests_deferred_backlog ON requests (city_id, planned_year, category_code, district_code, agency_code)
  INCLUDE (repeats, created_at) WHERE status = 'deferred';
CREATE INDEX request_events_request ON request_events (city_id, request_id, id);

-- Idempotency keys: unique per city, across all months.
CREATE TABLE request_keys (
  city_id text NOT NULL,
  key text NOT NULL,
  request_id bigint NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (city_id, key)
);
INSERT INTO request_keys (city_id, key, request_id, created_at)
  SELECT city_id, idempotency_key, id, created_at FROM requests WHERE idempotency_key IS NOT NULL;

-- 6. Foreign keys, as they were (PostgreSQL ≥ 12 lets them reference a partitioned table).
ALTER TABLE requests ADD CONSTRAINT requests_city_id_fkey FOREIGN KEY (city_id) REFERENCES cities (id);
ALTER TABLE requests ADD CONSTRAINT requests_city_id_category_code_fkey
  FOREIGN KEY (city_id, category_code) REFERENCES categories (city_id, code);
ALTER TABLE requests ADD CONSTRAINT requests_city_id_district_code_fkey
  FOREIGN KEY (city_id, district_code) REFERENCES districts (city_id, code);
ALTER TABLE requests ADD CONSTRAINT requests_city_id_agency_code_fkey
  FOREIGN KEY (city_id, agency_code) REFERENCES agencies (city_id, code);
ALTER TABLE requests ADD CONSTRAINT requests_city_id_resident_id_fkey
  FOREIGN KEY (city_id, resident_id) REFERENCES residents (city_id, id);
ALTER TABLE requests ADD CONSTRAINT requests_city_id_executor_id_fkey
  FOREIGN KEY (city_id, executor_id) REFERENCES staff (city_id, id);
ALTER TABLE requests ADD CONSTRAINT requests_city_id_duplicate_of_fkey
  FOREIGN KEY (city_id, duplicate_of) REFERENCES requests (city_id, id);
ALTER TABLE requests ADD CONSTRAINT requests_city_id_incident_id_fkey
  FOREIGN KEY (city_id, incident_id) REFERENCES incidents (city_id, id);
ALTER TABLE request_events ADD CONSTRAINT request_events_city_id_request_id_fkey
  FOREIGN KEY (city_id, request_id) REFERENCES requests (city_id, id);
ALTER TABLE attachments ADD CONSTRAINT attachments_city_id_request_id_fkey
  FOREIGN KEY (city_id, request_id) REFERENCES requests (city_id, id);
ALTER TABLE kb_links ADD CONSTRAINT kb_links_city_id_request_id_fkey
  FOREIGN KEY (city_id, request_id) REFERENCES requests (city_id, id);
ALTER TABLE request_claims ADD CONSTRAINT request_claims_city_id_request_id_fkey
  FOREIGN KEY (city_id, request_id) REFERENCES requests (city_id, id);
ALTER TABLE subscriptions ADD CONSTRAINT subscriptions_city_id_request_id_fkey
  FOREIGN KEY (city_id, request_id) REFERENCES requests (city_id, id);
ALTER TABLE request_keys ADD CONSTRAINT request_keys_city_id_request_id_fkey
  FOREIGN KEY (city_id, request_id) REFERENCES requests (city_id, id);

-- Events are history: never updated, never deleted.
CREATE TRIGGER request_events_append_only BEFORE UPDATE OR DELETE ON request_events
  FOR EACH ROW EXECUTE FUNCTION forbid_change();

-- The months themselves are created by ensure_request_partitions (0103) and the partition job.
ANALYZE requests;
ANALYZE request_events;
