-- The public information hub (issue 16, section 2): guides and the jargon buster, each kept as a
-- new row per version (never updated in place), national (council_id NULL, the shipped text) or
-- a council's own; and people's own words, added by council staff with the person's consent.

CREATE TABLE information_guide_version (
    id          bigserial PRIMARY KEY,
    council_id  bigint REFERENCES council (id),
    slug        text NOT NULL CHECK (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$' AND length(slug) <= 80),
    language    text NOT NULL CHECK (language IN ('en', 'cy')),
    version     int NOT NULL CHECK (version >= 1),
    position    int NOT NULL DEFAULT 100,
    title       text NOT NULL CHECK (length(title) BETWEEN 1 AND 120),
    summary     text NOT NULL CHECK (length(summary) BETWEEN 1 AND 300),
    body        text NOT NULL CHECK (length(body) BETWEEN 1 AND 20000),
    created_by  text NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now(),
    -- English is stemmed; Welsh has no PostgreSQL dictionary, so 'simple' (lower case, no stemming;
    -- the query side adds Welsh mutations and leaves out a few Welsh stop words)
    search      tsvector GENERATED ALWAYS AS (
        setweight(to_tsvector(CASE WHEN language = 'cy' THEN 'simple'::regconfig ELSE 'english'::regconfig END, title), 'A')
        || setweight(to_tsvector(CASE WHEN language = 'cy' THEN 'simple'::regconfig ELSE 'english'::regconfig END, summary), 'B')
        || setweight(to_tsvector(CASE WHEN language = 'cy' THEN 'simple'::regconfig ELSE 'english'::regconfig END, body), 'C')) STORED
);
CREATE UNIQUE INDEX information_guide_version_one ON information_guide_version (coalesce(council_id, 0), slug, language, version);
CREATE INDEX information_guide_version_search ON information_guide_version USING gin (search);

CREATE TABLE information_term_version (
    id          bigserial PRIMARY KEY,
    council_id  bigint REFERENCES council (id),
    term_key    text NOT NULL CHECK (term_key ~ '^[a-z0-9]+(-[a-z0-9]+)*$' AND length(term_key) <= 80),
    language    text NOT NULL CHECK (language IN ('en', 'cy')),
    version     int NOT NULL CHECK (version >= 1),
    term        text NOT NULL CHECK (length(term) BETWEEN 1 AND 100),
    definition  text NOT NULL CHECK (length(definition) BETWEEN 1 AND 2000),
    created_by  text NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now(),
    search      tsvector GENERATED ALWAYS AS (
        setweight(to_tsvector(CASE WHEN language = 'cy' THEN 'simple'::regconfig ELSE 'english'::regconfig END, term), 'A')
        || setweight(to_tsvector(CASE WHEN language = 'cy' THEN 'simple'::regconfig ELSE 'english'::regconfig END, definition), 'C')) STORED
);
CREATE UNIQUE INDEX information_term_version_one ON information_term_version (coalesce(council_id, 0), term_key, language, version);
CREATE INDEX information_term_version_search ON information_term_version USING gin (search);

CREATE TABLE information_story (
    id                bigserial PRIMARY KEY,
    council_id        bigint NOT NULL REFERENCES council (id),
    guide_slug        text NOT NULL,
    language          text NOT NULL CHECK (language IN ('en', 'cy')),
    quote             text NOT NULL CHECK (length(quote) BETWEEN 1 AND 1000),
    attribution       text NOT NULL CHECK (length(attribution) BETWEEN 1 AND 100),
    -- the person said yes to their words being shown; a story without consent cannot be stored
    consent_given     boolean NOT NULL CHECK (consent_given),
    consent_recorded_by text NOT NULL,
    created_at        timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX information_story_guide ON information_story (guide_slug, language, council_id);
