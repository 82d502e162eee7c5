-- The DP team's side of the directory: what changed in a published service since its check (for the
-- queue), why a service was suspended, reports from anyone signed in, and the provider sign-up limit.

-- Names of the fields a provider changed since the DP team last looked (empty when changed_since_check is false).
ALTER TABLE directory_service ADD COLUMN changed_fields TEXT[] NOT NULL DEFAULT '{}';
ALTER TABLE directory_service ADD COLUMN suspension_reason TEXT CHECK (length(suspension_reason) <= 2000);
CREATE INDEX directory_service_changed_idx ON directory_service (council_id) WHERE changed_since_check;

CREATE TABLE directory_service_report (
    id          BIGSERIAL PRIMARY KEY,
    service_id  UUID NOT NULL REFERENCES directory_service (id),
    council_id  BIGINT NOT NULL REFERENCES council (id),
    reason      TEXT NOT NULL CHECK (length(reason) BETWEEN 1 AND 2000),
    reported_by TEXT NOT NULL,
    reported_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    -- set when the DP team has looked at it (suspended the service or decided to leave it)
    closed_at   TIMESTAMPTZ
);
CREATE INDEX directory_service_report_open_idx ON directory_service_report (council_id) WHERE closed_at IS NULL;

CREATE TABLE directory_registration_attempt (
    client_address TEXT NOT NULL,
    attempted_at   TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX directory_registration_attempt_idx ON directory_registration_attempt (client_address, attempted_at);
