-- Receipts (issue 6): asked for only when the council wants one for a return, and only for items
-- over its threshold. Kept as uploaded; never changed.
ALTER TABLE financial_return_event DROP CONSTRAINT financial_return_event_event_check;
ALTER TABLE financial_return_event ADD CONSTRAINT financial_return_event_event_check
    CHECK (event IN ('CONFIRMED', 'MORE_TIME', 'RECEIPTS_REQUESTED'));

CREATE TABLE return_receipt (
    id             BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    return_id      BIGINT NOT NULL REFERENCES financial_return (id),
    transaction_id BIGINT NOT NULL REFERENCES account_transaction (id),
    filename       TEXT NOT NULL CHECK (length(filename) BETWEEN 1 AND 200),
    content_type   TEXT NOT NULL CHECK (content_type IN ('application/pdf', 'image/jpeg', 'image/png')),
    size_bytes     INT NOT NULL CHECK (size_bytes BETWEEN 1 AND 10485760),
    content        BYTEA NOT NULL,
    uploaded_by    TEXT NOT NULL,
    uploaded_at    TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX return_receipt_return_idx ON return_receipt (return_id);
CREATE TRIGGER return_receipt_append_only BEFORE UPDATE OR DELETE ON return_receipt
    FOR EACH ROW EXECUTE FUNCTION monitoring_rows_are_append_only();
