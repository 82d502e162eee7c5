-- Issue 17: staff single sign-on.
-- Who a staff member is at their council's provider: the issuer and the subject (`sub`) of the ID
-- token, stored at the first sign-in, so a later sign-in finds the same account even if the email
-- address changes. An identity belongs to one account, and the account to the council whose
-- provider it came from.
CREATE TABLE app_user_council_account (
    issuer     TEXT NOT NULL CHECK (length(issuer) <= 500),
    subject    TEXT NOT NULL CHECK (length(subject) BETWEEN 1 AND 255),
    user_id    BIGINT NOT NULL REFERENCES app_user (id),
    council_id BIGINT NOT NULL REFERENCES council (id),
    created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (issuer, subject)
);
CREATE INDEX app_user_council_account_user_idx ON app_user_council_account (user_id);
