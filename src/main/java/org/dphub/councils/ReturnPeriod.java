package org.dphub.councils;

/** How often holders of a bank account send a financial return. */
public enum ReturnPeriod {
    MONTHLY, QUARTERLY, HALF_YEARLY, YEARLY
}
