package org.dphub.people;

import java.util.List;

/**
 * What another module still needs a representative for, so that they cannot stop acting for the person
 * yet (plans: a direct payment made to them that has not ended). Each module with such a duty has a bean;
 * {@link Citizens#endRepresentative} asks them all before it changes anything.
 */
public interface RepresentativeDuties {

    /** Why the representative is still needed, in words for the practitioner; empty when nothing needs them. */
    List<Duty> of(long councilId, long representativeId);
}
