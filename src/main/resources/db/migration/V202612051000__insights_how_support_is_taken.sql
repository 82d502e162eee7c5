-- How support is taken (issues 16 and 18): each budget line's weekly money (as insights_plan_line
-- works it out, so the two views agree), and how each direct
-- payment's money is held (a bank account, a prepaid card or a managed account). Columns are added
-- at the end, so the views keep every column they had.
CREATE OR REPLACE VIEW insights_direct_payment AS
SELECT dp.id, dp.council_id, dp.citizen_id, dp.plan_id, dp.status, dp.requested_on, dp.start_date,
       dp.active_from, dp.ended_on, dp.first_payment_date, dp.recipient_kind, dp.account_type
FROM direct_payment dp;

CREATE OR REPLACE VIEW insights_budget_line AS
SELECT l.plan_version_id AS version_id, l.position, l.kind, l.delivery_mechanism, l.hours_per_week, l.hourly_rate_pence,
       CASE l.kind WHEN 'HOURLY' THEN round(coalesce(l.hours_per_week, 0) * coalesce(l.hourly_rate_pence, 0))::bigint
                   WHEN 'WEEKLY' THEN coalesce(l.weekly_amount_pence, 0)
                   ELSE 0 END AS weekly_cost_pence
FROM plan_budget_line l;
