package org.dphub.people;

/**
 * Someone who acts for a citizen. Care Act 2014 s32: an authorised person receives the payment
 * for an adult who lacks capacity; s31: a nominated person is chosen by an adult with capacity.
 * In Wales (SI 2015/1815 reg 7) a suitable person acts for someone who lacks capacity.
 * A person with parental responsibility holds a child's direct payment (Children Act 1989
 * s17A(2)(a); SSWBA 2014 s51(2)(a)(ii)); it does not make them an authorised person for an adult.
 */
public enum RepresentativeKind {
    AUTHORISED_PERSON, NOMINATED_PERSON, SUITABLE_PERSON, PARENTAL_RESPONSIBILITY;

    /** True for the kinds who may receive the payment for an adult who lacks capacity. */
    public boolean actsForSomeoneWhoLacksCapacity() {
        return this == AUTHORISED_PERSON || this == SUITABLE_PERSON;
    }
}
