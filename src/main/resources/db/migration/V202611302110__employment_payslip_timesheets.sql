-- Each timesheet day is paid once, recorded per timesheet rather than per day: a run pays every
-- approved day not yet paid up to the period's end, so the days paid of a timesheet are always
-- those up to a date. One row per timesheet and payslip ("days of this timesheet from .. to ..
-- were paid by this payslip") instead of one per day: a national monthly payroll writes 130,000
-- rows, not 1.5 million (docs/PERFORMANCE.md).
DROP TABLE payslip_day;

CREATE TABLE payslip_timesheet (
    timesheet_id  BIGINT NOT NULL REFERENCES timesheet (id),
    paid_through  DATE NOT NULL,
    paid_from     DATE NOT NULL,
    payslip_id    BIGINT NOT NULL REFERENCES payslip (id),
    days          INT NOT NULL CHECK (days >= 1),
    minutes       INT NOT NULL CHECK (minutes >= 0),
    PRIMARY KEY (timesheet_id, paid_through),
    CHECK (paid_from <= paid_through)
);
CREATE INDEX payslip_timesheet_payslip_idx ON payslip_timesheet (payslip_id);

CREATE TRIGGER payslip_timesheet_append_only BEFORE UPDATE OR DELETE ON payslip_timesheet
    FOR EACH ROW EXECUTE FUNCTION employment_rows_are_append_only();

-- A payslip's council and employer are its run's (payroll_run keeps both with their keys); two
-- foreign-key checks fewer for every payslip written in bulk.
ALTER TABLE payslip DROP CONSTRAINT payslip_council_id_fkey, DROP CONSTRAINT payslip_citizen_id_fkey;
