-- Issue 17: erasure for a PA who leaves the national register (UK GDPR article 17).
--
-- 1. An employment can end: the PA's last day. A PA cannot be erased while an employment has not
--    ended (the employer still pays them), and the retention job counts the payroll records' 6 years
--    from the last day of the PA's last employment.
ALTER TABLE pa_employment ADD COLUMN ended_on DATE;
ALTER TABLE pa_employment ADD CONSTRAINT pa_employment_ends_after_start CHECK (ended_on IS NULL OR ended_on >= started_on);

-- 2. An erased profile is off the register for good: ERASED has no way back (PaProfileTransitions),
--    and the matching table drops it (pa_match_candidate_sync keeps only LIVE, visible profiles).
ALTER TABLE pa_profile DROP CONSTRAINT pa_profile_status_check;
ALTER TABLE pa_profile ADD CONSTRAINT pa_profile_status_check CHECK (status IN ('AWAITING_CHECKS', 'LIVE', 'SUSPENDED', 'ERASED'));

-- 3. A redaction step is about exactly one of a citizen or a PA (their profile on the register); the
--    council is the one the PA registered with, whose DP team carried it out. One step of each kind a PA.
ALTER TABLE personal_data_redaction ALTER COLUMN citizen_id DROP NOT NULL;
ALTER TABLE personal_data_redaction ADD COLUMN pa_profile_id BIGINT REFERENCES pa_profile (id);
ALTER TABLE personal_data_redaction ADD CONSTRAINT personal_data_redaction_one_person
    CHECK ((citizen_id IS NULL) <> (pa_profile_id IS NULL));
ALTER TABLE personal_data_redaction ADD CONSTRAINT personal_data_redaction_pa_step_key UNIQUE (pa_profile_id, step);
