-- issue 17: each ask for a "Forgotten your password?" link, by the client address it came from, so
-- one address cannot ask for many accounts' links (DPHUB_PASSWORD_RESET_ASKS_PER_HOUR). Only the
-- address and the time; rows go after an hour (the hourly sign-in job).
CREATE TABLE password_reset_ask (
    client_address TEXT NOT NULL,
    asked_at       TIMESTAMPTZ NOT NULL
);
CREATE INDEX password_reset_ask_idx ON password_reset_ask (client_address, asked_at);
