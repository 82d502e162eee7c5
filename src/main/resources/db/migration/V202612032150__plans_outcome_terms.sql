-- A plan's outcomes tagged with the directory's outcomes and needs (Open Referral taxonomy terms), so
-- a search can start from the plan and the DP team can see where live plans have nothing to buy.
-- Written with the plan version, as the outcomes are, and never changed.
CREATE TABLE plan_outcome_term (
    plan_version_id BIGINT NOT NULL,
    position        INT NOT NULL,
    term_id         UUID NOT NULL REFERENCES directory_taxonomy_term (id),
    PRIMARY KEY (plan_version_id, position, term_id),
    FOREIGN KEY (plan_version_id, position) REFERENCES plan_outcome (plan_version_id, position)
);
CREATE INDEX plan_outcome_term_term_idx ON plan_outcome_term (term_id);
