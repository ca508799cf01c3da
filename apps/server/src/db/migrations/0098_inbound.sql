-- Inbound channels (e-mail, messengers): every message received, once per (provider, message id),
-- with the request it became. The sender's address is personal data: kept for the reply only.
CREATE TABLE inbound_messages (
  city_id text NOT NULL REFERENCES cities (id),
  id bigint GENERATED ALWAYS AS IDENTITY,
  provider text NOT NULL,                     -- email, telegram, …
  external_id text NOT NULL,                  -- Message-ID, chat:message
  sender text NOT NULL,                       -- where the reply goes (an address, a chat id)
  request_number text,
  received_at timestamptz NOT NULL,
  PRIMARY KEY (city_id, id),
  UNIQUE (city_id, provider, external_id)
);

-- Replies to messengers go through the outbox like SMS and e-mail.
ALTER TABLE outbox DROP CONSTRAINT IF EXISTS outbox_channel_check;
ALTER TABLE outbox ADD CONSTRAINT outbox_channel_check
  CHECK (channel IN ('sms', 'email', 'push', 'inapp', 'webhook', 'messenger'));
