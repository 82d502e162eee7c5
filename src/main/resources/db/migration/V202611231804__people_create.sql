-- Citizens (people with care and support needs), each held by one council.
CREATE TABLE citizen (
    id                  BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    council_id          BIGINT NOT NULL REFERENCES council (id),
    reference           TEXT NOT NULL CHECK (length(reference) BETWEEN 1 AND 40),
    given_name          TEXT NOT NULL CHECK (length(given_name) BETWEEN 1 AND 100),
    family_name         TEXT NOT NULL CHECK (length(family_name) BETWEEN 1 AND 100),
    date_of_birth       DATE NOT NULL,
    postcode            TEXT NOT NULL CHECK (length(postcode) BETWEEN 5 AND 8),
    preferred_language  TEXT NOT NULL DEFAULT 'en' CHECK (preferred_language IN ('en', 'cy')),
    contact_preference  TEXT NOT NULL DEFAULT 'EMAIL' CHECK (contact_preference IN ('EMAIL', 'PHONE', 'TEXT', 'LETTER')),
    email               TEXT,
    phone               TEXT,
    communication_needs TEXT,
    created_at          TIMESTAMPTZ NOT NULL DEFAULT now(),
    UNIQUE (council_id, reference)
);
CREATE INDEX citizen_council_name_idx ON citizen (council_id, family_name, given_name);
