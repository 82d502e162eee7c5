package org.dphub.marketplace;

/**
 * A match's score from 0 to 100 and why: the times both have (a count and a mask), interests in common, wanted skills
 * the PA has (a mask), whether the PA's rate is within the rate offered, and the distance.
 */
public record MatchScore(int score, double distanceKm, int availabilityOverlap, int timesInCommonMask, int sharedInterests,
                         int skillsMetMask, boolean rateFits) {

    /** Best first; equal scores in profile (or vacancy) id order, so the same inputs give the same order. */
    public static int compare(MatchScore a, long idA, MatchScore b, long idB) {
        int byScore = Integer.compare(b.score, a.score);
        return byScore != 0 ? byScore : Long.compare(idA, idB);
    }
}
