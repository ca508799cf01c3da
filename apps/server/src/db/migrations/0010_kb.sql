-- The knowledge base: articles in up to three languages, their versions and attachments, answer
-- templates, synonyms, links from requests (what the suggestions learn from), reads, feedback and
-- the search log. Search vectors are computed by the kb service on every write: Kazakh text is
-- stemmed in TypeScript first (PostgreSQL has no Kazakh dictionary), so a trigger cannot do it.

CREATE TABLE kb_articles (
  city_id text NOT NULL REFERENCES cities (id),
  id bigint GENERATED ALWAYS AS IDENTITY,
  status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'published', 'archived')),
  audience text NOT NULL DEFAULT 'public' CHECK (audience IN ('public', 'staff')),
  categories text[] NOT NULL DEFAULT '{}',   -- category codes the article answers
  tags text[] NOT NULL DEFAULT '{}',
  valid_from timestamptz,                    -- not suggested before (e.g. a seasonal schedule)
  valid_to timestamptz,                      -- nor after
  version integer NOT NULL DEFAULT 1,
  created_by bigint,
  updated_by bigint,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  published_at timestamptz,
  PRIMARY KEY (city_id, id),
  CHECK (valid_from IS NULL OR valid_to IS NULL OR valid_to > valid_from)
);
CREATE INDEX kb_articles_list ON kb_articles (city_id, status, updated_at DESC);
CREATE INDEX kb_articles_categories ON kb_articles USING gin (categories);

CREATE TABLE kb_article_variants (
  city_id text NOT NULL,
  article_id bigint NOT NULL,
  lang text NOT NULL CHECK (lang IN ('kk', 'ru', 'en')),
  title text NOT NULL,
  body text NOT NULL,                        -- Markdown as written
  body_html text NOT NULL,                   -- rendered and safe
  body_text text NOT NULL,                   -- plain text for snippets
  keywords text[] NOT NULL DEFAULT '{}',
  PRIMARY KEY (city_id, article_id, lang),
  FOREIGN KEY (city_id, article_id) REFERENCES kb_articles (city_id, id) ON DELETE CASCADE
);

