-- "Working / not working" feedback surveys (issue 16, section 3). A council starts a round; each
-- invited person answers once. An anonymous answer keeps no user id (only the role kind and the
-- council); feedback_respondent says who has answered a round, with nothing that links it to the
-- answer (no answer id, no time).
CREATE TABLE feedback_round (
    id                     BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    council_id             BIGINT NOT NULL REFERENCES council (id),
    title                  TEXT NOT NULL CHECK (length(title) BETWEEN 1 AND 120),
    -- the title in Welsh, for Welsh readers and letters (the English one when none is given)
    title_cy               TEXT NOT NULL CHECK (length(title_cy) BETWEEN 1 AND 120),
    opens_on               DATE NOT NULL,
    closes_on              DATE NOT NULL,
    invite_holders         BOOLEAN NOT NULL,
    invite_representatives BOOLEAN NOT NULL,
    invite_pas             BOOLEAN NOT NULL,
    invite_staff           BOOLEAN NOT NULL,
    created_by             TEXT NOT NULL,
    created_at             TIMESTAMPTZ NOT NULL DEFAULT now(),
    -- set once the invitation letters have been written (after the round's transaction commits)
    letters_written        INTEGER,
    CHECK (closes_on >= opens_on),
    CHECK (invite_holders OR invite_representatives OR invite_pas OR invite_staff)
);
CREATE INDEX feedback_round_council ON feedback_round (council_id, closes_on DESC);

CREATE TABLE feedback_answer (
    id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    round_id    BIGINT NOT NULL REFERENCES feedback_round (id),
    council_id  BIGINT NOT NULL REFERENCES council (id),
    anonymous   BOOLEAN NOT NULL,
    user_id     BIGINT REFERENCES app_user (id),
    role_kind   TEXT NOT NULL CHECK (role_kind IN ('HOLDER', 'REPRESENTATIVE', 'PA', 'STAFF')),
    -- the day only, for trends by quarter: a time would let someone match an anonymous answer to a sign-in
    answered_on DATE NOT NULL,
    CHECK (anonymous = (user_id IS NULL)),
    -- one named answer per person per round (anonymous ones are counted once by feedback_respondent)
    UNIQUE (round_id, user_id)
);
CREATE INDEX feedback_answer_council ON feedback_answer (council_id, answered_on);

CREATE TABLE feedback_stage_answer (
    answer_id   BIGINT NOT NULL REFERENCES feedback_answer (id),
    stage       TEXT NOT NULL CHECK (stage IN ('PLANNING', 'GETTING_THE_MONEY', 'FINDING_SUPPORT', 'EMPLOYING', 'MONITORING',
                                               'REVIEWS')),
    rating      SMALLINT CHECK (rating BETWEEN 1 AND 5),
    working     TEXT NOT NULL DEFAULT '' CHECK (length(working) <= 5000),
    not_working TEXT NOT NULL DEFAULT '' CHECK (length(not_working) <= 5000),
    PRIMARY KEY (answer_id, stage),
    CHECK (rating IS NOT NULL OR working <> '' OR not_working <> '')
);

-- who has answered a round: no answer id and no time, so it cannot be joined to an anonymous answer
CREATE TABLE feedback_respondent (
    round_id BIGINT NOT NULL REFERENCES feedback_round (id),
    user_id  BIGINT NOT NULL REFERENCES app_user (id),
    PRIMARY KEY (round_id, user_id)
);

-- answers are what people said: never changed or taken back afterwards
CREATE FUNCTION feedback_answers_are_kept() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'feedback answers are never changed or deleted';
END $$;
CREATE TRIGGER feedback_answer_kept BEFORE UPDATE OR DELETE ON feedback_answer
    FOR EACH ROW EXECUTE FUNCTION feedback_answers_are_kept();
CREATE TRIGGER feedback_stage_answer_kept BEFORE UPDATE OR DELETE ON feedback_stage_answer
    FOR EACH ROW EXECUTE FUNCTION feedback_answers_are_kept();

-- read-only: the people a round's invitation letter goes to, the council's direct payment holders
-- (a direct payment in force or suspended), so feedback never reads the plans tables itself
CREATE VIEW feedback_holder AS
    SELECT DISTINCT dp.council_id, dp.citizen_id FROM direct_payment dp WHERE dp.status IN ('ACTIVE', 'SUSPENDED');

-- the invitation letter: a council may save its own wording for it too
ALTER TABLE letter_template DROP CONSTRAINT letter_template_kind_check;
ALTER TABLE letter_template ADD CONSTRAINT letter_template_kind_check
    CHECK (kind IN ('RETURN_DUE', 'QUESTION', 'SURPLUS_FOUND', 'REVIEW_DUE', 'INSURANCE_RENEWAL', 'SURPLUS_RECOVERED',
                    'PAYMENT_REQUESTED', 'GROUP_INVITED', 'GROUP_CONFIRMED', 'GROUP_LEFT', 'GROUP_MEMBER_LEFT',
                    'FEEDBACK_INVITED'));
