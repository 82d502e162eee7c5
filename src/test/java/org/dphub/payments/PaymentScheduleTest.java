package org.dphub.payments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.dphub.councils.PaymentFrequency;
import org.dphub.shared.Money;
import org.junit.jupiter.api.Test;

class PaymentScheduleTest {

    static PaymentSchedule schedule(PaymentFrequency frequency, LocalDate first) {
        return new PaymentSchedule(1, 1, frequency, Money.ofPence(10_000), Money.ofPence(2_500), first);
    }

    @Test
    void dueDatesStepByTheFrequencyFromTheFirstPayment() {
        LocalDate first = LocalDate.of(2026, 1, 31);
        assertThat(schedule(PaymentFrequency.WEEKLY, first).dueDate(2)).isEqualTo(LocalDate.of(2026, 2, 14));
        assertThat(schedule(PaymentFrequency.FOUR_WEEKLY, first).dueDate(1)).isEqualTo(LocalDate.of(2026, 2, 28));
        // calendar months from 31 January: 28 February, 31 March (not drifting to the 28th)
        assertThat(schedule(PaymentFrequency.MONTHLY, first).dueDate(1)).isEqualTo(LocalDate.of(2026, 2, 28));
        assertThat(schedule(PaymentFrequency.MONTHLY, first).dueDate(2)).isEqualTo(LocalDate.of(2026, 3, 31));
    }

    @Test
    void nothingIsDueBeforeTheFirstPaymentDateAndTheFirstIsDueOnIt() {
        LocalDate first = LocalDate.of(2026, 12, 7);
        for (PaymentFrequency frequency : PaymentFrequency.values()) {
            assertThat(schedule(frequency, first).periodsDueBy(first.minusDays(1))).isZero();
            assertThat(schedule(frequency, first).periodsDueBy(first)).isEqualTo(1);
        }
        assertThat(schedule(PaymentFrequency.FOUR_WEEKLY, first).periodsDueBy(first.plusDays(27))).isEqualTo(1);
        assertThat(schedule(PaymentFrequency.FOUR_WEEKLY, first).periodsDueBy(first.plusDays(28))).isEqualTo(2);
    }

    @Property
    void periodsDueByAgreesWithTheDueDates(@ForAll PaymentFrequency frequency, @ForAll @IntRange(min = 0, max = 3000) int days,
                                           @ForAll @IntRange(min = 1, max = 28) int firstDay) {
        LocalDate first = LocalDate.of(2026, 1, firstDay);
        PaymentSchedule schedule = schedule(frequency, first);
        LocalDate day = first.plusDays(days);
        int due = schedule.periodsDueBy(day);
        // every period counted is due on or before the day, and the next one is after it
        assertThat(schedule.dueDate(due - 1)).isBeforeOrEqualTo(day);
        assertThat(schedule.dueDate(due)).isAfter(day);
    }

    @Test
    void surplusIsBalanceLessCommittedLessTheWeeksToKeepNeverBelowZero() {
        // £3,000 − £200 committed − 8 × £250 = £800
        SurplusCalculation surplus = SurplusCalculation.of(Money.ofPounds(3_000), Money.ofPounds(200), 8, Money.ofPounds(250));
        assertThat(surplus.keep()).isEqualTo(Money.ofPounds(2_000));
        assertThat(surplus.surplus()).isEqualTo(Money.ofPounds(800));
        assertThat(SurplusCalculation.of(Money.ofPounds(1_000), Money.ZERO, 8, Money.ofPounds(250)).surplus()).isEqualTo(Money.ZERO);
        // exactly at the line: nothing to recover
        assertThat(SurplusCalculation.of(Money.ofPounds(2_000), Money.ZERO, 8, Money.ofPounds(250)).surplus()).isEqualTo(Money.ZERO);
        assertThat(SurplusCalculation.of(Money.ofPence(200_001), Money.ZERO, 8, Money.ofPounds(250)).surplus()).isEqualTo(Money.ofPence(1));
    }

    @Test
    void aPostingMustBalance() {
        LocalDate day = LocalDate.of(2026, 12, 1);
        Posting funding = Posting.funding(1, "k", 7, Money.ofPence(500), day, "Payment");
        assertThat(funding.legs().stream().map(Posting.Leg::amount).reduce(Money.ZERO, Money::plus)).isEqualTo(Money.ZERO);
        assertThatThrownBy(() -> new Posting(1, "k", LedgerKind.CORRECTION, day, "x",
                List.of(new Posting.Leg(Book.ACCOUNT, 7L, Money.ofPence(5)), new Posting.Leg(Book.COUNCIL, null, Money.ofPence(-4)))))
                .hasMessageContaining("not zero");
        assertThatThrownBy(() -> new Posting.Leg(Book.COUNCIL, 7L, Money.ofPence(5))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Posting.Leg(Book.ACCOUNT, 7L, Money.ZERO)).isInstanceOf(IllegalArgumentException.class);
    }
}
