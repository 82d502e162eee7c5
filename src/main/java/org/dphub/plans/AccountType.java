package org.dphub.plans;

/** Where the direct payment is paid. Prepaid card and managed accounts never send a financial return. */
public enum AccountType {
    BANK_ACCOUNT, PREPAID_CARD, MANAGED_ACCOUNT
}
