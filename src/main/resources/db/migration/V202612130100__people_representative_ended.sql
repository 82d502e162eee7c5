-- issue 17: someone stops acting for a person (a lasting power of attorney ends, the person names
-- someone else, a parent's responsibility ends). The representative's row stays, as the record of who
-- acted and when; it says from when they no longer act, who recorded it and why. Their online
-- account no longer sees the person (identity's citizen_access row goes, audited). Once ended, a row
-- is not ended again or brought back: a new representative is a new row.
ALTER TABLE representative
    ADD COLUMN ended_on   DATE,
    ADD COLUMN ended_by   TEXT,
    ADD COLUMN end_reason TEXT CHECK (end_reason IS NULL OR length(end_reason) BETWEEN 1 AND 500);
ALTER TABLE representative ADD CONSTRAINT representative_ended_whole
    CHECK ((ended_on IS NULL) = (ended_by IS NULL) AND (ended_on IS NULL) = (end_reason IS NULL));

CREATE FUNCTION representative_end_is_final() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF OLD.ended_on IS NOT NULL AND (NEW.ended_on IS DISTINCT FROM OLD.ended_on OR NEW.ended_by IS DISTINCT FROM OLD.ended_by) THEN
        RAISE EXCEPTION 'representative % stopped acting on %: that is not changed', OLD.id, OLD.ended_on;
    END IF;
    RETURN NEW;
END $$;
CREATE TRIGGER representative_end_is_final BEFORE UPDATE ON representative
    FOR EACH ROW EXECUTE FUNCTION representative_end_is_final();
