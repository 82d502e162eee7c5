package org.dphub.plans;

import java.time.LocalDate;
import java.util.Optional;
import org.dphub.councils.CouncilSettings;

/**
 * Regulation 7: a first review within the council's first-review months (never more than 6) of
 * the direct payment starting, then within the review interval (never more than 12 months) of the
 * last review.
 */
public final class ReviewSchedule {

    private ReviewSchedule() {
    }

    public static LocalDate nextReviewDue(LocalDate startDate, Optional<LocalDate> lastReview, CouncilSettings settings) {
        int first = firstReviewMonths(settings);
        int interval = reviewIntervalMonths(settings);
        return lastReview.map(r -> r.plusMonths(interval)).orElse(startDate.plusMonths(first));
    }

    /** Months from the start to the first review: the council's choice, never more than 6. */
    public static int firstReviewMonths(CouncilSettings settings) {
        return Math.min(settings.firstReviewMonths(), CouncilSettings.MAX_FIRST_REVIEW_MONTHS);
    }

    /** Months from one review to the next: the council's choice, never more than 12. */
    public static int reviewIntervalMonths(CouncilSettings settings) {
        return Math.min(settings.reviewIntervalMonths(), CouncilSettings.MAX_REVIEW_INTERVAL_MONTHS);
    }
}
