-- Suspensions, resumptions and ends of a direct payment: who, when it takes effect, and why.
CREATE TABLE direct_payment_status_change (
    id                BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    council_id        BIGINT NOT NULL REFERENCES council (id),
    direct_payment_id BIGINT NOT NULL REFERENCES direct_payment (id),
    event             TEXT NOT NULL CHECK (event IN ('SUSPENDED', 'RESUMED', 'ENDED')),
    from_status       TEXT NOT NULL,
    to_status         TEXT NOT NULL,
    effective_on      DATE NOT NULL,
    reason            TEXT NOT NULL CHECK (length(reason) BETWEEN 1 AND 1000),
    changed_by        TEXT NOT NULL,
    changed_at        TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX direct_payment_status_change_idx ON direct_payment_status_change (direct_payment_id);
CREATE TRIGGER direct_payment_status_change_append_only BEFORE UPDATE OR DELETE ON direct_payment_status_change
    FOR EACH ROW EXECUTE FUNCTION plan_rows_are_append_only();
