package org.dphub.plans;

/**
 * Where the direct payment is paid. Prepaid card and managed accounts never send a financial return.
 * INDIVIDUAL_SERVICE_FUND (issue 18) is never chosen for a direct payment: it is the ledger account a
 * provider holds for the person, paid into the provider's bank account, and no return is asked of the
 * person for it either.
 */
public enum AccountType {
    BANK_ACCOUNT, PREPAID_CARD, MANAGED_ACCOUNT, INDIVIDUAL_SERVICE_FUND;

    /** Where a direct payment (or a one-off payment) may be paid: never into a fund a provider holds. */
    public static AccountType[] forDirectPayments() {
        return new AccountType[] {BANK_ACCOUNT, PREPAID_CARD, MANAGED_ACCOUNT};
    }

    /**
     * The type a person or practitioner chose, by name; an unknown name or INDIVIDUAL_SERVICE_FUND
     * (chosen per budget line on the plan, never for a direct payment) is refused.
     *
     * @throws IllegalArgumentException when it is not one of {@link #forDirectPayments()}
     */
    public static AccountType chosenForDirectPayment(String name) {
        AccountType type = valueOf(name);
        if (type == INDIVIDUAL_SERVICE_FUND) {
            throw new IllegalArgumentException("An individual service fund is chosen on the plan's budget line");
        }
        return type;
    }
}
