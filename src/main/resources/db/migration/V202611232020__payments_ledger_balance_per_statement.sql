-- Double entry, checked once per statement instead of once per leg: a payment run posts 500,000
-- legs in one INSERT, and one grouped check over the new legs' transactions costs far less than
-- 500,000 single sums. Every writer inserts a transaction's legs in one statement, so each
-- statement must leave every transaction it touched adding up to zero.
DROP TRIGGER ledger_leg_balanced ON ledger_leg;
DROP FUNCTION ledger_transaction_balances();

CREATE FUNCTION ledger_transactions_balance() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    unbalanced RECORD;
BEGIN
    SELECT l.transaction_id, sum(l.amount_pence) AS total INTO unbalanced
    FROM ledger_leg l
    WHERE l.transaction_id IN (SELECT DISTINCT n.transaction_id FROM new_legs n)
    GROUP BY l.transaction_id
    HAVING sum(l.amount_pence) <> 0
    LIMIT 1;
    IF FOUND THEN
        RAISE EXCEPTION 'ledger transaction % does not balance: its legs add up to % pence',
            unbalanced.transaction_id, unbalanced.total;
    END IF;
    RETURN NULL;
END;
$$;
CREATE TRIGGER ledger_leg_balanced AFTER INSERT ON ledger_leg
    REFERENCING NEW TABLE AS new_legs FOR EACH STATEMENT EXECUTE FUNCTION ledger_transactions_balance();
