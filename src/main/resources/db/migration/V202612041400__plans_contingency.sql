-- Issue 18: each plan version records what happens if a PA cannot come: one or more arrangements
-- (a back-up PA, a family member or friend, an agency, or finding cover from the PA register).
-- Written with the version and never changed: a change is a new version, as for outcomes and lines.
CREATE TABLE plan_contingency_arrangement (
    plan_version_id BIGINT NOT NULL REFERENCES care_plan_version (id),
    position        INT NOT NULL CHECK (position BETWEEN 1 AND 10),
    kind            TEXT NOT NULL CHECK (kind IN ('BACKUP_PA', 'FAMILY_OR_FRIEND', 'AGENCY', 'FIND_COVER')),
    name            TEXT NOT NULL DEFAULT '' CHECK (length(name) <= 200),
    contact         TEXT NOT NULL DEFAULT '' CHECK (length(contact) <= 200),
    notes           TEXT NOT NULL DEFAULT '' CHECK (length(notes) <= 1000),
    PRIMARY KEY (plan_version_id, position)
);

CREATE FUNCTION plan_contingency_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'plan_contingency_arrangement is append-only: % is not allowed', TG_OP;
END;
$$;
CREATE TRIGGER plan_contingency_no_update_or_delete
    BEFORE UPDATE OR DELETE ON plan_contingency_arrangement
    FOR EACH ROW EXECUTE FUNCTION plan_contingency_is_append_only();
