-- Personal assistant (PA) profiles: one national register. The council the PA registered
-- through is kept for reporting; it does not limit who can find them.
CREATE TABLE pa_profile (
    id                    BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    user_id               BIGINT UNIQUE REFERENCES app_user (id),
    registered_council_id BIGINT REFERENCES council (id),
    given_name            TEXT NOT NULL CHECK (length(given_name) BETWEEN 1 AND 100),
    family_name           TEXT NOT NULL CHECK (length(family_name) BETWEEN 1 AND 100),
    about                 TEXT NOT NULL DEFAULT '' CHECK (length(about) <= 2000),
    experience            TEXT NOT NULL DEFAULT '' CHECK (length(experience) <= 2000),
    home_postcode         TEXT NOT NULL CHECK (length(home_postcode) BETWEEN 5 AND 8),
    travel_km             INT NOT NULL CHECK (travel_km BETWEEN 0 AND 200),
    hourly_rate_pence     BIGINT NOT NULL CHECK (hourly_rate_pence BETWEEN 1 AND 100000),
    employment_basis      TEXT NOT NULL CHECK (employment_basis IN ('EMPLOYED', 'SELF_EMPLOYED', 'EITHER')),
    skills                TEXT[] NOT NULL DEFAULT '{}',
    interests             TEXT[] NOT NULL DEFAULT '{}',
    languages             TEXT[] NOT NULL DEFAULT '{}',
    -- slots such as MON_MORNING, SAT_EVENING (7 days x morning, afternoon, evening, night)
    availability          TEXT[] NOT NULL DEFAULT '{}',
    visible               BOOLEAN NOT NULL DEFAULT TRUE,
    status                TEXT NOT NULL DEFAULT 'PENDING_CHECKS' CHECK (status IN ('PENDING_CHECKS', 'LIVE', 'SUSPENDED')),
    created_at            TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX pa_profile_status_idx ON pa_profile (status, visible);
