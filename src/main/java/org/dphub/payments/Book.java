package org.dphub.payments;

/** The three books a leg of a transaction can touch. */
public enum Book {
    /** the council's direct payments budget */
    COUNCIL,
    /** a person's direct payment account */
    ACCOUNT,
    /** money that has left an account */
    SPENDING
}
