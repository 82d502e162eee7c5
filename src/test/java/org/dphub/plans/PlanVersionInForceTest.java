package org.dphub.plans;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.dphub.councils.PaymentFrequency;
import org.dphub.shared.Money;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Which version of a care and support plan is in force on a day ({@link CarePlans#inForce}, issue 3):
 * the newest version that covers the day; a temporary change covers only its dates (end date
 * included) and then the plan falls back by itself; before the first start date, the first
 * version (the plan as agreed) is shown.
 */
class PlanVersionInForceTest {

    static PlanVersion version(int number, String start, String end) {
        return new PlanVersion(100 + number, 10, 1, 1, number, LocalDate.parse(start), end == null ? null : LocalDate.parse(end),
                "Personal care", HowNeedsMet.DIRECT_PAYMENT_FULL, PaymentFrequency.FOUR_WEEKLY, Money.ZERO, "", "",
                List.of("Stay at home"), List.of(), Money.ZERO, Money.ZERO, Money.ZERO, "practitioner", Instant.EPOCH);
    }

    static final PlanVersion V1 = version(1, "2026-04-01", null);          // permanent from 1 Apr
    static final PlanVersion V2 = version(2, "2026-06-01", "2026-06-30");  // temporary 1–30 Jun
    static final PlanVersion V3 = version(3, "2026-08-01", null);          // permanent from 1 Aug
    static final List<PlanVersion> PLAN = List.of(V1, V2, V3);

    static int inForce(List<PlanVersion> versions, String day) {
        return CarePlans.inForce(versions, LocalDate.parse(day)).version();
    }

    @ParameterizedTest(name = "on {0}: version {1}")
    @CsvSource({
            "2026-04-01, 1",   // v1's first day
            "2026-05-31, 1",   // the day before the temporary change
            "2026-06-01, 2",   // the temporary change's first day
            "2026-06-15, 2",
            "2026-06-30, 2",   // a temporary version ending on day D still covers D
            "2026-07-01, 1",   // falls back to v1 by itself
            "2026-07-31, 1",
            "2026-08-01, 3",   // v3's first day
            "2026-08-02, 3",
            "2030-01-01, 3",
    })
    void newestVersionCoveringTheDay(String day, int expected) {
        assertThat(inForce(PLAN, day)).isEqualTo(expected);
    }

    @Test
    void aLaterTemporaryChangeFallsBackToTheNewestPermanentVersion() {
        // v4 temporary 1–30 Sep, after v3: on 15 Sep v4; on 1 Oct v3 (not v1)
        var plan = List.of(V1, V2, V3, version(4, "2026-09-01", "2026-09-30"));
        assertThat(inForce(plan, "2026-09-15")).isEqualTo(4);
        assertThat(inForce(plan, "2026-09-30")).isEqualTo(4);
        assertThat(inForce(plan, "2026-10-01")).isEqualTo(3);
    }

    @Test
    void coversDay_endDateIncluded() {
        assertThat(V2.coversDay(LocalDate.parse("2026-06-30"))).isTrue();
        assertThat(V2.coversDay(LocalDate.parse("2026-07-01"))).isFalse();
        assertThat(V2.coversDay(LocalDate.parse("2026-05-31"))).isFalse();
        assertThat(V2.isTemporary()).isTrue();
        assertThat(V1.isTemporary()).isFalse();
    }

    @Test
    void beforeAnyStartDate_aSingleVersionIsShown() {
        assertThat(inForce(List.of(V1), "2026-03-01")).isEqualTo(1);
    }

    @Test
    void beforeAnyStartDate_theFirstVersionIsShown() {
        assertThat(inForce(PLAN, "2026-03-01")).isEqualTo(1);
        assertThat(inForce(List.of(V1, V2), "2026-03-01")).isEqualTo(1);
    }
}
