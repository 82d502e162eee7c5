-- Letters (issue 6): a council's own wording of a letter (checked when saved), and every letter
-- written to a person, kept exactly as sent (or as it would have been sent: the outbox).
CREATE TABLE letter_template (
    id         BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    council_id BIGINT NOT NULL REFERENCES council (id),
    kind       TEXT NOT NULL CHECK (kind IN ('RETURN_DUE', 'QUESTION', 'SURPLUS_FOUND', 'REVIEW_DUE')),
    language   TEXT NOT NULL CHECK (language IN ('en', 'cy')),
    subject    TEXT NOT NULL CHECK (length(subject) BETWEEN 1 AND 200),
    body       TEXT NOT NULL CHECK (length(body) BETWEEN 1 AND 10000),
    created_by TEXT NOT NULL,
    created_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX letter_template_idx ON letter_template (council_id, kind, language, id DESC);

CREATE TABLE letter (
    id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    council_id  BIGINT NOT NULL REFERENCES council (id),
    citizen_id  BIGINT NOT NULL REFERENCES citizen (id),
    kind        TEXT NOT NULL,
    language    TEXT NOT NULL CHECK (language IN ('en', 'cy')),
    channel     TEXT NOT NULL CHECK (channel IN ('EMAIL', 'TEXT', 'LETTER')),
    recipient   TEXT,
    subject     TEXT NOT NULL,
    body        TEXT NOT NULL,
    status      TEXT NOT NULL CHECK (status IN ('OUTBOX', 'SENT', 'FAILED')),
    notify_id   TEXT,
    failure     TEXT,
    created_by  TEXT NOT NULL,
    created_at  TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX letter_council_idx ON letter (council_id, created_at DESC);
CREATE INDEX letter_citizen_idx ON letter (citizen_id, created_at DESC);
