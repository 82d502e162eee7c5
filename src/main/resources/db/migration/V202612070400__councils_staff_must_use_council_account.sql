-- Issue 17: once a council's provider is in use, its administrator may turn passwords off for staff:
-- practitioners, budget holders, the DP team and finance officers then sign in only with their
-- council account (administrators keep password and one-time code, to get in when the provider is
-- down). Off by default: staff keep their passwords, as before. Goes with the provider's row, so
-- turning single sign-on off turns this off too.
ALTER TABLE council_single_sign_on
    ADD COLUMN staff_must_use_council_account BOOLEAN NOT NULL DEFAULT false;
