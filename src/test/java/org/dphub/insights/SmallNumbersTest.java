package org.dphub.insights;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Small-number suppression: counts of 1 to 4 hidden, 0 and 5 upwards shown; a figure hidden when any
 * count it comes from is; a total hidden when any count in its column is; and the national view's
 * rows built from two councils' reports by those rules.
 */
class SmallNumbersTest {

    @Test
    void countsFromOneToFourAreHiddenAndZeroAndFiveUpwardsShown() {
        assertThat(SmallNumbers.count(0)).isEqualTo(NationalCell.shown(0L));
        for (long n = 1; n <= 4; n++) {
            assertThat(SmallNumbers.count(n)).as(n + "").isEqualTo(NationalCell.SUPPRESSED);
        }
        assertThat(SmallNumbers.count(5)).isEqualTo(NationalCell.shown(5L));
        assertThat(SmallNumbers.count(1_000_000)).isEqualTo(NationalCell.shown(1_000_000L));
        assertThatThrownBy(() -> SmallNumbers.count(-1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aFigureFromFewerThanFivePeopleOrFromAHiddenNumeratorIsHidden() {
        // a median of 4 events
        assertThat(SmallNumbers.figure(new BigDecimal("19"), 4)).isEqualTo(NationalCell.SUPPRESSED);
        assertThat(SmallNumbers.figure(new BigDecimal("19"), 5)).isEqualTo(NationalCell.shown(new BigDecimal("19")));
        // 3 of 40 is 7.5%: shown with 40 it would give the 3 away
        assertThat(SmallNumbers.figure(new BigDecimal("7.5"), 3, 40)).isEqualTo(NationalCell.SUPPRESSED);
        assertThat(SmallNumbers.figure(new BigDecimal("0.0"), 0, 40)).as("none of 40 is no one's data")
                .isEqualTo(NationalCell.shown(new BigDecimal("0.0")));
        // nothing to work out: no value, not hidden
        assertThat(SmallNumbers.figure(null, 0)).isEqualTo(NationalCell.NONE);
        assertThat(SmallNumbers.figure(null, 0, 0)).isEqualTo(NationalCell.NONE);
    }

    @Test
    void aTotalIsHiddenWhenAnyCountInItsColumnIsHidden() {
        NationalCell seven = SmallNumbers.count(7);
        NationalCell three = SmallNumbers.count(3);
        NationalCell one = SmallNumbers.count(1);
        assertThat(SmallNumbers.total(List.of(seven, SmallNumbers.count(0), SmallNumbers.count(12))))
                .isEqualTo(NationalCell.shown(19L));
        assertThat(SmallNumbers.total(List.of(seven, three))).as("exactly one hidden: 10 − 7 = 3").isEqualTo(NationalCell.SUPPRESSED);
        assertThat(SmallNumbers.total(List.of(seven, one, SmallNumbers.count(1))))
                .as("two hidden that total 2 are both 1, so two are not enough either").isEqualTo(NationalCell.SUPPRESSED);
        assertThat(SmallNumbers.total(List.of(NationalCell.DOES_NOT_APPLY, seven))).as("a Welsh council adds nothing to ASCOF")
                .isEqualTo(NationalCell.shown(7L));
        assertThat(SmallNumbers.total(List.of(NationalCell.DOES_NOT_APPLY))).isEqualTo(NationalCell.DOES_NOT_APPLY);
        assertThat(SmallNumbers.total(List.of())).isEqualTo(NationalCell.DOES_NOT_APPLY);
    }

    @Test
    void theNationalRowsAreEachCouncilsFiguresSuppressedWithWalesOutOfAscof() {
        InsightsReport small = report(1, "small", true, 3, 40, 3, 2, 28, 6, new Ascof3d.Measure(4, 30, new BigDecimal("13.3")));
        InsightsReport large = report(2, "large", false, 7, 12, 7, 0, 20, 9, null);
        NationalReport national = NationalReport.of(period(), NationalColumns.ALL, List.of(
                new NationalReport.CouncilFigures("Small Borough", "Bwrdeistref Fach", small),
                new NationalReport.CouncilFigures("Large County", "Sir Fawr", large)));

        assertThat(national.rows()).extracting(NationalReport.Row::councilCode).containsExactly("large", "small");
        NationalReport.Row s = national.rows().get(1);
        assertThat(s.cell("newDirectPayments")).isEqualTo(NationalCell.SUPPRESSED);
        assertThat(s.cell("activeDirectPayments")).isEqualTo(NationalCell.SUPPRESSED);
        assertThat(s.cell("peopleWithPlan")).isEqualTo(NationalCell.shown(40L));
        assertThat(s.cell("sharePercent")).as("3 of 40").isEqualTo(NationalCell.SUPPRESSED);
        assertThat(s.cell("endedDirectPayments")).isEqualTo(NationalCell.SUPPRESSED);
        assertThat(s.cell("timeToMoneyCount")).isEqualTo(NationalCell.shown(28L));
        assertThat(s.cell("timeToMoneyMedianDays")).isEqualTo(NationalCell.shown(new BigDecimal("19.0")));
        assertThat(s.cell("timeToMoneyWithinTarget")).isEqualTo(NationalCell.shown(6L));
        assertThat(s.cell("ascof3dNumerator")).isEqualTo(NationalCell.SUPPRESSED);
        assertThat(s.cell("ascof3dDenominator")).isEqualTo(NationalCell.shown(30L));
        assertThat(s.cell("ascof3dPercent")).isEqualTo(NationalCell.SUPPRESSED);

        NationalReport.Row l = national.rows().get(0);
        assertThat(l.cell("newDirectPayments")).isEqualTo(NationalCell.shown(7L));
        assertThat(l.cell("sharePercent")).isEqualTo(NationalCell.shown(new BigDecimal("58.3")));
        assertThat(l.cell("endedDirectPayments")).isEqualTo(NationalCell.shown(0L));
        assertThat(l.cell("oneOffsCount")).isEqualTo(NationalCell.shown(0L));
        assertThat(l.cell("oneOffsMedianHours")).as("no one-offs: no median").isEqualTo(NationalCell.NONE);
        assertThat(l.cell("ascof3dNumerator")).isEqualTo(NationalCell.DOES_NOT_APPLY);
        assertThat(l.cell("ascof3dPercent")).isEqualTo(NationalCell.DOES_NOT_APPLY);

        assertThat(national.totals().get("newDirectPayments")).as("7 + a hidden 3").isEqualTo(NationalCell.SUPPRESSED);
        assertThat(national.totals().get("peopleWithPlan")).isEqualTo(NationalCell.shown(52L));
        assertThat(national.totals().get("timeToMoneyCount")).isEqualTo(NationalCell.shown(48L));
        assertThat(national.totals().get("ascof3dDenominator")).as("England only").isEqualTo(NationalCell.shown(30L));
        assertThat(national.totals()).doesNotContainKey("sharePercent");
    }

    @Test
    void aFigureMustNameCountColumnsBeforeIt() {
        assertThatThrownBy(() -> NationalColumns.checked(List.of(
                NationalColumn.figure("share", "h", NationalColumn.Kind.PERCENT, r -> null, "active"),
                NationalColumn.count("active", "h", r -> 1))))
                .hasMessageContaining("share is based on active");
        assertThatThrownBy(() -> NationalColumn.figure("median", "h", NationalColumn.Kind.DAYS, r -> null))
                .isInstanceOf(IllegalArgumentException.class);
    }

    static Period period() {
        return new Period(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 6, 30));
    }

    static InsightsReport report(long id, String code, boolean england, long active, long withPlan, long started, long ended,
                                 long firstPayments, long withinTarget, Ascof3d.Measure part2a) {
        Uptake uptake = new Uptake(active, withPlan, Percent.of(active, withPlan), started, ended, List.of());
        TimeToMoney time = new TimeToMoney(new BigDecimal("19.0"), new BigDecimal("40.2"), Percent.of(withinTarget, firstPayments),
                firstPayments, withinTarget, 28, List.of());
        OneOffTimes oneOffs = new OneOffTimes(null, null, 0, List.of(new OneOffTimes.Month(YearMonth.of(2026, 1), 0, null, null)));
        Ascof3d ascof = part2a == null ? null : new Ascof3d(period().to(), part2a, part2a);
        return new InsightsReport(new Figure.CouncilFacts(id, code, england, 28), period(), uptake, time, oneOffs, ascof,
                null, null, new MoneyReturned(0, 0, List.of(), new MoneyReturned.AboveLimit(0, 0, period().to(), 8)),
                new PaMarket(0, 0, null, 0, List.of()), new MonitoringEffort(0, 0, 0, List.of(), List.of(), List.of()),
                new Reviews(0, 0, 0, 0, null, 6, 12, List.of()), new HowSupportIsTaken(period().to(), List.of(), List.of()));
    }
}
