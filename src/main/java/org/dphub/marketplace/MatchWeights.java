package org.dphub.marketplace;

/**
 * How much each part of a match counts, out of their total. A council setting: councils may
 * weigh times, interests, skills, rate and distance as they judge; these are the defaults.
 */
public record MatchWeights(int availability, int interests, int skills, int rate, int distance) {

    /** Times that fit matter most (no fit, no job); then shared interests and skills (the seeds). */
    public static final MatchWeights DEFAULTS = new MatchWeights(35, 20, 20, 15, 10);

    public MatchWeights {
        for (int weight : new int[] {availability, interests, skills, rate, distance}) {
            if (weight < 0 || weight > 100) {
                throw new IllegalArgumentException("A weight is a whole number from 0 to 100");
            }
        }
        if (availability + interests + skills + rate + distance == 0) {
            throw new IllegalArgumentException("At least one weight must be more than 0");
        }
    }

    public int total() {
        return availability + interests + skills + rate + distance;
    }
}
