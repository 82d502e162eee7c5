-- Insights at the scale of issue 16 (bin/bench insights; docs/PERFORMANCE.md, "third round"): the
-- work paid through dphub payroll, one row a WORK line of a payslip in an approved run, kept as the
-- run is approved, so that savings against agency care read one small row a line by council and pay
-- date instead of joining every payslip of the year (470,000 at the benchmark's scale, each a wide
-- row of year-to-date figures) to the approvals and the payslip lines.
--
-- Derived, never the record: payroll_run_approval, payslip and payslip_line stay append-only and are
-- what was paid. A line is here exactly when insights_paid_work showed it before: its payslip's run
-- is approved and it is a WORK line. Statement-level triggers keep it so whichever is written last
-- (the approval, as the app does, or a line of a run already approved), with the same columns copied.
CREATE TABLE payslip_paid_work (
    payslip_id    BIGINT NOT NULL REFERENCES payslip (id),
    line          INT NOT NULL,
    council_id    BIGINT NOT NULL,
    citizen_id    BIGINT NOT NULL,
    employment_id BIGINT NOT NULL,
    pay_date      DATE NOT NULL,
    minutes       INT NOT NULL,
    rate_pence    BIGINT NOT NULL,
    amount_pence  BIGINT NOT NULL,
    PRIMARY KEY (payslip_id, line)
);
-- savings against agency care: a council's lines by pay date, read from the index alone
CREATE INDEX payslip_paid_work_council_idx ON payslip_paid_work (council_id, pay_date) INCLUDE (minutes, amount_pence);

CREATE FUNCTION payslip_paid_work_approved() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO payslip_paid_work (payslip_id, line, council_id, citizen_id, employment_id, pay_date, minutes, rate_pence, amount_pence)
    SELECT l.payslip_id, l.line, s.council_id, s.citizen_id, s.employment_id, s.pay_date, l.minutes, l.rate_pence, l.amount_pence
    FROM new_approvals a
    JOIN payslip s ON s.run_id = a.run_id
    JOIN payslip_line l ON l.payslip_id = s.id AND l.kind = 'WORK'
    ON CONFLICT DO NOTHING;
    RETURN NULL;
END $$;
CREATE TRIGGER payroll_run_approval_paid_work AFTER INSERT ON payroll_run_approval
    REFERENCING NEW TABLE AS new_approvals FOR EACH STATEMENT EXECUTE FUNCTION payslip_paid_work_approved();

CREATE FUNCTION payslip_paid_work_lines() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO payslip_paid_work (payslip_id, line, council_id, citizen_id, employment_id, pay_date, minutes, rate_pence, amount_pence)
    SELECT l.payslip_id, l.line, s.council_id, s.citizen_id, s.employment_id, s.pay_date, l.minutes, l.rate_pence, l.amount_pence
    FROM new_lines l
    JOIN payslip s ON s.id = l.payslip_id
    JOIN payroll_run_approval a ON a.run_id = s.run_id
    WHERE l.kind = 'WORK'
    ON CONFLICT DO NOTHING;
    RETURN NULL;
END $$;
CREATE TRIGGER payslip_line_paid_work AFTER INSERT ON payslip_line
    REFERENCING NEW TABLE AS new_lines FOR EACH STATEMENT EXECUTE FUNCTION payslip_paid_work_lines();

-- the lines already paid
INSERT INTO payslip_paid_work (payslip_id, line, council_id, citizen_id, employment_id, pay_date, minutes, rate_pence, amount_pence)
SELECT l.payslip_id, l.line, s.council_id, s.citizen_id, s.employment_id, s.pay_date, l.minutes, l.rate_pence, l.amount_pence
FROM payslip s
JOIN payroll_run_approval a ON a.run_id = s.run_id
JOIN payslip_line l ON l.payslip_id = s.id AND l.kind = 'WORK';

-- The view the insights figures read: same columns, same rows, from the kept lines.
CREATE OR REPLACE VIEW insights_paid_work AS
SELECT w.council_id, w.citizen_id, w.employment_id, w.payslip_id AS payslip_id, w.pay_date,
       w.minutes, w.rate_pence, w.amount_pence
FROM payslip_paid_work w;
