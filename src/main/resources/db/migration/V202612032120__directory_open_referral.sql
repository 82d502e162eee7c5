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
