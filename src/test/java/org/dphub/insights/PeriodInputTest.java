package org.dphub.insights;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Locale;
import org.dphub.support.ShippedMessages;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.dphub.web.FormErrors;
import org.junit.jupiter.api.Test;

/** The period a figure covers: the last 12 months by default; never backwards, never over 5 years. */
class PeriodInputTest {

    static final LocalDate TODAY = LocalDate.of(2026, 12, 4);
    FormErrors errors = new FormErrors(messages(), Locale.ENGLISH);

    static ResourceBundleMessageSource messages() {
        return ShippedMessages.source();
    }

    @Test
    void noDatesIsTheLastTwelveMonthsToToday() {
        Period p = PeriodInput.read(null, null, TODAY, errors);
        assertThat(p).isEqualTo(new Period(LocalDate.of(2025, 12, 5), TODAY));
        assertThat(p.months()).hasSize(13).startsWith(YearMonth.of(2025, 12)).endsWith(YearMonth.of(2026, 12));
        assertThat(p.endOf(YearMonth.of(2026, 12))).as("the last month ends on the period's last day").isEqualTo(TODAY);
    }

    @Test
    void anEndBeforeTheStartIsRefusedOnTheEndDate() {
        assertThat(PeriodInput.read(LocalDate.of(2026, 5, 1), LocalDate.of(2026, 4, 30), TODAY, errors)).isNull();
        assertThat(errors.message("to")).isEqualTo("The end date must be the same as or after the start date");
    }

    @Test
    void moreThanFiveYearsIsRefused_exactlyFiveIsNot() {
        assertThat(PeriodInput.read(LocalDate.of(2021, 1, 1), LocalDate.of(2026, 1, 1), TODAY, errors)).isNotNull();
        assertThat(PeriodInput.read(LocalDate.of(2021, 1, 1), LocalDate.of(2026, 1, 2), TODAY, errors)).isNull();
        assertThat(errors.message("to")).isEqualTo("The period must be 5 years or shorter");
    }

    @Test
    void oneDayIsAPeriod() {
        Period p = PeriodInput.read(TODAY, TODAY, TODAY, errors);
        assertThat(p.months()).containsExactly(YearMonth.of(2026, 12));
    }
}
