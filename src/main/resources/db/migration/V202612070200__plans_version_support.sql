-- Insights at the scale of issue 16 (bin/bench insights; docs/PERFORMANCE.md): what each plan
-- version's budget lines add up to, by how each is taken, kept beside the version so that ASCOF 3D,
-- how support is taken and the planned savings read one small row a version instead of joining
-- every budget line (990,000 at the benchmark's scale) to every version.
--
-- Derived, never the record: care_plan_version and plan_budget_line stay append-only and are what
-- the plan is. A version's row is written when the version is (its plan, person, dates and who it
-- is for, which never change), and its lines are added into it as they are written, by the
-- statement-level triggers below (one set-based statement however many rows were inserted).
--
-- mechanisms: a bit a delivery mechanism the version has at least one line of — 1 DIRECT_PAYMENT,
-- 2 INDIVIDUAL_SERVICE_FUND, 4 COUNCIL_MANAGED_BUDGET, 8 COUNCIL_COMMISSIONED.
-- *_weekly_pence: the lines' weekly money by mechanism, each line worked out as insights_budget_line
-- does (hours × rate rounded to the penny, or the weekly amount, or nothing for a one-off) and added up.
-- dp_hourly_hours and dp_hourly_rate_hours: for the hourly direct payment lines with hours and a rate
-- (the planned savings' lines), the hours a week and the hours × the hourly rate in pence, exactly.
CREATE TABLE plan_version_support (
    version_id           BIGINT PRIMARY KEY REFERENCES care_plan_version (id),
    council_id           BIGINT NOT NULL,
    plan_id              BIGINT NOT NULL,
    citizen_id           BIGINT NOT NULL,
    version              INT NOT NULL,
    start_date           DATE NOT NULL,
    end_date             DATE,
    recipient_kind       TEXT NOT NULL,
    mechanisms           SMALLINT NOT NULL DEFAULT 0,
    dp_weekly_pence      BIGINT NOT NULL DEFAULT 0,
    isf_weekly_pence     BIGINT NOT NULL DEFAULT 0,
    cmb_weekly_pence     BIGINT NOT NULL DEFAULT 0,
    cc_weekly_pence      BIGINT NOT NULL DEFAULT 0,
    dp_hourly_hours      NUMERIC NOT NULL DEFAULT 0,
    dp_hourly_rate_hours NUMERIC NOT NULL DEFAULT 0
);
CREATE INDEX plan_version_support_council_idx ON plan_version_support (council_id, start_date);

CREATE FUNCTION plan_version_support_versions() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO plan_version_support (version_id, council_id, plan_id, citizen_id, version, start_date, end_date, recipient_kind)
    SELECT v.id, v.council_id, v.plan_id, v.citizen_id, v.version, v.start_date, v.end_date, v.recipient_kind FROM new_versions v;
    RETURN NULL;
END $$;
CREATE TRIGGER care_plan_version_support AFTER INSERT ON care_plan_version
    REFERENCING NEW TABLE AS new_versions FOR EACH STATEMENT EXECUTE FUNCTION plan_version_support_versions();

CREATE FUNCTION plan_version_support_lines() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE plan_version_support s SET
        mechanisms = s.mechanisms | n.mechanisms,
        dp_weekly_pence = s.dp_weekly_pence + n.dp,
        isf_weekly_pence = s.isf_weekly_pence + n.isf,
        cmb_weekly_pence = s.cmb_weekly_pence + n.cmb,
        cc_weekly_pence = s.cc_weekly_pence + n.cc,
        dp_hourly_hours = s.dp_hourly_hours + n.hours,
        dp_hourly_rate_hours = s.dp_hourly_rate_hours + n.rate_hours
    FROM (SELECT l.plan_version_id,
                 bit_or(CASE l.delivery_mechanism WHEN 'DIRECT_PAYMENT' THEN 1 WHEN 'INDIVIDUAL_SERVICE_FUND' THEN 2
                                                  WHEN 'COUNCIL_MANAGED_BUDGET' THEN 4 WHEN 'COUNCIL_COMMISSIONED' THEN 8 END)::smallint AS mechanisms,
                 coalesce(sum(l.weekly) FILTER (WHERE l.delivery_mechanism = 'DIRECT_PAYMENT'), 0) AS dp,
                 coalesce(sum(l.weekly) FILTER (WHERE l.delivery_mechanism = 'INDIVIDUAL_SERVICE_FUND'), 0) AS isf,
                 coalesce(sum(l.weekly) FILTER (WHERE l.delivery_mechanism = 'COUNCIL_MANAGED_BUDGET'), 0) AS cmb,
                 coalesce(sum(l.weekly) FILTER (WHERE l.delivery_mechanism = 'COUNCIL_COMMISSIONED'), 0) AS cc,
                 coalesce(sum(l.hours_per_week) FILTER (WHERE l.savings), 0) AS hours,
                 coalesce(sum(l.hours_per_week * l.hourly_rate_pence) FILTER (WHERE l.savings), 0) AS rate_hours
          FROM (SELECT n.plan_version_id, n.delivery_mechanism, n.hours_per_week, n.hourly_rate_pence,
                       CASE n.kind WHEN 'HOURLY' THEN round(coalesce(n.hours_per_week, 0) * coalesce(n.hourly_rate_pence, 0))::bigint
                                   WHEN 'WEEKLY' THEN coalesce(n.weekly_amount_pence, 0)
                                   ELSE 0 END AS weekly,
                       (n.kind = 'HOURLY' AND n.delivery_mechanism = 'DIRECT_PAYMENT' AND n.hours_per_week > 0
                        AND n.hourly_rate_pence IS NOT NULL) AS savings
                FROM new_lines n) l
          GROUP BY l.plan_version_id) n
    WHERE s.version_id = n.plan_version_id;
    RETURN NULL;
END $$;
CREATE TRIGGER plan_budget_line_support AFTER INSERT ON plan_budget_line
    REFERENCING NEW TABLE AS new_lines FOR EACH STATEMENT EXECUTE FUNCTION plan_version_support_lines();

-- the versions and lines already written
INSERT INTO plan_version_support (version_id, council_id, plan_id, citizen_id, version, start_date, end_date, recipient_kind)
SELECT v.id, v.council_id, v.plan_id, v.citizen_id, v.version, v.start_date, v.end_date, v.recipient_kind FROM care_plan_version v;
UPDATE plan_version_support s SET
    mechanisms = n.mechanisms, dp_weekly_pence = n.dp, isf_weekly_pence = n.isf, cmb_weekly_pence = n.cmb,
    cc_weekly_pence = n.cc, dp_hourly_hours = n.hours, dp_hourly_rate_hours = n.rate_hours
FROM (SELECT l.plan_version_id,
             bit_or(CASE l.delivery_mechanism WHEN 'DIRECT_PAYMENT' THEN 1 WHEN 'INDIVIDUAL_SERVICE_FUND' THEN 2
                                              WHEN 'COUNCIL_MANAGED_BUDGET' THEN 4 WHEN 'COUNCIL_COMMISSIONED' THEN 8 END)::smallint AS mechanisms,
             coalesce(sum(l.weekly) FILTER (WHERE l.delivery_mechanism = 'DIRECT_PAYMENT'), 0) AS dp,
             coalesce(sum(l.weekly) FILTER (WHERE l.delivery_mechanism = 'INDIVIDUAL_SERVICE_FUND'), 0) AS isf,
             coalesce(sum(l.weekly) FILTER (WHERE l.delivery_mechanism = 'COUNCIL_MANAGED_BUDGET'), 0) AS cmb,
             coalesce(sum(l.weekly) FILTER (WHERE l.delivery_mechanism = 'COUNCIL_COMMISSIONED'), 0) AS cc,
             coalesce(sum(l.hours_per_week) FILTER (WHERE l.savings), 0) AS hours,
             coalesce(sum(l.hours_per_week * l.hourly_rate_pence) FILTER (WHERE l.savings), 0) AS rate_hours
      FROM (SELECT b.plan_version_id, b.delivery_mechanism, b.hours_per_week, b.hourly_rate_pence,
                   CASE b.kind WHEN 'HOURLY' THEN round(coalesce(b.hours_per_week, 0) * coalesce(b.hourly_rate_pence, 0))::bigint
                               WHEN 'WEEKLY' THEN coalesce(b.weekly_amount_pence, 0)
                               ELSE 0 END AS weekly,
                   (b.kind = 'HOURLY' AND b.delivery_mechanism = 'DIRECT_PAYMENT' AND b.hours_per_week > 0
                    AND b.hourly_rate_pence IS NOT NULL) AS savings
            FROM plan_budget_line b) l
      GROUP BY l.plan_version_id) n
WHERE s.version_id = n.plan_version_id;

-- What the insights figures read of it.
CREATE VIEW insights_plan_version_support AS
SELECT s.version_id, s.council_id, s.plan_id, s.citizen_id, s.version, s.start_date, s.end_date, s.recipient_kind,
       s.mechanisms, s.dp_weekly_pence, s.isf_weekly_pence, s.cmb_weekly_pence, s.cc_weekly_pence,
       s.dp_hourly_hours, s.dp_hourly_rate_hours
FROM plan_version_support s;
