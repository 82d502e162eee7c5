-- Questions an officer asks about an account, and the person's answers, given online (issue 6).
CREATE TABLE monitoring_question (
    id         BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    council_id BIGINT NOT NULL REFERENCES council (id),
    account_id BIGINT NOT NULL REFERENCES dp_account (id),
    citizen_id BIGINT NOT NULL REFERENCES citizen (id),
    question   TEXT NOT NULL CHECK (length(question) BETWEEN 1 AND 2000),
    letter_id  BIGINT REFERENCES letter (id),
    asked_by   TEXT NOT NULL,
    asked_at   TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX monitoring_question_account_idx ON monitoring_question (account_id, asked_at DESC);
CREATE INDEX monitoring_question_citizen_idx ON monitoring_question (citizen_id, asked_at DESC);
CREATE TRIGGER monitoring_question_append_only BEFORE UPDATE OR DELETE ON monitoring_question
    FOR EACH ROW EXECUTE FUNCTION monitoring_rows_are_append_only();

CREATE TABLE monitoring_answer (
    id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    question_id BIGINT NOT NULL REFERENCES monitoring_question (id),
    answer      TEXT NOT NULL CHECK (length(answer) BETWEEN 1 AND 4000),
    answered_by TEXT NOT NULL,
    answered_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX monitoring_answer_question_idx ON monitoring_answer (question_id, id DESC);
CREATE TRIGGER monitoring_answer_append_only BEFORE UPDATE OR DELETE ON monitoring_answer
    FOR EACH ROW EXECUTE FUNCTION monitoring_rows_are_append_only();
