-- Risk-based checks (issue 6): what an officer found and how long it took, and concerns raised.
CREATE TABLE monitoring_check (
    id         BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    council_id BIGINT NOT NULL REFERENCES council (id),
    account_id BIGINT NOT NULL REFERENCES dp_account (id),
    reasons    TEXT[] NOT NULL,
    outcome    TEXT NOT NULL CHECK (outcome IN ('ALL_WELL', 'QUESTION_ASKED', 'SURPLUS_RECOVERY_PROPOSED', 'REFERRAL')),
    minutes    INT NOT NULL CHECK (minutes BETWEEN 0 AND 6000),
    notes      TEXT CHECK (notes IS NULL OR length(notes) <= 2000),
    checked_by TEXT NOT NULL,
    checked_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX monitoring_check_account_idx ON monitoring_check (account_id, checked_at DESC);
CREATE INDEX monitoring_check_council_idx ON monitoring_check (council_id, checked_at DESC);
CREATE TRIGGER monitoring_check_append_only BEFORE UPDATE OR DELETE ON monitoring_check
    FOR EACH ROW EXECUTE FUNCTION monitoring_rows_are_append_only();

CREATE TABLE monitoring_concern (
    id         BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    council_id BIGINT NOT NULL REFERENCES council (id),
    account_id BIGINT NOT NULL REFERENCES dp_account (id),
    concern    TEXT NOT NULL CHECK (length(concern) BETWEEN 1 AND 2000),
    raised_by  TEXT NOT NULL,
    raised_at  TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX monitoring_concern_account_idx ON monitoring_concern (account_id, raised_at DESC);
CREATE TRIGGER monitoring_concern_append_only BEFORE UPDATE OR DELETE ON monitoring_concern
    FOR EACH ROW EXECUTE FUNCTION monitoring_rows_are_append_only();
