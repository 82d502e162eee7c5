-- PA employments: a person with a direct payment (the employer) employs a personal assistant.
-- The employment row holds what does not change; its terms (rate, hours, tax code, pension,
-- insurance) are append-only versions, the newest effective on a day counts.
CREATE TABLE pa_employment (
    id                BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    council_id        BIGINT NOT NULL REFERENCES council (id),
    citizen_id        BIGINT NOT NULL REFERENCES citizen (id),
    pa_user_id        BIGINT REFERENCES app_user (id),
    pa_given_name     TEXT NOT NULL CHECK (length(pa_given_name) BETWEEN 1 AND 100),
    pa_family_name    TEXT NOT NULL CHECK (length(pa_family_name) BETWEEN 1 AND 100),
    pa_date_of_birth  DATE NOT NULL,
    pa_email          TEXT CHECK (pa_email IS NULL OR length(pa_email) <= 254),
    started_on        DATE NOT NULL,
    created_by        TEXT NOT NULL,
    created_at        TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX pa_employment_citizen_idx ON pa_employment (citizen_id);
CREATE INDEX pa_employment_pa_idx ON pa_employment (pa_user_id);
CREATE INDEX pa_employment_council_idx ON pa_employment (council_id);

CREATE TABLE pa_employment_terms (
    id                         BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    employment_id              BIGINT NOT NULL REFERENCES pa_employment (id),
    effective_from             DATE NOT NULL,
    hourly_rate_pence          BIGINT NOT NULL CHECK (hourly_rate_pence BETWEEN 1 AND 100000),
    hours_kind                 TEXT NOT NULL CHECK (hours_kind IN ('CONTRACTED', 'IRREGULAR')),
    contracted_minutes_per_week INT CHECK (contracted_minutes_per_week IS NULL OR contracted_minutes_per_week BETWEEN 1 AND 6000),
    pay_frequency              TEXT NOT NULL CHECK (pay_frequency IN ('WEEKLY', 'FORTNIGHTLY', 'FOUR_WEEKLY', 'MONTHLY')),
    tax_code                   TEXT NOT NULL CHECK (length(tax_code) BETWEEN 2 AND 12),
    week1_month1               BOOLEAN NOT NULL DEFAULT FALSE,
    starter_declaration        TEXT CHECK (starter_declaration IS NULL OR starter_declaration IN ('A', 'B', 'C')),
    pension                    TEXT NOT NULL CHECK (pension IN ('ASSESS', 'OPTED_OUT')),
    el_insurer                 TEXT NOT NULL CHECK (length(el_insurer) BETWEEN 1 AND 200),
    el_policy_number           TEXT NOT NULL CHECK (length(el_policy_number) BETWEEN 1 AND 100),
    el_expires_on              DATE NOT NULL,
    created_by                 TEXT NOT NULL,
    created_at                 TIMESTAMPTZ NOT NULL DEFAULT now(),
    CHECK ((hours_kind = 'CONTRACTED') = (contracted_minutes_per_week IS NOT NULL))
);
CREATE INDEX pa_employment_terms_idx ON pa_employment_terms (employment_id, effective_from DESC, id DESC);

-- A timesheet: days and hours a PA worked, submitted from a phone; the employer approves or
-- queries it. A queried timesheet can be sent again as a new one. Nothing is edited.
CREATE TABLE timesheet (
    id             BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    employment_id  BIGINT NOT NULL REFERENCES pa_employment (id),
    submitted_by   TEXT NOT NULL,
    submitted_at   TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX timesheet_employment_idx ON timesheet (employment_id, id);

CREATE TABLE timesheet_day (
    id            BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    timesheet_id  BIGINT NOT NULL REFERENCES timesheet (id),
    worked_on     DATE NOT NULL,
    minutes       INT NOT NULL CHECK (minutes BETWEEN 1 AND 1440),
    note          TEXT NOT NULL DEFAULT '' CHECK (length(note) <= 500),
    UNIQUE (timesheet_id, worked_on)
);

CREATE TABLE timesheet_decision (
    id            BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    timesheet_id  BIGINT NOT NULL UNIQUE REFERENCES timesheet (id),
    decision      TEXT NOT NULL CHECK (decision IN ('APPROVED', 'QUERIED')),
    note          TEXT NOT NULL DEFAULT '' CHECK (length(note) <= 1000),
    decided_by    TEXT NOT NULL,
    decided_at    TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE FUNCTION employment_rows_are_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION '% is append-only: % is not allowed', TG_TABLE_NAME, TG_OP;
END;
$$;
CREATE TRIGGER pa_employment_terms_append_only BEFORE UPDATE OR DELETE ON pa_employment_terms
    FOR EACH ROW EXECUTE FUNCTION employment_rows_are_append_only();
CREATE TRIGGER timesheet_append_only BEFORE UPDATE OR DELETE ON timesheet
    FOR EACH ROW EXECUTE FUNCTION employment_rows_are_append_only();
CREATE TRIGGER timesheet_day_append_only BEFORE UPDATE OR DELETE ON timesheet_day
    FOR EACH ROW EXECUTE FUNCTION employment_rows_are_append_only();
CREATE TRIGGER timesheet_decision_append_only BEFORE UPDATE OR DELETE ON timesheet_decision
    FOR EACH ROW EXECUTE FUNCTION employment_rows_are_append_only();
