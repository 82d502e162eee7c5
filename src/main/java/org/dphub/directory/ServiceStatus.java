package org.dphub.directory;

/** Where a service stands: checked by the council's DP team before it is published ({@link ServiceTransitions}). */
public enum ServiceStatus {
    AWAITING_CHECKS, PUBLISHED, SUSPENDED, WITHDRAWN
}
