-- Core model. Every table carries city_id, leads its keys with it, and so can later be
-- distributed by it (Citus: cities, categories and agencies as reference tables).

CREATE TABLE cities (
  id text PRIMARY KEY CHECK (id ~ '^[a-z][a-z0-9_-]{1,39}$'),
  name jsonb NOT NULL,                       -- {"kk": …, "ru": …, "en": …}
  time_zone text NOT NULL,
  number_prefix text NOT NULL DEFAULT '109', -- public numbers look like 109-2026-0001234
  settings jsonb NOT NULL DEFAULT '{}',      -- reopen window, anonymous reports, …
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE districts (
  city_id text NOT NULL REFERENCES cities (id),
  code text NOT NULL CHECK (code ~ '^[a-z0-9_-]{1,40}$'),
  name jsonb NOT NULL,
  geometry jsonb NOT NULL,                   -- GeoJSON Polygon or MultiPolygon (lon, lat)
  bbox double precision[] NOT NULL,          -- [minLon, minLat, maxLon, maxLat]
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (city_id, code)
);

CREATE TABLE calendars (
  city_id text NOT NULL REFERENCES cities (id),
  code text NOT NULL,
  hours jsonb NOT NULL,                      -- {"1": [[540, 780], [840, 1080]], …} minutes from midnight
  holidays text[] NOT NULL DEFAULT '{}',     -- 'YYYY-MM-DD'
  workdays text[] NOT NULL DEFAULT '{}',
  PRIMARY KEY (city_id, code)
);

CREATE TABLE agencies (
  city_id text NOT NULL REFERENCES cities (id),
  code text NOT NULL CHECK (code ~ '^[a-z0-9_.-]{1,60}$'),
  kind text NOT NULL CHECK (kind IN ('department', 'district_akimat', 'utility', 'lift_company', 'building_manager', 'contact_center', 'other')),
  name jsonb NOT NULL,
  phone text,
  email text,
  address text,
  working_hours text,                        -- human text, e.g. "Mon–Fri 09:00–18:00"
  calendar_code text,                        -- SLA counts working time on this calendar; null = wall time
  district_code text,
  active boolean NOT NULL DEFAULT true,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (city_id, code),
  FOREIGN KEY (city_id, calendar_code) REFERENCES calendars (city_id, code),
  FOREIGN KEY (city_id, district_code) REFERENCES districts (city_id, code)
);

CREATE TABLE categories (
  city_id text NOT NULL REFERENCES cities (id),
  code text NOT NULL CHECK (code ~ '^[a-z0-9_.-]{1,60}$'),
  parent_code text,
  name jsonb NOT NULL,
  description jsonb NOT NULL DEFAULT '{}',
  icon text,
  default_criticality text NOT NULL DEFAULT 'standard' CHECK (default_criticality IN ('urgent', 'high', 'standard', 'low')),
  sla_hours jsonb NOT NULL DEFAULT '{"urgent": 24, "high": 72, "standard": 240, "low": 480}',
  agency_code text,
  season jsonb,                              -- {"from": "10-01", "to": "04-30"}: active only then
  questions jsonb NOT NULL DEFAULT '[]',     -- Open311-style attributes
  keywords jsonb NOT NULL DEFAULT '{}',      -- {"ru": […], "kk": […], "en": […]}
  duplicate_radius_m integer NOT NULL DEFAULT 300 CHECK (duplicate_radius_m BETWEEN 10 AND 50000),
  active boolean NOT NULL DEFAULT true,
  sort integer NOT NULL DEFAULT 0,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (city_id, code),
  FOREIGN KEY (city_id, parent_code) REFERENCES categories (city_id, code),
  FOREIGN KEY (city_id, agency_code) REFERENCES agencies (city_id, code)
);

CREATE TABLE category_agency_overrides (
  city_id text NOT NULL,
  category_code text NOT NULL,
  district_code text NOT NULL,
  agency_code text NOT NULL,
  PRIMARY KEY (city_id, category_code, district_code),
  FOREIGN KEY (city_id, category_code) REFERENCES categories (city_id, code) ON DELETE CASCADE,
  FOREIGN KEY (city_id, district_code) REFERENCES districts (city_id, code),
  FOREIGN KEY (city_id, agency_code) REFERENCES agencies (city_id, code)
);

CREATE TABLE residents (
  city_id text NOT NULL REFERENCES cities (id),
  id bigint GENERATED ALWAYS AS IDENTITY,
  phone text NOT NULL CHECK (phone ~ '^\+[0-9]{8,15}$'),
  name text,
  preferred_lang text NOT NULL DEFAULT 'ru' CHECK (preferred_lang IN ('kk', 'ru', 'en')),
  consent_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (city_id, id),
  UNIQUE (city_id, phone)
);

CREATE TABLE staff (
  city_id text NOT NULL REFERENCES cities (id),
  id bigint GENERATED ALWAYS AS IDENTITY,
  login text NOT NULL CHECK (login ~ '^[a-z0-9_.-]{2,60}$'),
  password_hash text NOT NULL,
  name text NOT NULL,
  role text NOT NULL CHECK (role IN ('operator', 'supervisor', 'executor', 'analyst', 'admin')),
  agency_code text,
  preferred_lang text NOT NULL DEFAULT 'ru' CHECK (preferred_lang IN ('kk', 'ru', 'en')),
  active boolean NOT NULL DEFAULT true,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (city_id, id),
  UNIQUE (login),
  FOREIGN KEY (city_id, agency_code) REFERENCES agencies (city_id, code),
  CHECK (role <> 'executor' OR agency_code IS NOT NULL)
);

CREATE TABLE sessions (
  token_hash text PRIMARY KEY,
  city_id text NOT NULL REFERENCES cities (id),
  subject_kind text NOT NULL CHECK (subject_kind IN ('staff', 'resident')),
  subject_id bigint NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL
);
CREATE INDEX sessions_expiry ON sessions (expires_at);

CREATE TABLE otp_codes (
  city_id text NOT NULL REFERENCES cities (id),
  phone text NOT NULL,
  code_hash text NOT NULL,
  attempts integer NOT NULL DEFAULT 0,
  created_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL,
  PRIMARY KEY (city_id, phone)
);

CREATE TABLE incidents (
  city_id text NOT NULL REFERENCES cities (id),
  id bigint GENERATED ALWAYS AS IDENTITY,
  category_code text NOT NULL,
  district_code text,
  title text NOT NULL,
  status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'closed')),
  lat double precision,
  lon double precision,
  radius_m integer NOT NULL DEFAULT 500,
  public_answer text,
  created_at timestamptz NOT NULL DEFAULT now(),
  closed_at timestamptz,
  PRIMARY KEY (city_id, id)
);

