package org.dphub.identity;

/**
 * Why a user account may see a citizen's records: it is the citizen, or it acts for them.
 * Care Act 2014 s32 (authorised person, when the adult lacks capacity) and s31 (nominated person,
 * chosen by an adult with capacity); in Wales, a suitable person (SI 2015/1815 reg 7); a person with
 * parental responsibility for a child (Children Act 1989 s17A; SSWBA 2014 s51, issue 18).
 */
public enum CitizenRelationship {
    SELF, AUTHORISED_PERSON, NOMINATED_PERSON, SUITABLE_PERSON, PARENTAL_RESPONSIBILITY
}
