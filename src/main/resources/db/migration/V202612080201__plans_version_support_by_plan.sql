-- Insights at the scale of issue 16 (docs/PERFORMANCE.md, "third round"): the planned savings find,
-- for each plan version, the months no later version of its plan covers (a window over each plan's
-- versions, latest first). Read in this index's order, from the index alone, the window needs no sort
-- of the council's versions (213,000 at the benchmark's scale).
CREATE INDEX plan_version_support_plan_idx ON plan_version_support (council_id, plan_id, version DESC)
    INCLUDE (start_date, end_date, dp_hourly_hours, dp_hourly_rate_hours);
