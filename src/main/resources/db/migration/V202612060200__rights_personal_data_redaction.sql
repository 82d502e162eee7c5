-- Personal-data rights (issue 17, UK GDPR articles 15 and 17): subject access, erasure and the
-- retention step that anonymises money records 6 years after the direct payment ends.
--
-- Every erasure and every retention step is one row here, written in the same transaction as the
-- changes it makes, with what was removed and what was kept and why. The rows are never changed.
CREATE TABLE personal_data_redaction (
    id              BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    council_id      BIGINT NOT NULL REFERENCES council (id),
    citizen_id      BIGINT NOT NULL REFERENCES citizen (id),
    -- ERASURE: asked for by the person, carried out by the DP team or an administrator;
    -- RETENTION: the retention job, once the money records' time is up
    step            TEXT NOT NULL CHECK (step IN ('ERASURE', 'RETENTION')),
    carried_out_by  TEXT NOT NULL,
    carried_out_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
    -- message keys: what was removed, and [{"what": key, "why": key}] for what was kept
    removed         JSONB NOT NULL DEFAULT '[]',
    kept            JSONB NOT NULL DEFAULT '[]',
    -- the transaction that made the changes: only it may redact append-only rows (see below)
    transaction_id  BIGINT NOT NULL DEFAULT txid_current(),
    UNIQUE (citizen_id, step)
);
CREATE INDEX personal_data_redaction_council_idx ON personal_data_redaction (council_id, carried_out_at);

-- what was removed and kept is written by the step's own transaction once every module has done its part
CREATE FUNCTION personal_data_redaction_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'UPDATE' AND OLD.transaction_id = txid_current()
       AND (to_jsonb(NEW) - ARRAY['removed', 'kept']) = (to_jsonb(OLD) - ARRAY['removed', 'kept']) THEN
        RETURN NEW;
    END IF;
    RAISE EXCEPTION 'personal_data_redaction is append-only: % is not allowed', TG_OP;
END;
$$;
CREATE TRIGGER personal_data_redaction_append_only BEFORE UPDATE OR DELETE ON personal_data_redaction
    FOR EACH ROW EXECUTE FUNCTION personal_data_redaction_is_append_only();

-- True only inside the transaction that has just recorded an erasure or retention step and named it
-- with SET LOCAL dphub.redaction = '<id>': the one narrow way an append-only row's personal text may change.
CREATE FUNCTION personal_data_redaction_in_progress() RETURNS boolean LANGUAGE sql STABLE AS $$
    SELECT EXISTS (SELECT 1 FROM personal_data_redaction r
                   WHERE r.id = nullif(current_setting('dphub.redaction', true), '')::bigint
                     AND r.transaction_id = txid_current());
$$;

-- Append-only, except that a recorded redaction may change the columns named in the trigger's
-- arguments (personal text) and nothing else. A DELETE is always refused.
CREATE FUNCTION append_only_unless_recorded_redaction() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'UPDATE' AND personal_data_redaction_in_progress()
       AND (to_jsonb(NEW) - TG_ARGV) = (to_jsonb(OLD) - TG_ARGV) THEN
        RETURN NEW;
    END IF;
    RAISE EXCEPTION '% is append-only: % is not allowed (personal details change only by a recorded erasure or retention step)',
        TG_TABLE_NAME, TG_OP;
END;
$$;

-- The append-only tables holding a person's words or identifying details, and the columns a redaction may blank.
DROP TRIGGER help_reply_no_update_or_delete ON help_reply;
CREATE TRIGGER help_reply_no_update_or_delete BEFORE UPDATE OR DELETE ON help_reply
    FOR EACH ROW EXECUTE FUNCTION append_only_unless_recorded_redaction('text');

DROP TRIGGER audit_event_no_update_or_delete ON audit_event;
CREATE TRIGGER audit_event_no_update_or_delete BEFORE UPDATE OR DELETE ON audit_event
    FOR EACH ROW EXECUTE FUNCTION append_only_unless_recorded_redaction('before_state', 'after_state');

DROP TRIGGER bank_details_append_only ON bank_details;
CREATE TRIGGER bank_details_append_only BEFORE UPDATE OR DELETE ON bank_details
    FOR EACH ROW EXECUTE FUNCTION append_only_unless_recorded_redaction('account_name', 'sort_code', 'account_number', 'reference');

DROP TRIGGER plan_outcome_append_only ON plan_outcome;
CREATE TRIGGER plan_outcome_append_only BEFORE UPDATE OR DELETE ON plan_outcome
    FOR EACH ROW EXECUTE FUNCTION append_only_unless_recorded_redaction('text');

DROP TRIGGER plan_contingency_no_update_or_delete ON plan_contingency_arrangement;
CREATE TRIGGER plan_contingency_no_update_or_delete BEFORE UPDATE OR DELETE ON plan_contingency_arrangement
    FOR EACH ROW EXECUTE FUNCTION append_only_unless_recorded_redaction('name', 'contact', 'notes');

-- A letter stays as written (only delivery changes), except its recipient and words by a recorded redaction.
CREATE OR REPLACE FUNCTION letter_is_kept_as_written() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'DELETE' THEN
        RAISE EXCEPTION 'letter rows are kept: DELETE is not allowed';
    END IF;
    -- the usual case first: only the delivery changes
    IF (NEW.council_id, NEW.citizen_id, NEW.kind, NEW.language, NEW.channel, NEW.recipient, NEW.subject, NEW.body,
        NEW.created_by, NEW.created_at, NEW.idempotency_key)
       IS NOT DISTINCT FROM
       (OLD.council_id, OLD.citizen_id, OLD.kind, OLD.language, OLD.channel, OLD.recipient, OLD.subject, OLD.body,
        OLD.created_by, OLD.created_at, OLD.idempotency_key) THEN
        RETURN NEW;
    END IF;
    IF personal_data_redaction_in_progress()
       AND (to_jsonb(NEW) - ARRAY['recipient', 'subject', 'body']) = (to_jsonb(OLD) - ARRAY['recipient', 'subject', 'body']) THEN
        RETURN NEW;
    END IF;
    RAISE EXCEPTION 'a letter is kept exactly as it was written: only its delivery may change';
END;
$$;
