-- Issue 17: a letter to someone who acted for a person and no longer does (REPRESENTATIVE_STOPPED), written
-- to their representative row, by email. about_citizen_id is the person it is about, set only for such
-- letters, so erasing the person blanks it too. A letter is to exactly one reader: a person, a PA or a
-- representative.
ALTER TABLE letter ADD COLUMN representative_id BIGINT REFERENCES representative (id);
ALTER TABLE letter ADD COLUMN about_citizen_id BIGINT REFERENCES citizen (id);
ALTER TABLE letter DROP CONSTRAINT letter_to_one_reader;
ALTER TABLE letter ADD CONSTRAINT letter_to_one_reader CHECK (num_nonnulls(citizen_id, pa_profile_id, representative_id) = 1);
ALTER TABLE letter ADD CONSTRAINT letter_about_whom_a_representative_acted_for
    CHECK ((representative_id IS NULL) = (about_citizen_id IS NULL));
CREATE INDEX letter_representative_idx ON letter (representative_id) WHERE representative_id IS NOT NULL;
CREATE INDEX letter_about_citizen_idx ON letter (about_citizen_id) WHERE about_citizen_id IS NOT NULL;

-- The reader, and whom the letter is about, are part of what was written: kept like the rest (only delivery
-- changes; a recorded redaction may blank the recipient and words).
CREATE OR REPLACE FUNCTION letter_is_kept_as_written() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'DELETE' THEN
        RAISE EXCEPTION 'letter rows are kept: DELETE is not allowed';
    END IF;
    IF (NEW.council_id, NEW.citizen_id, NEW.pa_profile_id, NEW.representative_id, NEW.about_citizen_id, NEW.kind, NEW.language,
        NEW.channel, NEW.recipient, NEW.subject, NEW.body, NEW.created_by, NEW.created_at, NEW.idempotency_key)
       IS NOT DISTINCT FROM
       (OLD.council_id, OLD.citizen_id, OLD.pa_profile_id, OLD.representative_id, OLD.about_citizen_id, OLD.kind, OLD.language,
        OLD.channel, OLD.recipient, OLD.subject, OLD.body, OLD.created_by, OLD.created_at, OLD.idempotency_key) THEN
        RETURN NEW;
    END IF;
    IF personal_data_redaction_in_progress()
       AND (to_jsonb(NEW) - ARRAY['recipient', 'subject', 'body']) = (to_jsonb(OLD) - ARRAY['recipient', 'subject', 'body']) THEN
        RETURN NEW;
    END IF;
    RAISE EXCEPTION 'a letter is kept exactly as it was written: only its delivery may change';
END;
$$;

-- The one who stopped acting is told too.
ALTER TABLE letter_template DROP CONSTRAINT letter_template_kind_check;
ALTER TABLE letter_template ADD CONSTRAINT letter_template_kind_check
    CHECK (kind IN ('RETURN_DUE', 'QUESTION', 'SURPLUS_FOUND', 'REVIEW_DUE', 'INSURANCE_RENEWAL', 'SURPLUS_RECOVERED',
                    'PAYMENT_REQUESTED', 'GROUP_INVITED', 'GROUP_CONFIRMED', 'GROUP_LEFT', 'GROUP_MEMBER_LEFT',
                    'FEEDBACK_INVITED', 'HELP_REPLIED', 'COVER_REQUESTED', 'COVER_ACCEPTED', 'COVER_DECLINED',
                    'REPRESENTATIVE_ENDED', 'REPRESENTATIVE_STOPPED'));
