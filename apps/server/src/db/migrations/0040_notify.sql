-- Notifications: leased outbox delivery, resident preferences, push subscriptions, in-app
-- notifications, VAPID keys and webhooks. Webhook deliveries are outbox rows (channel 'webhook').
ALTER TABLE outbox DROP CONSTRAINT IF EXISTS outbox_status_check;
ALTER TABLE outbox ADD CONSTRAINT outbox_status_check
  CHECK (status IN ('pending', 'sending', 'sent', 'failed', 'dead'));
ALTER TABLE outbox ADD COLUMN lease_until timestamptz;
ALTER TABLE outbox ADD COLUMN last_status integer;
CREATE INDEX outbox_leased ON outbox (lease_until) WHERE status = 'sending';
CREATE INDEX outbox_by_status ON outbox (city_id, status, id);
CREATE INDEX outbox_by_recipient ON outbox (city_id, recipient, id);

CREATE TABLE notification_preferences (
  city_id text NOT NULL,
  resident_id bigint NOT NULL,
  sms boolean NOT NULL DEFAULT true,
  email boolean NOT NULL DEFAULT false,
  push boolean NOT NULL DEFAULT true,
  inapp boolean NOT NULL DEFAULT true,
  email_address text,
  quiet_start smallint CHECK (quiet_start BETWEEN 0 AND 1439),  -- minutes after local midnight
  quiet_end smallint CHECK (quiet_end BETWEEN 0 AND 1439),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (city_id, resident_id)
);

CREATE TABLE push_subscriptions (
  city_id text NOT NULL,
  resident_id bigint NOT NULL,
  endpoint text NOT NULL,
  p256dh text NOT NULL,
  auth text NOT NULL,
  lang text NOT NULL DEFAULT 'ru',
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (city_id, endpoint)
);
CREATE INDEX push_subscriptions_resident ON push_subscriptions (city_id, resident_id);

CREATE TABLE notifications (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  city_id text NOT NULL,
  resident_id bigint NOT NULL,
  outbox_id bigint NOT NULL,
  kind text NOT NULL,
  request_number text,
  body text NOT NULL,
  read_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (city_id, outbox_id)
);
CREATE INDEX notifications_resident ON notifications (city_id, resident_id, id DESC);

CREATE TABLE push_vapid_keys (
  city_id text PRIMARY KEY,
  public_key text NOT NULL,
  private_key text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE webhooks (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  city_id text NOT NULL,
  url text NOT NULL,
  events jsonb NOT NULL,
  secret text NOT NULL,
  active boolean NOT NULL DEFAULT true,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX webhooks_city ON webhooks (city_id, id);
