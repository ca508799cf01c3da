-- Personal data: when a resident or a request was anonymised (deletion on request, or retention).
ALTER TABLE residents ADD COLUMN anonymized_at timestamptz;
ALTER TABLE requests ADD COLUMN anonymized_at timestamptz;
CREATE INDEX requests_retention ON requests (closed_at) WHERE anonymized_at IS NULL AND closed_at IS NOT NULL;
