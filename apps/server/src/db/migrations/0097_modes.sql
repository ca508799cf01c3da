-- Seasonal and emergency modes. A supervisor declares an emergency (storm, blackout, flood …),
-- or accepts one a spike alert proposed: a banner in the resident app and the console, its
-- categories, articles and templates first. It ends by hand or by itself at ends_at. Every mode
-- change (declared, ended, expired, season changed) is an append-only mode event.
CREATE TABLE emergencies (
  city_id text NOT NULL REFERENCES cities (id),
  id bigint GENERATED ALWAYS AS IDENTITY,
  kind text NOT NULL CHECK (kind IN ('storm', 'blackout', 'flood', 'heat', 'frost', 'other')),
  title jsonb NOT NULL,                       -- {"kk": …, "ru": …, "en": …}
  message jsonb NOT NULL DEFAULT '{}',
  category_codes text[] NOT NULL DEFAULT '{}',
  district_codes text[] NOT NULL DEFAULT '{}',
  alert_id bigint,                            -- the spike alert it was accepted from
  declared_by bigint NOT NULL,
  starts_at timestamptz NOT NULL,
  ends_at timestamptz,                        -- ends by itself then (NULL: until ended by hand)
  ended_at timestamptz,
  ended_by bigint,
  PRIMARY KEY (city_id, id),
  FOREIGN KEY (city_id, declared_by) REFERENCES staff (city_id, id)
);
CREATE INDEX emergencies_active ON emergencies (city_id) WHERE ended_at IS NULL;

CREATE TABLE mode_events (
  city_id text NOT NULL REFERENCES cities (id),
  id bigint GENERATED ALWAYS AS IDENTITY,
  type text NOT NULL CHECK (type IN ('emergency_declared', 'emergency_ended', 'emergency_expired', 'season_changed')),
  emergency_id bigint,
  actor_id bigint,                            -- staff; NULL when the system did it
  data jsonb NOT NULL DEFAULT '{}',
  created_at timestamptz NOT NULL,
  PRIMARY KEY (city_id, id)
);
CREATE INDEX mode_events_time ON mode_events (city_id, created_at DESC);
CREATE TRIGGER mode_events_append_only BEFORE UPDATE OR DELETE ON mode_events
  FOR EACH ROW EXECUTE FUNCTION forbid_change();
