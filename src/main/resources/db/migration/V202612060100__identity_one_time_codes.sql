-- One-time codes (issue 17): finance officers and council administrators who sign in with a
-- password also give a code from an authentication app (RFC 6238). The secret is kept encrypted
-- (AES-GCM, key from DPHUB_ONE_TIME_CODE_KEY) and cleared when an administrator resets it; a row
-- is never deleted, so who set up and who reset stays on record beside the audit trail.
CREATE TABLE one_time_code_enrolment (
    id               BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    user_id          BIGINT NOT NULL REFERENCES app_user (id),
    secret_encrypted TEXT,
    created_at       TIMESTAMPTZ NOT NULL,
    -- null until the person has typed a first right code from their app
    confirmed_at     TIMESTAMPTZ,
    -- the last time step whose code was accepted: that code and any earlier one are refused as used
    last_used_step   BIGINT NOT NULL DEFAULT 0,
    reset_at         TIMESTAMPTZ,
    reset_by         BIGINT REFERENCES app_user (id),
    CHECK ((reset_at IS NULL) = (reset_by IS NULL)),
    CHECK ((reset_at IS NULL) = (secret_encrypted IS NOT NULL))
);
-- one live set-up per person
CREATE UNIQUE INDEX one_time_code_enrolment_live_idx ON one_time_code_enrolment (user_id) WHERE reset_at IS NULL;

CREATE FUNCTION one_time_code_enrolment_guard() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP IN ('DELETE', 'TRUNCATE') THEN
        RAISE EXCEPTION 'one-time code set-ups are never deleted: reset them instead';
    END IF;
    IF NEW.id <> OLD.id OR NEW.user_id <> OLD.user_id OR NEW.created_at <> OLD.created_at
            OR NEW.last_used_step < OLD.last_used_step
            OR (OLD.confirmed_at IS NOT NULL AND NEW.confirmed_at IS DISTINCT FROM OLD.confirmed_at)
            OR (OLD.reset_at IS NOT NULL AND (NEW.reset_at IS DISTINCT FROM OLD.reset_at
                                              OR NEW.reset_by IS DISTINCT FROM OLD.reset_by
                                              OR NEW.last_used_step <> OLD.last_used_step))
            OR (NEW.secret_encrypted IS DISTINCT FROM OLD.secret_encrypted AND NEW.reset_at IS NULL) THEN
        RAISE EXCEPTION 'a one-time code set-up only moves its last used step on, is confirmed once and reset once';
    END IF;
    RETURN NEW;
END;
$$;
CREATE TRIGGER one_time_code_enrolment_guard BEFORE UPDATE OR DELETE ON one_time_code_enrolment
    FOR EACH ROW EXECUTE FUNCTION one_time_code_enrolment_guard();
CREATE TRIGGER one_time_code_enrolment_no_truncate BEFORE TRUNCATE ON one_time_code_enrolment
    FOR EACH STATEMENT EXECUTE FUNCTION one_time_code_enrolment_guard();

-- Ten recovery codes per set-up, shown once: only their SHA-256 is kept (80 random bits each). Each works once.
CREATE TABLE one_time_recovery_code (
    id            BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    enrolment_id  BIGINT NOT NULL REFERENCES one_time_code_enrolment (id),
    code_sha256   BYTEA NOT NULL CHECK (octet_length(code_sha256) = 32),
    used_at       TIMESTAMPTZ,
    UNIQUE (enrolment_id, code_sha256)
);

CREATE FUNCTION one_time_recovery_code_guard() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP IN ('DELETE', 'TRUNCATE') THEN
        RAISE EXCEPTION 'recovery codes are never deleted';
    END IF;
    IF NEW.id <> OLD.id OR NEW.enrolment_id <> OLD.enrolment_id
            OR NEW.code_sha256 <> OLD.code_sha256 OR OLD.used_at IS NOT NULL THEN
        RAISE EXCEPTION 'a recovery code is only ever marked used, once';
    END IF;
    RETURN NEW;
END;
$$;
CREATE TRIGGER one_time_recovery_code_guard BEFORE UPDATE OR DELETE ON one_time_recovery_code
    FOR EACH ROW EXECUTE FUNCTION one_time_recovery_code_guard();
CREATE TRIGGER one_time_recovery_code_no_truncate BEFORE TRUNCATE ON one_time_recovery_code
    FOR EACH STATEMENT EXECUTE FUNCTION one_time_recovery_code_guard();

-- wrong codes in a row per person, as sign_in_throttle counts wrong passwords
CREATE TABLE one_time_code_throttle (
    user_id          BIGINT PRIMARY KEY REFERENCES app_user (id),
    failures         INT NOT NULL,
    first_failure_at TIMESTAMPTZ NOT NULL,
    locked_until     TIMESTAMPTZ
);
