-- Who may act for whom (identity module): a user account that may see a citizen's records,
-- as the citizen themself or as their representative.
CREATE TABLE citizen_access (
    user_id      BIGINT NOT NULL REFERENCES app_user (id),
    citizen_id   BIGINT NOT NULL REFERENCES citizen (id),
    council_id   BIGINT NOT NULL REFERENCES council (id),
    relationship TEXT NOT NULL CHECK (relationship IN ('SELF', 'AUTHORISED_PERSON', 'NOMINATED_PERSON', 'SUITABLE_PERSON')),
    since        DATE NOT NULL DEFAULT CURRENT_DATE,
    PRIMARY KEY (user_id, citizen_id)
);
CREATE INDEX citizen_access_citizen_idx ON citizen_access (citizen_id);
