package org.dphub.plans;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Optional;
import org.dphub.councils.ContributionBasis;
import org.dphub.councils.CouncilSettings;
import org.dphub.councils.PaymentFrequency;
import org.dphub.councils.ReturnPeriod;
import org.dphub.shared.Money;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * SI 2014/2871 regulation 7: a review within the first 6 months of the direct payment, then at
 * intervals of no more than 12 months. The council may choose shorter periods, never longer.
 */
class ReviewScheduleTest {

    static final CouncilSettings DEFAULTS = CouncilSettings.defaults(false);

    /** A council's settings with its own review periods, built directly so out-of-range values are possible. */
    static CouncilSettings council(int firstReviewMonths, int reviewIntervalMonths) {
        return new CouncilSettings(Money.ofPence(50_000), Money.ofPence(1_000), ReturnPeriod.QUARTERLY, 8,
                PaymentFrequency.FOUR_WEEKLY, Money.ofPence(1_328), Money.ofPence(1_867), firstReviewMonths,
                reviewIntervalMonths, ContributionBasis.NET, 28, false);
    }

    static LocalDate d(String iso) {
        return LocalDate.parse(iso);
    }

    @Test
    void defaultsAreTheStatutoryMaximums() {
        assertThat(DEFAULTS.firstReviewMonths()).isEqualTo(6);
        assertThat(DEFAULTS.reviewIntervalMonths()).isEqualTo(12);
    }

    @Test
    void noReviewsYet_firstReviewSixMonthsAfterTheStart_reg7() {
        // 1 Apr 2026 + 6 months = 1 Oct 2026
        assertThat(ReviewSchedule.nextReviewDue(d("2026-04-01"), Optional.empty(), DEFAULTS)).isEqualTo(d("2026-10-01"));
    }

    @Test
    void afterAReview_nextTwelveMonthsAfterTheLastReview_reg7() {
        // last review 15 Sep 2026 + 12 months = 15 Sep 2027 (counted from the review, not the start)
        assertThat(ReviewSchedule.nextReviewDue(d("2026-04-01"), Optional.of(d("2026-09-15")), DEFAULTS))
                .isEqualTo(d("2027-09-15"));
    }

    @Test
    void aCouncilMayReviewSooner() {
        // first: 1 Apr 2026 + 3 = 1 Jul 2026; then: 20 Jun 2026 + 9 = 20 Mar 2027
        var sooner = council(3, 9);
        assertThat(ReviewSchedule.nextReviewDue(d("2026-04-01"), Optional.empty(), sooner)).isEqualTo(d("2026-07-01"));
        assertThat(ReviewSchedule.nextReviewDue(d("2026-04-01"), Optional.of(d("2026-06-20")), sooner))
                .isEqualTo(d("2027-03-20"));
    }

    @ParameterizedTest(name = "council first {0}, interval {1} → clamped to 6 and 12")
    @CsvSource({"7, 13", "12, 24", "600, 1200"})
    void valuesAboveTheStatutoryMaximumsAreClamped_reg7(int first, int interval) {
        var tooLate = council(first, interval);
        // 1 Apr 2026 + 6 (not 7) = 1 Oct 2026
        assertThat(ReviewSchedule.nextReviewDue(d("2026-04-01"), Optional.empty(), tooLate)).isEqualTo(d("2026-10-01"));
        // 15 Sep 2026 + 12 (not 13) = 15 Sep 2027
        assertThat(ReviewSchedule.nextReviewDue(d("2026-04-01"), Optional.of(d("2026-09-15")), tooLate))
                .isEqualTo(d("2027-09-15"));
    }

    @Test
    void exactlyTheMaximumsAreKept() {
        var max = council(6, 12);
        assertThat(ReviewSchedule.nextReviewDue(d("2026-04-01"), Optional.empty(), max)).isEqualTo(d("2026-10-01"));
        assertThat(ReviewSchedule.nextReviewDue(d("2026-04-01"), Optional.of(d("2026-09-15")), max)).isEqualTo(d("2027-09-15"));
    }

    @ParameterizedTest(name = "start {0} + 6 months = {1}")
    @CsvSource({
            // 31 Aug 2025 + 6 months: 31 Feb 2026 does not exist → the last day, 28 Feb 2026 (still within 6 months)
            "2025-08-31, 2026-02-28",
            // 2024 is a leap year: 31 Aug 2023 + 6 months → 29 Feb 2024
            "2023-08-31, 2024-02-29",
            // 30 Aug 2025 + 6 → 28 Feb 2026; 31 Dec 2025 + 6 → 30 Jun 2026
            "2025-08-30, 2026-02-28",
            "2025-12-31, 2026-06-30",
    })
    void monthEnds_firstReview(LocalDate start, LocalDate due) {
        assertThat(ReviewSchedule.nextReviewDue(start, Optional.empty(), DEFAULTS)).isEqualTo(due);
    }

    @Test
    void monthEnds_reviewOnALeapDay() {
        // last review 29 Feb 2024 + 12 months → 28 Feb 2025 (never 1 Mar, which would be late)
        assertThat(ReviewSchedule.nextReviewDue(d("2023-08-31"), Optional.of(d("2024-02-29")), DEFAULTS))
                .isEqualTo(d("2025-02-28"));
    }
}
