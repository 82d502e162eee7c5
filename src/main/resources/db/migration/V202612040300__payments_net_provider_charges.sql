-- Paying providers without paying twice (issue 15). A charge to a provider is a promise against
-- the person's next regular payment: nothing reaches the ledger when it is agreed. The payment run
-- that pays the person nets it: the person is paid their payment less the charges (the bank file
-- and CSV carry that net amount), the council pays the provider the charges, and on approval the
-- ledger gets the council payment in full and each charge as spending from the account on the
-- same day (so the account's balance moves by the net, as the person's bank does).

-- What the run took off a payment for charges paid to providers for the person (set while the
-- run is prepared, before anything is approved or sent); the bank pays amount - netted.
ALTER TABLE payment ADD COLUMN netted_pence BIGINT NOT NULL DEFAULT 0;
ALTER TABLE payment ADD CONSTRAINT payment_netted_check CHECK (netted_pence BETWEEN 0 AND amount_pence);
CREATE INDEX payment_netted_account_idx ON payment (account_id) WHERE netted_pence > 0;

-- The payment a charge was netted from, and how much of it (its amount less refunds at that time);
-- set once, when a run takes it.
ALTER TABLE provider_charge ADD COLUMN netted_payment_id BIGINT REFERENCES payment (id);
ALTER TABLE provider_charge ADD COLUMN netted_pence BIGINT;
ALTER TABLE provider_charge ADD CONSTRAINT provider_charge_netted_check
    CHECK ((netted_payment_id IS NULL) = (netted_pence IS NULL) AND (netted_pence IS NULL OR netted_pence > 0));
CREATE INDEX provider_charge_promised_idx ON provider_charge (account_id) WHERE netted_payment_id IS NULL;
CREATE INDEX provider_charge_netted_idx ON provider_charge (netted_payment_id) WHERE netted_payment_id IS NOT NULL;

-- A refund of a charge a run had already taken (OWED_BACK) is paid to the person by the council's
-- next run (a payment keyed "provider-refund:{key}"); the provider owes the council that much.
COMMENT ON COLUMN provider_refund.settlement IS
    'REDUCED_PAYOUT: no run had taken the charge, so less is promised and paid; OWED_BACK: a run had taken it, so the next run pays the person back and the provider owes the council';
