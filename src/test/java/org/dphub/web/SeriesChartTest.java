package org.dphub.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The bar and line chart: bars as tall as their numbers, a round top, gaps left as gaps, a pattern or shape a series. */
class SeriesChartTest {

    static SeriesChart.Series series(String name, Double... values) {
        return new SeriesChart.Series(name, Arrays.asList(values));
    }

    @Test
    void barsAreAsTallAsTheirNumbersAgainstARoundTop() {
        SeriesChart chart = SeriesChart.bars("c", "t", "d", List.of("Jan", "Feb"),
                List.of(series("With a direct payment", 3.0, 6.0), series("With a plan", 7.0, 10.0)));
        assertThat(chart.top()).as("four steps of 2.5 cover 10").isEqualTo(10.0);
        List<SeriesChart.Bar> bars = chart.bars();
        assertThat(bars).hasSize(4);
        double plot = SeriesChart.HEIGHT - SeriesChart.TOP - SeriesChart.BOTTOM;
        assertThat(Double.parseDouble(bars.get(3).height())).as("10 of 10 fills the plot").isCloseTo(plot, org.assertj.core.data.Offset.offset(0.1));
        assertThat(Double.parseDouble(bars.get(0).height())).isCloseTo(plot * 0.3, org.assertj.core.data.Offset.offset(0.1));
        assertThat(bars.get(1).series()).isEqualTo(1);
        assertThat(chart.fill(1)).isEqualTo("url(#c-pattern-1)");
        assertThat(bars.get(2).label()).isEqualTo("Feb, With a direct payment: 6");
        assertThat(bars.get(2).text()).as("few bars: each number written above its bar").isEqualTo("6");
        assertThat(chart.valueLabels()).extracting(SeriesChart.Label::text).containsExactly("0", "2.5", "5", "7.5", "10");
    }

    @Test
    void aMissingValueIsLeftOutNotDrawnAsZero_andBreaksTheLine() {
        SeriesChart chart = SeriesChart.lines("t", "t", "d", List.of("Jan", "Feb", "Mar", "Apr"),
                List.of(series("Median days", 19.0, null, 12.5, 14.0)));
        SeriesChart.Line line = chart.lines().get(0);
        assertThat(line.markers()).hasSize(3);
        assertThat(line.segments()).as("Jan alone, then Mar to Apr: nothing drawn across February").hasSize(2);
        assertThat(line.segments().get(0).split(" ")).hasSize(1);
        assertThat(line.segments().get(1).split(" ")).hasSize(2);
        assertThat(line.markers().get(1).label()).isEqualTo("Mar, Median days: 12.5");
    }

    @Test
    void eachLineHasItsOwnMarkerShape() {
        assertThat(SeriesChart.marker(0, 10, 10)).contains("a5 5");
        assertThat(SeriesChart.marker(1, 10, 10)).contains("h9v9");
        assertThat(SeriesChart.marker(2, 10, 10)).contains("l6 10.5");
    }

    @Test
    void nothingAtAllStillHasAnAxis() {
        SeriesChart chart = SeriesChart.bars("c", "t", "d", List.of("Jan"), List.of(series("People", 0.0)));
        assertThat(chart.top()).isEqualTo(4.0);
        assertThat(chart.valueLabels()).extracting(SeriesChart.Label::text).containsExactly("0", "1", "2", "3", "4");
    }

    @Test
    void manyMonthsShowEveryOtherLabel() {
        List<String> months = List.of("1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12", "13");
        SeriesChart chart = SeriesChart.bars("c", "t", "d", months,
                List.of(new SeriesChart.Series("n", months.stream().map(m -> 1.0).toList())));
        assertThat(chart.categoryLabels()).extracting(SeriesChart.Label::text).containsExactly("1", "3", "5", "7", "9", "11", "13");
        assertThat(chart.bars()).as("13 bars: too many to write on").allMatch(b -> b.text().isEmpty());
    }

    @Test
    void aSeriesMustHaveAValueForEachCategory() {
        assertThatThrownBy(() -> SeriesChart.bars("c", "t", "d", List.of("Jan", "Feb"), List.of(series("n", 1.0))))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aSuppressedBarIsALabelledGapOnTheAxis_notABarOfZero() {
        SeriesChart chart = SeriesChart.bars("share", "t", "d", List.of("Small", "Large", "Empty"),
                List.of(series("Share with a direct payment (%)", null, 58.3, null)))
                .withGaps(new SeriesChart.Gaps("Fewer than 5: not shown", "<5", Arrays.asList("Small: fewer than 5", null, null)));
        assertThat(chart.bars()).hasSize(1);
        assertThat(chart.hasGaps()).isTrue();
        List<SeriesChart.Gap> gaps = chart.gapsDrawn();
        assertThat(gaps).as("only the suppressed one; a council with nothing to show is no gap").hasSize(1);
        SeriesChart.Gap gap = gaps.get(0);
        assertThat(gap.label()).isEqualTo("Small: fewer than 5");
        assertThat(gap.text()).isEqualTo("<5");
        assertThat(Double.parseDouble(gap.y()) + Double.parseDouble(gap.height())).as("stands on the axis")
                .isCloseTo(Double.parseDouble(chart.axisBottom()), org.assertj.core.data.Offset.offset(0.1));
        assertThat(Double.parseDouble(gap.x())).isLessThan(Double.parseDouble(chart.bars().get(0).x()));
        assertThatThrownBy(() -> chart.withGaps(new SeriesChart.Gaps("l", "m", List.of())))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(SeriesChart.bars("c", "t", "d", List.of("a"), List.of(series("s", 1.0))).hasGaps()).isFalse();
    }
}
