-- The audit trail: who changed what, when, with before and after values.
-- Append-only: the database itself refuses UPDATE, DELETE and TRUNCATE.
CREATE TABLE audit_event (
    id           BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    occurred_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
    council_id   BIGINT REFERENCES council (id),
    actor        TEXT NOT NULL,
    action       TEXT NOT NULL CHECK (action IN ('CREATE', 'UPDATE', 'DELETE')),
    entity_type  TEXT NOT NULL,
    entity_id    TEXT NOT NULL,
    before_state JSONB,
    after_state  JSONB
);
CREATE INDEX audit_event_council_idx ON audit_event (council_id, occurred_at DESC, id DESC);
CREATE INDEX audit_event_entity_idx ON audit_event (entity_type, entity_id);

CREATE FUNCTION audit_event_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'audit_event is append-only: % is not allowed', TG_OP;
END;
$$;
CREATE TRIGGER audit_event_no_update_or_delete
    BEFORE UPDATE OR DELETE ON audit_event
    FOR EACH ROW EXECUTE FUNCTION audit_event_is_append_only();
CREATE TRIGGER audit_event_no_truncate
    BEFORE TRUNCATE ON audit_event
    FOR EACH STATEMENT EXECUTE FUNCTION audit_event_is_append_only();
