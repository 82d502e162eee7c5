-- Read-only views for the insights figures "savings against agency care" and "PA rates of pay"
-- (issue 16). As with the first insights views, insights reads these and never the employment,
-- marketplace or plans tables; every view carries council_id.

-- Hours of work paid through dphub payroll: each WORK line of a payslip in an APPROVED run (the
-- approval is what sends the money), with its minutes, its hourly rate and what it paid.
CREATE VIEW insights_paid_work AS
SELECT s.council_id, s.citizen_id, s.employment_id, s.id AS payslip_id, s.pay_date,
       l.minutes, l.rate_pence, l.amount_pence
FROM payslip s
JOIN payroll_run_approval a ON a.run_id = s.run_id
JOIN payslip_line l ON l.payslip_id = s.id AND l.kind = 'WORK';

-- Payslips in approved runs: who was paid through dphub payroll, and when.
CREATE VIEW insights_paid_payslip AS
SELECT s.id, s.council_id, s.citizen_id, s.employment_id, s.pay_date
FROM payslip s
JOIN payroll_run_approval a ON a.run_id = s.run_id;

-- A PA's employment: the employer's council, and the postcode district of the PA's home from
-- their marketplace profile (null when the PA has no profile linked to their sign-in). Never the
-- full postcode, never a name.
CREATE VIEW insights_pa_employment AS
SELECT e.id, e.council_id, e.citizen_id, e.started_on,
       (SELECT left(c.compact, length(c.compact) - 3)
        FROM pa_profile p
        CROSS JOIN LATERAL (SELECT regexp_replace(upper(p.home_postcode), '\s', '', 'g') AS compact) c
        WHERE p.user_id = e.pa_user_id) AS pa_postcode_district
FROM pa_employment e;

-- Each version of an employment's agreed terms: the hourly rate from the day it takes effect.
CREATE VIEW insights_pa_employment_rate AS
SELECT t.id, t.employment_id, t.effective_from, t.hourly_rate_pence
FROM pa_employment_terms t;

-- Hourly budget lines of plan versions, with their hours and rate, for the "planned" savings of
-- people whose PAs are paid outside dphub payroll.
CREATE VIEW insights_plan_hourly_line AS
SELECT v.council_id, p.citizen_id, v.plan_id, v.id AS version_id, v.version, v.start_date, v.end_date,
       l.position, l.delivery_mechanism, l.hours_per_week, l.hourly_rate_pence
FROM care_plan_version v
JOIN care_plan p ON p.id = v.plan_id
JOIN plan_budget_line l ON l.plan_version_id = v.id
WHERE l.kind = 'HOURLY';

-- The National Living Wage (21 and over) by the day it takes effect.
CREATE VIEW insights_national_living_wage AS
SELECT w.effective_from, w.hourly_pence FROM marketplace_national_living_wage w;
