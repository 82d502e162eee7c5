package org.dphub.payments;

import java.util.List;

import java.time.LocalDate;
import org.dphub.councils.PaymentFrequency;
import org.dphub.shared.Money;

/**
 * A regular payment, in advance, every week, 4 weeks or month from the first payment date.
 * Period n (from 0) is due on {@link #dueDate(int)}.
 */
public record PaymentSchedule(long id, long accountId, PaymentFrequency frequency, Money regularPayment,
                              Money weeklyBudget, LocalDate firstPaymentDate, List<Change> changes) {

    /** From a date, a different regular payment: a plan change, a suspension (zero) or a resumption. */
    public record Change(LocalDate effectiveFrom, Money regularPayment, Money weeklyBudget, String reason) {
    }

    public PaymentSchedule {
        changes = changes.stream().sorted(java.util.Comparator.comparing(Change::effectiveFrom)).toList();
    }

    public PaymentSchedule(long id, long accountId, PaymentFrequency frequency, Money regularPayment, Money weeklyBudget,
                           LocalDate firstPaymentDate) {
        this(id, accountId, frequency, regularPayment, weeklyBudget, firstPaymentDate, List.of());
    }

    /** The regular payment for a period due on this day: the latest change in force, or the first amount. */
    public Money regularPaymentOn(LocalDate due) {
        return changeOn(due).map(Change::regularPayment).orElse(regularPayment);
    }

    /** The weekly budget in force on a day (for the surplus: weeks to keep × this). */
    public Money weeklyBudgetOn(LocalDate day) {
        return changeOn(day).map(Change::weeklyBudget).orElse(weeklyBudget);
    }

    private java.util.Optional<Change> changeOn(LocalDate day) {
        Change inForce = null;
        for (Change change : changes) { // sorted by date; of two on the same day the later one counts
            if (!change.effectiveFrom().isAfter(day)) {
                inForce = change;
            }
        }
        return java.util.Optional.ofNullable(inForce);
    }

    public LocalDate dueDate(int period) {
        return switch (frequency) {
            case WEEKLY -> firstPaymentDate.plusWeeks(period);
            case FOUR_WEEKLY -> firstPaymentDate.plusWeeks(4L * period);
            // calendar months from the first date: 31 January, 28/29 February, 31 March...
            case MONTHLY -> firstPaymentDate.plusMonths(period);
        };
    }

    /** How many periods are due on or before a day (0 before the first payment date). */
    public int periodsDueBy(LocalDate day) {
        if (day.isBefore(firstPaymentDate)) {
            return 0;
        }
        int periods = switch (frequency) {
            case WEEKLY -> (int) (java.time.temporal.ChronoUnit.WEEKS.between(firstPaymentDate, day));
            case FOUR_WEEKLY -> (int) (java.time.temporal.ChronoUnit.WEEKS.between(firstPaymentDate, day) / 4);
            case MONTHLY -> (int) java.time.temporal.ChronoUnit.MONTHS.between(firstPaymentDate, day);
        };
        // guard against month-end arithmetic: step until the next due date is after the day
        while (!dueDate(periods + 1).isAfter(day)) {
            periods++;
        }
        while (periods >= 0 && dueDate(periods).isAfter(day)) {
            periods--;
        }
        return periods + 1;
    }
}
