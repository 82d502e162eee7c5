-- The community directory (Open Referral UK 3.0): organisations that sell or give support, their
-- services (what, where, when, cost, ages, languages, accessibility) and the outcomes and needs each
-- serves, as terms of a taxonomy. Ids are UUIDs because Open Referral publishes them.

-- A taxonomy: the outcomes in the Care and Support (Eligibility Criteria) Regulations 2014 reg 2(2),
-- the Welsh well-being outcomes (SSWb(W)A 2014 s2), and any a council adds (council_id set).
CREATE TABLE directory_taxonomy (
    id          UUID PRIMARY KEY,
    council_id  BIGINT REFERENCES council (id),
    name        TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    name_cy     TEXT NOT NULL CHECK (length(name_cy) BETWEEN 1 AND 200),
    description TEXT NOT NULL CHECK (length(description) BETWEEN 1 AND 1000),
    description_cy TEXT NOT NULL CHECK (length(description_cy) BETWEEN 1 AND 1000),
    uri         TEXT,
    version     TEXT
);

CREATE TABLE directory_taxonomy_term (
    id             UUID PRIMARY KEY,
    taxonomy_id    UUID NOT NULL REFERENCES directory_taxonomy (id),
    -- NULL: seeded for every council; else added by that council's DP team
    council_id     BIGINT REFERENCES council (id),
    code           TEXT NOT NULL CHECK (code ~ '^[a-z0-9-]{1,60}$'),
    name           TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    name_cy        TEXT NOT NULL CHECK (length(name_cy) BETWEEN 1 AND 200),
    description    TEXT NOT NULL CHECK (length(description) BETWEEN 1 AND 1000),
    description_cy TEXT NOT NULL CHECK (length(description_cy) BETWEEN 1 AND 1000),
    parent_id      UUID REFERENCES directory_taxonomy_term (id),
    term_uri       TEXT,
    position       INT NOT NULL DEFAULT 0,
    UNIQUE (taxonomy_id, code)
);

