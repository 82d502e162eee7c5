-- Issue 14: the most one Connect and Enable one-off payment may be (a council's choice, default
-- £10,000.00: above the practitioner's limit a budget holder decides, but nobody can ask for more),
-- and how people reach the council's direct payments team ("Contact your council" on every page
-- a citizen reads), until each person has a named contact.
ALTER TABLE council_settings
    ADD COLUMN one_off_maximum_pence BIGINT NOT NULL DEFAULT 1000000
        CHECK (one_off_maximum_pence BETWEEN 100 AND 10000000),
    ADD COLUMN contact_phone TEXT CHECK (contact_phone IS NULL OR length(contact_phone) BETWEEN 1 AND 40),
    ADD COLUMN contact_email TEXT CHECK (contact_email IS NULL OR length(contact_email) BETWEEN 3 AND 254);

ALTER TABLE council_settings
    ADD CONSTRAINT council_settings_limit_within_maximum CHECK (self_approval_limit_pence <= one_off_maximum_pence);
