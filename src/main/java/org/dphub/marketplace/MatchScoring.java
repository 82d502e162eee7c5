package org.dphub.marketplace;

/**
 * The score of a match that passed {@link MatchFilter}: deterministic and explainable. Each part
 * is a fraction from 0 to 1, weighed by the council's {@link MatchWeights}:
 * <ul>
 *   <li>availability: the share of the vacancy's times the PA can work;</li>
 *   <li>interests: the share of the vacancy's interests the PA shares;</li>
 *   <li>skills: the share of wanted skills the PA has;</li>
 *   <li>rate: 1 when the PA asks no more than the rate offered, falling to 0 at 20% more;</li>
 *   <li>distance: 1 at the same sector centre, falling to 0 at the nearer of the two limits.</li>
 * </ul>
 * Nothing asked for (no interests, no wanted skills) counts as fully met. The score is the
 * weighted share rounded half up to a whole number.
 */
public final class MatchScoring {

    /** A PA asking this much more than the rate offered (in percent of it) scores 0 for rate. */
    static final int RATE_TOLERANCE_PERCENT = 20;

    private final MatchWeights weights;

    public MatchScoring(MatchWeights weights) {
        this.weights = weights;
    }

    public MatchScore score(MatchWants wants, MatchOffer offer, int sharedInterests, double distanceKm) {
        int overlapMask = wants.availabilityMask() & offer.availabilityMask();
        int overlap = Integer.bitCount(overlapMask);
        int slotsWanted = Integer.bitCount(wants.availabilityMask());
        double availability = slotsWanted == 0 ? 1 : (double) overlap / slotsWanted;

        double interests = wants.interestCount() == 0 ? 1 : Math.min(1, (double) sharedInterests / wants.interestCount());

        int skillsMet = wants.skillsWantedMask() & offer.skillsMask();
        int skillsWanted = Integer.bitCount(wants.skillsWantedMask());
        double skills = skillsWanted == 0 ? 1 : (double) Integer.bitCount(skillsMet) / skillsWanted;

        boolean rateFits = offer.hourlyRatePence() <= wants.hourlyRatePence();
        RateShare rate = rateFits ? RateShare.FULL : rateShare(wants.hourlyRatePence(), offer.hourlyRatePence());

        double limit = Math.min(offer.travelKm(), wants.maxDistanceKm());
        double distance = limit <= 0 ? 1 : Math.max(0, Math.min(1, 1 - distanceKm / limit));

        double weighted = (weights.availability() * availability + weights.interests() * interests
                + weights.skills() * skills + weights.rate() * rate.value() + weights.distance() * distance) / weights.total();
        int score = (int) Math.round(weighted * 100);
        return new MatchScore(Math.max(0, Math.min(100, score)), distanceKm, overlap, overlapMask, sharedInterests, skillsMet, rateFits);
    }

    /**
     * The rate part when the PA asks more than the rate offered, in whole pence until one division
     * at the end: 1 − extra ÷ (offered × 20%) is (offered × 20 − extra × 100) ÷ (offered × 20), not
     * below 0 (nothing offered: 0).
     */
    static RateShare rateShare(long offeredPence, long askedPence) {
        long scale = Math.multiplyExact(offeredPence, RATE_TOLERANCE_PERCENT);
        if (scale <= 0) {
            return RateShare.NONE;
        }
        long left = Math.subtractExact(scale, Math.multiplyExact(Math.subtractExact(askedPence, offeredPence), 100));
        return left <= 0 ? RateShare.NONE : new RateShare(left, scale);
    }

    /**
     * The rate part as an exact fraction of whole numbers from the rates in pence, {@code part ÷ whole}
     * (0 to 1); it becomes a number with decimals only as it is weighed with the other parts.
     */
    record RateShare(long part, long whole) {
        static final RateShare FULL = new RateShare(1, 1);
        static final RateShare NONE = new RateShare(0, 1);

        double value() {
            return (double) part / whole;
        }
    }
}
