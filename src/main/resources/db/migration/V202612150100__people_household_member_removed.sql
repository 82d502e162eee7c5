-- issue 17: someone is taken off a person's household (recorded by mistake, has died, is no longer
-- family). The row stays: a direct payment that paid them, and the audit trail, point at it. It says
-- from when, who removed them and why; the person's household, and the choice of whom a direct payment
-- may pay, leave it out. Once removed, a row is not changed again: someone who comes back is a new row.
ALTER TABLE household_member
    ADD COLUMN removed_on     DATE,
    ADD COLUMN removed_by     TEXT,
    ADD COLUMN removal_reason TEXT CHECK (removal_reason IS NULL OR length(removal_reason) BETWEEN 1 AND 500);
ALTER TABLE household_member ADD CONSTRAINT household_member_removed_whole
    CHECK ((removed_on IS NULL) = (removed_by IS NULL) AND (removed_on IS NULL) = (removal_reason IS NULL));

CREATE FUNCTION household_member_removal_is_final() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF OLD.removed_on IS NOT NULL AND (NEW.removed_on IS DISTINCT FROM OLD.removed_on OR NEW.removed_by IS DISTINCT FROM OLD.removed_by
            OR NEW.relationship IS DISTINCT FROM OLD.relationship OR NEW.lives_in_same_household IS DISTINCT FROM OLD.lives_in_same_household) THEN
        RAISE EXCEPTION 'household member % was removed on %: that is not changed', OLD.id, OLD.removed_on;
    END IF;
    RETURN NEW;
END $$;
CREATE TRIGGER household_member_removal_is_final BEFORE UPDATE ON household_member
    FOR EACH ROW EXECUTE FUNCTION household_member_removal_is_final();
