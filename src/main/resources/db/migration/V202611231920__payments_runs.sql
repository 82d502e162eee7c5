-- Payment runs (issue 4): one run per council and payment date; its payments carry the same
-- idempotency keys as the ledger transactions they become, so nothing is ever paid twice.
CREATE TABLE payment_run (
    id               BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    council_id       BIGINT NOT NULL REFERENCES council (id),
    payment_date     DATE NOT NULL,
    status           TEXT NOT NULL CHECK (status IN ('RUNNING', 'READY_FOR_APPROVAL', 'APPROVED', 'FAILED')),
    started_by       TEXT NOT NULL,
    started_at       TIMESTAMPTZ NOT NULL DEFAULT now(),
    approved_by      TEXT,
    approved_at      TIMESTAMPTZ,
    payments_count   INT NOT NULL DEFAULT 0,
    total_pence      BIGINT NOT NULL DEFAULT 0,
    exceptions_count INT NOT NULL DEFAULT 0,
    progress_percent INT NOT NULL DEFAULT 0 CHECK (progress_percent BETWEEN 0 AND 100),
    failure          TEXT,
    UNIQUE (council_id, payment_date),
    CHECK (approved_by IS NULL OR approved_by <> started_by)
);

CREATE TABLE payment (
    id              BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    council_id      BIGINT NOT NULL REFERENCES council (id),
    run_id          BIGINT NOT NULL REFERENCES payment_run (id),
    account_id      BIGINT NOT NULL REFERENCES dp_account (id),
    idempotency_key TEXT NOT NULL UNIQUE,
    due_date        DATE NOT NULL,
    amount_pence    BIGINT NOT NULL CHECK (amount_pence BETWEEN 1 AND 100000000),
    created_at      TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX payment_run_idx ON payment (run_id);

-- Accounts with money due that the run could not pay (suspended or closed): shown to finance,
-- not paid, and not marked as paid, so they are paid by a later run once put right.
CREATE TABLE payment_run_exception (
    run_id     BIGINT NOT NULL REFERENCES payment_run (id),
    account_id BIGINT NOT NULL REFERENCES dp_account (id),
    reason     TEXT NOT NULL CHECK (reason IN ('ACCOUNT_SUSPENDED', 'ACCOUNT_CLOSED')),
    PRIMARY KEY (run_id, account_id)
);
