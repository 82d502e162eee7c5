-- Issue 5, what was left: a PA's gender (optional; only a vacancy for intimate personal care may
-- ask for a woman or a man), their training records, and how they want to work in what matching
-- reads, so the person's side can ask only for PAs who want to be employed, or self-employed.

ALTER TABLE pa_profile ADD COLUMN gender TEXT CHECK (gender IN ('FEMALE', 'MALE', 'NON_BINARY'));

-- a gender must-have is pushed down like a skill or a language: the profile's capabilities hold
-- 'gender:female' as they hold 'personal-care' and 'cy', and the vacancy's must-haves are matched
-- by array containment (GIN on pa_match_candidate.capabilities)
ALTER TABLE pa_profile DROP COLUMN capabilities;
ALTER TABLE pa_profile ADD COLUMN capabilities TEXT[] GENERATED ALWAYS AS (
    skills || languages || CASE WHEN gender IS NULL THEN '{}'::text[]
                                ELSE ARRAY['gender:' || replace(lower(gender), '_', '-')] END) STORED;

-- the vacancy's side of the same filter, for a PA's matches: the gender asked for, or NULL
ALTER TABLE vacancy ADD COLUMN must_gender TEXT CHECK (must_gender IN ('FEMALE', 'MALE'));

ALTER TABLE pa_match_candidate
    ADD COLUMN gender           TEXT,
    ADD COLUMN employment_basis TEXT NOT NULL DEFAULT 'EITHER';

CREATE OR REPLACE FUNCTION pa_match_candidate_sync() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.status = 'LIVE' AND NEW.visible AND NEW.latitude IS NOT NULL THEN
        INSERT INTO pa_match_candidate (profile_id, latitude, longitude, travel_km, hourly_rate_pence, skills_mask,
                                        languages_mask, availability_mask, interests, capabilities, gender, employment_basis)
        VALUES (NEW.id, NEW.latitude, NEW.longitude, NEW.travel_km, NEW.hourly_rate_pence, NEW.skills_mask,
                NEW.languages_mask, NEW.availability_mask, NEW.interests, NEW.capabilities, NEW.gender, NEW.employment_basis)
        ON CONFLICT (profile_id) DO UPDATE SET latitude = EXCLUDED.latitude, longitude = EXCLUDED.longitude,
            travel_km = EXCLUDED.travel_km, hourly_rate_pence = EXCLUDED.hourly_rate_pence,
            skills_mask = EXCLUDED.skills_mask, languages_mask = EXCLUDED.languages_mask,
            availability_mask = EXCLUDED.availability_mask, interests = EXCLUDED.interests,
            capabilities = EXCLUDED.capabilities, gender = EXCLUDED.gender, employment_basis = EXCLUDED.employment_basis;
    ELSE
        DELETE FROM pa_match_candidate WHERE profile_id = NEW.id;
    END IF;
    RETURN NULL;
END
$$;

UPDATE pa_match_candidate c SET capabilities = p.capabilities, gender = p.gender, employment_basis = p.employment_basis
FROM pa_profile p WHERE p.id = c.profile_id;

-- training a PA has done (the Care Certificate and its modules, say): replaced as a whole when the
-- PA saves their profile; at most 20 a profile, kept in the order the PA gave them
CREATE TABLE pa_training (
    profile_id   BIGINT NOT NULL REFERENCES pa_profile (id) ON DELETE CASCADE,
    position     INT NOT NULL CHECK (position BETWEEN 0 AND 19),
    title        TEXT NOT NULL CHECK (length(title) BETWEEN 1 AND 120),
    completed_on DATE NOT NULL CHECK (completed_on >= DATE '1950-01-01'),
    modules      TEXT[] NOT NULL DEFAULT '{}' CHECK (cardinality(modules) <= 30),
    PRIMARY KEY (profile_id, position)
);
