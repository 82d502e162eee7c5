-- Bank and prepaid-card transactions imported from statements (issue 6). They are the person's
-- own records of spending, kept apart from the council's ledger; nothing here is ever edited.
CREATE TABLE transaction_import (
    id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    council_id  BIGINT NOT NULL REFERENCES council (id),
    -- the account for a statement of one account; null for a provider's file of many
    account_id  BIGINT REFERENCES dp_account (id),
    format      TEXT NOT NULL CHECK (format IN ('CSV', 'CAMT_053')),
    mapping     TEXT,
    filename    TEXT CHECK (filename IS NULL OR length(filename) <= 300),
    lines       INT NOT NULL DEFAULT 0,
    imported    INT NOT NULL DEFAULT 0,
    duplicates  INT NOT NULL DEFAULT 0,
    imported_by TEXT NOT NULL,
    imported_at TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- council_id and import_id carry no foreign key on purpose: a provider's file brings a million
-- rows, each key is a check per row, and both values come from rows the same statement has just
-- checked (the account, of that council; the import, made in the same transaction).
CREATE TABLE account_transaction (
    id             BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    council_id     BIGINT NOT NULL,
    account_id     BIGINT NOT NULL REFERENCES dp_account (id),
    import_id      BIGINT NOT NULL,
    booked_on      DATE NOT NULL,
    description    TEXT NOT NULL CHECK (length(description) BETWEEN 1 AND 500),
    amount_pence   BIGINT NOT NULL CHECK (amount_pence <> 0 AND abs(amount_pence) <= 100000000),
    transaction_id TEXT CHECK (transaction_id IS NULL OR length(transaction_id) BETWEEN 1 AND 100)
);
-- a transaction already imported is skipped: the same id from the bank, or the same day, amount
-- and description on the same account
CREATE UNIQUE INDEX account_transaction_bank_id ON account_transaction (account_id, transaction_id)
    WHERE transaction_id IS NOT NULL;
CREATE UNIQUE INDEX account_transaction_same ON account_transaction (account_id, booked_on, amount_pence, md5(description));

CREATE FUNCTION monitoring_rows_are_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION '% is append-only: % is not allowed', TG_TABLE_NAME, TG_OP;
END;
$$;
CREATE TRIGGER account_transaction_append_only BEFORE UPDATE OR DELETE ON account_transaction
    FOR EACH ROW EXECUTE FUNCTION monitoring_rows_are_append_only();

-- What the person (or staff) said a transaction was for: the newest row counts.
CREATE TABLE transaction_tag (
    id                     BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    transaction_id         BIGINT NOT NULL REFERENCES account_transaction (id),
    plan_version_id        BIGINT REFERENCES care_plan_version (id),
    budget_line_position   INT CHECK (budget_line_position BETWEEN 1 AND 50),
    outcome                TEXT CHECK (outcome IS NULL OR length(outcome) BETWEEN 1 AND 1000),
    note                   TEXT CHECK (note IS NULL OR length(note) <= 1000),
    tagged_by              TEXT NOT NULL,
    tagged_at              TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX transaction_tag_idx ON transaction_tag (transaction_id, id DESC);
CREATE TRIGGER transaction_tag_append_only BEFORE UPDATE OR DELETE ON transaction_tag
    FOR EACH ROW EXECUTE FUNCTION monitoring_rows_are_append_only();

-- A bank's or card provider's CSV layout, saved by a council: which header holds what.
CREATE TABLE csv_mapping (
    id                 BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    council_id         BIGINT NOT NULL REFERENCES council (id),
    name               TEXT NOT NULL CHECK (name ~ '^[a-z0-9][a-z0-9-]{0,39}$'),
    date_column        TEXT NOT NULL CHECK (length(date_column) BETWEEN 1 AND 100),
    description_column TEXT NOT NULL CHECK (length(description_column) BETWEEN 1 AND 100),
    amount_column      TEXT NOT NULL CHECK (length(amount_column) BETWEEN 1 AND 100),
    transaction_id_column TEXT CHECK (transaction_id_column IS NULL OR length(transaction_id_column) BETWEEN 1 AND 100),
    account_column     TEXT CHECK (account_column IS NULL OR length(account_column) BETWEEN 1 AND 100),
    created_by         TEXT NOT NULL,
    created_at         TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX csv_mapping_name_idx ON csv_mapping (council_id, name, id DESC);
