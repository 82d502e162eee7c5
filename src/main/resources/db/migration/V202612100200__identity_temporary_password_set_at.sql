-- issue 17 (ASVS 2.3.1): a temporary password works for DPHUB_TEMPORARY_PASSWORD_LIFETIME after it was
-- given. Those given before this change count from now, so nobody is locked out by the change itself.
ALTER TABLE app_user ADD COLUMN temporary_password_set_at TIMESTAMPTZ;
UPDATE app_user SET temporary_password_set_at = now() WHERE must_change_password;
