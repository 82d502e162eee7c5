-- Issue 18: a PA opts in to cover work at short notice: the notice they need (the same day, or
-- from the next day) and the times of the week they can cover (a mask of AvailabilitySlot bits, as
-- pa_profile.availability_mask). One row a profile, changed by the PA; every change is audited.
CREATE TABLE pa_cover_offer (
    profile_id        BIGINT PRIMARY KEY REFERENCES pa_profile (id),
    offers_cover      BOOLEAN NOT NULL,
    notice            TEXT NOT NULL CHECK (notice IN ('SAME_DAY', 'NEXT_DAY')),
    availability_mask INT NOT NULL DEFAULT 0,
    updated_by        TEXT NOT NULL,
    updated_at        TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX pa_cover_offer_offering_idx ON pa_cover_offer (profile_id) WHERE offers_cover;
