-- Users, their roles, who may act for which citizen, and sign-in throttling.
CREATE TABLE app_user (
    id                 BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    username           TEXT NOT NULL UNIQUE CHECK (username = lower(username) AND length(username) BETWEEN 3 AND 254),
    password_hash      TEXT NOT NULL,
    display_name       TEXT NOT NULL CHECK (length(display_name) BETWEEN 1 AND 200),
    -- staff belong to exactly one council; citizens, representatives, PAs and providers to the
    -- council they registered with (a PA's profile is still national)
    council_id         BIGINT REFERENCES council (id),
    preferred_language TEXT NOT NULL DEFAULT 'en' CHECK (preferred_language IN ('en', 'cy')),
    enabled            BOOLEAN NOT NULL DEFAULT TRUE,
    created_at         TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE TABLE app_user_role (
    user_id BIGINT NOT NULL REFERENCES app_user (id),
    role    TEXT NOT NULL CHECK (role IN ('CITIZEN', 'REPRESENTATIVE', 'PERSONAL_ASSISTANT', 'PROVIDER',
                                          'PRACTITIONER', 'BUDGET_HOLDER', 'DP_TEAM', 'FINANCE', 'COUNCIL_ADMIN')),
    PRIMARY KEY (user_id, role)
);

-- Failed sign-ins per username; after too many the account is locked for a while.
CREATE TABLE sign_in_throttle (
    username         TEXT PRIMARY KEY,
    failures         INT NOT NULL,
    first_failure_at TIMESTAMPTZ NOT NULL,
    locked_until     TIMESTAMPTZ
);
