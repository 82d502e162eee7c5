-- Online financial returns (issue 6): only for holders of a bank account, for the council's
-- period, filled in from the imported transactions; the person confirms it or asks for more time.
CREATE TABLE financial_return (
    id           BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    council_id   BIGINT NOT NULL REFERENCES council (id),
    account_id   BIGINT NOT NULL REFERENCES dp_account (id),
    period_start DATE NOT NULL,
    period_end   DATE NOT NULL CHECK (period_end >= period_start),
    due_on       DATE NOT NULL,
    requested_by TEXT NOT NULL,
    requested_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    UNIQUE (account_id, period_start, period_end)
);
CREATE INDEX financial_return_council_idx ON financial_return (council_id, due_on);
CREATE TRIGGER financial_return_append_only BEFORE UPDATE OR DELETE ON financial_return
    FOR EACH ROW EXECUTE FUNCTION monitoring_rows_are_append_only();

-- What happened to a return: confirmed, or more time asked for (the new due date). Newest counts.
CREATE TABLE financial_return_event (
    id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    return_id   BIGINT NOT NULL REFERENCES financial_return (id),
    event       TEXT NOT NULL CHECK (event IN ('CONFIRMED', 'MORE_TIME')),
    new_due_on  DATE,
    note        TEXT CHECK (note IS NULL OR length(note) <= 1000),
    by_user     TEXT NOT NULL,
    at          TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX financial_return_event_idx ON financial_return_event (return_id, id DESC);
CREATE TRIGGER financial_return_event_append_only BEFORE UPDATE OR DELETE ON financial_return_event
    FOR EACH ROW EXECUTE FUNCTION monitoring_rows_are_append_only();
