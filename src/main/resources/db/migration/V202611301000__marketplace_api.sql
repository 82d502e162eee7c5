-- Issue 5: the marketplace as its API contract has it. PA profiles get a display name, contact
-- details (never shown before an introduction is CONNECTED), the DP team's checks, codes for
-- skills and languages, lower-case tags for interests, and what matching needs to be fast: the
-- postcode sector centre (never the home address) and bit masks of skills, languages and times.

ALTER TABLE pa_profile DROP CONSTRAINT pa_profile_status_check;
UPDATE pa_profile SET status = 'AWAITING_CHECKS' WHERE status = 'PENDING_CHECKS';
ALTER TABLE pa_profile ALTER COLUMN status SET DEFAULT 'AWAITING_CHECKS';
ALTER TABLE pa_profile ADD CONSTRAINT pa_profile_status_check CHECK (status IN ('AWAITING_CHECKS', 'LIVE', 'SUSPENDED'));

ALTER TABLE pa_profile ADD COLUMN display_name TEXT;
UPDATE pa_profile SET display_name = given_name || ' ' || left(family_name, 1) || '.';
ALTER TABLE pa_profile ALTER COLUMN display_name SET NOT NULL;
ALTER TABLE pa_profile ADD CONSTRAINT pa_profile_display_name_check CHECK (length(display_name) BETWEEN 1 AND 100);
ALTER TABLE pa_profile DROP COLUMN given_name, DROP COLUMN family_name;

ALTER TABLE pa_profile
    ADD COLUMN phone                       TEXT CHECK (length(phone) <= 30),
    ADD COLUMN email                       TEXT CHECK (length(email) <= 254),
    ADD COLUMN code_of_conduct_accepted_at TIMESTAMPTZ,
    ADD COLUMN identity_checked            BOOLEAN NOT NULL DEFAULT FALSE,
    ADD COLUMN references_checked          BOOLEAN NOT NULL DEFAULT FALSE,
    ADD COLUMN dbs_checked_on              DATE,
    ADD COLUMN checked_by                  TEXT,
    ADD COLUMN checked_at                  TIMESTAMPTZ,
    ADD COLUMN suspended_reason            TEXT CHECK (length(suspended_reason) <= 2000),
    -- the centre of the home postcode's sector, and masks (bit numbers in the Skill, Language and
    -- AvailabilitySlot types): filled in by the application, also for rows older than this
    ADD COLUMN latitude                    DOUBLE PRECISION,
    ADD COLUMN longitude                   DOUBLE PRECISION,
    ADD COLUMN skills_mask                 INTEGER NOT NULL DEFAULT 0,
    ADD COLUMN languages_mask              INTEGER NOT NULL DEFAULT 0,
    ADD COLUMN availability_mask           INTEGER NOT NULL DEFAULT 0,
    ADD COLUMN updated_at                  TIMESTAMPTZ NOT NULL DEFAULT now();

-- codes as the contract has them: personal-care, medication; en, cy, bsl; football, faith-groups
UPDATE pa_profile SET
    skills = ARRAY(SELECT CASE s WHEN 'MEDICATION_SUPPORT' THEN 'medication' ELSE replace(lower(s), '_', '-') END
                   FROM unnest(skills) s ORDER BY 1),
    interests = ARRAY(SELECT replace(lower(i), '_', '-') FROM unnest(interests) i ORDER BY 1),
    languages = ARRAY(SELECT CASE l WHEN 'ENGLISH' THEN 'en' WHEN 'WELSH' THEN 'cy' WHEN 'BRITISH_SIGN_LANGUAGE' THEN 'bsl'
                                    WHEN 'POLISH' THEN 'pl' WHEN 'URDU' THEN 'ur' WHEN 'PUNJABI' THEN 'pa'
                                    WHEN 'BENGALI' THEN 'bn' WHEN 'ARABIC' THEN 'ar' WHEN 'ROMANIAN' THEN 'ro'
                                    WHEN 'GUJARATI' THEN 'gu' ELSE lower(l) END
                      FROM unnest(languages) l ORDER BY 1);