-- The search index: one narrow row per variant with the weighted vectors (title A, keywords B,
-- body C, in the language's configuration) and the article's filters copied in, so a search
-- touches only this table and its GIN indexes (no join until the page is chosen).
CREATE TABLE kb_search_index (
  city_id text NOT NULL,
  article_id bigint NOT NULL,
  lang text NOT NULL,
  status text NOT NULL,
  audience text NOT NULL,
  valid_from timestamptz,
  valid_to timestamptz,
  categories text[] NOT NULL DEFAULT '{}',
  head tsvector NOT NULL,                    -- title A and keywords B: few, telling words
  search tsvector NOT NULL,                  -- head and body C
  PRIMARY KEY (city_id, article_id, lang),
  FOREIGN KEY (city_id, article_id, lang) REFERENCES kb_article_variants (city_id, article_id, lang) ON DELETE CASCADE
);
-- fastupdate off: without autovacuum (PGlite) the pending list would grow to 4 MB and be read
-- linearly by every search; articles change rarely, so each write updates the index at once.
CREATE INDEX kb_search_head ON kb_search_index USING gin (head) WITH (fastupdate = off) WHERE status = 'published';
CREATE INDEX kb_search_full ON kb_search_index USING gin (search) WITH (fastupdate = off) WHERE status = 'published';

-- Words of titles and keywords, for typo correction by trigram similarity («атопление» → «отопление»):
-- GiST, because it finds the nearest word (ORDER BY word <-> typed LIMIT 1) without scanning.
CREATE TABLE kb_lexicon (
  city_id text NOT NULL,
  word text NOT NULL,
  PRIMARY KEY (city_id, word)
);
CREATE INDEX kb_lexicon_trgm ON kb_lexicon USING gist (word public.gist_trgm_ops);

-- Every save appends a version: who, when, the whole article, and the line diff to the previous one.
CREATE TABLE kb_article_versions (
  city_id text NOT NULL,
  article_id bigint NOT NULL,
  version integer NOT NULL,
  author_id bigint,
  author_name text NOT NULL,
  note text,
  snapshot jsonb NOT NULL,
  diff text NOT NULL,
  added integer NOT NULL DEFAULT 0,
  removed integer NOT NULL DEFAULT 0,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (city_id, article_id, version),
  FOREIGN KEY (city_id, article_id) REFERENCES kb_articles (city_id, id)
);
CREATE TRIGGER kb_article_versions_append_only BEFORE UPDATE OR DELETE ON kb_article_versions
  FOR EACH ROW EXECUTE FUNCTION forbid_change();

CREATE TABLE kb_attachments (
  city_id text NOT NULL,
  id bigint GENERATED ALWAYS AS IDENTITY,
  article_id bigint NOT NULL,
  file_name text NOT NULL,
  content_type text NOT NULL,
  size_bytes bigint NOT NULL CHECK (size_bytes >= 0),
  storage_key text NOT NULL,
  created_by bigint,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (city_id, id),
  FOREIGN KEY (city_id, article_id) REFERENCES kb_articles (city_id, id) ON DELETE CASCADE
);
CREATE INDEX kb_attachments_article ON kb_attachments (city_id, article_id);

-- Answer templates (macros) with {{placeholders}}, one body per language.
CREATE TABLE kb_templates (
  city_id text NOT NULL REFERENCES cities (id),
  id bigint GENERATED ALWAYS AS IDENTITY,
  name text NOT NULL,
  bodies jsonb NOT NULL,                     -- {"ru": …, "kk": …, "en": …}, at least one
  categories text[] NOT NULL DEFAULT '{}',
  active boolean NOT NULL DEFAULT true,
  created_by bigint,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (city_id, id)
);

-- Groups of equivalent terms the city edits; a query containing one is expanded to all.
CREATE TABLE kb_synonyms (
  city_id text NOT NULL REFERENCES cities (id),
  id bigint GENERATED ALWAYS AS IDENTITY,
  terms text[] NOT NULL CHECK (cardinality(terms) >= 2),
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (city_id, id)
);

-- A request answered with an article or a template.
CREATE TABLE kb_links (
  city_id text NOT NULL,
  id bigint GENERATED ALWAYS AS IDENTITY,
  request_id bigint NOT NULL,
  target_kind text NOT NULL CHECK (target_kind IN ('article', 'template')),
  target_id bigint NOT NULL,
  staff_id bigint,
  category_code text,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (city_id, id),
  UNIQUE (city_id, request_id, target_kind, target_id),
  FOREIGN KEY (city_id, request_id) REFERENCES requests (city_id, id)
);
CREATE INDEX kb_links_target ON kb_links (city_id, target_kind, target_id);

-- What the links taught: how often each term and category led to each article or template.
CREATE TABLE kb_learned_terms (
  city_id text NOT NULL,
  target_kind text NOT NULL CHECK (target_kind IN ('article', 'template')),
  target_id bigint NOT NULL,
  term text NOT NULL,
  n integer NOT NULL DEFAULT 0,
  PRIMARY KEY (city_id, target_kind, target_id, term)
);
CREATE INDEX kb_learned_terms_term ON kb_learned_terms (city_id, term);

CREATE TABLE kb_learned_categories (
  city_id text NOT NULL,
  target_kind text NOT NULL CHECK (target_kind IN ('article', 'template')),
  target_id bigint NOT NULL,
  category_code text NOT NULL,
  n integer NOT NULL DEFAULT 0,
  PRIMARY KEY (city_id, target_kind, target_id, category_code)
);
CREATE INDEX kb_learned_categories_category ON kb_learned_categories (city_id, category_code);

-- Reads by residents and anonymous visitors (a session that files no request soon after is deflected).
CREATE TABLE kb_views (
  city_id text NOT NULL,
  id bigint GENERATED ALWAYS AS IDENTITY,
  article_id bigint NOT NULL,
  session_id text NOT NULL,
  resident_id bigint,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (city_id, id),
  FOREIGN KEY (city_id, article_id) REFERENCES kb_articles (city_id, id) ON DELETE CASCADE
);
CREATE INDEX kb_views_time ON kb_views (city_id, created_at);
CREATE INDEX kb_views_session ON kb_views (city_id, session_id, created_at);

CREATE TABLE kb_feedback (
  city_id text NOT NULL,
  id bigint GENERATED ALWAYS AS IDENTITY,
  article_id bigint NOT NULL,
  helpful boolean NOT NULL,
  actor_kind text NOT NULL CHECK (actor_kind IN ('staff', 'resident', 'anonymous')),
  actor_id bigint,
  session_id text,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (city_id, id),
  FOREIGN KEY (city_id, article_id) REFERENCES kb_articles (city_id, id) ON DELETE CASCADE
);
CREATE INDEX kb_feedback_article ON kb_feedback (city_id, article_id);

CREATE TABLE kb_searches (
  city_id text NOT NULL,
  id bigint GENERATED ALWAYS AS IDENTITY,
  query text NOT NULL,
  normalized text NOT NULL,
  lang text,
  category_code text,
  results integer NOT NULL,
  actor_kind text NOT NULL CHECK (actor_kind IN ('staff', 'resident', 'anonymous')),
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (city_id, id)
);
CREATE INDEX kb_searches_time ON kb_searches (city_id, created_at);
