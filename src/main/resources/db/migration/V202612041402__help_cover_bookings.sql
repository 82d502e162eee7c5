-- Issue 18: cover when a PA is off. An employer (the person or someone acting for them) asks a
-- cover PA from the register for a shift today or tomorrow; the PA accepts or declines; contact
-- details are shown to each side only once accepted. Accepting engages the PA (an employment with
-- the employer, made if there is none) so the shift is paid through timesheets and payroll.
-- States (CoverTransitions): REQUESTED -> ACCEPTED | DECLINED | CANCELLED; ACCEPTED -> WORKED | CANCELLED.
CREATE TABLE cover_booking (
    id                 BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    council_id         BIGINT NOT NULL REFERENCES council (id),
    citizen_id         BIGINT NOT NULL REFERENCES citizen (id),
    profile_id         BIGINT NOT NULL REFERENCES pa_profile (id),
    pa_user_id         BIGINT NOT NULL REFERENCES app_user (id),
    pa_name            TEXT NOT NULL,
    cover_date         DATE NOT NULL,
    starts_at          TIME NOT NULL,
    ends_at            TIME NOT NULL,
    needs              TEXT NOT NULL CHECK (length(needs) BETWEEN 1 AND 2000),
    hourly_rate_pence  BIGINT NOT NULL CHECK (hourly_rate_pence > 0),
    district           TEXT NOT NULL,
    employer_name      TEXT NOT NULL,
    employer_contact   TEXT NOT NULL,
    status             TEXT NOT NULL CHECK (status IN ('REQUESTED', 'ACCEPTED', 'DECLINED', 'WORKED', 'CANCELLED')),
    employment_id      BIGINT REFERENCES pa_employment (id),
    requested_by       BIGINT NOT NULL REFERENCES app_user (id),
    requested_at       TIMESTAMPTZ NOT NULL,
    CHECK (ends_at > starts_at)
);
CREATE INDEX cover_booking_citizen_idx ON cover_booking (citizen_id, cover_date DESC);
CREATE INDEX cover_booking_pa_idx ON cover_booking (pa_user_id, cover_date DESC);
-- one open request to a PA for the same shift
CREATE UNIQUE INDEX cover_booking_one_open_idx ON cover_booking (citizen_id, profile_id, cover_date, starts_at)
    WHERE status IN ('REQUESTED', 'ACCEPTED');

-- Every change of a booking's state, who made it and when. Never changed.
CREATE TABLE cover_booking_event (
    id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    booking_id  BIGINT NOT NULL REFERENCES cover_booking (id),
    council_id  BIGINT NOT NULL REFERENCES council (id),
    status      TEXT NOT NULL CHECK (status IN ('REQUESTED', 'ACCEPTED', 'DECLINED', 'WORKED', 'CANCELLED')),
    by_user     BIGINT NOT NULL REFERENCES app_user (id),
    at          TIMESTAMPTZ NOT NULL
);
CREATE INDEX cover_booking_event_booking_idx ON cover_booking_event (booking_id, id);

CREATE FUNCTION cover_booking_event_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'cover_booking_event is append-only: % is not allowed', TG_OP;
END;
$$;
CREATE TRIGGER cover_booking_event_no_update_or_delete
    BEFORE UPDATE OR DELETE ON cover_booking_event
    FOR EACH ROW EXECUTE FUNCTION cover_booking_event_is_append_only();
