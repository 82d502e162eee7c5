-- What matching reads of each live, visible profile, and nothing else: about a seventh of a
-- profile row, so the candidates of a city fill a few hundred pages instead of the whole table
-- (docs/PERFORMANCE.md, bin/bench matching). Kept by a trigger in the same transaction as the
-- profile, so a change is seen by the next match, and no code path can forget it.
CREATE TABLE pa_match_candidate (
    profile_id        BIGINT PRIMARY KEY REFERENCES pa_profile (id) ON DELETE CASCADE,
    latitude          DOUBLE PRECISION NOT NULL,
    longitude         DOUBLE PRECISION NOT NULL,
    travel_km         INT NOT NULL,
    hourly_rate_pence BIGINT NOT NULL,
    skills_mask       INT NOT NULL,
    languages_mask    INT NOT NULL,
    availability_mask INT NOT NULL,
    interests         TEXT[] NOT NULL,
    capabilities      TEXT[] NOT NULL
);
CREATE INDEX pa_match_candidate_place_idx ON pa_match_candidate USING gist (point(longitude, latitude));
CREATE INDEX pa_match_candidate_capabilities_idx ON pa_match_candidate USING gin (capabilities);

CREATE FUNCTION pa_match_candidate_sync() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.status = 'LIVE' AND NEW.visible AND NEW.latitude IS NOT NULL THEN
        INSERT INTO pa_match_candidate (profile_id, latitude, longitude, travel_km, hourly_rate_pence, skills_mask,
                                        languages_mask, availability_mask, interests, capabilities)
        VALUES (NEW.id, NEW.latitude, NEW.longitude, NEW.travel_km, NEW.hourly_rate_pence, NEW.skills_mask,
                NEW.languages_mask, NEW.availability_mask, NEW.interests, NEW.capabilities)
        ON CONFLICT (profile_id) DO UPDATE SET latitude = EXCLUDED.latitude, longitude = EXCLUDED.longitude,
            travel_km = EXCLUDED.travel_km, hourly_rate_pence = EXCLUDED.hourly_rate_pence,
            skills_mask = EXCLUDED.skills_mask, languages_mask = EXCLUDED.languages_mask,
            availability_mask = EXCLUDED.availability_mask, interests = EXCLUDED.interests,
            capabilities = EXCLUDED.capabilities;
    ELSE
        DELETE FROM pa_match_candidate WHERE profile_id = NEW.id;
    END IF;
    RETURN NULL;
END
$$;

CREATE TRIGGER pa_match_candidate_sync AFTER INSERT OR UPDATE ON pa_profile
    FOR EACH ROW EXECUTE FUNCTION pa_match_candidate_sync();

INSERT INTO pa_match_candidate (profile_id, latitude, longitude, travel_km, hourly_rate_pence, skills_mask, languages_mask,
                                availability_mask, interests, capabilities)
SELECT id, latitude, longitude, travel_km, hourly_rate_pence, skills_mask, languages_mask, availability_mask, interests,
       capabilities
FROM pa_profile WHERE status = 'LIVE' AND visible AND latitude IS NOT NULL;

-- matching no longer reads pa_profile for this
DROP INDEX pa_profile_live_place_idx;
DROP INDEX pa_profile_live_capabilities_idx;
