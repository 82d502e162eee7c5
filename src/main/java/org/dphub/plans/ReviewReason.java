package org.dphub.plans;

/** Why a review happens (regulation 7: scheduled, or when capacity changes or there is a concern). */
public enum ReviewReason {
    SCHEDULED, CAPACITY_CHANGE, CONCERN, OTHER
}
