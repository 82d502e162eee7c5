-- Issue 18: how many working days (Monday to Friday) the DP team aims to take to answer a request
-- for help for the first time: a council's choice, default 2, between 1 and 20.
ALTER TABLE council_settings
    ADD COLUMN help_reply_target_working_days INT NOT NULL DEFAULT 2
        CHECK (help_reply_target_working_days BETWEEN 1 AND 20);
