package org.dphub.marketplace;

/** The two sides of an introduction: the employer (the person, their representative or practitioner) and the PA. */
public enum Side {
    EMPLOYER, PA;

    public Side other() {
        return this == EMPLOYER ? PA : EMPLOYER;
    }
}