-- An organisation: a micro-enterprise, community group, PA agency, charity or company. One that signs
-- itself up has a user (the provider role); one imported from a council's feed has none.
CREATE TABLE directory_organization (
    id            UUID PRIMARY KEY,
    -- the council whose DP team checks it (where it signed up, or whose feed it came from)
    council_id    BIGINT NOT NULL REFERENCES council (id),
    user_id       BIGINT UNIQUE REFERENCES app_user (id),
    name          TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    description   TEXT NOT NULL DEFAULT '' CHECK (length(description) <= 4000),
    kind          TEXT NOT NULL CHECK (kind IN ('MICRO_ENTERPRISE', 'COMMUNITY_GROUP', 'PA_AGENCY', 'CHARITY', 'COMPANY')),
    email         TEXT CHECK (length(email) <= 254),
    phone         TEXT CHECK (length(phone) <= 30),
    website       TEXT CHECK (length(website) <= 500),
    created_at    TIMESTAMPTZ NOT NULL DEFAULT now(),
    last_modified TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX directory_organization_council_idx ON directory_organization (council_id);

-- A service. Status: AWAITING_CHECKS -> PUBLISHED (the DP team checked insurance and safeguarding)
-- -> SUSPENDED (reported, or the DP team stopped it) -> PUBLISHED again; WITHDRAWN by the provider.
-- A change to a published service keeps it live and sets changed_since_check for the DP team.
CREATE TABLE directory_service (
    id                   UUID PRIMARY KEY,
    organization_id      UUID NOT NULL REFERENCES directory_organization (id),
    council_id           BIGINT NOT NULL REFERENCES council (id),
    name                 TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    description          TEXT NOT NULL CHECK (length(description) BETWEEN 1 AND 4000),
    url                  TEXT CHECK (length(url) <= 500),
    email                TEXT CHECK (length(email) <= 254),
    status               TEXT NOT NULL DEFAULT 'AWAITING_CHECKS'
                         CHECK (status IN ('AWAITING_CHECKS', 'PUBLISHED', 'SUSPENDED', 'WITHDRAWN')),
    -- where: AT_A_PLACE (postcode), COMES_TO_YOU (from postcode, within travel_km), ONLINE
    delivery             TEXT NOT NULL CHECK (delivery IN ('AT_A_PLACE', 'COMES_TO_YOU', 'ONLINE')),
    postcode             TEXT CHECK (length(postcode) BETWEEN 5 AND 8),
    latitude             NUMERIC(9, 6),
    longitude            NUMERIC(9, 6),
    travel_km            INT CHECK (travel_km BETWEEN 0 AND 200),
    address              TEXT CHECK (length(address) <= 500),
    cost_pence           BIGINT NOT NULL DEFAULT 0 CHECK (cost_pence BETWEEN 0 AND 10000000),
    cost_unit            TEXT NOT NULL CHECK (cost_unit IN ('SESSION', 'HOUR', 'TERM', 'FREE')),
    minimum_age          INT CHECK (minimum_age BETWEEN 0 AND 120),
    maximum_age          INT CHECK (maximum_age BETWEEN 0 AND 120),
    -- ISO 639-1 codes: en, cy, pl, ...
    languages            TEXT[] NOT NULL DEFAULT '{}',
    accessibility        TEXT NOT NULL DEFAULT '' CHECK (length(accessibility) <= 2000),
    insurance_checked    BOOLEAN NOT NULL DEFAULT FALSE,
    safeguarding_checked BOOLEAN NOT NULL DEFAULT FALSE,
    checked_by           BIGINT REFERENCES app_user (id),
    checked_at           TIMESTAMPTZ,
    changed_since_check  BOOLEAN NOT NULL DEFAULT FALSE,
    version              INT NOT NULL DEFAULT 0,
    created_at           TIMESTAMPTZ NOT NULL DEFAULT now(),
    last_modified        TIMESTAMPTZ NOT NULL DEFAULT now(),
    CHECK (minimum_age IS NULL OR maximum_age IS NULL OR minimum_age <= maximum_age),
    CHECK ((cost_unit = 'FREE') = (cost_pence = 0)),
    CHECK (delivery = 'ONLINE' OR (postcode IS NOT NULL AND latitude IS NOT NULL AND longitude IS NOT NULL)),
    CHECK (delivery <> 'COMES_TO_YOU' OR travel_km IS NOT NULL),
    CHECK (status <> 'PUBLISHED' OR (insurance_checked AND safeguarding_checked))
);
CREATE INDEX directory_service_council_status_idx ON directory_service (council_id, status);
CREATE INDEX directory_service_organization_idx ON directory_service (organization_id);
CREATE INDEX directory_service_published_place_idx ON directory_service (latitude, longitude) WHERE status = 'PUBLISHED';
CREATE INDEX directory_service_modified_idx ON directory_service (last_modified) WHERE status = 'PUBLISHED';

-- The outcomes and needs a service serves (ORUK attributes linking a service to taxonomy terms).
CREATE TABLE directory_service_term (
    service_id UUID NOT NULL REFERENCES directory_service (id),
    term_id    UUID NOT NULL REFERENCES directory_taxonomy_term (id),
    PRIMARY KEY (service_id, term_id)
);
CREATE INDEX directory_service_term_term_idx ON directory_service_term (term_id, service_id);

-- When: a weekly day and opening times (ORUK schedule, freq WEEKLY, byday MO..SU).
CREATE TABLE directory_schedule (
    id         UUID PRIMARY KEY,
    service_id UUID NOT NULL REFERENCES directory_service (id),
    day        TEXT NOT NULL CHECK (day IN ('MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY', 'SUNDAY')),
    opens_at   TIME NOT NULL,
    closes_at  TIME NOT NULL,
    CHECK (closes_at > opens_at)
);
CREATE INDEX directory_schedule_service_idx ON directory_schedule (service_id);

-- Outcomes as the regulations name them: England's ten, then Wales's well-being outcomes.
INSERT INTO directory_taxonomy (id, council_id, name, name_cy, description, description_cy, uri, version) VALUES
    ('6a1d6a2e-5d1f-4c1b-9a51-000000000001', NULL,
     'Care and support outcomes (England)', 'Canlyniadau gofal a chymorth (Lloegr)',
     'The outcomes in regulation 2(2) of the Care and Support (Eligibility Criteria) Regulations 2014',
     'Y canlyniadau yn rheoliad 2(2) Rheoliadau Gofal a Chymorth (Meini Prawf Cymhwystra) 2014',
     'https://www.legislation.gov.uk/uksi/2014/313/regulation/2', '2014'),
    ('6a1d6a2e-5d1f-4c1b-9a51-000000000002', NULL,
     'Well-being outcomes (Wales)', 'Canlyniadau llesiant (Cymru)',
     'The well-being outcomes in section 2 of the Social Services and Well-being (Wales) Act 2014',
     'Y canlyniadau llesiant yn adran 2 Deddf Gwasanaethau Cymdeithasol a Llesiant (Cymru) 2014',
     'https://www.legislation.gov.uk/anaw/2014/4/section/2', '2014');

INSERT INTO directory_taxonomy_term (id, taxonomy_id, code, name, name_cy, description, description_cy, term_uri, position) VALUES
    ('6a1d6a2e-5d1f-4c1b-9a52-000000000001', '6a1d6a2e-5d1f-4c1b-9a51-000000000001', 'nutrition',
     'Eating and drinking well', 'Bwyta ac yfed yn dda',
     'Managing and maintaining nutrition', 'Rheoli a chynnal maeth', NULL, 1),
    ('6a1d6a2e-5d1f-4c1b-9a52-000000000002', '6a1d6a2e-5d1f-4c1b-9a51-000000000001', 'personal-hygiene',
     'Keeping clean', 'Cadw''n lân',
     'Maintaining personal hygiene', 'Cynnal hylendid personol', NULL, 2),
    ('6a1d6a2e-5d1f-4c1b-9a52-000000000003', '6a1d6a2e-5d1f-4c1b-9a51-000000000001', 'toilet-needs',
     'Using the toilet', 'Defnyddio''r toiled',
     'Managing toilet needs', 'Rheoli anghenion toiled', NULL, 3),
    ('6a1d6a2e-5d1f-4c1b-9a52-000000000004', '6a1d6a2e-5d1f-4c1b-9a51-000000000001', 'being-clothed',
     'Getting dressed', 'Gwisgo',
     'Being appropriately clothed', 'Bod wedi gwisgo''n briodol', NULL, 4),
    ('6a1d6a2e-5d1f-4c1b-9a52-000000000005', '6a1d6a2e-5d1f-4c1b-9a51-000000000001', 'home-safely',
     'Being safe at home', 'Bod yn ddiogel gartref',
     'Being able to make use of the home safely', 'Gallu defnyddio''r cartref yn ddiogel', NULL, 5),
    ('6a1d6a2e-5d1f-4c1b-9a52-000000000006', '6a1d6a2e-5d1f-4c1b-9a51-000000000001', 'habitable-home',
     'Keeping a home', 'Cadw cartref',
     'Maintaining a habitable home environment', 'Cynnal amgylchedd cartref y gellir byw ynddo', NULL, 6),
    ('6a1d6a2e-5d1f-4c1b-9a52-000000000007', '6a1d6a2e-5d1f-4c1b-9a51-000000000001', 'relationships',
     'Family and friends', 'Teulu a ffrindiau',
     'Developing and maintaining family or other personal relationships',
     'Datblygu a chynnal perthnasoedd teuluol neu bersonol eraill', NULL, 7),
    ('6a1d6a2e-5d1f-4c1b-9a52-000000000008', '6a1d6a2e-5d1f-4c1b-9a51-000000000001', 'work-learning-volunteering',
     'Work, learning and volunteering', 'Gwaith, dysgu a gwirfoddoli',
     'Accessing and engaging in work, training, education or volunteering',
     'Cael at waith, hyfforddiant, addysg neu wirfoddoli a chymryd rhan ynddynt', NULL, 8),
    ('6a1d6a2e-5d1f-4c1b-9a52-000000000009', '6a1d6a2e-5d1f-4c1b-9a51-000000000001', 'community',
     'Getting out and about', 'Mynd allan a chrwydro',
     'Making use of necessary facilities or services in the local community, including public transport and recreational facilities or services',
     'Defnyddio cyfleusterau neu wasanaethau angenrheidiol yn y gymuned leol, gan gynnwys trafnidiaeth gyhoeddus a chyfleusterau neu wasanaethau hamdden', NULL, 9),
    ('6a1d6a2e-5d1f-4c1b-9a52-000000000010', '6a1d6a2e-5d1f-4c1b-9a51-000000000001', 'caring-for-a-child',
     'Caring for a child', 'Gofalu am blentyn',
     'Carrying out any caring responsibilities the adult has for a child',
     'Cyflawni unrhyw gyfrifoldebau gofalu sydd gan yr oedolyn dros blentyn', NULL, 10),
    ('6a1d6a2e-5d1f-4c1b-9a52-000000000101', '6a1d6a2e-5d1f-4c1b-9a51-000000000002', 'wales-health',
     'Health and feeling well', 'Iechyd a theimlo''n dda',
     'Physical and mental health and emotional well-being', 'Iechyd corfforol a meddyliol a llesiant emosiynol', NULL, 1),
    ('6a1d6a2e-5d1f-4c1b-9a52-000000000102', '6a1d6a2e-5d1f-4c1b-9a51-000000000002', 'wales-safe',
     'Being safe', 'Bod yn ddiogel',
     'Protection from abuse and neglect', 'Cael eich diogelu rhag camdriniaeth ac esgeulustod', NULL, 2),
    ('6a1d6a2e-5d1f-4c1b-9a52-000000000103', '6a1d6a2e-5d1f-4c1b-9a51-000000000002', 'wales-learning-leisure',
     'Learning and leisure', 'Dysgu a hamdden',
     'Education, training and recreation', 'Addysg, hyfforddiant a hamdden', NULL, 3),
    ('6a1d6a2e-5d1f-4c1b-9a52-000000000104', '6a1d6a2e-5d1f-4c1b-9a51-000000000002', 'wales-relationships',
     'Family and relationships', 'Teulu a pherthnasoedd',
     'Domestic, family and personal relationships', 'Perthnasoedd domestig, teuluol a phersonol', NULL, 4),
    ('6a1d6a2e-5d1f-4c1b-9a52-000000000105', '6a1d6a2e-5d1f-4c1b-9a51-000000000002', 'wales-contribution',
     'Taking part in the community', 'Cymryd rhan yn y gymuned',
     'Contribution made to society', 'Cyfraniad at gymdeithas', NULL, 5),
    ('6a1d6a2e-5d1f-4c1b-9a52-000000000106', '6a1d6a2e-5d1f-4c1b-9a51-000000000002', 'wales-rights',
     'Rights and entitlements', 'Hawliau a hawlogaethau',
     'Securing rights and entitlements', 'Sicrhau hawliau a hawlogaethau', NULL, 6),
    ('6a1d6a2e-5d1f-4c1b-9a52-000000000107', '6a1d6a2e-5d1f-4c1b-9a51-000000000002', 'wales-social-economic',
     'Money, friends and getting on', 'Arian, ffrindiau a dod ymlaen',
     'Social and economic well-being', 'Llesiant cymdeithasol ac economaidd', NULL, 7),
    ('6a1d6a2e-5d1f-4c1b-9a52-000000000108', '6a1d6a2e-5d1f-4c1b-9a51-000000000002', 'wales-home',
     'A home that suits me', 'Cartref sy''n addas i mi',
     'Suitability of living accommodation', 'Addasrwydd llety byw', NULL, 8),
    ('6a1d6a2e-5d1f-4c1b-9a52-000000000109', '6a1d6a2e-5d1f-4c1b-9a51-000000000002', 'wales-control',
     'Choice and control over my day', 'Dewis a rheolaeth dros fy niwrnod',
     'Control over day-to-day life', 'Rheolaeth dros fywyd o ddydd i ddydd', NULL, 9),
    ('6a1d6a2e-5d1f-4c1b-9a52-000000000110', '6a1d6a2e-5d1f-4c1b-9a51-000000000002', 'wales-work',
     'Working', 'Gweithio',
     'Participation in work', 'Cymryd rhan mewn gwaith', NULL, 10);
