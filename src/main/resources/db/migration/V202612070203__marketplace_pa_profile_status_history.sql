-- Insights at the scale of issue 16 (docs/PERFORMANCE.md): the PA register's own history of status
-- changes, so the live register at each month end is counted from a small table instead of every
-- PA profile event of the audit trail (292,500 at the benchmark's scale, each status read out of JSON)
-- sorted to find each change's next.
--
-- Derived, never the record: the audit trail stays the record of each change (PaProfiles records the
-- status before and after on every creation, check and suspension). Each row is copied from its audit
-- event as the event is written, by the trigger below, with exactly what insights_pa_profile_status_change
-- read from it (same event, same time, same statuses); then, for every profile touched, which change is
-- the first and when the next one happened (in the order of the trail: by time, then by event) are
-- worked out again. The audit trail is append-only, so nothing else changes a row.
CREATE TABLE pa_profile_status_history (
    event_id         BIGINT PRIMARY KEY,
    profile_id       BIGINT NOT NULL,
    occurred_at      TIMESTAMPTZ NOT NULL,
    before_status    TEXT,
    after_status     TEXT,
    first_change     BOOLEAN NOT NULL DEFAULT FALSE,
    next_occurred_at TIMESTAMPTZ
);
CREATE INDEX pa_profile_status_history_profile_idx ON pa_profile_status_history (profile_id);

CREATE FUNCTION pa_profile_status_history_order(profiles BIGINT[]) RETURNS void LANGUAGE sql AS $$
    UPDATE pa_profile_status_history h SET first_change = n.first_change, next_occurred_at = n.next_at
    FROM (SELECT x.event_id, (row_number() OVER w = 1) AS first_change, lead(x.occurred_at) OVER w AS next_at
          FROM pa_profile_status_history x WHERE x.profile_id IN (SELECT unnest(profiles))
          WINDOW w AS (PARTITION BY x.profile_id ORDER BY x.occurred_at, x.event_id)) n
    WHERE h.event_id = n.event_id
      AND (h.first_change IS DISTINCT FROM n.first_change OR h.next_occurred_at IS DISTINCT FROM n.next_at);
$$;

CREATE FUNCTION pa_profile_status_history_copy() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    touched BIGINT[];
BEGIN
    WITH copied AS (
        INSERT INTO pa_profile_status_history (event_id, profile_id, occurred_at, before_status, after_status)
        SELECT e.id, CAST(e.entity_id AS bigint), e.occurred_at, e.before_state ->> 'status', e.after_state ->> 'status'
        FROM new_events e
        WHERE e.entity_type = 'pa_profile' AND e.after_state ? 'status' AND e.entity_id ~ '^[0-9]+$'
          AND (e.before_state IS NULL OR (e.before_state ->> 'status') IS DISTINCT FROM (e.after_state ->> 'status'))
        RETURNING profile_id)
    SELECT array_agg(DISTINCT profile_id) INTO touched FROM copied;
    IF touched IS NOT NULL THEN
        PERFORM pa_profile_status_history_order(touched);
    END IF;
    RETURN NULL;
END $$;
CREATE TRIGGER audit_event_pa_profile_status_history AFTER INSERT ON audit_event
    REFERENCING NEW TABLE AS new_events FOR EACH STATEMENT EXECUTE FUNCTION pa_profile_status_history_copy();

-- the changes already in the audit trail
INSERT INTO pa_profile_status_history (event_id, profile_id, occurred_at, before_status, after_status, first_change, next_occurred_at)
SELECT c.event_id, c.profile_id, c.occurred_at, c.before_status, c.after_status,
       row_number() OVER w = 1, lead(c.occurred_at) OVER w
FROM (SELECT e.id AS event_id, CAST(e.entity_id AS bigint) AS profile_id, e.occurred_at,
             e.before_state ->> 'status' AS before_status, e.after_state ->> 'status' AS after_status
      FROM audit_event e
      WHERE e.entity_type = 'pa_profile' AND e.after_state ? 'status' AND e.entity_id ~ '^[0-9]+$'
        AND (e.before_state IS NULL OR (e.before_state ->> 'status') IS DISTINCT FROM (e.after_state ->> 'status'))) c
WINDOW w AS (PARTITION BY c.profile_id ORDER BY c.occurred_at, c.event_id);

-- The view reads the history (same columns, same rows), with which change is a profile's first and
-- when its next one happened added at the end.
CREATE OR REPLACE VIEW insights_pa_profile_status_change AS
SELECT h.profile_id, h.event_id, h.occurred_at, h.before_status, h.after_status, h.first_change, h.next_occurred_at
FROM pa_profile_status_history h;