-- what matching asks of every live, visible profile: inside a box around the vacancy (GiST on
-- the sector centre) and holding every must-have (GIN on skills and languages together)
ALTER TABLE pa_profile ADD COLUMN capabilities TEXT[] GENERATED ALWAYS AS (skills || languages) STORED;
DROP INDEX pa_profile_status_idx;
CREATE INDEX pa_profile_live_place_idx ON pa_profile USING gist (point(longitude, latitude))
    WHERE status = 'LIVE' AND visible AND latitude IS NOT NULL;
CREATE INDEX pa_profile_live_capabilities_idx ON pa_profile USING gin (capabilities)
    WHERE status = 'LIVE' AND visible;
CREATE INDEX pa_profile_status_idx ON pa_profile (status, visible);

-- the National Living Wage (21 and over) by the date it takes effect: data, not code
CREATE TABLE marketplace_national_living_wage (
    effective_from DATE PRIMARY KEY,
    hourly_pence   BIGINT NOT NULL CHECK (hourly_pence > 0)
);
INSERT INTO marketplace_national_living_wage (effective_from, hourly_pence) VALUES
    ('2024-04-01', 1144),
    ('2025-04-01', 1221),
    ('2026-04-01', 1271);

-- a council's weights for the parts of a match score; without a row the defaults in MatchWeights
CREATE TABLE marketplace_match_weights (
    council_id   BIGINT PRIMARY KEY REFERENCES council (id),
    availability INT NOT NULL CHECK (availability BETWEEN 0 AND 100),
    interests    INT NOT NULL CHECK (interests BETWEEN 0 AND 100),
    skills       INT NOT NULL CHECK (skills BETWEEN 0 AND 100),
    rate         INT NOT NULL CHECK (rate BETWEEN 0 AND 100),
    distance     INT NOT NULL CHECK (distance BETWEEN 0 AND 100),
    updated_by   TEXT NOT NULL,
    updated_at   TIMESTAMPTZ NOT NULL DEFAULT now(),
    CHECK (availability + interests + skills + rate + distance > 0)
);

