-- Open Referral UK: a council's feed imported by its DP team (whole file or nothing), and what the
-- public API's searches need.

-- One import of a council's ORUK service_list file: who sent it, and what it did.
CREATE TABLE directory_import (
    id                    UUID PRIMARY KEY,
    council_id            BIGINT NOT NULL REFERENCES council (id),
    imported_by           BIGINT NOT NULL REFERENCES app_user (id),
    file_name             TEXT NOT NULL CHECK (length(file_name) BETWEEN 1 AND 255),
    services_created      INT NOT NULL CHECK (services_created >= 0),
    services_updated      INT NOT NULL CHECK (services_updated >= 0),
    organizations_created INT NOT NULL CHECK (organizations_created >= 0),
    organizations_updated INT NOT NULL CHECK (organizations_updated >= 0),
    services_unchanged    INT NOT NULL CHECK (services_unchanged >= 0),
    -- what was left out, as [{path, key, args}] (the words are the message directory.feed.<key>)
    warnings              JSONB NOT NULL DEFAULT '[]',
    created_at            TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX directory_import_council_idx ON directory_import (council_id, created_at DESC);

-- /openreferral/service_at_locations?postcode=&proximity=: a box of latitudes, then longitudes,
-- read from the index alone (the id is carried so the term check needs no table visit).
CREATE INDEX directory_service_published_box_idx ON directory_service (latitude, longitude, id)
    WHERE status = 'PUBLISHED' AND latitude IS NOT NULL;
-- /openreferral/services is ordered by name
CREATE INDEX directory_service_published_name_idx ON directory_service (name, id) WHERE status = 'PUBLISHED';

-- The ids Open Referral gives a service's own location, service_at_location, cost option... :
-- Java's UUID.nameUUIDFromBytes("<service id>:<kind>") (an MD5, version 3 UUID), here too, so a
-- service_at_location is found by its id.
CREATE FUNCTION directory_derived_uuid(service_id UUID, kind TEXT) RETURNS UUID
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
    SELECT (substr(h, 1, 12) || '3' || substr(h, 14, 3)
            || to_hex((('x' || substr(h, 17, 1))::bit(4)::int & 3) | 8) || substr(h, 18, 15))::uuid
    FROM (SELECT md5(service_id::text || ':' || kind) AS h) AS hashed
$$;
CREATE INDEX directory_service_at_location_idx ON directory_service (directory_derived_uuid(id, 'service_at_location'))
    WHERE status = 'PUBLISHED';

-- The search "services with this outcome near this postcode" in one index range: each published
-- service with a place, once per term it serves. Kept by triggers on directory_service and
-- directory_service_term in the same transaction, so no code path can forget it.
CREATE TABLE directory_search_place (
    term_id    UUID NOT NULL,
    latitude   NUMERIC(9, 6) NOT NULL,
    longitude  NUMERIC(9, 6) NOT NULL,
    service_id UUID NOT NULL,
    PRIMARY KEY (term_id, latitude, longitude, service_id)
);
CREATE INDEX directory_search_place_service_idx ON directory_search_place (service_id);

CREATE FUNCTION directory_search_place_of_service() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP <> 'INSERT' THEN
        DELETE FROM directory_search_place WHERE service_id = OLD.id;
    END IF;
    IF TG_OP <> 'DELETE' AND NEW.status = 'PUBLISHED' AND NEW.latitude IS NOT NULL AND NEW.longitude IS NOT NULL THEN
        INSERT INTO directory_search_place (term_id, latitude, longitude, service_id)
        SELECT t.term_id, NEW.latitude, NEW.longitude, NEW.id FROM directory_service_term t WHERE t.service_id = NEW.id
        ON CONFLICT DO NOTHING;
    END IF;
    RETURN NULL;
END;
$$;
CREATE TRIGGER directory_search_place_of_service
    AFTER INSERT OR DELETE OR UPDATE OF status, latitude, longitude, id ON directory_service
    FOR EACH ROW EXECUTE FUNCTION directory_search_place_of_service();

CREATE FUNCTION directory_search_place_of_term() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP <> 'INSERT' THEN
        DELETE FROM directory_search_place WHERE service_id = OLD.service_id AND term_id = OLD.term_id;
    END IF;
    IF TG_OP <> 'DELETE' THEN
        INSERT INTO directory_search_place (term_id, latitude, longitude, service_id)
        SELECT NEW.term_id, s.latitude, s.longitude, s.id FROM directory_service s
        WHERE s.id = NEW.service_id AND s.status = 'PUBLISHED' AND s.latitude IS NOT NULL AND s.longitude IS NOT NULL
        ON CONFLICT DO NOTHING;
    END IF;
    RETURN NULL;
END;
$$;
CREATE TRIGGER directory_search_place_of_term
    AFTER INSERT OR DELETE OR UPDATE ON directory_service_term
    FOR EACH ROW EXECUTE FUNCTION directory_search_place_of_term();

INSERT INTO directory_search_place (term_id, latitude, longitude, service_id)
SELECT t.term_id, s.latitude, s.longitude, s.id FROM directory_service s JOIN directory_service_term t ON t.service_id = s.id
WHERE s.status = 'PUBLISHED' AND s.latitude IS NOT NULL AND s.longitude IS NOT NULL;
