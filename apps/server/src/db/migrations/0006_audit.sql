-- Every staff action, append-only (the trigger from 0002 refuses updates and deletes).
CREATE TABLE audit_log (
  id bigint GENERATED ALWAYS AS IDENTITY,
  city_id text NOT NULL,
  at timestamptz NOT NULL DEFAULT now(),
  actor_id bigint NOT NULL,
  actor_role text NOT NULL,
  method text NOT NULL,
  route text NOT NULL,
  target text,
  status integer NOT NULL,
  ip_hash text,
  PRIMARY KEY (city_id, id)
);
CREATE INDEX audit_log_at ON audit_log (city_id, at DESC);
CREATE INDEX audit_log_actor ON audit_log (city_id, actor_id, at DESC);
CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION forbid_change();