-- a vacancy: posted for a citizen by them, their representative or a practitioner of their council
CREATE TABLE vacancy (
    id                    BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    council_id            BIGINT NOT NULL REFERENCES council (id),
    citizen_id            BIGINT NOT NULL REFERENCES citizen (id),
    title                 TEXT NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
    outcomes              TEXT[] NOT NULL DEFAULT '{}',
    interests             TEXT[] NOT NULL DEFAULT '{}',
    skills_wanted         TEXT[] NOT NULL DEFAULT '{}',
    must_haves            TEXT[] NOT NULL DEFAULT '{}',
    availability          TEXT[] NOT NULL DEFAULT '{}',
    postcode              TEXT NOT NULL CHECK (length(postcode) BETWEEN 5 AND 8),
    latitude              DOUBLE PRECISION NOT NULL,
    longitude             DOUBLE PRECISION NOT NULL,
    max_distance_km       INT NOT NULL CHECK (max_distance_km BETWEEN 1 AND 200),
    hours_per_week        NUMERIC(5, 2) NOT NULL CHECK (hours_per_week > 0 AND hours_per_week <= 168),
    hourly_rate_pence     BIGINT NOT NULL CHECK (hourly_rate_pence BETWEEN 1 AND 100000),
    start_date            DATE NOT NULL,
    skills_wanted_mask    INT NOT NULL DEFAULT 0,
    must_skills_mask      INT NOT NULL DEFAULT 0,
    must_languages_mask   INT NOT NULL DEFAULT 0,
    availability_mask     INT NOT NULL DEFAULT 0,
    -- who the PA may contact once both agree: the person's own details when the vacancy was posted
    contact_name          TEXT NOT NULL,
    contact_email         TEXT,
    contact_phone         TEXT,
    status                TEXT NOT NULL DEFAULT 'OPEN' CHECK (status IN ('OPEN', 'FILLED', 'CLOSED', 'SUSPENDED')),
    created_by            TEXT NOT NULL,
    created_at            TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at            TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX vacancy_open_place_idx ON vacancy USING gist (point(longitude, latitude)) WHERE status = 'OPEN';
CREATE INDEX vacancy_citizen_idx ON vacancy (council_id, citizen_id);

-- an invitation (employer to PA) or an expression of interest (PA to employer); contact details
-- are shown only once the other side has accepted (CONNECTED)
CREATE TABLE introduction (
    id             BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    council_id     BIGINT NOT NULL REFERENCES council (id),
    vacancy_id     BIGINT NOT NULL REFERENCES vacancy (id),
    profile_id     BIGINT NOT NULL REFERENCES pa_profile (id),
    started_by     TEXT NOT NULL CHECK (started_by IN ('EMPLOYER', 'PA')),
    status         TEXT NOT NULL CHECK (status IN ('INVITED', 'INTERESTED', 'CONNECTED', 'DECLINED', 'BLOCKED', 'HIRED')),
    created_by     TEXT NOT NULL,
    created_at     TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at     TIMESTAMPTZ NOT NULL DEFAULT now(),
    UNIQUE (vacancy_id, profile_id)
);
CREATE INDEX introduction_profile_idx ON introduction (profile_id);

CREATE TABLE introduction_message (
    id              BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    introduction_id BIGINT NOT NULL REFERENCES introduction (id),
    from_side       TEXT NOT NULL CHECK (from_side IN ('EMPLOYER', 'PA')),
    author          TEXT NOT NULL,
    body            TEXT NOT NULL CHECK (length(body) BETWEEN 1 AND 4000),
    sent_at         TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX introduction_message_idx ON introduction_message (introduction_id, id);

-- either side can block the other: a blocked PA never appears in that person's matches again,
-- and neither side can start another introduction
CREATE TABLE marketplace_block (
    citizen_id BIGINT NOT NULL REFERENCES citizen (id),
    profile_id BIGINT NOT NULL REFERENCES pa_profile (id),
    blocked_by TEXT NOT NULL CHECK (blocked_by IN ('EMPLOYER', 'PA')),
    created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (citizen_id, profile_id)
);
CREATE INDEX marketplace_block_profile_idx ON marketplace_block (profile_id);

-- a hire through an introduction: the agreed rate of pay, the record the seeds say no one keeps
CREATE TABLE pa_hire (
    id                       BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    council_id               BIGINT NOT NULL REFERENCES council (id),
    introduction_id          BIGINT NOT NULL UNIQUE REFERENCES introduction (id),
    vacancy_id               BIGINT NOT NULL REFERENCES vacancy (id),
    profile_id               BIGINT NOT NULL REFERENCES pa_profile (id),
    citizen_id               BIGINT NOT NULL REFERENCES citizen (id),
    agreed_hourly_rate_pence BIGINT NOT NULL CHECK (agreed_hourly_rate_pence BETWEEN 1 AND 100000),
    hours_per_week           NUMERIC(5, 2) NOT NULL,
    start_date               DATE NOT NULL,
    postcode_district        TEXT NOT NULL,
    postcode_area            TEXT NOT NULL,
    hired_by                 TEXT NOT NULL,
    hired_at                 TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX pa_hire_council_idx ON pa_hire (council_id, postcode_district);

-- reports of a profile or a vacancy, for the DP team
CREATE TABLE marketplace_report (
    id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    profile_id  BIGINT REFERENCES pa_profile (id),
    vacancy_id  BIGINT REFERENCES vacancy (id),
    council_id  BIGINT REFERENCES council (id),
    reason      TEXT NOT NULL CHECK (length(reason) BETWEEN 1 AND 2000),
    reported_by TEXT NOT NULL,
    reported_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    CHECK ((profile_id IS NULL) <> (vacancy_id IS NULL))
);

-- sign-ups from one address in the last hour, so an anonymous endpoint cannot be flooded
CREATE TABLE pa_registration_attempt (
    client_address TEXT NOT NULL,
    attempted_at   TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX pa_registration_attempt_idx ON pa_registration_attempt (client_address, attempted_at);
