-- Saved queue views: a name and the queue's filters (the URL's query string). A view belongs to
-- the staff member who saved it, or is shared with every staff member of the city.
CREATE TABLE saved_views (
  city_id text NOT NULL REFERENCES cities (id),
  id bigint GENERATED ALWAYS AS IDENTITY,
  staff_id bigint NOT NULL,
  name text NOT NULL,
  query text NOT NULL,
  shared boolean NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (city_id, id),
  FOREIGN KEY (city_id, staff_id) REFERENCES staff (city_id, id)
);
CREATE UNIQUE INDEX saved_views_name ON saved_views (city_id, staff_id, lower(name));
