-- Where payments go, surplus recoveries with their letters, and changes to payment schedules (issue 4).

-- Bank details: a new row for every change, never an edit, so the history is kept. The latest
-- PAYEE row for an account is where it is paid (for a managed account: the provider's account and
-- the person's reference). COUNCIL_ACCOUNT is the council's own account the payments come from;
-- CARD_PROVIDER is where prepaid cards are loaded (the account id is the card's reference there),
-- so a new prepaid card can be paid the same day with no details to type.
CREATE TABLE bank_details (
    id             BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    council_id     BIGINT NOT NULL REFERENCES council (id),
    purpose        TEXT NOT NULL CHECK (purpose IN ('PAYEE', 'COUNCIL_ACCOUNT', 'CARD_PROVIDER')),
    account_id     BIGINT REFERENCES dp_account (id),
    account_name   TEXT NOT NULL CHECK (length(account_name) BETWEEN 1 AND 70),
    sort_code      TEXT NOT NULL CHECK (sort_code ~ '^[0-9]{6}$'),
    account_number TEXT NOT NULL CHECK (account_number ~ '^[0-9]{8}$'),
    reference      TEXT CHECK (reference IS NULL OR reference ~ '^[A-Za-z0-9 ./&-]{1,18}$'),
    recorded_by    TEXT NOT NULL,
    recorded_at    TIMESTAMPTZ NOT NULL DEFAULT now(),
    CHECK ((purpose = 'PAYEE') = (account_id IS NOT NULL))
);
CREATE INDEX bank_details_account_idx ON bank_details (account_id, id DESC) WHERE account_id IS NOT NULL;
CREATE INDEX bank_details_council_idx ON bank_details (council_id, purpose, id DESC) WHERE account_id IS NULL;

CREATE FUNCTION payments_rows_are_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION '% is append-only: % is not allowed (add a new row instead)', TG_TABLE_NAME, TG_OP;
END;
$$;
CREATE TRIGGER bank_details_append_only BEFORE UPDATE OR DELETE ON bank_details
    FOR EACH ROW EXECUTE FUNCTION payments_rows_are_append_only();

-- A payment keeps the bank details it was selected with, so its bank file never changes.
ALTER TABLE payment ADD COLUMN bank_details_id BIGINT REFERENCES bank_details (id);

ALTER TABLE payment_run_exception DROP CONSTRAINT payment_run_exception_reason_check;
ALTER TABLE payment_run_exception ADD CONSTRAINT payment_run_exception_reason_check
    CHECK (reason IN ('ACCOUNT_SUSPENDED', 'ACCOUNT_CLOSED', 'MISSING_BANK_DETAILS'));

-- A recovery of money left over: the ledger entry (key "recovery:{id}") and the letter that
-- told the person, in their language, kept exactly as it was written.
CREATE TABLE surplus_recovery (
    id             BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    council_id     BIGINT NOT NULL REFERENCES council (id),
    account_id     BIGINT NOT NULL REFERENCES dp_account (id),
    amount_pence   BIGINT NOT NULL CHECK (amount_pence BETWEEN 1 AND 100000000),
    surplus_pence  BIGINT NOT NULL CHECK (surplus_pence >= amount_pence),
    reason         TEXT NOT NULL CHECK (length(reason) BETWEEN 1 AND 1000),
    letter_locale  TEXT NOT NULL CHECK (letter_locale IN ('en', 'cy')),
    letter         TEXT NOT NULL,
    recovered_on   DATE NOT NULL,
    proposed_by    TEXT NOT NULL,
    -- an Idempotency-Key sent with the request: the same request again returns this recovery
    request_key    TEXT UNIQUE CHECK (request_key IS NULL OR length(request_key) BETWEEN 1 AND 200),
    created_at     TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX surplus_recovery_account_idx ON surplus_recovery (account_id);
CREATE TRIGGER surplus_recovery_append_only BEFORE UPDATE OR DELETE ON surplus_recovery
    FOR EACH ROW EXECUTE FUNCTION payments_rows_are_append_only();

-- A plan change sets a new regular payment from a date: payments due on or after it use it.
CREATE TABLE payment_schedule_change (
    id                    BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    schedule_id           BIGINT NOT NULL REFERENCES payment_schedule (id),
    effective_from        DATE NOT NULL,
    regular_payment_pence BIGINT NOT NULL CHECK (regular_payment_pence BETWEEN 0 AND 100000000),
    weekly_budget_pence   BIGINT NOT NULL CHECK (weekly_budget_pence BETWEEN 0 AND 100000000),
    reason                TEXT NOT NULL CHECK (length(reason) BETWEEN 1 AND 500),
    created_by            TEXT NOT NULL,
    created_at            TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX payment_schedule_change_idx ON payment_schedule_change (schedule_id, effective_from DESC, id DESC);
CREATE TRIGGER payment_schedule_change_append_only BEFORE UPDATE OR DELETE ON payment_schedule_change
    FOR EACH ROW EXECUTE FUNCTION payments_rows_are_append_only();

-- An ended direct payment (or a death) closes its account from a date; periods due from then are not paid.
ALTER TABLE dp_account ADD COLUMN closed_on DATE;
