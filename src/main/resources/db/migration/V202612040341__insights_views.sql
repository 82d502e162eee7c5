-- Read-only views made for the insights module (ARCHITECTURE "Figures"): insights reads these,
-- never another module's tables, so a module can change its tables and keep its view the same.
-- Every view carries council_id, and every insights query filters on it.

-- A direct payment and the dates its figures need: when it was asked for, when it became active
-- (agreed, and not before its start date), when it ended, and when the first payment was made.
CREATE VIEW insights_direct_payment AS
SELECT dp.id, dp.council_id, dp.citizen_id, dp.plan_id, dp.status, dp.requested_on, dp.start_date,
       CASE WHEN dp.status = 'AWAITING_AGREEMENT' THEN NULL
            ELSE greatest(dp.start_date, coalesce((dp.agreed_at AT TIME ZONE 'Europe/London')::date, dp.start_date))
       END AS active_from,
       (SELECT min(c.effective_on) FROM direct_payment_status_change c
        WHERE c.direct_payment_id = dp.id AND c.event = 'ENDED') AS ended_on,
       dp.first_payment_date
FROM direct_payment dp;

-- Each budget line of each plan version, with how it is taken and what it costs a week.
CREATE VIEW insights_plan_line AS
SELECT v.council_id, p.citizen_id, v.plan_id, v.id AS version_id, v.version, v.start_date, v.end_date,
       l.position, l.kind, l.delivery_mechanism,
       CASE l.kind WHEN 'HOURLY' THEN round(coalesce(l.hours_per_week, 0) * coalesce(l.hourly_rate_pence, 0))::bigint
                   WHEN 'WEEKLY' THEN coalesce(l.weekly_amount_pence, 0)
                   ELSE 0 END AS weekly_cost_pence
FROM care_plan_version v
JOIN care_plan p ON p.id = v.plan_id
JOIN plan_budget_line l ON l.plan_version_id = v.id;

-- Plan versions, for who has a plan in force on a day.
CREATE VIEW insights_plan_version AS
SELECT v.council_id, p.citizen_id, v.plan_id, v.id AS version_id, v.version, v.start_date, v.end_date
FROM care_plan_version v JOIN care_plan p ON p.id = v.plan_id;

-- Connect and Enable one-off payments: asked for and decided.
CREATE VIEW insights_one_off AS
SELECT o.id, o.council_id, o.citizen_id, o.status, o.requested_at, o.decided_at
FROM one_off_payment o;

-- Reviews of direct payments.
CREATE VIEW insights_review AS
SELECT r.id, r.council_id, r.direct_payment_id, d.citizen_id, r.reason, r.reviewed_on, r.plan_to_change
FROM review r JOIN direct_payment d ON d.id = r.direct_payment_id;

-- The people the figures count, with only what the figures and the Client Level Data extract need.
CREATE VIEW insights_person AS
SELECT c.id, c.council_id, c.reference, c.date_of_birth FROM citizen c;
