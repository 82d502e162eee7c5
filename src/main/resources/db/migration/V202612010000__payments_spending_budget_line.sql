-- Spending linked to the plan: the budget line (a plan version's line, by position) that paid for
-- it, e.g. a payroll's net pay, tax and pension from the plan's "personal assistant" hours. Set when
-- the transaction is posted, never changed (the table stays append-only); both or neither.
ALTER TABLE ledger_transaction
    ADD COLUMN plan_version_id      BIGINT,
    ADD COLUMN budget_line_position INT,
    ADD CONSTRAINT ledger_transaction_budget_line_fk FOREIGN KEY (plan_version_id, budget_line_position)
        REFERENCES plan_budget_line (plan_version_id, position),
    ADD CONSTRAINT ledger_transaction_budget_line_both CHECK ((plan_version_id IS NULL) = (budget_line_position IS NULL));

CREATE INDEX ledger_transaction_budget_line ON ledger_transaction (plan_version_id, budget_line_position)
    WHERE plan_version_id IS NOT NULL;
