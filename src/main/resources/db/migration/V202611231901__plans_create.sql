-- Care and support plans (issue 3). A plan is a series of versions; a version is never changed,
-- a change is a new version. A temporary version has an end date, after which the latest
-- version in force before it applies again.
CREATE TABLE care_plan (
    id         BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    council_id BIGINT NOT NULL REFERENCES council (id),
    citizen_id BIGINT NOT NULL REFERENCES citizen (id),
    created_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX care_plan_citizen_idx ON care_plan (council_id, citizen_id);

CREATE TABLE care_plan_version (
    id                        BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    plan_id                   BIGINT NOT NULL REFERENCES care_plan (id),
    council_id                BIGINT NOT NULL REFERENCES council (id),
    version                   INT NOT NULL CHECK (version >= 1),
    start_date                DATE NOT NULL,
    end_date                  DATE CHECK (end_date IS NULL OR end_date >= start_date),
    eligible_needs            TEXT NOT NULL DEFAULT '' CHECK (length(eligible_needs) <= 5000),
    how_needs_met             TEXT NOT NULL CHECK (how_needs_met IN ('DIRECT_PAYMENT_FULL', 'DIRECT_PAYMENT_PART',
                                  'COUNCIL_ARRANGED', 'INDIVIDUAL_SERVICE_FUND')),
    payment_frequency         TEXT NOT NULL CHECK (payment_frequency IN ('WEEKLY', 'FOUR_WEEKLY', 'MONTHLY')),
    weekly_contribution_pence BIGINT NOT NULL CHECK (weekly_contribution_pence BETWEEN 0 AND 100000000),
    contingency_plan          TEXT NOT NULL DEFAULT '' CHECK (length(contingency_plan) <= 5000),
    change_reason             TEXT NOT NULL DEFAULT '' CHECK (length(change_reason) <= 2000),
    weekly_budget_pence       BIGINT NOT NULL CHECK (weekly_budget_pence >= 0),
    annual_budget_pence       BIGINT NOT NULL CHECK (annual_budget_pence >= 0),
    regular_payment_pence     BIGINT NOT NULL CHECK (regular_payment_pence >= 0),
    created_by                TEXT NOT NULL,
    created_at                TIMESTAMPTZ NOT NULL DEFAULT now(),
    UNIQUE (plan_id, version)
);

CREATE TABLE plan_outcome (
    plan_version_id BIGINT NOT NULL REFERENCES care_plan_version (id),
    position        INT NOT NULL CHECK (position BETWEEN 1 AND 50),
    text            TEXT NOT NULL CHECK (length(text) BETWEEN 1 AND 1000),
    PRIMARY KEY (plan_version_id, position)
);

CREATE TABLE plan_budget_line (
    plan_version_id    BIGINT NOT NULL REFERENCES care_plan_version (id),
    position           INT NOT NULL CHECK (position BETWEEN 1 AND 50),
    description        TEXT NOT NULL CHECK (length(description) BETWEEN 1 AND 500),
    kind               TEXT NOT NULL CHECK (kind IN ('HOURLY', 'WEEKLY', 'ONE_OFF')),
    hours_per_week     NUMERIC(5, 2) CHECK (hours_per_week BETWEEN 0 AND 168),
    hourly_rate_pence  BIGINT CHECK (hourly_rate_pence BETWEEN 0 AND 100000000),
    weekly_amount_pence BIGINT CHECK (weekly_amount_pence BETWEEN 0 AND 100000000),
    amount_pence       BIGINT CHECK (amount_pence BETWEEN 0 AND 100000000),
    outcome_positions  INT[] NOT NULL DEFAULT '{}',
    PRIMARY KEY (plan_version_id, position)
);

-- Plan versions and their lines are never changed or removed.
CREATE FUNCTION plan_rows_are_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION '% is append-only: % is not allowed', TG_TABLE_NAME, TG_OP;
END;
$$;
CREATE TRIGGER care_plan_version_append_only BEFORE UPDATE OR DELETE ON care_plan_version
    FOR EACH ROW EXECUTE FUNCTION plan_rows_are_append_only();
CREATE TRIGGER plan_outcome_append_only BEFORE UPDATE OR DELETE ON plan_outcome
    FOR EACH ROW EXECUTE FUNCTION plan_rows_are_append_only();
CREATE TRIGGER plan_budget_line_append_only BEFORE UPDATE OR DELETE ON plan_budget_line
    FOR EACH ROW EXECUTE FUNCTION plan_rows_are_append_only();

-- A direct payment: requested (the time-to-money clock starts), checked against the rules,
-- agreed by the person, then active.
CREATE TABLE direct_payment (
    id                 BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    council_id         BIGINT NOT NULL REFERENCES council (id),
    citizen_id         BIGINT NOT NULL REFERENCES citizen (id),
    plan_id            BIGINT NOT NULL REFERENCES care_plan (id),
    status             TEXT NOT NULL CHECK (status IN ('AWAITING_AGREEMENT', 'ACTIVE', 'SUSPENDED', 'ENDED')),
    has_capacity       BOOLEAN NOT NULL,
    representative_id  BIGINT REFERENCES representative (id),
    account_type       TEXT NOT NULL CHECK (account_type IN ('BANK_ACCOUNT', 'PREPAID_CARD', 'MANAGED_ACCOUNT')),
    requested_on       DATE NOT NULL,
    start_date         DATE NOT NULL,
    agreed_at          TIMESTAMPTZ,
    agreed_by          TEXT,
    agreement_method   TEXT CHECK (agreement_method IN ('ONLINE', 'PAPER')),
    paper_signed_on    DATE,
    first_payment_date DATE,
    created_by         TEXT NOT NULL,
    created_at         TIMESTAMPTZ NOT NULL DEFAULT now(),
    version            BIGINT NOT NULL DEFAULT 0
);
CREATE INDEX direct_payment_citizen_idx ON direct_payment (council_id, citizen_id);
CREATE INDEX direct_payment_status_idx ON direct_payment (council_id, status);

-- Household members the direct payment may pay, each only with a recorded necessity decision.
CREATE TABLE direct_payment_household_payee (
    direct_payment_id   BIGINT NOT NULL REFERENCES direct_payment (id),
    household_member_id BIGINT NOT NULL REFERENCES household_member (id),
    PRIMARY KEY (direct_payment_id, household_member_id)
);

-- regulation 3: the council's decision that paying a close relative in the household is necessary
CREATE TABLE necessity_decision (
    id                BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    council_id        BIGINT NOT NULL REFERENCES council (id),
    direct_payment_id BIGINT NOT NULL REFERENCES direct_payment (id),
    decided_by        TEXT NOT NULL,
    reason            TEXT NOT NULL CHECK (length(reason) BETWEEN 1 AND 5000),
    decided_on        DATE NOT NULL,
    created_at        TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- regulation 7 reviews
CREATE TABLE review (
    id                BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    council_id        BIGINT NOT NULL REFERENCES council (id),
    direct_payment_id BIGINT NOT NULL REFERENCES direct_payment (id),
    reason            TEXT NOT NULL CHECK (reason IN ('SCHEDULED', 'CAPACITY_CHANGE', 'CONCERN', 'OTHER')),
    reviewed_on       DATE NOT NULL,
    working           TEXT NOT NULL CHECK (length(working) <= 5000),
    not_working       TEXT NOT NULL CHECK (length(not_working) <= 5000),
    plan_to_change    BOOLEAN NOT NULL DEFAULT FALSE,
    reviewed_by       TEXT NOT NULL,
    created_at        TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX review_direct_payment_idx ON review (direct_payment_id, reviewed_on DESC);
