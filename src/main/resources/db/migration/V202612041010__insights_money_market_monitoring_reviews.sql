-- Read-only views for four more insights figures (issue 16): money returned, the PA market,
-- monitoring effort and reviews. As V202612040341: insights reads these, never the tables
-- beneath, and every view carries council_id (the PA register is national: see below).

-- Money left over that came back to the council: a recovery counts once its ledger entry
-- (key "recovery:{id}", posted by SurplusRecoveries in the same transaction) is on the ledger,
-- on the day the ledger posted it. A check that only proposed a recovery is not money returned.
CREATE VIEW insights_surplus_recovery AS
SELECT r.id, r.council_id, r.account_id, r.amount_pence, t.posted_on AS recovered_on
FROM surplus_recovery r
JOIN ledger_transaction t ON t.idempotency_key = 'recovery:' || r.id AND t.council_id = r.council_id;

-- Direct payment accounts, with when they opened and closed (a status's own history is in the audit trail).
CREATE VIEW insights_account AS
SELECT a.id, a.council_id, a.status, a.opened_on, a.closed_on FROM dp_account a;

-- Each movement of money into (+) or out of (-) a person's account, on the day it was posted:
-- an account's balance on a day is the sum of its movements posted on or before that day.
CREATE VIEW insights_account_movement AS
SELECT t.council_id, l.account_id, t.posted_on, l.amount_pence
FROM ledger_leg l JOIN ledger_transaction t ON t.id = l.transaction_id
WHERE l.book = 'ACCOUNT';

-- An account's weekly budget and the days it changed: the schedule's own (from the start, change 0)
-- and each plan change from its effective day; of two on the same day the later change counts.
CREATE VIEW insights_account_weekly_budget AS
SELECT s.council_id, s.account_id, DATE '-infinity' AS effective_from, 0::bigint AS change_id, s.weekly_budget_pence
FROM payment_schedule s
UNION ALL
SELECT s.council_id, s.account_id, c.effective_from, c.id, c.weekly_budget_pence
FROM payment_schedule_change c JOIN payment_schedule s ON s.id = c.schedule_id;

-- Vacancies posted for the council's people: the UK day each was opened, and the UK day of its
-- first hire (a hire fills an open vacancy: Introductions.hire).
CREATE VIEW insights_vacancy AS
SELECT v.id, v.council_id, (v.created_at AT TIME ZONE 'Europe/London')::date AS opened_on,
       (h.first_hired_at AT TIME ZONE 'Europe/London')::date AS filled_on
FROM vacancy v
LEFT JOIN (SELECT council_id, vacancy_id, min(hired_at) AS first_hired_at FROM pa_hire GROUP BY council_id, vacancy_id) h
       ON h.vacancy_id = v.id AND h.council_id = v.council_id;

-- The national PA register, with only what the figures need: no names, no contact details. The
-- home district is the postcode's outward code ("CH7" of "CH7 1XY").
CREATE VIEW insights_pa_profile AS
SELECT p.id, p.status, p.visible, p.created_at,
       left(upper(replace(p.home_postcode, ' ', '')), length(replace(p.home_postcode, ' ', '')) - 3) AS home_district
FROM pa_profile p;

-- Each change of a profile's status, from the audit trail (PaProfiles records the status before
-- and after on every creation, check and suspension), so the register can be counted on a past day.
CREATE VIEW insights_pa_profile_status_change AS
SELECT CAST(e.entity_id AS bigint) AS profile_id, e.id AS event_id, e.occurred_at, e.before_state ->> 'status' AS before_status,
       e.after_state ->> 'status' AS after_status
FROM audit_event e
WHERE e.entity_type = 'pa_profile' AND e.after_state ? 'status'
  AND (e.before_state IS NULL OR (e.before_state ->> 'status') IS DISTINCT FROM (e.after_state ->> 'status'));

-- The postcode districts the council's people live in: the council's area as dphub can see it.
CREATE VIEW insights_person_district AS
SELECT DISTINCT c.council_id,
       left(upper(replace(c.postcode, ' ', '')), length(replace(c.postcode, ' ', '')) - 3) AS district
FROM citizen c;

-- Monitoring checks: why each account was selected, what was found, the minutes spent, the UK day.
CREATE VIEW insights_monitoring_check AS
SELECT k.id, k.council_id, k.account_id, k.reasons, k.outcome, k.minutes,
       (k.checked_at AT TIME ZONE 'Europe/London')::date AS checked_on
FROM monitoring_check k;
