-- API keys (issue 17): a signed-in user's named keys for the JSON API, so a call costs one
-- indexed look-up instead of a password hash. Only the SHA-256 of a key is kept: the key itself
-- is shown once, when it is made. A key is never deleted or changed, only revoked (and its last
-- use noted), so what a key was and who revoked it stays on record with the audit trail.
CREATE TABLE api_key (
    id           BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    user_id      BIGINT NOT NULL REFERENCES app_user (id),
    name         TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
    key_sha256   BYTEA NOT NULL UNIQUE CHECK (octet_length(key_sha256) = 32),
    created_at   TIMESTAMPTZ NOT NULL DEFAULT now(),
    expires_at   TIMESTAMPTZ,
    last_used_at TIMESTAMPTZ,
    revoked_at   TIMESTAMPTZ,
    revoked_by   BIGINT REFERENCES app_user (id),
    CHECK (expires_at IS NULL OR expires_at > created_at),
    CHECK ((revoked_at IS NULL) = (revoked_by IS NULL))
);
CREATE INDEX api_key_user_idx ON api_key (user_id) WHERE revoked_at IS NULL;
-- two live keys of one user never share a name, so each can be told apart (and a form sent twice makes one key)
CREATE UNIQUE INDEX api_key_live_name_idx ON api_key (user_id, lower(name)) WHERE revoked_at IS NULL;

CREATE FUNCTION api_key_only_used_or_revoked() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'DELETE' THEN
        RAISE EXCEPTION 'API keys are never deleted: revoke the key instead';
    END IF;
    IF NEW.id <> OLD.id OR NEW.user_id <> OLD.user_id OR NEW.name <> OLD.name OR NEW.key_sha256 <> OLD.key_sha256
            OR NEW.created_at <> OLD.created_at OR NEW.expires_at IS DISTINCT FROM OLD.expires_at
            OR (OLD.revoked_at IS NOT NULL AND (NEW.revoked_at IS DISTINCT FROM OLD.revoked_at
                                                OR NEW.revoked_by IS DISTINCT FROM OLD.revoked_by)) THEN
        RAISE EXCEPTION 'an API key only records its last use and, once, its revocation';
    END IF;
    RETURN NEW;
END;
$$;
CREATE TRIGGER api_key_only_used_or_revoked BEFORE UPDATE OR DELETE ON api_key
    FOR EACH ROW EXECUTE FUNCTION api_key_only_used_or_revoked();
