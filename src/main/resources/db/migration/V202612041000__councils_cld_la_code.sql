-- Issue 16: the council's code in NHS England's Client Level Data return (the LA_Code column).
-- CLD guidance (release 1, February 2023) asks for the council's CASSR code, kept by the NHS
-- Organisation Data Service: three digits (Lincolnshire is 503), or five letters and digits
-- (letter, digit, letter, digit, letter) for councils coded since 2021 - not the ONS 9-character
-- GSS code. Optional: blank until an English council's administrator records it.
ALTER TABLE council_settings
    ADD COLUMN cld_la_code TEXT CHECK (cld_la_code IS NULL OR cld_la_code ~ '^([0-9]{3}|[A-Z][0-9][A-Z][0-9][A-Z])$');
