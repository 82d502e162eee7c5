package org.dphub.plans;

import java.util.UUID;

/**
 * The part of a direct payment agreement's regular payment held by one individual service fund
 * provider (issue 18): paid to the provider, never to the person. Amounts are for the direct
 * payment's own payment frequency.
 */
public record ServiceFundPart(UUID organizationId, String organizationName, long regularPaymentPence, long weeklyBudgetPence) {
}
