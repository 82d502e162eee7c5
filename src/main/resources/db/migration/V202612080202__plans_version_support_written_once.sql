-- Insights at the scale of issue 16 (docs/PERFORMANCE.md, "third round"): plan_version_support
-- (V202612070200) keeps the same numbers, written in a way that writes each row once when a version
-- and its lines arrive in one statement (a bulk load, as the benchmark's is), instead of writing it
-- with the version and rewriting it for its lines: that left the benchmark's table at twice its live
-- size (179 MB), and ASCOF 3D, how support is taken and the planned savings read all of it.
--
-- 1. A version's row is written with what its lines already written add up to (none, when the app
--    writes a version and then its lines; all of them, when both are in one statement: the triggers
--    fire at its end and see every row it wrote).
-- 2. Lines written later set their versions' rows to what all their lines add up to — the lines are
--    append-only, so this is what adding the new lines in gave before — and only rows whose numbers
--    change are written.
-- Whichever of the two fires first, each row ends with the sums of all its version's lines.

CREATE OR REPLACE FUNCTION plan_version_support_versions() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO plan_version_support (version_id, council_id, plan_id, citizen_id, version, start_date, end_date, recipient_kind,
        mechanisms, dp_weekly_pence, isf_weekly_pence, cmb_weekly_pence, cc_weekly_pence, dp_hourly_hours, dp_hourly_rate_hours)
    SELECT v.id, v.council_id, v.plan_id, v.citizen_id, v.version, v.start_date, v.end_date, v.recipient_kind,
           coalesce(n.mechanisms, 0), coalesce(n.dp, 0), coalesce(n.isf, 0), coalesce(n.cmb, 0), coalesce(n.cc, 0),
           coalesce(n.hours, 0), coalesce(n.rate_hours, 0)
    FROM new_versions v
    LEFT JOIN (
        SELECT l.plan_version_id,
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
              FROM plan_budget_line b JOIN new_versions w ON w.id = b.plan_version_id) l
        GROUP BY l.plan_version_id) n ON n.plan_version_id = v.id;
    RETURN NULL;
END $$;

CREATE OR REPLACE FUNCTION plan_version_support_lines() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
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
                FROM plan_budget_line b
                WHERE b.plan_version_id IN (SELECT DISTINCT n.plan_version_id FROM new_lines n)) l
          GROUP BY l.plan_version_id) n
    WHERE s.version_id = n.plan_version_id
      AND (s.mechanisms, s.dp_weekly_pence, s.isf_weekly_pence, s.cmb_weekly_pence, s.cc_weekly_pence, s.dp_hourly_hours,
           s.dp_hourly_rate_hours) IS DISTINCT FROM (n.mechanisms, n.dp, n.isf, n.cmb, n.cc, n.hours, n.rate_hours);
    RETURN NULL;
END $$;
