-- People who live with a citizen, and people who act for them (issue 3).
CREATE TABLE household_member (
    id                      BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    council_id              BIGINT NOT NULL REFERENCES council (id),
    citizen_id              BIGINT NOT NULL REFERENCES citizen (id),
    name                    TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    -- regulation 3 (England) / regulation 6 (Wales) name these relatives
    relationship            TEXT NOT NULL CHECK (relationship IN ('SPOUSE', 'CIVIL_PARTNER', 'PARTNER', 'PARENT',
        'PARENT_IN_LAW', 'STEP_PARENT', 'CHILD', 'CHILD_IN_LAW', 'STEPCHILD', 'SIBLING', 'AUNT_UNCLE', 'GRANDPARENT',
        'OTHER_RELATIVE', 'FRIEND', 'OTHER')),
    lives_in_same_household BOOLEAN NOT NULL,
    created_at              TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX household_member_citizen_idx ON household_member (council_id, citizen_id);

CREATE TABLE representative (
    id         BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    council_id BIGINT NOT NULL REFERENCES council (id),
    citizen_id BIGINT NOT NULL REFERENCES citizen (id),
    name       TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    kind       TEXT NOT NULL CHECK (kind IN ('AUTHORISED_PERSON', 'NOMINATED_PERSON', 'SUITABLE_PERSON')),
    email      TEXT CHECK (email IS NULL OR length(email) <= 254),
    user_id    BIGINT REFERENCES app_user (id),
    created_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX representative_citizen_idx ON representative (council_id, citizen_id);

-- Each council numbers its own people ("DE-00051"); a lock per council keeps numbers unique.
ALTER TABLE citizen ADD COLUMN user_id BIGINT UNIQUE REFERENCES app_user (id);

-- A temporary password must be changed at the first sign-in.
ALTER TABLE app_user ADD COLUMN must_change_password BOOLEAN NOT NULL DEFAULT FALSE;
