-- Issue 17: erasure for a provider who leaves the directory (UK GDPR article 17). Most providers are
-- organisations, but a sole trader's listing and sign-in are their own personal data. The step is about
-- one directory organisation, under the council whose DP team checks it; one step of each kind an
-- organisation. A redaction step is now about exactly one of a citizen, a PA, a representative or a provider.
ALTER TABLE personal_data_redaction ADD COLUMN organization_id UUID REFERENCES directory_organization (id);
ALTER TABLE personal_data_redaction DROP CONSTRAINT personal_data_redaction_one_person;
ALTER TABLE personal_data_redaction ADD CONSTRAINT personal_data_redaction_one_person
    CHECK (num_nonnulls(citizen_id, pa_profile_id, representative_id, organization_id) = 1);
ALTER TABLE personal_data_redaction ADD CONSTRAINT personal_data_redaction_organization_step_key UNIQUE (organization_id, step);
ALTER TABLE personal_data_redaction ADD CONSTRAINT personal_data_redaction_organization_council
    CHECK (organization_id IS NULL OR council_id IS NOT NULL);

-- An erased provider's services are withdrawn (final) and where they were goes: a sole trader who comes to
-- people works from home. So a withdrawn service may have no postcode; a listed one still must.
DO $$
DECLARE
    c TEXT;
BEGIN
    SELECT conname INTO STRICT c FROM pg_constraint
     WHERE conrelid = 'directory_service'::regclass AND contype = 'c'
       AND pg_get_constraintdef(oid) LIKE '%postcode IS NOT NULL%latitude IS NOT NULL%';
    EXECUTE format('ALTER TABLE directory_service DROP CONSTRAINT %I', c);
END
$$;
ALTER TABLE directory_service ADD CONSTRAINT directory_service_place_check
    CHECK (status = 'WITHDRAWN' OR delivery = 'ONLINE' OR (postcode IS NOT NULL AND latitude IS NOT NULL AND longitude IS NOT NULL));
