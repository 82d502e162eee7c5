-- Councils are the tenants. Each has one row of settings; the defaults come from
-- shared/DOMAIN.md ("Council settings and their defaults").
CREATE TABLE council (
    id         BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    code       TEXT NOT NULL UNIQUE CHECK (code ~ '^[a-z0-9][a-z0-9-]{1,39}$'),
    name       TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    name_cy    TEXT NOT NULL CHECK (length(name_cy) BETWEEN 1 AND 200),
    nation     TEXT NOT NULL CHECK (nation IN ('ENGLAND', 'WALES')),
    created_at TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE TABLE council_settings (
    council_id                 BIGINT PRIMARY KEY REFERENCES council (id),
    -- Hertfordshire "Connect and Enable": practitioners approve one-off payments up to this
    self_approval_limit_pence  BIGINT NOT NULL DEFAULT 50000 CHECK (self_approval_limit_pence BETWEEN 0 AND 10000000),
    -- Leicester letter: receipts only above this
    receipts_threshold_pence   BIGINT NOT NULL DEFAULT 1000 CHECK (receipts_threshold_pence BETWEEN 0 AND 10000000),
    return_period              TEXT NOT NULL DEFAULT 'QUARTERLY'
        CHECK (return_period IN ('MONTHLY', 'QUARTERLY', 'HALF_YEARLY', 'YEARLY')),
    surplus_weeks              INT NOT NULL DEFAULT 8 CHECK (surplus_weeks BETWEEN 1 AND 52),
    payment_frequency          TEXT NOT NULL DEFAULT 'FOUR_WEEKLY'
        CHECK (payment_frequency IN ('WEEKLY', 'FOUR_WEEKLY', 'MONTHLY')),
    pa_hourly_rate_pence       BIGINT NOT NULL DEFAULT 1328 CHECK (pa_hourly_rate_pence BETWEEN 1 AND 100000),
    agency_hourly_rate_pence   BIGINT NOT NULL DEFAULT 1867 CHECK (agency_hourly_rate_pence BETWEEN 1 AND 100000),
    -- regulation 7: first review within 6 months, then at most every 12 months
    first_review_months        INT NOT NULL DEFAULT 6 CHECK (first_review_months BETWEEN 1 AND 6),
    review_interval_months     INT NOT NULL DEFAULT 12 CHECK (review_interval_months BETWEEN 1 AND 12),
    contribution_basis         TEXT NOT NULL DEFAULT 'NET' CHECK (contribution_basis IN ('GROSS', 'NET')),
    target_days_to_money       INT NOT NULL DEFAULT 28 CHECK (target_days_to_money BETWEEN 1 AND 365),
    welsh_language             BOOLEAN NOT NULL DEFAULT FALSE,
    version                    BIGINT NOT NULL DEFAULT 0,
    updated_at                 TIMESTAMPTZ NOT NULL DEFAULT now()
);
