-- Peer support boards (issue 18): moderated questions and answers. Two boards: EMPLOYERS (national:
-- citizens and representatives of every council, each post showing the poster's council area) and
-- PRACTITIONERS (one per council: its practitioners, budget holders and DP team). A post is a question
-- (with a title) or an answer to one. council_id is always the poster's council, whose DP team moderates it.

CREATE TABLE peer_member (
    user_id       bigint PRIMARY KEY,
    display_name  text NOT NULL CHECK (length(display_name) BETWEEN 1 AND 30),
    updated_at    timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE peer_post (
    id              bigserial PRIMARY KEY,
    board           text NOT NULL CHECK (board IN ('EMPLOYERS', 'PRACTITIONERS')),
    council_id      bigint NOT NULL REFERENCES council (id),
    question_id     bigint REFERENCES peer_post (id),
    author_user_id  bigint NOT NULL,
    author_name     text NOT NULL CHECK (length(author_name) BETWEEN 1 AND 30),
    title           text CHECK (length(title) BETWEEN 1 AND 150),
    body            text NOT NULL CHECK (length(body) BETWEEN 1 AND 5000),
    -- the poster said a name with a date (or a date of birth) is nobody's personal details
    personal_data_confirmed boolean NOT NULL DEFAULT false,
    -- kept by moderation only (peer_moderation is the history): hidden from everyone but the poster and moderators
    hidden          boolean NOT NULL DEFAULT false,
    hidden_reason   text,
    -- questions only: no new answers
    locked          boolean NOT NULL DEFAULT false,
    created_at      timestamptz NOT NULL DEFAULT now(),
    -- posts are in English or Welsh: stemmed English and plain words (for Welsh, with the mutations added by the query)
    search          tsvector GENERATED ALWAYS AS (
        setweight(to_tsvector('english', coalesce(title, '')), 'A') || setweight(to_tsvector('english', body), 'B')
        || setweight(to_tsvector('simple', coalesce(title, '')), 'A') || setweight(to_tsvector('simple', body), 'B')) STORED,
    CHECK ((question_id IS NULL) = (title IS NOT NULL)),
    CHECK (question_id IS NULL OR NOT locked),
    CHECK (hidden = (hidden_reason IS NOT NULL))
);
CREATE INDEX peer_post_board ON peer_post (board, council_id, created_at DESC) WHERE question_id IS NULL;
CREATE INDEX peer_post_answers ON peer_post (question_id, created_at);
CREATE INDEX peer_post_author ON peer_post (author_user_id);
CREATE INDEX peer_post_search ON peer_post USING gin (search);

-- "This helped me": once per reader and answer
CREATE TABLE peer_helpful (
    post_id     bigint NOT NULL REFERENCES peer_post (id),
    user_id     bigint NOT NULL,
    by_asker    boolean NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (post_id, user_id)
);

-- a reader's report of a post, once per reader and post; open until a moderator acts on the post after it
CREATE TABLE peer_report (
    id                bigserial PRIMARY KEY,
    post_id           bigint NOT NULL REFERENCES peer_post (id),
    reporter_user_id  bigint NOT NULL,
    reason            text NOT NULL CHECK (length(reason) BETWEEN 1 AND 1000),
    created_at        timestamptz NOT NULL DEFAULT clock_timestamp(),
    UNIQUE (post_id, reporter_user_id)
);
CREATE INDEX peer_report_post ON peer_report (post_id, created_at);

-- what moderators did, with why: append-only
CREATE TABLE peer_moderation (
    id          bigserial PRIMARY KEY,
    post_id     bigint NOT NULL REFERENCES peer_post (id),
    council_id  bigint NOT NULL REFERENCES council (id),
    action      text NOT NULL CHECK (action IN ('HIDDEN', 'RESTORED', 'LOCKED', 'UNLOCKED', 'KEPT')),
    reason      text NOT NULL CHECK (length(reason) BETWEEN 1 AND 1000),
    moderator   text NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT clock_timestamp()
);
CREATE INDEX peer_moderation_post ON peer_moderation (post_id, created_at);

CREATE FUNCTION peer_moderation_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'peer_moderation is append-only: % refused', TG_OP;
END $$;
CREATE TRIGGER peer_moderation_no_update BEFORE UPDATE OR DELETE ON peer_moderation
    FOR EACH ROW EXECUTE FUNCTION peer_moderation_append_only();
CREATE TRIGGER peer_moderation_no_truncate BEFORE TRUNCATE ON peer_moderation
    FOR EACH STATEMENT EXECUTE FUNCTION peer_moderation_append_only();
