package org.dphub.payments;

import java.time.LocalDate;
import java.util.UUID;
import org.dphub.shared.Money;

/**
 * One payment to a provider in a run (issue 15): the sum of the parts of the council's people it
 * charged, paid once to its bank account (the last four digits of the number for pages).
 */
public record ProviderPayout(long id, UUID organizationId, String organizationName, int parts, Money amount, LocalDate payOn,
                             String accountNumberEnding) {

    /** One person's part, as the provider's remittance shows it: their reference, never the person's name. */
    public record Part(long chargeId, String reference, String description, LocalDate chargedOn, Money amount) {
    }
}
