-- Buying together: a group purchase of a published directory service, paid from several people's
-- direct payments (who may hold them from different councils). The council is the organiser's;
-- each member row carries the member's own council, so each council's staff see their own members.
-- Group status: OPEN -> CONFIRMED (every current member consented and the organiser confirmed);
-- OPEN -> CANCELLED. Money moves only through payments' ProviderPayments face (never written here).
CREATE TABLE directory_group_purchase (
    id                UUID PRIMARY KEY,
    council_id        BIGINT NOT NULL REFERENCES council (id),
    organiser_user_id BIGINT NOT NULL REFERENCES app_user (id),
    organiser_name    TEXT NOT NULL CHECK (length(organiser_name) BETWEEN 1 AND 200),
    service_id        UUID NOT NULL REFERENCES directory_service (id),
    title             TEXT NOT NULL CHECK (length(title) BETWEEN 1 AND 120),
    total_pence       BIGINT NOT NULL CHECK (total_pence BETWEEN 1 AND 10000000),
    split             TEXT NOT NULL CHECK (split IN ('EQUAL', 'SET_SHARES')),
    max_members       INT NOT NULL CHECK (max_members BETWEEN 2 AND 50),
    status            TEXT NOT NULL DEFAULT 'OPEN' CHECK (status IN ('OPEN', 'CONFIRMED', 'CANCELLED')),
    -- the price of one place at the first confirmation (the equal share without an odd penny):
    -- what a member joining mid-term pays for each remaining session
    place_pence       BIGINT CHECK (place_pence >= 0),
    confirmed_at      TIMESTAMPTZ,
    created_at        TIMESTAMPTZ NOT NULL DEFAULT now(),
    version           INT NOT NULL DEFAULT 0
);
CREATE INDEX directory_group_purchase_council_idx ON directory_group_purchase (council_id);
CREATE INDEX directory_group_purchase_organiser_idx ON directory_group_purchase (organiser_user_id);

CREATE TABLE directory_group_session (
    group_purchase_id UUID NOT NULL REFERENCES directory_group_purchase (id),
    held_on           DATE NOT NULL,
    PRIMARY KEY (group_purchase_id, held_on)
);

-- A member. Status: INVITED -> CONSENTED -> PAID -> LEFT (refunded for sessions not yet held);
-- CONSENTED -> INVITED when their share changes before anything is paid; INVITED/CONSENTED -> LEFT.
CREATE TABLE directory_group_member (
    id                 BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    group_purchase_id  UUID NOT NULL REFERENCES directory_group_purchase (id),
    council_id         BIGINT NOT NULL REFERENCES council (id),
    citizen_id         BIGINT NOT NULL,
    account_id         BIGINT NOT NULL,
    first_name         TEXT NOT NULL CHECK (length(first_name) BETWEEN 1 AND 100),
    show_name          BOOLEAN NOT NULL DEFAULT FALSE,
    asked_to_join      BOOLEAN NOT NULL DEFAULT FALSE,
    join_order         INT NOT NULL,
    status             TEXT NOT NULL DEFAULT 'INVITED' CHECK (status IN ('INVITED', 'CONSENTED', 'PAID', 'LEFT')),
    -- set by the organiser when the group is split by set shares
    set_share_pence    BIGINT CHECK (set_share_pence >= 0),
    share_pence        BIGINT NOT NULL CHECK (share_pence >= 0),
    -- the first session this member pays for (a member joining mid-term pays for the rest only)
    first_session      DATE NOT NULL,
    consented_by       TEXT,
    consented_at       TIMESTAMPTZ,
    charge_key         TEXT UNIQUE,
    charged_pence      BIGINT CHECK (charged_pence >= 0),
    left_on            DATE,
    leave_key          TEXT,
    refund_key         TEXT UNIQUE,
    refund_pence       BIGINT CHECK (refund_pence >= 0),
    joined_at          TIMESTAMPTZ NOT NULL DEFAULT now(),
    UNIQUE (group_purchase_id, join_order)
);
-- one place at a time per person in a group (they may join again after leaving)
CREATE UNIQUE INDEX directory_group_member_current_idx ON directory_group_member (group_purchase_id, citizen_id)
    WHERE status <> 'LEFT';
CREATE INDEX directory_group_member_citizen_idx ON directory_group_member (council_id, citizen_id);
