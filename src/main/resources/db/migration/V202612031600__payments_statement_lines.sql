-- Statements reach the ledger (issue 14). A statement line imported by monitoring is either
-- posted (key "statement:{line id}") or matched to what the ledger already holds: the council's own
-- payment into the account, a payroll payment, or a recovery. A line that brings money in from
-- outside (a refund, the person's own contribution) is its own kind, so it is never shown or
-- counted as council funding or as negative spending.
ALTER TABLE ledger_transaction DROP CONSTRAINT ledger_transaction_kind_check;
ALTER TABLE ledger_transaction ADD CONSTRAINT ledger_transaction_kind_check
    CHECK (kind IN ('FUNDING', 'SPENDING', 'RECOVERY', 'CORRECTION', 'MONEY_IN'));

-- Which statement line is which ledger transaction, when the line was not posted itself. Each line
-- matches at most once and each ledger transaction at most once. statement_line_id is monitoring's
-- account_transaction id, kept without a foreign key: payments does not depend on monitoring's tables.
CREATE TABLE ledger_statement_match (
    statement_line_id BIGINT PRIMARY KEY,
    transaction_id    BIGINT NOT NULL UNIQUE REFERENCES ledger_transaction (id),
    council_id        BIGINT NOT NULL REFERENCES council (id),
    account_id        BIGINT NOT NULL REFERENCES dp_account (id),
    matched_as        TEXT NOT NULL CHECK (matched_as IN ('FUNDING', 'PAYROLL', 'RECOVERY')),
    created_at        TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX ledger_statement_match_account ON ledger_statement_match (account_id);
CREATE TRIGGER ledger_statement_match_append_only BEFORE UPDATE OR DELETE ON ledger_statement_match
    FOR EACH ROW EXECUTE FUNCTION ledger_is_append_only();
CREATE TRIGGER ledger_statement_match_no_truncate BEFORE TRUNCATE ON ledger_statement_match
    FOR EACH STATEMENT EXECUTE FUNCTION ledger_is_append_only();
