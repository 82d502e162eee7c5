-- Issue 18: an individual service fund is money held for a person by a provider they chose. Each
-- provider holding part of a person's budget has its own ledger account of type
-- INDIVIDUAL_SERVICE_FUND, funded by the same direct payment agreement (isf_direct_payment_id; the
-- account's direct_payment_id stays empty, one person's own account per direct payment) and paid
-- by the payment runs into the provider's bank account.
ALTER TABLE dp_account DROP CONSTRAINT dp_account_type_check;
ALTER TABLE dp_account ADD CONSTRAINT dp_account_type_check
    CHECK (type IN ('BANK_ACCOUNT', 'PREPAID_CARD', 'MANAGED_ACCOUNT', 'INDIVIDUAL_SERVICE_FUND'));
ALTER TABLE dp_account
    ADD COLUMN isf_direct_payment_id BIGINT REFERENCES direct_payment (id),
    ADD COLUMN isf_organization_id UUID,
    ADD COLUMN isf_organization_name TEXT CHECK (length(isf_organization_name) BETWEEN 1 AND 200),
    ADD CONSTRAINT dp_account_isf_check
        CHECK ((type = 'INDIVIDUAL_SERVICE_FUND') = (isf_organization_id IS NOT NULL)
               AND (isf_organization_id IS NULL) = (isf_direct_payment_id IS NULL)
               AND (isf_organization_id IS NULL) = (isf_organization_name IS NULL)
               AND (isf_organization_id IS NULL OR direct_payment_id IS NULL));
CREATE UNIQUE INDEX dp_account_isf_idx ON dp_account (isf_direct_payment_id, isf_organization_id)
    WHERE isf_direct_payment_id IS NOT NULL;
CREATE INDEX dp_account_isf_provider_idx ON dp_account (isf_organization_id) WHERE isf_organization_id IS NOT NULL;

-- What the provider reports it spent from a person's fund, against an outcome of the plan. Each line
-- is SPENDING on the fund's ledger (key "isf-spending:{idempotency_key}"); never changed or removed.
CREATE TABLE isf_spending (
    id               BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    council_id       BIGINT NOT NULL REFERENCES council (id),
    account_id       BIGINT NOT NULL REFERENCES dp_account (id),
    idempotency_key  TEXT NOT NULL UNIQUE CHECK (length(idempotency_key) BETWEEN 1 AND 150),
    spent_on         DATE NOT NULL,
    amount_pence     BIGINT NOT NULL CHECK (amount_pence BETWEEN 1 AND 100000000),
    description      TEXT NOT NULL CHECK (length(description) BETWEEN 1 AND 500),
    outcome_position INT NOT NULL CHECK (outcome_position BETWEEN 1 AND 50),
    outcome          TEXT NOT NULL CHECK (length(outcome) BETWEEN 1 AND 1000),
    recorded_by      TEXT NOT NULL,
    recorded_at      TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX isf_spending_account_idx ON isf_spending (account_id, spent_on);
CREATE TRIGGER isf_spending_append_only BEFORE UPDATE OR DELETE ON isf_spending
    FOR EACH ROW EXECUTE FUNCTION payments_rows_are_append_only();
