package org.dphub.marketplace;

/** OPEN until someone is hired (FILLED), the person closes it (CLOSED), or the DP team suspends it. */
public enum VacancyStatus {
    OPEN, FILLED, CLOSED, SUSPENDED
}
