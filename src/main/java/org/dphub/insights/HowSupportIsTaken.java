package org.dphub.insights;

import java.time.LocalDate;
import java.util.List;

/**
 * How each part of a budget is taken, and who holds the direct payments, on the period's last day
 * (issues 16 and 18). {@code byMechanism}: for each delivery mechanism, the people whose plan in
 * force that day has a line taken that way and the weekly money of those lines (a one-off line has
 * none); a person with lines taken two ways counts under each. {@code byRecipient}: for adults,
 * carers and children, the people with a plan in force and the direct payments in force, and of
 * those how the money is held (a bank account, a prepaid card or a managed account).
 */
public record HowSupportIsTaken(LocalDate asAt, List<Mechanism> byMechanism, List<Recipient> byRecipient) {

    /** In the order shown; the names of plans.DeliveryMechanism. */
    public static final List<String> MECHANISMS = List.of("DIRECT_PAYMENT", "INDIVIDUAL_SERVICE_FUND", "COUNCIL_MANAGED_BUDGET",
            "COUNCIL_COMMISSIONED");
    /** In the order shown; the names of plans.RecipientKind. */
    public static final List<String> RECIPIENTS = List.of("ADULT", "CARER", "CHILD");

    public record Mechanism(String mechanism, long people, long weeklyPence) {
    }

    public record Recipient(String recipientKind, long peopleWithPlan, long directPayments, long bankAccounts, long prepaidCards,
                            long managedAccounts) {
    }

    /** The weekly money of every line in force. */
    public long weeklyPence() {
        return byMechanism.stream().mapToLong(Mechanism::weeklyPence).sum();
    }

    public long directPayments() {
        return byRecipient.stream().mapToLong(Recipient::directPayments).sum();
    }
}