CREATE TABLE requests (
  city_id text NOT NULL REFERENCES cities (id),
  id bigint GENERATED BY DEFAULT AS IDENTITY,   -- taken with nextval() so the number can be built from it
  number text NOT NULL,
  channel text NOT NULL CHECK (channel IN ('phone', 'web', 'app', 'open311', 'email', 'messenger')),
  text text NOT NULL,
  lang text NOT NULL CHECK (lang IN ('kk', 'ru', 'en')),
  category_code text,
  criticality text NOT NULL CHECK (criticality IN ('urgent', 'high', 'standard', 'low')),
  status text NOT NULL CHECK (status IN ('new', 'assigned', 'in_progress', 'waiting_for_resident', 'resolved', 'closed', 'rejected', 'duplicate', 'deferred', 'reopened')),
  lat double precision CHECK (lat BETWEEN -90 AND 90),
  lon double precision CHECK (lon BETWEEN -180 AND 180),
  geo_cell bigint,
  address text,
  district_code text,
  resident_id bigint,
  agency_code text,
  executor_id bigint,
  created_by_staff_id bigint,
  due_at timestamptz NOT NULL,
  sla_paused_at timestamptz,
  sla_warned_at timestamptz,
  sla_breached_at timestamptz,
  first_response_at timestamptz,
  resolved_at timestamptz,
  closed_at timestamptz,
  duplicate_of bigint,
  incident_id bigint,
  planned_year integer,
  status_reason text,
  attributes jsonb NOT NULL DEFAULT '{}',
  idempotency_key text,
  rating smallint CHECK (rating BETWEEN 1 AND 5),
  rating_comment text,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (city_id, id),
  UNIQUE (city_id, number),
  FOREIGN KEY (city_id, category_code) REFERENCES categories (city_id, code),
  FOREIGN KEY (city_id, district_code) REFERENCES districts (city_id, code),
  FOREIGN KEY (city_id, agency_code) REFERENCES agencies (city_id, code),
  FOREIGN KEY (city_id, resident_id) REFERENCES residents (city_id, id),
  FOREIGN KEY (city_id, executor_id) REFERENCES staff (city_id, id),
  FOREIGN KEY (city_id, duplicate_of) REFERENCES requests (city_id, id),
  FOREIGN KEY (city_id, incident_id) REFERENCES incidents (city_id, id),
  CHECK ((lat IS NULL) = (lon IS NULL)),
  CHECK (status <> 'duplicate' OR duplicate_of IS NOT NULL),
  CHECK (status <> 'deferred' OR planned_year IS NOT NULL)
);
CREATE UNIQUE INDEX requests_idempotency ON requests (city_id, idempotency_key) WHERE idempotency_key IS NOT NULL;
CREATE INDEX requests_queue ON requests (city_id, status, due_at);
CREATE INDEX requests_agency ON requests (city_id, agency_code, status, due_at);
CREATE INDEX requests_created ON requests (city_id, created_at DESC, id DESC);
CREATE INDEX requests_resident ON requests (city_id, resident_id, created_at DESC) WHERE resident_id IS NOT NULL;
CREATE INDEX requests_candidates ON requests (city_id, geo_cell, created_at) WHERE geo_cell IS NOT NULL;
CREATE INDEX requests_duplicate_of ON requests (city_id, duplicate_of) WHERE duplicate_of IS NOT NULL;
CREATE INDEX requests_incident ON requests (city_id, incident_id) WHERE incident_id IS NOT NULL;
CREATE INDEX requests_sla_open ON requests (due_at) WHERE sla_breached_at IS NULL AND status IN ('new', 'assigned', 'in_progress', 'reopened');

