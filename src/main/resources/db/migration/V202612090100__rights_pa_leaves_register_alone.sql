-- Issue 17: a PA who registered with no council (the national self sign-up) leaves the register and
-- erases their own data on "Your data": no council's DP team carries it out, so the step names no
-- council. A citizen's step always names the council that holds their record.
ALTER TABLE personal_data_redaction ALTER COLUMN council_id DROP NOT NULL;
ALTER TABLE personal_data_redaction ADD CONSTRAINT personal_data_redaction_citizen_council
    CHECK (citizen_id IS NULL OR council_id IS NOT NULL);
