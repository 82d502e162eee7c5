-- Insights at the scale of the issue (bin/bench insights: one council of 250,000 direct payments;
-- docs/PERFORMANCE.md). Two things every figure asked for row by row are kept on the rows instead:
--
-- 1. A direct payment's active_from (agreed, and not before its start date) as a generated column,
--    and its ended_on (the first ENDED status change) kept by a trigger on the status changes, so
--    the figures stop running a sub-select for each payment (up to 2.6 million look-ups a figure).
--    Both are derived: the status changes stay the record of what happened and when.
-- 2. The person of each plan version and who the plan is for (ADULT, CARER, CHILD), copied from its
--    plan when the version is written (neither changes for a plan), so the figures stop joining
--    every plan to find a council's people.

ALTER TABLE direct_payment ADD COLUMN active_from DATE GENERATED ALWAYS AS (
    CASE WHEN status = 'AWAITING_AGREEMENT' THEN NULL
         ELSE greatest(start_date, coalesce((agreed_at AT TIME ZONE 'Europe/London')::date, start_date)) END) STORED;
ALTER TABLE direct_payment ADD COLUMN ended_on DATE;

UPDATE direct_payment d SET ended_on = e.ended_on
FROM (SELECT direct_payment_id, min(effective_on) AS ended_on FROM direct_payment_status_change
      WHERE event = 'ENDED' GROUP BY direct_payment_id) e
WHERE e.direct_payment_id = d.id;

CREATE FUNCTION direct_payment_ended_on() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE direct_payment SET ended_on = least(coalesce(ended_on, NEW.effective_on), NEW.effective_on)
    WHERE id = NEW.direct_payment_id;
    RETURN NULL;
END $$;
CREATE TRIGGER direct_payment_status_change_ended AFTER INSERT ON direct_payment_status_change
    FOR EACH ROW WHEN (NEW.event = 'ENDED') EXECUTE FUNCTION direct_payment_ended_on();

CREATE INDEX direct_payment_council_active_idx ON direct_payment (council_id, active_from);

-- care_plan_version is append-only (its trigger refuses updates): the one-time copy of a derived
-- column is done with the trigger set aside for this statement only.
ALTER TABLE care_plan_version ADD COLUMN citizen_id BIGINT, ADD COLUMN recipient_kind TEXT;
ALTER TABLE care_plan_version DISABLE TRIGGER care_plan_version_append_only;
UPDATE care_plan_version v SET citizen_id = p.citizen_id, recipient_kind = p.recipient_kind FROM care_plan p WHERE p.id = v.plan_id;
ALTER TABLE care_plan_version ENABLE TRIGGER care_plan_version_append_only;
ALTER TABLE care_plan_version ALTER COLUMN citizen_id SET NOT NULL, ALTER COLUMN recipient_kind SET NOT NULL;

CREATE FUNCTION care_plan_version_citizen() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    SELECT p.citizen_id, p.recipient_kind INTO NEW.citizen_id, NEW.recipient_kind FROM care_plan p WHERE p.id = NEW.plan_id;
    RETURN NEW;
END $$;
CREATE TRIGGER care_plan_version_citizen BEFORE INSERT ON care_plan_version
    FOR EACH ROW EXECUTE FUNCTION care_plan_version_citizen();

-- The views read the kept columns (same names, same meaning as before).
CREATE OR REPLACE VIEW insights_direct_payment AS
SELECT dp.id, dp.council_id, dp.citizen_id, dp.plan_id, dp.status, dp.requested_on, dp.start_date,
       dp.active_from, dp.ended_on, dp.first_payment_date, dp.recipient_kind
FROM direct_payment dp;

CREATE OR REPLACE VIEW insights_plan_line AS
SELECT v.council_id, v.citizen_id, v.plan_id, v.id AS version_id, v.version, v.start_date, v.end_date,
       l.position, l.kind, l.delivery_mechanism,
       CASE l.kind WHEN 'HOURLY' THEN round(coalesce(l.hours_per_week, 0) * coalesce(l.hourly_rate_pence, 0))::bigint
                   WHEN 'WEEKLY' THEN coalesce(l.weekly_amount_pence, 0)
                   ELSE 0 END AS weekly_cost_pence
FROM care_plan_version v
JOIN plan_budget_line l ON l.plan_version_id = v.id;

CREATE OR REPLACE VIEW insights_plan_version AS
SELECT v.council_id, v.citizen_id, v.plan_id, v.id AS version_id, v.version, v.start_date, v.end_date,
       v.recipient_kind
FROM care_plan_version v;

CREATE OR REPLACE VIEW insights_plan_hourly_line AS
SELECT v.council_id, v.citizen_id, v.plan_id, v.id AS version_id, v.version, v.start_date, v.end_date,
       l.position, l.delivery_mechanism, l.hours_per_week, l.hourly_rate_pence
FROM care_plan_version v
JOIN plan_budget_line l ON l.plan_version_id = v.id
WHERE l.kind = 'HOURLY';

CREATE OR REPLACE VIEW insights_review AS
SELECT r.id, r.council_id, r.direct_payment_id, d.citizen_id, r.reason, r.reviewed_on, r.plan_to_change
FROM review r JOIN direct_payment d ON d.id = r.direct_payment_id AND d.council_id = r.council_id;

-- Budget lines on their own (how each part is taken), for figures that already have the versions
-- they want and need not read the versions again through insights_plan_line.
CREATE VIEW insights_budget_line AS
SELECT l.plan_version_id AS version_id, l.position, l.kind, l.delivery_mechanism, l.hours_per_week, l.hourly_rate_pence
FROM plan_budget_line l;
CREATE VIEW insights_payment_schedule AS
SELECT s.council_id, s.account_id, s.weekly_budget_pence FROM payment_schedule s;
CREATE VIEW insights_payment_schedule_change AS
SELECT s.council_id, s.account_id, c.effective_from, c.id AS change_id, c.weekly_budget_pence
FROM payment_schedule_change c JOIN payment_schedule s ON s.id = c.schedule_id;
CREATE VIEW insights_account_leg AS
SELECT l.account_id, l.amount_pence FROM ledger_leg l WHERE l.book = 'ACCOUNT';

-- Money left in accounts above the limit (MoneyReturnedFigure): each account's legs read from one
-- index without the ledger's transactions, and the few movements posted after the day found by council and day.
CREATE INDEX ledger_leg_account_balance_idx ON ledger_leg (account_id) INCLUDE (amount_pence) WHERE book = 'ACCOUNT';
CREATE INDEX ledger_transaction_council_posted_idx ON ledger_transaction (council_id, posted_on);

-- PA rates of pay: each employment's last payslip in the period, one look-up an employment.
CREATE INDEX payslip_employment_paid_idx ON payslip (employment_id, pay_date) INCLUDE (run_id);

-- Reviews done, without the payment's person (the reviews figure counts payments, not people).
CREATE VIEW insights_review_done AS
SELECT r.id, r.council_id, r.direct_payment_id, r.reviewed_on FROM review r;
