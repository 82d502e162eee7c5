package org.dphub.councils;

/** How often a direct payment is paid, in advance. */
public enum PaymentFrequency {
    WEEKLY, FOUR_WEEKLY, MONTHLY
}
