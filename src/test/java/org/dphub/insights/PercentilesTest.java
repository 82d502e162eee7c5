package org.dphub.insights;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Medians and percentiles as PostgreSQL's percentile_cont and a spreadsheet's PERCENTILE.INC give them. */
class PercentilesTest {

    @Test
    void theMedianOfAnOddCountIsTheMiddleValue() {
        assertThat(Percentiles.ofValues(19, 3, 40).median()).isEqualTo(19.0);
    }

    @Test
    void theMedianOfAnEvenCountIsHalfWayBetweenTheMiddleTwo() {
        assertThat(Percentiles.ofValues(3, 5, 8, 20).median()).isEqualTo(6.5);
    }

    @Test
    void theNinetiethPercentileInterpolatesBetweenRanks() {
        // 1..10: rank 0.9 × 9 = 8.1, so 9 + 0.1 × (10 − 9) = 9.1 (PERCENTILE.INC gives 9.1)
        assertThat(Percentiles.ofValues(1, 2, 3, 4, 5, 6, 7, 8, 9, 10).percentile(0.9)).isCloseTo(9.1, org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void aHistogramGivesTheSameAnswerAsTheValuesOneByOne() {
        Percentiles fromCounts = Percentiles.of(Map.of(10L, 3L, 20L, 1L, 30L, 2L));
        Percentiles fromValues = Percentiles.ofValues(10, 10, 10, 20, 30, 30);
        assertThat(fromCounts.count()).isEqualTo(6);
        assertThat(fromCounts.median()).isEqualTo(fromValues.median()).isEqualTo(15.0);
        assertThat(fromCounts.percentile(0.9)).isEqualTo(fromValues.percentile(0.9)).isEqualTo(30.0);
        assertThat(fromCounts.percentile(0)).isEqualTo(10.0);
        assertThat(fromCounts.percentile(1)).isEqualTo(30.0);
    }

    @Test
    void countsAtMostALimit() {
        Percentiles p = Percentiles.ofValues(5, 28, 29, 60);
        assertThat(p.atMost(28)).as("the target day itself is within target").isEqualTo(2);
        assertThat(p.atMost(4)).isZero();
    }

    @Test
    void nothingToCountHasNoMedian() {
        Percentiles none = Percentiles.of(Map.of(7L, 0L));
        assertThat(none.count()).isZero();
        assertThat(none.median()).isNull();
        assertThat(none.percentile(0.9)).isNull();
    }

    @Test
    void aPercentileOutsideZeroToOneOrANegativeCountIsAMistake() {
        assertThatThrownBy(() -> Percentiles.ofValues(1).percentile(1.5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Percentiles.of(Map.of(1L, -1L))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void percentagesAndDaysRoundHalfUpToOneDecimalPlace() {
        assertThat(Percent.of(1, 3)).isEqualByComparingTo("33.3");
        assertThat(Percent.of(2, 3)).isEqualByComparingTo("66.7");
        assertThat(Percent.of(1, 0)).isNull();
        assertThat(Percent.oneDecimal(6.25)).isEqualByComparingTo("6.3");
    }
}
