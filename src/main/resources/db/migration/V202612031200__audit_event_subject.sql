-- Whom each audited change concerns: the person (citizen) whose record it is, so the trail can be
-- filtered and paged by person in SQL. Filled when a change is recorded, by the module that owns
-- the record (audit.AuditSubjects), and below for the changes recorded before.
--
-- A side table rather than a column on audit_event: audit_event's rows stay exactly as recorded
-- (not even a migration updates them, so its append-only trigger never has to be switched off),
-- the person is a fact worked out afterwards from the owning records, and a change that concerns
-- more than one person can say so. It is append-only too. Its rows are only ever written by
-- audit.AuditTrail, with the event; there is no foreign key to audit_event, so that TRUNCATE on the
-- trail is refused by the trail's own append-only trigger (PostgreSQL checks references first).
CREATE TABLE audit_event_subject (
    event_id   BIGINT NOT NULL,
    citizen_id BIGINT NOT NULL,
    PRIMARY KEY (event_id, citizen_id)
);
CREATE INDEX audit_event_subject_citizen_idx ON audit_event_subject (citizen_id, event_id);

CREATE FUNCTION audit_event_subject_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'audit_event_subject is append-only: % is not allowed', TG_OP;
END;
$$;
CREATE TRIGGER audit_event_subject_no_update_or_delete
    BEFORE UPDATE OR DELETE ON audit_event_subject
    FOR EACH ROW EXECUTE FUNCTION audit_event_subject_is_append_only();
CREATE TRIGGER audit_event_subject_no_truncate
    BEFORE TRUNCATE ON audit_event_subject
    FOR EACH STATEMENT EXECUTE FUNCTION audit_event_subject_is_append_only();

