-- issue 17: someone who has forgotten their password asks for a link by email. Only a hash of the
-- link's token is kept, never the token; a link works once, for an hour.
CREATE TABLE password_reset (
    id         BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    user_id    BIGINT NOT NULL REFERENCES app_user (id),
    token_hash BYTEA NOT NULL UNIQUE,
    asked_at   TIMESTAMPTZ NOT NULL,
    expires_at TIMESTAMPTZ NOT NULL,
    used_at    TIMESTAMPTZ
);
CREATE INDEX password_reset_user_idx ON password_reset (user_id, asked_at);
