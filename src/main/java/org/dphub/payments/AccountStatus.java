package org.dphub.payments;

public enum AccountStatus {
    OPEN, SUSPENDED, CLOSED
}
