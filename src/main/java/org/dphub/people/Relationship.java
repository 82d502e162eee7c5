package org.dphub.people;

import java.util.EnumSet;
import java.util.Set;

/** How a household member is related to the citizen. */
public enum Relationship {
    SPOUSE, CIVIL_PARTNER, PARTNER, PARENT, PARENT_IN_LAW, STEP_PARENT, CHILD, CHILD_IN_LAW, STEPCHILD, SIBLING,
    AUNT_UNCLE, GRANDPARENT,
    /** the spouse, civil partner or partner of one of the relatives above (England reg 3(3)(d)-(e); Wales reg 2 "relative") */
    PARTNER_OF_RELATIVE,
    OTHER_RELATIVE, FRIEND, OTHER;

    /** England reg 3(3)(a): the adult's spouse or civil partner is covered wherever they live. */
    public static final Set<Relationship> SPOUSE_OR_CIVIL_PARTNER = EnumSet.of(SPOUSE, CIVIL_PARTNER);

    /**
     * England, SI 2014/2871 regulation 3: spouse or civil partner, someone living as a spouse,
     * parent, parent-in-law, son or daughter, son- or daughter-in-law, stepchild, brother or
     * sister, aunt or uncle, grandparent, or the spouse or partner of any of these.
     */
    public static final Set<Relationship> CLOSE_FAMILY_ENGLAND = EnumSet.of(SPOUSE, CIVIL_PARTNER, PARTNER, PARENT,
            PARENT_IN_LAW, CHILD, CHILD_IN_LAW, STEPCHILD, SIBLING, AUNT_UNCLE, GRANDPARENT, PARTNER_OF_RELATIVE);

    /** Wales, SI 2015/1815 regulation 6: the same list with step-parent added. */
    public static final Set<Relationship> CLOSE_FAMILY_WALES;

    static {
        Set<Relationship> wales = EnumSet.copyOf(CLOSE_FAMILY_ENGLAND);
        wales.add(STEP_PARENT);
        CLOSE_FAMILY_WALES = java.util.Collections.unmodifiableSet(wales);
    }
}
