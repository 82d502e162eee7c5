-- Letters are their own module (issue 14). The tables keep their names; the letters module owns them.
-- A letter is no longer sent inside the transaction that writes it: it is stored with a delivery
-- state, and a db-scheduler job sends it through GOV.UK Notify after the commit, retrying with
-- back-off (letters.DeliveryTransitions has the transition table):
--   OUTBOX   no Notify key when it was written: kept, exactly as it would have gone, and not sent
--   PENDING  waiting for its next attempt (next_attempt_at)
--   SENDING  claimed by the job (claim_id, until claimed_until) while it asks Notify
--   SENT     Notify accepted it (notify_id, sent_at)
--   FAILED   Notify refused it for good, or every attempt failed (failure_reason, failure)
ALTER TABLE letter DROP CONSTRAINT letter_status_check;
ALTER TABLE letter ADD CONSTRAINT letter_status_check CHECK (status IN ('OUTBOX', 'PENDING', 'SENDING', 'SENT', 'FAILED'));
ALTER TABLE letter
    ADD COLUMN attempts        INT NOT NULL DEFAULT 0 CHECK (attempts >= 0),
    ADD COLUMN next_attempt_at TIMESTAMPTZ,
    ADD COLUMN claim_id        UUID,
    ADD COLUMN claimed_until   TIMESTAMPTZ,
    ADD COLUMN sent_at         TIMESTAMPTZ,
    ADD COLUMN failure_reason  TEXT CHECK (failure_reason IN ('INVALID_RECIPIENT', 'REFUSED', 'KEY_REFUSED', 'TOO_MANY_REQUESTS',
                                                              'NOTIFY_UNAVAILABLE', 'NO_ANSWER'));
ALTER TABLE letter ADD CONSTRAINT letter_pending_has_a_time CHECK (status <> 'PENDING' OR next_attempt_at IS NOT NULL);
ALTER TABLE letter ADD CONSTRAINT letter_sending_is_claimed
    CHECK (status <> 'SENDING' OR (claim_id IS NOT NULL AND claimed_until IS NOT NULL));
ALTER TABLE letter ADD CONSTRAINT letter_sent_has_notify_id CHECK (status <> 'SENT' OR notify_id IS NOT NULL);
CREATE INDEX letter_due_idx ON letter (next_attempt_at) WHERE status IN ('PENDING', 'SENDING');
CREATE INDEX letter_failed_idx ON letter (council_id, created_at DESC) WHERE status = 'FAILED';

-- What was written stays as it was written: only the delivery columns change, and no letter is deleted.
CREATE FUNCTION letter_is_kept_as_written() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'DELETE' THEN
        RAISE EXCEPTION 'letter rows are kept: DELETE is not allowed';
    END IF;
    IF (NEW.council_id, NEW.citizen_id, NEW.kind, NEW.language, NEW.channel, NEW.recipient, NEW.subject, NEW.body,
        NEW.created_by, NEW.created_at, NEW.idempotency_key)
       IS DISTINCT FROM
       (OLD.council_id, OLD.citizen_id, OLD.kind, OLD.language, OLD.channel, OLD.recipient, OLD.subject, OLD.body,
        OLD.created_by, OLD.created_at, OLD.idempotency_key) THEN
        RAISE EXCEPTION 'a letter is kept exactly as it was written: only its delivery may change';
    END IF;
    RETURN NEW;
END;
$$;
CREATE TRIGGER letter_kept_as_written BEFORE UPDATE OR DELETE ON letter
    FOR EACH ROW EXECUTE FUNCTION letter_is_kept_as_written();

-- Every time the job asked GOV.UK Notify about a letter: when, what happened, Notify's id or what it said.
CREATE TABLE letter_attempt (
    id              BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    letter_id       BIGINT NOT NULL REFERENCES letter (id),
    council_id      BIGINT NOT NULL REFERENCES council (id),
    -- counted from 1 again after "Send again"
    attempt         INT NOT NULL CHECK (attempt >= 1),
    attempted_at    TIMESTAMPTZ NOT NULL,
    -- FOUND_AT_NOTIFY: an interrupted attempt had reached Notify (looked up by the letter's reference), so not sent twice
    outcome         TEXT NOT NULL CHECK (outcome IN ('SENT', 'FOUND_AT_NOTIFY', 'WILL_RETRY', 'FAILED')),
    failure_reason  TEXT CHECK (failure_reason IN ('INVALID_RECIPIENT', 'REFUSED', 'KEY_REFUSED', 'TOO_MANY_REQUESTS',
                                                   'NOTIFY_UNAVAILABLE', 'NO_ANSWER')),
    http_status     INT CHECK (http_status IS NULL OR http_status BETWEEN 100 AND 599),
    notify_id       TEXT,
    detail          TEXT CHECK (detail IS NULL OR length(detail) <= 1000),
    next_attempt_at TIMESTAMPTZ,
    CHECK ((outcome IN ('SENT', 'FOUND_AT_NOTIFY')) = (notify_id IS NOT NULL)),
    CHECK ((outcome IN ('WILL_RETRY', 'FAILED')) = (failure_reason IS NOT NULL)),
    CHECK ((outcome = 'WILL_RETRY') = (next_attempt_at IS NOT NULL))
);
CREATE INDEX letter_attempt_letter_idx ON letter_attempt (letter_id, id);
CREATE FUNCTION letters_rows_are_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION '% is append-only: % is not allowed (add a new row instead)', TG_TABLE_NAME, TG_OP;
END;
$$;
CREATE TRIGGER letter_attempt_append_only BEFORE UPDATE OR DELETE ON letter_attempt
    FOR EACH ROW EXECUTE FUNCTION letters_rows_are_append_only();

-- The letter that tells a person money left over was taken back (written when finance recovers it).
ALTER TABLE letter_template DROP CONSTRAINT letter_template_kind_check;
ALTER TABLE letter_template ADD CONSTRAINT letter_template_kind_check
    CHECK (kind IN ('RETURN_DUE', 'QUESTION', 'SURPLUS_FOUND', 'REVIEW_DUE', 'INSURANCE_RENEWAL', 'SURPLUS_RECOVERED'));
