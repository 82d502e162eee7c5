package org.dphub.marketplace;

/** Where an introduction stands ({@link IntroductionTransitions}). */
public enum IntroductionStatus {
    INVITED, INTERESTED, CONNECTED, DECLINED, BLOCKED, HIRED
}
