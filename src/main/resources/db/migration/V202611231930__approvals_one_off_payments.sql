-- Connect and Enable one-off payments (Hertfordshire seed): a practitioner approves up to the
-- council's self-approval limit on the spot; above it a budget holder decides.
CREATE TABLE one_off_payment (
    id              BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    council_id      BIGINT NOT NULL REFERENCES council (id),
    citizen_id      BIGINT NOT NULL REFERENCES citizen (id),
    amount_pence    BIGINT NOT NULL CHECK (amount_pence BETWEEN 1 AND 100000000),
    purpose         TEXT NOT NULL CHECK (length(purpose) BETWEEN 1 AND 1000),
    outcome         TEXT NOT NULL CHECK (length(outcome) BETWEEN 1 AND 1000),
    reason          TEXT NOT NULL CHECK (reason IN ('HOSPITAL_DISCHARGE', 'AVOID_ADMISSION', 'CARER_BREAKDOWN', 'LEARNING',
                        'SHORT_TERM_SUPPORT', 'OTHER')),
    account_type    TEXT NOT NULL CHECK (account_type IN ('BANK_ACCOUNT', 'PREPAID_CARD', 'MANAGED_ACCOUNT')),
    status          TEXT NOT NULL CHECK (status IN ('AWAITING_APPROVAL', 'APPROVED', 'DECLINED')),
    limit_pence     BIGINT NOT NULL,
    requested_by    TEXT NOT NULL,
    requested_at    TIMESTAMPTZ NOT NULL DEFAULT now(),
    decided_by      TEXT,
    decided_at      TIMESTAMPTZ,
    decision_reason TEXT CHECK (decision_reason IS NULL OR length(decision_reason) <= 2000)
);
CREATE INDEX one_off_payment_council_idx ON one_off_payment (council_id, status);

-- The payments module's own record of approved one-offs to pay (it never reads approvals' tables).
CREATE TABLE one_off_due (
    one_off_id   BIGINT PRIMARY KEY,
    council_id   BIGINT NOT NULL REFERENCES council (id),
    account_id   BIGINT NOT NULL REFERENCES dp_account (id),
    amount_pence BIGINT NOT NULL CHECK (amount_pence BETWEEN 1 AND 100000000),
    approved_on  DATE NOT NULL,
    description  TEXT NOT NULL
);
