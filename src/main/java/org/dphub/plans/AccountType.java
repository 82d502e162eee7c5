package org.dphub.plans;

/**
 * Where the direct payment is paid. Prepaid card and managed accounts never send a financial return.
 * INDIVIDUAL_SERVICE_FUND (issue 18) is never chosen for a direct payment: it is the ledger account a
 * provider holds for the person, paid into the provider's bank account, and no return is asked of the
 * person for it either.
 */
public enum AccountType {
    BANK_ACCOUNT, PREPAID_CARD, MANAGED_ACCOUNT, INDIVIDUAL_SERVICE_FUND
}
