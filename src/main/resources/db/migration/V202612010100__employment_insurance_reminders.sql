-- Employer's liability insurance reminders: one per employer, policy and end date. The unique key
-- makes a rerun, or a second instance running the daily job at the same moment, remind nobody
-- twice (the second INSERT waits for the first and then does nothing). Append-only.
CREATE TABLE insurance_reminder (
    id             BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    council_id     BIGINT NOT NULL REFERENCES council (id),
    citizen_id     BIGINT NOT NULL REFERENCES citizen (id),
    insurer        TEXT NOT NULL,
    policy_number  TEXT NOT NULL,
    expires_on     DATE NOT NULL,
    reminded_at    TIMESTAMPTZ NOT NULL DEFAULT now(),
    UNIQUE (citizen_id, policy_number, expires_on)
);
CREATE INDEX insurance_reminder_council_idx ON insurance_reminder (council_id);
CREATE TRIGGER insurance_reminder_append_only BEFORE UPDATE OR DELETE ON insurance_reminder
    FOR EACH ROW EXECUTE FUNCTION employment_rows_are_append_only();
