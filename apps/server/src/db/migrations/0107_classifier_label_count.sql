-- How many labels a stored classifier knows, written at training time. The admin page showed it
-- with jsonb_array_length(model->'labels'), which detoasts the whole model on every load (≈ 13 MB
-- for the demo city's three-member model). Existing rows are counted once, here.
ALTER TABLE classifier_models ADD COLUMN label_count integer NOT NULL DEFAULT 0;
UPDATE classifier_models SET label_count = COALESCE(jsonb_array_length(model->'labels'), 0)
  WHERE jsonb_typeof(model->'labels') = 'array';
