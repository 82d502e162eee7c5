-- Issue 18: each person's named direct payments contact, a member of their council's DP team.
-- Append-only: a change is a new row (from whom to whom, by whom, when), so the history is kept;
-- the person's contact now is their newest row.
CREATE TABLE dp_contact (
    id               BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    council_id       BIGINT NOT NULL REFERENCES council (id),
    citizen_id       BIGINT NOT NULL REFERENCES citizen (id),
    contact_user_id  BIGINT NOT NULL REFERENCES app_user (id),
    previous_user_id BIGINT REFERENCES app_user (id),
    changed_by       TEXT NOT NULL,
    changed_at       TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX dp_contact_citizen_idx ON dp_contact (citizen_id, id DESC);
CREATE INDEX dp_contact_council_contact_idx ON dp_contact (council_id, contact_user_id);

CREATE FUNCTION dp_contact_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'dp_contact is append-only: % is not allowed', TG_OP;
END;
$$;
CREATE TRIGGER dp_contact_no_update_or_delete
    BEFORE UPDATE OR DELETE ON dp_contact
    FOR EACH ROW EXECUTE FUNCTION dp_contact_is_append_only();
CREATE TRIGGER dp_contact_no_truncate
    BEFORE TRUNCATE ON dp_contact
    FOR EACH STATEMENT EXECUTE FUNCTION dp_contact_is_append_only();
