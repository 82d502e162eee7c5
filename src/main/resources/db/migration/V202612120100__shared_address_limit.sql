-- issue 17: one table for every limit on what one client address may do without an account within an
-- hour (shared.database.AddressLimits): PA sign-ups, provider sign-ups and password reset asks, each
-- before in a table of its own. Only the kind, the address and the time; rows go after an hour.
CREATE TABLE address_limit_use (
    kind           TEXT NOT NULL,
    client_address TEXT NOT NULL,
    used_at        TIMESTAMPTZ NOT NULL
);
CREATE INDEX address_limit_use_idx ON address_limit_use (kind, client_address, used_at);

INSERT INTO address_limit_use (kind, client_address, used_at)
SELECT 'pa-sign-up', client_address, attempted_at FROM pa_registration_attempt WHERE attempted_at > now() - interval '1 hour';
INSERT INTO address_limit_use (kind, client_address, used_at)
SELECT 'provider-sign-up', client_address, attempted_at FROM directory_registration_attempt WHERE attempted_at > now() - interval '1 hour';
INSERT INTO address_limit_use (kind, client_address, used_at)
SELECT 'password-reset-ask', client_address, asked_at FROM password_reset_ask WHERE asked_at > now() - interval '1 hour';

DROP TABLE pa_registration_attempt;
DROP TABLE directory_registration_attempt;
DROP TABLE password_reset_ask;
