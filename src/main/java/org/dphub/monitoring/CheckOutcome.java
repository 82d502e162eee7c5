package org.dphub.monitoring;

/** What a check found. */
public enum CheckOutcome {
    ALL_WELL, QUESTION_ASKED, SURPLUS_RECOVERY_PROPOSED, REFERRAL
}
