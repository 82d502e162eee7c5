-- Insights at the scale of issue 16 (docs/PERFORMANCE.md, "third round"): each plan's versions in
-- order, latest first, with what the figures read of them, so that they are read from the index
-- alone and nothing is sorted. The planned savings find, for each version, the months no later
-- version of its plan covers (a window over each plan's versions, latest first: no sort of the
-- council's 213,000 versions at the benchmark's scale); ASCOF 3D takes each plan's latest version in
-- force on a day as the first of its plan's rows in force (DISTINCT ON, no grouping by plan).
CREATE INDEX plan_version_support_plan_idx ON plan_version_support (council_id, plan_id, version DESC)
    INCLUDE (start_date, end_date, dp_hourly_hours, dp_hourly_rate_hours, citizen_id, recipient_kind, mechanisms);
