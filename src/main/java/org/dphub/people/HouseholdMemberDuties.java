package org.dphub.people;

import java.util.List;

/**
 * What another module would break if a household member's relationship or home changed (plans: a direct
 * payment not ended that pays them, set up without the council's decision that paying them is necessary,
 * which the change would now need). Each module with such a rule has a bean;
 * {@link Citizens#correctHouseholdMember} asks them all before it changes anything.
 */
public interface HouseholdMemberDuties {

    /** What stands in the way of the change from {@code before} to {@code after}; empty when nothing does. */
    List<Duty> ofChange(long councilId, HouseholdMember before, HouseholdMember after);
}
