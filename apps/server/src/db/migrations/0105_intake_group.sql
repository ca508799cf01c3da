-- Intake's group write as a function (see modules/requests/intake-writer.ts): callers found or
-- created by phone, then the requests with their events, idempotency keys, outbox messages and
-- repeat counts, in one statement. A function because PL/pgSQL keeps the statement's plan for
-- the session, and the SET below makes that the generic plan: planning this statement over every
-- monthly partition costs ≈ 7 ms, which PGlite (no named statements from the client) would
-- otherwise pay on every group, against ≈ 0.6 ms for a whole single-row insert.
CREATE FUNCTION intake_group(callers jsonb, reqs jsonb, events jsonb)
RETURNS TABLE (group_ord int, request requests)
LANGUAGE plpgsql
SET plan_cache_mode = force_generic_plan
AS $fn$
BEGIN
  RETURN QUERY
    WITH c AS (
      SELECT * FROM jsonb_to_recordset(callers)
        AS c(city_id text, phone text, name text, lang text)
    ),
    cf AS (
      SELECT p.id, p.city_id, p.phone, p.name FROM residents p JOIN c ON p.city_id = c.city_id AND p.phone = c.phone
    ),
    cu AS (
      -- A known caller who gave a new name.
      UPDATE residents p SET name = c.name FROM cf JOIN c ON c.city_id = cf.city_id AND c.phone = cf.phone
      WHERE p.city_id = cf.city_id AND p.id = cf.id AND c.name IS NOT NULL AND c.name IS DISTINCT FROM cf.name
      RETURNING p.id
    ),
    ci AS (
      -- A new caller (a concurrent first call from the same phone is met by the upsert).
      INSERT INTO residents (city_id, phone, name, preferred_lang)
      SELECT c.city_id, c.phone, c.name, c.lang FROM c
      WHERE NOT EXISTS (SELECT 1 FROM cf WHERE cf.city_id = c.city_id AND cf.phone = c.phone)
      ON CONFLICT (city_id, phone) DO UPDATE SET name = COALESCE(EXCLUDED.name, residents.name)
      RETURNING id, city_id, phone
    ),
    known AS (SELECT id, city_id, phone FROM cf UNION ALL SELECT id, city_id, phone FROM ci),
    x AS (
      SELECT x.ord, x.city_id, x.prefix, x.channel, x.text, x.lang, x.category_code, x.criticality, x.lat,
        x.lon, x.geo_cell, x.address, x.district_code, COALESCE(x.resident_id, cl.id) AS resident_id,
        x.agency_code, x.created_by_staff_id, x.due_at, x.attributes, x.idempotency_key, x.created_at,
        x.outbox_kind, x.outbox_channel, x.outbox_payload
      FROM jsonb_to_recordset(reqs) AS x(ord int, city_id text, prefix text,
        channel text, text text, lang text, category_code text, criticality text, lat double precision,
        lon double precision, geo_cell bigint, address text, district_code text, resident_id bigint,
        phone text, agency_code text, created_by_staff_id bigint, due_at timestamptz, attributes jsonb,
        idempotency_key text, created_at timestamptz, outbox_kind text, outbox_channel text, outbox_payload jsonb)
      LEFT JOIN known cl ON cl.city_id = x.city_id AND cl.phone = x.phone
    ),
    s AS MATERIALIZED (SELECT o.ord, nextval('requests_seq') AS seq FROM (SELECT ord FROM x ORDER BY ord) o),
    n AS MATERIALIZED (
      SELECT x.*, s.seq, request_month_base(x.created_at) + s.seq AS id FROM x JOIN s ON s.ord = x.ord
    ),
    k AS (
      -- Idempotency: keys are claimed first; a key already used inserts nothing below.
      INSERT INTO request_keys (city_id, key, request_id, created_at)
      SELECT n.city_id, n.idempotency_key, n.id, n.created_at FROM n WHERE n.idempotency_key IS NOT NULL
      ON CONFLICT (city_id, key) DO NOTHING
      RETURNING city_id, key
    ),
    r AS (
      INSERT INTO requests (city_id, id, number, channel, text, lang, category_code, criticality, status,
        lat, lon, geo_cell, address, district_code, resident_id, agency_code, created_by_staff_id, due_at,
        attributes, idempotency_key, created_at, updated_at)
      SELECT n.city_id, n.id, n.prefix || lpad(n.seq::text, 7, '0'), n.channel, n.text, n.lang,
        n.category_code, n.criticality, 'new', n.lat, n.lon, n.geo_cell, n.address, n.district_code,
        n.resident_id, n.agency_code, n.created_by_staff_id, n.due_at, n.attributes, n.idempotency_key,
        n.created_at, n.created_at
      FROM n
      WHERE n.idempotency_key IS NULL
        OR EXISTS (SELECT 1 FROM k WHERE k.city_id = n.city_id AND k.key = n.idempotency_key)
      ORDER BY n.ord
      RETURNING *
    ),
    e AS (
      INSERT INTO request_events (city_id, request_id, type, actor_kind, actor_id, to_status, visibility, data, created_at)
      SELECT r.city_id, r.id, v.type, v.actor_kind, v.actor_id, v.to_status, v.visibility, v.data, r.created_at
      FROM r JOIN n ON n.city_id = r.city_id AND n.id = r.id
      JOIN jsonb_to_recordset(events) AS v(ord int, seq int, type text, actor_kind text,
        actor_id bigint, to_status text, visibility text, data jsonb) ON v.ord = n.ord
      ORDER BY n.ord, v.seq
      RETURNING id
    ),
    rep AS (
      -- A repeat: the deferred requests of the same place and category count one more each.
      UPDATE requests d SET repeats = d.repeats + g.times
      FROM (SELECT city_id, category_code, geo_cell, count(*) AS times FROM r GROUP BY 1, 2, 3) g
      WHERE d.city_id = g.city_id AND d.status = 'deferred' AND d.category_code = g.category_code
        AND d.geo_cell = g.geo_cell
      RETURNING 1
    ),
    o AS (
      INSERT INTO outbox (city_id, kind, channel, recipient, payload)
      SELECT r.city_id, n.outbox_kind, n.outbox_channel, 'resident:' || r.resident_id,
        n.outbox_payload || jsonb_build_object('number', r.number)
      FROM r JOIN n ON n.city_id = r.city_id AND n.id = r.id
      WHERE r.resident_id IS NOT NULL AND n.outbox_kind IS NOT NULL
      RETURNING id
    ),
    w AS (
      INSERT INTO outbox (city_id, kind, channel, recipient, payload)
      SELECT r.city_id, 'request.created', 'webhook', 'webhook:' || h.id, jsonb_build_object('event', 'request.created',
        'createdAt', to_char(r.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'), 'data', jsonb_build_object(
          'number', r.number, 'status', r.status, 'category', r.category_code, 'agency', r.agency_code,
          'district', r.district_code, 'criticality', r.criticality, 'channel', r.channel,
          'dueAt', to_char(r.due_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')))
      FROM r JOIN webhooks h ON h.city_id = r.city_id AND h.active AND h.events @> '["request.created"]'::jsonb
      RETURNING id
    )
    SELECT n.ord, ROW(r.*)::requests FROM r JOIN n ON n.city_id = r.city_id AND n.id = r.id;
END
$fn$;
