-- The search log keeps identical searches of one second as one row with their number: under
-- load most searches repeat (a heating outage brings thousands of «отопление»), and a batch of
-- 200 rows took 12-25 ms on PGlite, where that time stalls every request in flight. Old rows
-- count once each (the default; no rewrite on PostgreSQL 11+).
ALTER TABLE kb_searches ADD COLUMN searches integer NOT NULL DEFAULT 1 CHECK (searches > 0);
