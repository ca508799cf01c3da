-- Web push and in-app notifications for residents.

-- One VAPID key pair for the whole deployment, generated once so every process signs with the same
-- pair (unless VAPID_PUBLIC_KEY / VAPID_PRIVATE_KEY are configured, which take precedence).
CREATE TABLE push_vapid_keys (
  id smallint PRIMARY KEY CHECK (id = 1),
  public_key text NOT NULL,
  private_key text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);

-- A browser's PushSubscription; one row per endpoint (a re-subscription updates it).
CREATE TABLE push_subscriptions (
  city_id text NOT NULL,
  id bigint GENERATED ALWAYS AS IDENTITY,
  resident_id bigint NOT NULL,
  endpoint text NOT NULL,
  p256dh text NOT NULL,
  auth text NOT NULL,
  lang text CHECK (lang IN ('kk', 'ru', 'en')),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  last_sent_at timestamptz,
  PRIMARY KEY (city_id, id),
  UNIQUE (city_id, endpoint)
);
CREATE INDEX push_subscriptions_resident ON push_subscriptions (city_id, resident_id);

-- What a resident sees under the bell. outbox_id makes a delivery idempotent.
CREATE TABLE notifications (
  city_id text NOT NULL,
  id bigint GENERATED ALWAYS AS IDENTITY,
  resident_id bigint NOT NULL,
  request_number text,
  kind text NOT NULL,
  title text NOT NULL,
  body text NOT NULL,
  outbox_id bigint,
  read_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (city_id, id),
  UNIQUE (city_id, outbox_id)
);
CREATE INDEX notifications_resident ON notifications (city_id, resident_id, id DESC);
CREATE INDEX notifications_unread ON notifications (city_id, resident_id) WHERE read_at IS NULL;
