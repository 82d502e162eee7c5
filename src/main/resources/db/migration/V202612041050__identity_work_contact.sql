-- Issue 18: how people reach a member of staff who is their named direct payments contact. Both
-- optional: without them a person is shown the council's direct payments team phone and email.
ALTER TABLE app_user
    ADD COLUMN work_phone TEXT CHECK (work_phone IS NULL OR length(work_phone) BETWEEN 6 AND 40),
    ADD COLUMN work_email TEXT CHECK (work_email IS NULL OR length(work_email) BETWEEN 3 AND 254);
