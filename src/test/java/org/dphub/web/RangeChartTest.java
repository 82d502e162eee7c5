package org.dphub.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

/** The range chart: bars from low to high on a whole-pound axis, a suppressed row shows its note only, reference lines named. */
class RangeChartTest {

    static RangeChart chart() {
        return new RangeChart("pay", "Rates", "By district", "10th to 90th percentile", "Median", List.of(
                new RangeChart.Row("SY1", 13.20, 14.00, 14.80, "", "SY1: £13.20 to £14.80, median £14.00"),
                new RangeChart.Row("SY2", null, null, null, "fewer than 5", "SY2: fewer than 5")),
                List.of(new RangeChart.Reference("National Living Wage", 12.71), new RangeChart.Reference("Your council's PA rate", 13.28)));
    }

    @Test
    void theAxisRunsInWholePoundsFromBelowTheLowestToAboveTheHighest_referencesIncluded() {
        RangeChart chart = chart();
        assertThat(chart.low()).as("below £12.71").isEqualTo(12.0);
        assertThat(chart.high()).as("above £14.80").isEqualTo(16.0);
        assertThat(chart.ticks()).extracting(RangeChart.Tick::text).containsExactly("£12", "£13", "£14", "£15", "£16");
    }

    @Test
    void aRowIsABarFromLowToHighWithADiamondAtTheMedian_aSuppressedRowOnlyItsNote() {
        RangeChart chart = chart();
        RangeChart.DrawnRow sy1 = chart.drawnRows().get(0);
        double from = Double.parseDouble(sy1.rangeX());
        double width = Double.parseDouble(sy1.rangeWidth());
        assertThat(from).isCloseTo(chart.x(13.20), Offset.offset(0.1));
        assertThat(from + width).isCloseTo(chart.x(14.80), Offset.offset(0.1));
        assertThat(sy1.medianPath()).startsWith("M" + RangeChart.num(chart.x(14.00)) + " ");
        assertThat(sy1.text()).isEqualTo("SY1: £13.20 to £14.80, median £14.00");
        RangeChart.DrawnRow sy2 = chart.drawnRows().get(1);
        assertThat(sy2.rangeWidth()).as("no bar").isEmpty();
        assertThat(sy2.medianPath()).isEmpty();
        assertThat(sy2.note()).isEqualTo("fewer than 5");
    }

    @Test
    void referenceLinesHaveTheirNameAndAmountAndDifferentDashes() {
        List<RangeChart.DrawnReference> refs = chart().drawnReferences();
        assertThat(refs).extracting(RangeChart.DrawnReference::name)
                .containsExactly("National Living Wage £12.71", "Your council's PA rate £13.28");
        assertThat(refs.get(0).dash()).isNotEqualTo(refs.get(1).dash());
        assertThat(refs.get(0).labelY()).isNotEqualTo(refs.get(1).labelY());
    }
}
