-- Paying providers from a person's account (issue 15), the directory's side. A provider sends a
-- request for payment (an invoice) to a person; the person or their representative agrees it
-- (then payments charges the account once, key "payment-request:{id}") or queries it; the provider
-- changes or withdraws it. The provider never sees anything about the person beyond what it typed.
CREATE TABLE directory_payment_request (
    id               BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    organization_id  UUID NOT NULL REFERENCES directory_organization (id),
    service_id       UUID NOT NULL REFERENCES directory_service (id),
    -- the person's council: their staff may see it; the provider may serve people of any council
    council_id       BIGINT NOT NULL REFERENCES council (id),
    citizen_id       BIGINT NOT NULL REFERENCES citizen (id),
    amount_pence     BIGINT NOT NULL CHECK (amount_pence BETWEEN 1 AND 10000000),
    description      TEXT NOT NULL CHECK (length(description) BETWEEN 1 AND 400),
    -- the provider's own invoice reference, shown on its remittance
    reference        TEXT NOT NULL CHECK (length(reference) BETWEEN 1 AND 60),
    service_dates    DATE[] NOT NULL DEFAULT '{}',
    status           TEXT NOT NULL DEFAULT 'WAITING' CHECK (status IN ('WAITING', 'QUERIED', 'AGREED', 'WITHDRAWN')),
    query_message    TEXT CHECK (query_message IS NULL OR length(query_message) BETWEEN 1 AND 1000),
    queried_at       TIMESTAMPTZ,
    account_id       BIGINT REFERENCES dp_account (id),
    budget_line_position INT,
    outcome          TEXT CHECK (outcome IS NULL OR length(outcome) BETWEEN 1 AND 1000),
    agreed_by        TEXT,
    agreed_at        TIMESTAMPTZ,
    -- the Idempotency-Key sent with the agreement: the same POST again answers the same and does nothing
    agreement_key    TEXT CHECK (agreement_key IS NULL OR length(agreement_key) BETWEEN 1 AND 200),
    sent_by          TEXT NOT NULL,
    created_at       TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at       TIMESTAMPTZ NOT NULL DEFAULT now(),
    CHECK ((status = 'AGREED') = (agreed_at IS NOT NULL))
);
CREATE INDEX directory_payment_request_org_idx ON directory_payment_request (organization_id, id DESC);
CREATE INDEX directory_payment_request_citizen_idx ON directory_payment_request (citizen_id, id DESC);
