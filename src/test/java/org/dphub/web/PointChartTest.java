package org.dphub.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The map-like chart puts places where a map would, sizes them by their number and bands them in thirds. */
class PointChartTest {

    @Test
    void northIsUpEastIsRightAndEverythingFitsInsideTheMargin() {
        PointChart chart = PointChart.of("c", "Title", "Description", List.of(
                new PointChart.Place("SY1", 52.71, -2.75, 1),
                new PointChart.Place("CH7", 53.17, -3.14, 3),
                new PointChart.Place("LL11", 53.04, -3.00, 0)));
        PointChart.Point sy1 = chart.points().get(0);
        PointChart.Point ch7 = chart.points().get(1);
        assertThat(ch7.y()).as("CH7 is north of SY1, so higher up").isLessThan(sy1.y());
        assertThat(sy1.x()).as("SY1 is east of CH7, so to the right").isGreaterThan(ch7.x());
        for (PointChart.Point p : chart.points()) {
            assertThat(p.x()).isBetween((double) PointChart.MARGIN - 1, (double) PointChart.WIDTH - PointChart.MARGIN + 1);
            assertThat(p.y()).isBetween((double) PointChart.MARGIN - 1, (double) PointChart.HEIGHT - PointChart.MARGIN + 1);
        }
        assertThat(ch7.r()).isGreaterThan(sy1.r());
        assertThat(chart.points().get(2).fill()).as("no gaps: no pattern").isEqualTo("#ffffff");
        assertThat(ch7.fill()).isEqualTo("url(#pattern-3)");
        assertThat(chart.viewBox()).isEqualTo("0 0 640 420");
    }

    @Test
    void bandsAreThirdsOfTheLargest() {
        assertThat(PointChart.band(0, 9)).isZero();
        assertThat(PointChart.band(1, 9)).isEqualTo(1);
        assertThat(PointChart.band(3, 9)).isEqualTo(1);
        assertThat(PointChart.band(4, 9)).isEqualTo(2);
        assertThat(PointChart.band(7, 9)).isEqualTo(3);
        assertThat(PointChart.band(9, 9)).isEqualTo(3);
        assertThat(PointChart.band(1, 1)).isEqualTo(1);
    }

    @Test
    void onePlaceIsInTheMiddleAndNonePlacesDrawNothing() {
        PointChart one = PointChart.of("c", "t", "d", List.of(new PointChart.Place("ZE1", 60.15, -1.17, 2)));
        assertThat(one.points().get(0).cx()).isEqualTo("320.0");
        assertThat(one.points().get(0).cy()).isEqualTo("210.0");
        assertThat(PointChart.of("c", "t", "d", List.of()).points()).isEmpty();
    }
}
