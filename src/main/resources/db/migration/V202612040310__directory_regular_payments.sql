-- Regular payments to a listed provider (issue 15): a person (or their representative) pays a
-- published service an amount every week, fortnight, four weeks or month from their direct payment
-- account. Each instalment that falls due becomes a charge in payments (key "regular:{id}:{n}");
-- one the account cannot cover is recorded as MISSED with the reason, and is not tried again.
-- The provider sees the reference, amount, dates and status: nothing else about the person.
CREATE TABLE directory_regular_payment (
    id                   BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    organization_id      UUID NOT NULL REFERENCES directory_organization (id),
    service_id           UUID NOT NULL REFERENCES directory_service (id),
    -- the person's council: their staff may see it; the provider may serve people of any council
    council_id           BIGINT NOT NULL REFERENCES council (id),
    citizen_id           BIGINT NOT NULL REFERENCES citizen (id),
    account_id           BIGINT NOT NULL REFERENCES dp_account (id),
    amount_pence         BIGINT NOT NULL CHECK (amount_pence BETWEEN 1 AND 10000000),
    frequency            TEXT NOT NULL CHECK (frequency IN ('WEEKLY', 'FORTNIGHTLY', 'FOUR_WEEKLY', 'MONTHLY')),
    first_date           DATE NOT NULL,
    end_date             DATE CHECK (end_date IS NULL OR end_date >= first_date),
    times                INT CHECK (times IS NULL OR times BETWEEN 1 AND 520),
    budget_line_position INT,
    outcome              TEXT CHECK (outcome IS NULL OR length(outcome) BETWEEN 1 AND 1000),
    -- what the provider's remittance shows: never the person's name unless they typed it
    reference            TEXT NOT NULL CHECK (length(reference) BETWEEN 1 AND 60),
    -- the next instalment not yet charged or missed, and its day (null: none is left to charge)
    next_n               INT NOT NULL DEFAULT 1,
    next_due             DATE,
    status               TEXT NOT NULL DEFAULT 'ACTIVE' CHECK (status IN ('ACTIVE', 'STOPPED')),
    -- no instalment dated on or after this day is charged
    stopped_from         DATE,
    stopped_by           TEXT,
    stopped_at           TIMESTAMPTZ,
    stop_key             TEXT CHECK (stop_key IS NULL OR length(stop_key) BETWEEN 1 AND 200),
    created_by           TEXT NOT NULL,
    created_by_user_id   BIGINT NOT NULL,
    -- the Idempotency-Key sent with the set-up: the same POST again answers the same and sets up nothing
    create_key           TEXT CHECK (create_key IS NULL OR length(create_key) BETWEEN 1 AND 200),
    created_at           TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at           TIMESTAMPTZ NOT NULL DEFAULT now(),
    CHECK ((status = 'STOPPED') = (stopped_from IS NOT NULL)),
    UNIQUE (created_by_user_id, create_key)
);
CREATE INDEX directory_regular_payment_org_idx ON directory_regular_payment (organization_id, id DESC);
CREATE INDEX directory_regular_payment_citizen_idx ON directory_regular_payment (citizen_id, id DESC);
-- the daily job: what has fallen due
CREATE INDEX directory_regular_payment_due_idx ON directory_regular_payment (next_due) WHERE next_due IS NOT NULL;

-- Each instalment that has fallen due, once: CHARGED (a provider_charge with key "regular:{id}:{n}")
-- or MISSED (the reason in a word: NOT_ENOUGH_MONEY, ACCOUNT_NOT_OPEN, PLAN_LINE_GONE).
CREATE TABLE directory_regular_instalment (
    regular_payment_id BIGINT NOT NULL REFERENCES directory_regular_payment (id),
    n                  INT NOT NULL CHECK (n >= 1),
    due_on             DATE NOT NULL,
    amount_pence       BIGINT NOT NULL CHECK (amount_pence > 0),
    status             TEXT NOT NULL CHECK (status IN ('CHARGED', 'MISSED')),
    charge_key         TEXT,
    missed_reason      TEXT CHECK (missed_reason IS NULL OR missed_reason IN ('NOT_ENOUGH_MONEY', 'ACCOUNT_NOT_OPEN', 'PLAN_LINE_GONE')),
    recorded_at        TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (regular_payment_id, n),
    CHECK ((status = 'MISSED') = (missed_reason IS NOT NULL))
);