CREATE TABLE request_events (
  city_id text NOT NULL,
  id bigint GENERATED ALWAYS AS IDENTITY,
  request_id bigint NOT NULL,
  type text NOT NULL CHECK (type IN ('created', 'classified', 'suggestion_feedback', 'assigned', 'status_changed', 'comment', 'attachment', 'sla_warning', 'sla_breach', 'escalated', 'feedback', 'duplicate_linked', 'incident_linked', 'category_changed', 'criticality_changed', 'resident_notified')),
  actor_kind text NOT NULL CHECK (actor_kind IN ('staff', 'resident', 'system', 'partner')),
  actor_id bigint,
  from_status text,
  to_status text,
  visibility text NOT NULL DEFAULT 'internal' CHECK (visibility IN ('public', 'internal')),
  body text,
  data jsonb NOT NULL DEFAULT '{}',
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (city_id, id),
  FOREIGN KEY (city_id, request_id) REFERENCES requests (city_id, id)
);
CREATE INDEX request_events_request ON request_events (city_id, request_id, id);

-- Events are history: never updated, never deleted.
CREATE FUNCTION forbid_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% is append-only', TG_TABLE_NAME USING ERRCODE = 'insufficient_privilege';
END;
$$;
CREATE TRIGGER request_events_append_only BEFORE UPDATE OR DELETE ON request_events
  FOR EACH ROW EXECUTE FUNCTION forbid_change();

CREATE TABLE attachments (
  city_id text NOT NULL,
  id bigint GENERATED ALWAYS AS IDENTITY,
  request_id bigint NOT NULL,
  kind text NOT NULL DEFAULT 'resident' CHECK (kind IN ('resident', 'fix', 'internal')),
  file_name text NOT NULL,
  content_type text NOT NULL,
  size_bytes integer NOT NULL,
  sha256 text NOT NULL,
  storage_key text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (city_id, id),
  FOREIGN KEY (city_id, request_id) REFERENCES requests (city_id, id)
);
CREATE INDEX attachments_request ON attachments (city_id, request_id);

-- Messages to deliver (SMS, e-mail, push, in-app), written in the same transaction as the change.
CREATE TABLE outbox (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  city_id text NOT NULL,
  kind text NOT NULL,                        -- otp, status_changed, sla_breach, …
  channel text NOT NULL CHECK (channel IN ('sms', 'email', 'push', 'inapp', 'webhook')),
  recipient text NOT NULL,
  payload jsonb NOT NULL DEFAULT '{}',
  status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sent', 'failed', 'dead')),
  attempts integer NOT NULL DEFAULT 0,
  next_attempt_at timestamptz NOT NULL DEFAULT now(),
  last_error text,
  created_at timestamptz NOT NULL DEFAULT now(),
  sent_at timestamptz
);
CREATE INDEX outbox_pending ON outbox (next_attempt_at) WHERE status = 'pending';

-- What the development senders "sent": read by developers at /api/v1/dev/inbox, never in production.
CREATE TABLE dev_messages (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  city_id text NOT NULL,
  channel text NOT NULL,
  recipient text NOT NULL,
  subject text,
  body text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE classifier_models (
  city_id text NOT NULL REFERENCES cities (id),
  version integer NOT NULL,
  target text NOT NULL DEFAULT 'category',
  model jsonb NOT NULL,
  metrics jsonb NOT NULL DEFAULT '{}',
  trained_on integer NOT NULL DEFAULT 0,
  active boolean NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (city_id, target, version)
);

CREATE TABLE criticality_rules (
  city_id text NOT NULL REFERENCES cities (id),
  id bigint GENERATED ALWAYS AS IDENTITY,
  pattern text NOT NULL,
  lang text CHECK (lang IN ('kk', 'ru', 'en')),
  level text NOT NULL CHECK (level IN ('urgent', 'high', 'standard', 'low')),
  active boolean NOT NULL DEFAULT true,
  PRIMARY KEY (city_id, id)
);

CREATE TABLE jobs_state (
  name text PRIMARY KEY,
  last_run_at timestamptz,
  data jsonb NOT NULL DEFAULT '{}'
);
