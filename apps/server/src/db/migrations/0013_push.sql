-- Web push: the deployment's VAPID key pair (when not configured) and residents' subscriptions.
CREATE TABLE push_vapid (
  id smallint PRIMARY KEY CHECK (id = 1),
  public_key text NOT NULL,
  private_key text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE push_subscriptions (
  city_id text NOT NULL REFERENCES cities (id),
  id bigint GENERATED ALWAYS AS IDENTITY,
  resident_id bigint NOT NULL,
  endpoint text NOT NULL,
  p256dh text NOT NULL,
  auth text NOT NULL,
  lang text CHECK (lang IN ('kk', 'ru', 'en')),
  created_at timestamptz NOT NULL DEFAULT now(),
  last_sent_at timestamptz,
  failures integer NOT NULL DEFAULT 0,
  PRIMARY KEY (city_id, id),
  UNIQUE (city_id, endpoint),
  FOREIGN KEY (city_id, resident_id) REFERENCES residents (city_id, id) ON DELETE CASCADE
);
CREATE INDEX push_subscriptions_resident ON push_subscriptions (city_id, resident_id);
