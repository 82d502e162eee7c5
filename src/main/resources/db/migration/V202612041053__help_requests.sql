-- Issue 18: "Ask for help". A person, representative, PA or practitioner asks; the request lands
-- in the DP team queue of the council of the person it is about (or the asker's own council), with
-- that person's plan outcomes as they were when asked (an outcome-focused referral).
CREATE TABLE help_request (
    id               BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    council_id       BIGINT NOT NULL REFERENCES council (id),
    citizen_id       BIGINT REFERENCES citizen (id),
    asked_by         BIGINT NOT NULL REFERENCES app_user (id),
    asker_role       TEXT NOT NULL CHECK (asker_role IN ('CITIZEN', 'REPRESENTATIVE', 'PERSONAL_ASSISTANT', 'PRACTITIONER')),
    kind             TEXT NOT NULL CHECK (kind IN ('BROKERAGE', 'EMPLOYER', 'PAYROLL', 'PA_PROBLEM', 'MONEY', 'OTHER')),
    text             TEXT NOT NULL CHECK (length(text) BETWEEN 1 AND 5000),
    language         TEXT NOT NULL CHECK (language IN ('en', 'cy')),
    outcomes         TEXT[] NOT NULL DEFAULT '{}',
    status           TEXT NOT NULL CHECK (status IN ('OPEN', 'ANSWERED', 'CLOSED')),
    assigned_to      BIGINT REFERENCES app_user (id),
    asked_at         TIMESTAMPTZ NOT NULL,
    first_reply_at   TIMESTAMPTZ,
    closed_at        TIMESTAMPTZ,
    closed_by        BIGINT REFERENCES app_user (id),
    what_was_done    TEXT CHECK (what_was_done IS NULL OR length(what_was_done) BETWEEN 1 AND 5000),
    version          BIGINT NOT NULL DEFAULT 0
);
CREATE INDEX help_request_queue_idx ON help_request (council_id, status, asked_at);
CREATE INDEX help_request_asker_idx ON help_request (asked_by, asked_at DESC);

-- The replies, both ways: from the DP team and from the asker. Never changed.
CREATE TABLE help_reply (
    id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    request_id  BIGINT NOT NULL REFERENCES help_request (id),
    council_id  BIGINT NOT NULL REFERENCES council (id),
    author_id   BIGINT NOT NULL REFERENCES app_user (id),
    from_team   BOOLEAN NOT NULL,
    text        TEXT NOT NULL CHECK (length(text) BETWEEN 1 AND 5000),
    written_at  TIMESTAMPTZ NOT NULL
);
CREATE INDEX help_reply_request_idx ON help_reply (request_id, id);

CREATE FUNCTION help_reply_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'help_reply is append-only: % is not allowed', TG_OP;
END;
$$;
CREATE TRIGGER help_reply_no_update_or_delete
    BEFORE UPDATE OR DELETE ON help_reply
    FOR EACH ROW EXECUTE FUNCTION help_reply_is_append_only();

-- The letter that tells the asker the DP team replied: a council may save its own wording.
ALTER TABLE letter_template DROP CONSTRAINT letter_template_kind_check;
ALTER TABLE letter_template ADD CONSTRAINT letter_template_kind_check
    CHECK (kind IN ('RETURN_DUE', 'QUESTION', 'SURPLUS_FOUND', 'REVIEW_DUE', 'INSURANCE_RENEWAL', 'SURPLUS_RECOVERED',
                    'PAYMENT_REQUESTED', 'GROUP_INVITED', 'GROUP_CONFIRMED', 'GROUP_LEFT', 'GROUP_MEMBER_LEFT',
                    'FEEDBACK_INVITED', 'HELP_REPLIED'));