-- The changes recorded so far: the same answers the modules give, from their tables (a migration
-- may read any table) or from the recorded values where they name the person. Entity ids are
-- text; only whole numbers are compared with ids.
WITH recorded AS (
    SELECT id, entity_type, entity_id, after_state, before_state,
           CASE WHEN entity_id ~ '^[0-9]{1,18}$' THEN entity_id::bigint END AS entity,
           CASE WHEN coalesce(after_state, before_state) ->> 'citizenId' ~ '^[0-9]{1,18}$'
                THEN (coalesce(after_state, before_state) ->> 'citizenId')::bigint END AS named_citizen
    FROM audit_event
), subject AS (
    SELECT e.id,
           CASE e.entity_type
               WHEN 'citizen' THEN (SELECT c.id FROM citizen c WHERE c.id = e.entity)
               WHEN 'household_member' THEN (SELECT h.citizen_id FROM household_member h WHERE h.id = e.entity)
               WHEN 'representative' THEN (SELECT r.citizen_id FROM representative r WHERE r.id = e.entity)
               WHEN 'citizen_access' THEN e.named_citizen
               WHEN 'care_plan_version' THEN (SELECT p.citizen_id FROM care_plan_version v JOIN care_plan p ON p.id = v.plan_id
                                              WHERE v.id = e.entity)
               WHEN 'direct_payment' THEN (SELECT d.citizen_id FROM direct_payment d WHERE d.id = e.entity)
               WHEN 'review' THEN (SELECT d.citizen_id FROM review r JOIN direct_payment d ON d.id = r.direct_payment_id
                                   WHERE r.id = e.entity)
               WHEN 'one_off_payment' THEN (SELECT o.citizen_id FROM one_off_payment o WHERE o.id = e.entity)
               WHEN 'dp_account' THEN (SELECT a.citizen_id FROM dp_account a WHERE a.id = e.entity)
               WHEN 'payment_schedule' THEN (SELECT a.citizen_id FROM payment_schedule s JOIN dp_account a ON a.id = s.account_id
                                             WHERE s.id = e.entity)
               WHEN 'ledger_transaction' THEN (SELECT min(a.citizen_id) FROM ledger_transaction t
                                               JOIN ledger_leg l ON l.transaction_id = t.id
                                               JOIN dp_account a ON a.id = l.account_id
                                               WHERE t.idempotency_key = e.entity_id)
               WHEN 'bank_details' THEN (SELECT a.citizen_id FROM bank_details b JOIN dp_account a ON a.id = b.account_id
                                         WHERE b.id = e.entity)
               WHEN 'surplus_recovery' THEN (SELECT a.citizen_id FROM surplus_recovery r JOIN dp_account a ON a.id = r.account_id
                                             WHERE r.id = e.entity)
               WHEN 'letter' THEN e.named_citizen
               WHEN 'monitoring_question' THEN (SELECT q.citizen_id FROM monitoring_question q WHERE q.id = e.entity)
               WHEN 'monitoring_answer' THEN (SELECT q.citizen_id FROM monitoring_answer a
                                              JOIN monitoring_question q ON q.id = a.question_id WHERE a.id = e.entity)
               WHEN 'account_transaction' THEN (SELECT a.citizen_id FROM account_transaction t JOIN dp_account a ON a.id = t.account_id
                                                WHERE t.id = e.entity)
               WHEN 'financial_return' THEN (SELECT a.citizen_id FROM financial_return r JOIN dp_account a ON a.id = r.account_id
                                             WHERE r.id = e.entity)
               WHEN 'return_receipt' THEN (SELECT a.citizen_id FROM return_receipt rr
                                           JOIN financial_return r ON r.id = rr.return_id
                                           JOIN dp_account a ON a.id = r.account_id WHERE rr.id = e.entity)
               WHEN 'transaction_import' THEN (SELECT a.citizen_id FROM transaction_import i JOIN dp_account a ON a.id = i.account_id
                                               WHERE i.id = e.entity)
               WHEN 'monitoring_check' THEN (SELECT a.citizen_id FROM monitoring_check c JOIN dp_account a ON a.id = c.account_id
                                             WHERE c.id = e.entity)
               WHEN 'monitoring_concern' THEN (SELECT a.citizen_id FROM monitoring_concern c JOIN dp_account a ON a.id = c.account_id
                                               WHERE c.id = e.entity)
               WHEN 'vacancy' THEN (SELECT v.citizen_id FROM vacancy v WHERE v.id = e.entity)
               WHEN 'introduction' THEN (SELECT v.citizen_id FROM introduction i JOIN vacancy v ON v.id = i.vacancy_id
                                         WHERE i.id = e.entity)
               WHEN 'introduction_message' THEN (SELECT v.citizen_id FROM introduction_message m
                                                 JOIN introduction i ON i.id = m.introduction_id
                                                 JOIN vacancy v ON v.id = i.vacancy_id WHERE m.id = e.entity)
               WHEN 'pa_hire' THEN (SELECT h.citizen_id FROM pa_hire h WHERE h.id = e.entity)
               WHEN 'marketplace_report' THEN (SELECT v.citizen_id FROM marketplace_report r JOIN vacancy v ON v.id = r.vacancy_id
                                               WHERE r.id = e.entity)
               WHEN 'pa_employment' THEN (SELECT p.citizen_id FROM pa_employment p WHERE p.id = e.entity)
               WHEN 'pa_employment_terms' THEN (SELECT p.citizen_id FROM pa_employment p WHERE p.id = e.entity)
               WHEN 'timesheet' THEN (SELECT p.citizen_id FROM timesheet t JOIN pa_employment p ON p.id = t.employment_id
                                      WHERE t.id = e.entity)
               WHEN 'payroll_run' THEN (SELECT r.citizen_id FROM payroll_run r WHERE r.id = e.entity)
           END AS citizen_id
    FROM recorded e
)
INSERT INTO audit_event_subject (event_id, citizen_id)
SELECT id, citizen_id FROM subject WHERE citizen_id IS NOT NULL;
