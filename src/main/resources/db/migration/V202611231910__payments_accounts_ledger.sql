-- Direct payment accounts, their payment schedules, and the append-only double-entry ledger (issue 4).
CREATE TABLE dp_account (
    id                BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    council_id        BIGINT NOT NULL REFERENCES council (id),
    citizen_id        BIGINT NOT NULL REFERENCES citizen (id),
    -- one account per direct payment; a Connect and Enable one-off may open one without a direct payment
    direct_payment_id BIGINT UNIQUE REFERENCES direct_payment (id),
    type              TEXT NOT NULL CHECK (type IN ('BANK_ACCOUNT', 'PREPAID_CARD', 'MANAGED_ACCOUNT')),
    status            TEXT NOT NULL CHECK (status IN ('OPEN', 'SUSPENDED', 'CLOSED')),
    opened_on         DATE NOT NULL,
    created_at        TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX dp_account_citizen_idx ON dp_account (council_id, citizen_id);

-- The regular payment, in advance, from the first payment date.
CREATE TABLE payment_schedule (
    id                    BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    council_id            BIGINT NOT NULL REFERENCES council (id),
    account_id            BIGINT NOT NULL UNIQUE REFERENCES dp_account (id),
    frequency             TEXT NOT NULL CHECK (frequency IN ('WEEKLY', 'FOUR_WEEKLY', 'MONTHLY')),
    regular_payment_pence BIGINT NOT NULL CHECK (regular_payment_pence BETWEEN 0 AND 100000000),
    weekly_budget_pence   BIGINT NOT NULL CHECK (weekly_budget_pence BETWEEN 0 AND 100000000),
    first_payment_date    DATE NOT NULL,
    created_at            TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- A movement of money: two or more legs that add up to zero. The idempotency key makes a
-- repeated run or message do nothing the second time.
CREATE TABLE ledger_transaction (
    id              BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    council_id      BIGINT NOT NULL REFERENCES council (id),
    idempotency_key TEXT NOT NULL UNIQUE CHECK (length(idempotency_key) BETWEEN 1 AND 200),
    kind            TEXT NOT NULL CHECK (kind IN ('FUNDING', 'SPENDING', 'RECOVERY', 'CORRECTION')),
    posted_on       DATE NOT NULL,
    description     TEXT NOT NULL CHECK (length(description) BETWEEN 1 AND 500),
    created_by      TEXT NOT NULL,
    created_at      TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- COUNCIL: the council's direct payments budget; ACCOUNT: a person's direct payment account;
-- SPENDING: money that has left an account for goods, services or wages.
CREATE TABLE ledger_leg (
    transaction_id BIGINT NOT NULL REFERENCES ledger_transaction (id),
    leg            INT NOT NULL CHECK (leg BETWEEN 1 AND 10),
    book           TEXT NOT NULL CHECK (book IN ('COUNCIL', 'ACCOUNT', 'SPENDING')),
    account_id     BIGINT REFERENCES dp_account (id),
    amount_pence   BIGINT NOT NULL CHECK (amount_pence <> 0 AND abs(amount_pence) <= 100000000),
    PRIMARY KEY (transaction_id, leg),
    CHECK ((book = 'COUNCIL') = (account_id IS NULL))
);
CREATE INDEX ledger_leg_account_idx ON ledger_leg (account_id) WHERE account_id IS NOT NULL;

CREATE FUNCTION ledger_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'the ledger is append-only: % on % is not allowed (post a correction instead)', TG_OP, TG_TABLE_NAME;
END;
$$;
CREATE TRIGGER ledger_transaction_append_only BEFORE UPDATE OR DELETE ON ledger_transaction
    FOR EACH ROW EXECUTE FUNCTION ledger_is_append_only();
CREATE TRIGGER ledger_leg_append_only BEFORE UPDATE OR DELETE ON ledger_leg
    FOR EACH ROW EXECUTE FUNCTION ledger_is_append_only();
CREATE TRIGGER ledger_transaction_no_truncate BEFORE TRUNCATE ON ledger_transaction
    FOR EACH STATEMENT EXECUTE FUNCTION ledger_is_append_only();
CREATE TRIGGER ledger_leg_no_truncate BEFORE TRUNCATE ON ledger_leg
    FOR EACH STATEMENT EXECUTE FUNCTION ledger_is_append_only();

-- Double entry: at commit, every transaction's legs add up to zero.
CREATE FUNCTION ledger_transaction_balances() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    total BIGINT;
BEGIN
    SELECT coalesce(sum(amount_pence), 0) INTO total FROM ledger_leg WHERE transaction_id = NEW.transaction_id;
    IF total <> 0 THEN
        RAISE EXCEPTION 'ledger transaction % does not balance: its legs add up to % pence', NEW.transaction_id, total;
    END IF;
    RETURN NULL;
END;
$$;
CREATE CONSTRAINT TRIGGER ledger_leg_balanced AFTER INSERT ON ledger_leg
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION ledger_transaction_balances();
