-- Issue 17: a council's OpenID Connect provider for staff single sign-on, set by its administrator.
-- The client secret is never stored: only the name of the environment variable that holds it on
-- the servers (e.g. DPHUB_OIDC_SECRET_DEMO). One row per council at most; no row: no single sign-on.
CREATE TABLE council_single_sign_on (
    council_id             BIGINT PRIMARY KEY REFERENCES council (id),
    -- https, or http only for a provider on this machine (a test's, a developer's)
    issuer                 TEXT NOT NULL CHECK (length(issuer) <= 500
                               AND (issuer ~ '^https://[^\s/?#]+' OR issuer ~ '^http://(localhost|127\.0\.0\.1)(:[0-9]+)?(/|$)')),
    client_id              TEXT NOT NULL CHECK (length(client_id) BETWEEN 1 AND 200),
    client_secret_variable TEXT NOT NULL CHECK (client_secret_variable ~ '^[A-Z][A-Z0-9_]{0,99}$'),
    group_claim            TEXT NOT NULL DEFAULT 'groups' CHECK (group_claim ~ '^[A-Za-z0-9_:./-]{1,100}$'),
    version                BIGINT NOT NULL DEFAULT 0,
    updated_at             TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- Which of the provider's group values gives which staff role. A group may give several roles and
-- a role may come from several groups; staff roles only (never citizen, PA, provider or analyst).
CREATE TABLE council_single_sign_on_group (
    council_id  BIGINT NOT NULL REFERENCES council_single_sign_on (council_id) ON DELETE CASCADE,
    group_value TEXT NOT NULL CHECK (length(group_value) BETWEEN 1 AND 200),
    role        TEXT NOT NULL CHECK (role IN ('PRACTITIONER', 'BUDGET_HOLDER', 'DP_TEAM', 'FINANCE', 'COUNCIL_ADMIN')),
    PRIMARY KEY (council_id, group_value, role)
);
