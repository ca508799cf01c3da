-- Contacts: every interaction an operator handles (a call, a walk-in, a chat), whether it became a
-- request or was answered on the spot from the knowledge base (first-contact resolution, a KPI).
CREATE TABLE contacts (
  city_id text NOT NULL REFERENCES cities (id),
  id bigint GENERATED ALWAYS AS IDENTITY,
  channel text NOT NULL CHECK (channel IN ('phone', 'walk_in', 'email', 'messenger', 'web', 'app')),
  outcome text NOT NULL CHECK (outcome IN ('answered', 'request_created', 'redirected', 'dropped')),
  staff_id bigint NOT NULL,
  article_id bigint,                 -- the knowledge-base article that answered it
  request_number text,               -- the request it created or attached to (no FK: requests may be partitioned)
  category_code text,
  call_id text,                      -- the telephony call, when a PBX reported one
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (city_id, id),
  FOREIGN KEY (city_id, staff_id) REFERENCES staff (city_id, id),
  FOREIGN KEY (city_id, article_id) REFERENCES kb_articles (city_id, id)
);
CREATE INDEX contacts_city_time ON contacts (city_id, created_at);
