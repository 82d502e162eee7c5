package org.dphub.people;

import java.util.List;

/**
 * What another module would break if a household member's relationship or home changed, or they were
 * taken off the household (plans: a direct payment not ended that pays them). Each module with such a
 * rule has a bean; {@link Citizens#correctHouseholdMember} and {@link Citizens#removeHouseholdMember} ask
 * them all before they change anything.
 */
public interface HouseholdMemberDuties {

    /**
     * What stands in the way of the change from {@code before} to {@code after}; empty when nothing does
     * (plans: a direct payment set up without the council's decision that paying them is necessary, which
     * the change would now need).
     */
    List<Duty> ofChange(long councilId, HouseholdMember before, HouseholdMember after);

    /** What stands in the way of taking them off the household; empty when nothing does. */
    List<Duty> ofRemoval(long councilId, HouseholdMember member);
}
