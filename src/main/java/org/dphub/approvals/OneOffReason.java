package org.dphub.approvals;

/** Why a one-off payment is needed (the Hertfordshire Connect and Enable seed). */
public enum OneOffReason {
    HOSPITAL_DISCHARGE, AVOID_ADMISSION, CARER_BREAKDOWN, LEARNING, SHORT_TERM_SUPPORT, OTHER
}
