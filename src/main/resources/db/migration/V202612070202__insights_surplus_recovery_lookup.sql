-- Insights at the scale of issue 16 (docs/PERFORMANCE.md): money recovered by month. Each recovery's
-- ledger entry is found by its idempotency key ('recovery:' || id, unique), one index look-up a
-- recovery (the planner otherwise hashed every ledger transaction of the council: 1.2 million at the
-- benchmark's scale, over a second, to find 9,600). Same rows, same columns: the key is unique, so
-- LIMIT 1 changes nothing but the plan.
CREATE OR REPLACE VIEW insights_surplus_recovery AS
SELECT r.id, r.council_id, r.account_id, r.amount_pence, t.posted_on AS recovered_on
FROM surplus_recovery r
CROSS JOIN LATERAL (SELECT t.posted_on FROM ledger_transaction t
                    WHERE t.idempotency_key = 'recovery:' || r.id AND t.council_id = r.council_id LIMIT 1) t;
