-- Issue 18: who a plan and its direct payment are for. An adult's own care and support plan
-- (Care Act 2014 s31-32; SSWBA 2014 s50), a carer's support plan for the carer's own needs
-- (Care Act s25(1) and s31; SSWBA s52) linked to the person they care for, or a child's plan
-- (Children Act 1989 s17A; SSWBA s51), with whether the child has an EHC plan (Children and
-- Families Act 2014 s49). Existing plans and direct payments are adults'.
ALTER TABLE care_plan
    ADD COLUMN recipient_kind TEXT NOT NULL DEFAULT 'ADULT' CHECK (recipient_kind IN ('ADULT', 'CARER', 'CHILD')),
    ADD COLUMN cared_for_citizen_id BIGINT REFERENCES citizen (id),
    ADD COLUMN ehc_plan BOOLEAN NOT NULL DEFAULT false;
ALTER TABLE care_plan ADD CONSTRAINT care_plan_carer_links_cared_for
    CHECK ((recipient_kind = 'CARER') = (cared_for_citizen_id IS NOT NULL) AND (cared_for_citizen_id IS DISTINCT FROM citizen_id));
ALTER TABLE care_plan ADD CONSTRAINT care_plan_ehc_only_for_children CHECK (NOT ehc_plan OR recipient_kind = 'CHILD');
CREATE INDEX care_plan_cared_for_idx ON care_plan (council_id, cared_for_citizen_id) WHERE cared_for_citizen_id IS NOT NULL;

-- The direct payment carries its plan's kind; an adult's payment set up when a child's ends at 18
-- names the child's payment it continues (once only).
ALTER TABLE direct_payment
    ADD COLUMN recipient_kind TEXT NOT NULL DEFAULT 'ADULT' CHECK (recipient_kind IN ('ADULT', 'CARER', 'CHILD')),
    ADD COLUMN continues_direct_payment_id BIGINT UNIQUE REFERENCES direct_payment (id);

-- A person with parental responsibility holds a child's direct payment (Children Act 1989 s17A(2)(a); SSWBA s51).
ALTER TABLE representative DROP CONSTRAINT representative_kind_check;
ALTER TABLE representative ADD CONSTRAINT representative_kind_check
    CHECK (kind IN ('AUTHORISED_PERSON', 'NOMINATED_PERSON', 'SUITABLE_PERSON', 'PARENTAL_RESPONSIBILITY'));

-- Council setting: how many days before a child's 18th birthday the DP team sees them as moving to adult support.
ALTER TABLE council_settings
    ADD COLUMN transition_notice_days INT NOT NULL DEFAULT 90 CHECK (transition_notice_days BETWEEN 1 AND 365);

-- The insights views gain the kind at their end (CLD's Client_Type; ASCOF 3D counts service users only).
CREATE OR REPLACE VIEW insights_direct_payment AS
SELECT dp.id, dp.council_id, dp.citizen_id, dp.plan_id, dp.status, dp.requested_on, dp.start_date,
       CASE WHEN dp.status = 'AWAITING_AGREEMENT' THEN NULL
            ELSE greatest(dp.start_date, coalesce((dp.agreed_at AT TIME ZONE 'Europe/London')::date, dp.start_date))
       END AS active_from,
       (SELECT min(c.effective_on) FROM direct_payment_status_change c
        WHERE c.direct_payment_id = dp.id AND c.event = 'ENDED') AS ended_on,
       dp.first_payment_date,
       dp.recipient_kind
FROM direct_payment dp;

CREATE OR REPLACE VIEW insights_plan_version AS
SELECT v.council_id, p.citizen_id, v.plan_id, v.id AS version_id, v.version, v.start_date, v.end_date,
       p.recipient_kind
FROM care_plan_version v JOIN care_plan p ON p.id = v.plan_id;

-- The person with parental responsibility signs in and acts for the child, as other representatives do.
ALTER TABLE citizen_access DROP CONSTRAINT citizen_access_relationship_check;
ALTER TABLE citizen_access ADD CONSTRAINT citizen_access_relationship_check
    CHECK (relationship IN ('SELF', 'AUTHORISED_PERSON', 'NOMINATED_PERSON', 'SUITABLE_PERSON', 'PARENTAL_RESPONSIBILITY'));
