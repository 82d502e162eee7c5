-- Indexes for the insights figures at national scale (bin/bench insights, docs/PERFORMANCE.md).
-- A council's plan versions: uptake and ASCOF 3D read them by council and start date; without this
-- every figure read every council's versions.
CREATE INDEX care_plan_version_council_idx ON care_plan_version (council_id, start_date);
-- The day a direct payment ended (insights_direct_payment.ended_on, the first ENDED change): one
-- index-only look-up a payment instead of reading all its status changes.
CREATE INDEX direct_payment_status_change_ended_idx ON direct_payment_status_change (direct_payment_id, effective_on)
    WHERE event = 'ENDED';
