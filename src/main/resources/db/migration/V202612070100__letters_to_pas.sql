-- Issue 18: letters to PAs. A PA is not a person a council holds (no citizen row), but a PA asked
-- for cover today or tomorrow must be told at once. A letter now goes to exactly one of a person
-- (citizen_id) or a PA on the register (pa_profile_id); the help module passes the PA's address and
-- language in, so letters still depends on nothing that writes letters.
ALTER TABLE letter ALTER COLUMN citizen_id DROP NOT NULL;
ALTER TABLE letter ADD COLUMN pa_profile_id BIGINT REFERENCES pa_profile (id);
ALTER TABLE letter ADD CONSTRAINT letter_to_one_reader CHECK ((citizen_id IS NULL) <> (pa_profile_id IS NULL));
CREATE INDEX letter_pa_profile_idx ON letter (pa_profile_id, created_at DESC) WHERE pa_profile_id IS NOT NULL;

-- The reader is part of what was written: kept like the rest (only delivery changes; a recorded redaction
-- may blank the recipient and words).
CREATE OR REPLACE FUNCTION letter_is_kept_as_written() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'DELETE' THEN
        RAISE EXCEPTION 'letter rows are kept: DELETE is not allowed';
    END IF;
    IF (NEW.council_id, NEW.citizen_id, NEW.pa_profile_id, NEW.kind, NEW.language, NEW.channel, NEW.recipient, NEW.subject,
        NEW.body, NEW.created_by, NEW.created_at, NEW.idempotency_key)
       IS NOT DISTINCT FROM
       (OLD.council_id, OLD.citizen_id, OLD.pa_profile_id, OLD.kind, OLD.language, OLD.channel, OLD.recipient, OLD.subject,
        OLD.body, OLD.created_by, OLD.created_at, OLD.idempotency_key) THEN
        RETURN NEW;
    END IF;
    IF personal_data_redaction_in_progress()
       AND (to_jsonb(NEW) - ARRAY['recipient', 'subject', 'body']) = (to_jsonb(OLD) - ARRAY['recipient', 'subject', 'body']) THEN
        RETURN NEW;
    END IF;
    RAISE EXCEPTION 'a letter is kept exactly as it was written: only its delivery may change';
END;
$$;

-- The cover letters: to the PA asked (COVER_REQUESTED), to the employer when the PA accepts or declines.
ALTER TABLE letter_template DROP CONSTRAINT letter_template_kind_check;
ALTER TABLE letter_template ADD CONSTRAINT letter_template_kind_check
    CHECK (kind IN ('RETURN_DUE', 'QUESTION', 'SURPLUS_FOUND', 'REVIEW_DUE', 'INSURANCE_RENEWAL', 'SURPLUS_RECOVERED',
                    'PAYMENT_REQUESTED', 'GROUP_INVITED', 'GROUP_CONFIRMED', 'GROUP_LEFT', 'GROUP_MEMBER_LEFT',
                    'FEEDBACK_INVITED', 'HELP_REPLIED', 'COVER_REQUESTED', 'COVER_ACCEPTED', 'COVER_DECLINED'));
