-- Paying providers from a person's account (issue 15). The payments module never reads the
-- directory: it is told the organisation's id and name. A charge is spending on the account's
-- ledger at once (key "provider-charge:{key}"); the council's next payment run pays each provider
-- once (one payout a provider a run: the sum of its people's parts) to the provider's bank account.

-- A provider's bank account, keyed by its directory organisation, recorded and checked as the
-- council's own are (a new row for every change; the newest is in use).
ALTER TABLE bank_details ADD COLUMN organization_id UUID;
ALTER TABLE bank_details DROP CONSTRAINT bank_details_purpose_check;
ALTER TABLE bank_details ADD CONSTRAINT bank_details_purpose_check
    CHECK (purpose IN ('PAYEE', 'COUNCIL_ACCOUNT', 'CARD_PROVIDER', 'PROVIDER'));
ALTER TABLE bank_details ADD CONSTRAINT bank_details_provider_check CHECK ((purpose = 'PROVIDER') = (organization_id IS NOT NULL));
CREATE INDEX bank_details_organization_idx ON bank_details (organization_id, id DESC) WHERE organization_id IS NOT NULL;

-- One payment to a provider in a run: the sum of the charges (less refunds made before it was
-- selected) of that council's people. Never two for the same provider in a run.
CREATE TABLE provider_payout (
    id                BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    council_id        BIGINT NOT NULL REFERENCES council (id),
    run_id            BIGINT NOT NULL REFERENCES payment_run (id),
    organization_id   UUID NOT NULL,
    organization_name TEXT NOT NULL CHECK (length(organization_name) BETWEEN 1 AND 200),
    bank_details_id   BIGINT NOT NULL REFERENCES bank_details (id),
    due_date          DATE NOT NULL,
    amount_pence      BIGINT NOT NULL DEFAULT 0 CHECK (amount_pence BETWEEN 0 AND 10000000000),
    charges_count     INT NOT NULL DEFAULT 0,
    UNIQUE (run_id, organization_id)
);

-- Spending from an account to a provider. payout_id is set once, when a run selects it.
CREATE TABLE provider_charge (
    id                   BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    council_id           BIGINT NOT NULL REFERENCES council (id),
    idempotency_key      TEXT NOT NULL UNIQUE CHECK (length(idempotency_key) BETWEEN 1 AND 150),
    account_id           BIGINT NOT NULL REFERENCES dp_account (id),
    organization_id      UUID NOT NULL,
    organization_name    TEXT NOT NULL CHECK (length(organization_name) BETWEEN 1 AND 200),
    amount_pence         BIGINT NOT NULL CHECK (amount_pence BETWEEN 1 AND 100000000),
    charged_on           DATE NOT NULL,
    description          TEXT NOT NULL CHECK (length(description) BETWEEN 1 AND 500),
    remittance_reference TEXT NOT NULL CHECK (length(remittance_reference) BETWEEN 1 AND 100),
    plan_version_id      BIGINT,
    budget_line_position INT,
    outcome              TEXT CHECK (outcome IS NULL OR length(outcome) BETWEEN 1 AND 1000),
    refunded_pence       BIGINT NOT NULL DEFAULT 0 CHECK (refunded_pence >= 0),
    payout_id            BIGINT REFERENCES provider_payout (id),
    created_by           TEXT NOT NULL,
    created_at           TIMESTAMPTZ NOT NULL DEFAULT now(),
    CHECK (refunded_pence <= amount_pence)
);
CREATE INDEX provider_charge_unpaid_idx ON provider_charge (council_id, charged_on) WHERE payout_id IS NULL;
CREATE INDEX provider_charge_payout_idx ON provider_charge (payout_id) WHERE payout_id IS NOT NULL;
CREATE INDEX provider_charge_account_idx ON provider_charge (account_id);

-- Money back to the account for (part of) a charge (key "provider-refund:{key}" in the ledger).
-- REDUCED_PAYOUT: the charge had not been selected for a payout, so the provider is paid less;
-- OWED_BACK: the provider had been paid (or is in a run), so the provider owes it back.
CREATE TABLE provider_refund (
    id              BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    council_id      BIGINT NOT NULL REFERENCES council (id),
    idempotency_key TEXT NOT NULL UNIQUE CHECK (length(idempotency_key) BETWEEN 1 AND 150),
    charge_id       BIGINT NOT NULL REFERENCES provider_charge (id),
    amount_pence    BIGINT NOT NULL CHECK (amount_pence BETWEEN 1 AND 100000000),
    refunded_on     DATE NOT NULL,
    description     TEXT NOT NULL CHECK (length(description) BETWEEN 1 AND 500),
    settlement      TEXT NOT NULL CHECK (settlement IN ('REDUCED_PAYOUT', 'OWED_BACK')),
    created_by      TEXT NOT NULL,
    created_at      TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX provider_refund_charge_idx ON provider_refund (charge_id);
CREATE TRIGGER provider_refund_append_only BEFORE UPDATE OR DELETE ON provider_refund
    FOR EACH ROW EXECUTE FUNCTION payments_rows_are_append_only();

-- A provider a run could not pay (no bank details): named to finance; its charges wait for the next run.
CREATE TABLE provider_payout_exception (
    run_id            BIGINT NOT NULL REFERENCES payment_run (id),
    organization_id   UUID NOT NULL,
    organization_name TEXT NOT NULL,
    reason            TEXT NOT NULL CHECK (reason IN ('PROVIDER_MISSING_BANK_DETAILS')),
    charges_count     INT NOT NULL,
    amount_pence      BIGINT NOT NULL,
    PRIMARY KEY (run_id, organization_id)
);
