-- Insights at the scale of issue 16 (docs/PERFORMANCE.md): each review keeps the day of the review
-- done before it and the day of the one done after it, for the same direct payment (in the order
-- reviews are done: by day, then as written), so the reviews figure no longer sorts every review of
-- the council to number them and find the next one (413,000 at the benchmark's scale).
--
-- Derived, never the record: the reviews themselves are. Both days are worked out again, for every
-- direct payment touched, by the triggers below whenever a review is written, removed or moved to
-- another day or payment (one set-based statement however many rows).
ALTER TABLE review ADD COLUMN previous_reviewed_on DATE, ADD COLUMN next_reviewed_on DATE;

CREATE FUNCTION review_neighbours_of(payments BIGINT[]) RETURNS void LANGUAGE sql AS $$
    UPDATE review r SET previous_reviewed_on = n.previous_on, next_reviewed_on = n.next_on
    FROM (SELECT x.id, lag(x.reviewed_on) OVER w AS previous_on, lead(x.reviewed_on) OVER w AS next_on
          FROM review x WHERE x.direct_payment_id IN (SELECT unnest(payments))
          WINDOW w AS (PARTITION BY x.direct_payment_id ORDER BY x.reviewed_on, x.id)) n
    WHERE r.id = n.id
      AND (r.previous_reviewed_on IS DISTINCT FROM n.previous_on OR r.next_reviewed_on IS DISTINCT FROM n.next_on);
$$;

CREATE FUNCTION review_neighbours_inserted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM review_neighbours_of(ARRAY(SELECT DISTINCT n.direct_payment_id FROM new_reviews n));
    RETURN NULL;
END $$;
CREATE TRIGGER review_neighbours_inserted AFTER INSERT ON review
    REFERENCING NEW TABLE AS new_reviews FOR EACH STATEMENT EXECUTE FUNCTION review_neighbours_inserted();

CREATE FUNCTION review_neighbours_deleted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM review_neighbours_of(ARRAY(SELECT DISTINCT o.direct_payment_id FROM old_reviews o));
    RETURN NULL;
END $$;
CREATE TRIGGER review_neighbours_deleted AFTER DELETE ON review
    REFERENCING OLD TABLE AS old_reviews FOR EACH STATEMENT EXECUTE FUNCTION review_neighbours_deleted();

CREATE FUNCTION review_neighbours_moved() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM review_neighbours_of(ARRAY[OLD.direct_payment_id, NEW.direct_payment_id]);
    RETURN NULL;
END $$;
CREATE TRIGGER review_neighbours_moved AFTER UPDATE OF reviewed_on, direct_payment_id ON review
    FOR EACH ROW EXECUTE FUNCTION review_neighbours_moved();

-- the reviews already written
UPDATE review r SET previous_reviewed_on = n.previous_on, next_reviewed_on = n.next_on
FROM (SELECT x.id, lag(x.reviewed_on) OVER w AS previous_on, lead(x.reviewed_on) OVER w AS next_on
      FROM review x WINDOW w AS (PARTITION BY x.direct_payment_id ORDER BY x.reviewed_on, x.id)) n
WHERE r.id = n.id AND (n.previous_on IS NOT NULL OR n.next_on IS NOT NULL);

-- The reviews done, with the days before and after (columns added at the end: the view keeps its columns).
CREATE OR REPLACE VIEW insights_review_done AS
SELECT r.id, r.council_id, r.direct_payment_id, r.reviewed_on, r.previous_reviewed_on, r.next_reviewed_on FROM review r;
