-- issue 17: a practitioner withdraws a direct payment still waiting for agreement (set up wrongly, or
-- made to a representative who no longer acts). It ends without ever having been in force: it never
-- had an account, and no figure counts it, so its active_from stays null as while it waited (the
-- generated column is made again with the new flag; its index and the view that reads it with it).
ALTER TABLE direct_payment ADD COLUMN withdrawn BOOLEAN NOT NULL DEFAULT false;
ALTER TABLE direct_payment ADD CONSTRAINT direct_payment_withdrawn_ended CHECK (NOT withdrawn OR status = 'ENDED');
ALTER TABLE direct_payment_status_change DROP CONSTRAINT direct_payment_status_change_event_check;
ALTER TABLE direct_payment_status_change ADD CONSTRAINT direct_payment_status_change_event_check
    CHECK (event IN ('SUSPENDED', 'RESUMED', 'ENDED', 'WITHDRAWN'));

DROP VIEW insights_direct_payment;
DROP INDEX direct_payment_council_active_idx;
ALTER TABLE direct_payment DROP COLUMN active_from;
ALTER TABLE direct_payment ADD COLUMN active_from DATE GENERATED ALWAYS AS (
    CASE WHEN status = 'AWAITING_AGREEMENT' OR withdrawn THEN NULL
         ELSE greatest(start_date, coalesce((agreed_at AT TIME ZONE 'Europe/London')::date, start_date)) END) STORED;
CREATE INDEX direct_payment_council_active_idx ON direct_payment (council_id, active_from);

CREATE VIEW insights_direct_payment AS
SELECT dp.id, dp.council_id, dp.citizen_id, dp.plan_id, dp.status, dp.requested_on, dp.start_date,
       dp.active_from, dp.ended_on, dp.first_payment_date, dp.recipient_kind, dp.account_type
FROM direct_payment dp;
