-- Issue 17: erasure for someone who acted for a person and no longer does (UK GDPR article 17). The
-- step is about one representative's row, under the council that holds the person's record, whose DP
-- team carried it out; one step of each kind a row. A redaction step is now about exactly one of a
-- citizen, a PA or a representative.
ALTER TABLE personal_data_redaction ADD COLUMN representative_id BIGINT REFERENCES representative (id);
ALTER TABLE personal_data_redaction DROP CONSTRAINT personal_data_redaction_one_person;
ALTER TABLE personal_data_redaction ADD CONSTRAINT personal_data_redaction_one_person
    CHECK (num_nonnulls(citizen_id, pa_profile_id, representative_id) = 1);
ALTER TABLE personal_data_redaction ADD CONSTRAINT personal_data_redaction_representative_step_key UNIQUE (representative_id, step);
ALTER TABLE personal_data_redaction ADD CONSTRAINT personal_data_redaction_representative_council
    CHECK (representative_id IS NULL OR council_id IS NOT NULL);
