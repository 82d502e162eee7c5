-- issue 17 (ASVS 2.2.1): failed password sign-ins counted by the client address they came from, so
-- one address trying a password against many usernames (password spraying, credential stuffing) is
-- stopped as one username trying many passwords is. Only the address and counts; rows go after the
-- lockout period (the hourly sign-in job).
CREATE TABLE sign_in_address_throttle (
    client_address   TEXT PRIMARY KEY,
    failures         INT NOT NULL,
    first_failure_at TIMESTAMPTZ NOT NULL,
    blocked_until    TIMESTAMPTZ
);
