-- Extensions live in the public schema so that every schema (one per test file) can use them.
CREATE EXTENSION IF NOT EXISTS pg_trgm WITH SCHEMA public;
