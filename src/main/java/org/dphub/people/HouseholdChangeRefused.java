package org.dphub.people;

import java.util.List;

/** A household member's relationship or home cannot change yet, for the reasons given; nothing was changed. */
public class HouseholdChangeRefused extends RuntimeException {

    private final transient List<Duty> duties;

    public HouseholdChangeRefused(List<Duty> duties) {
        super("The household member's change needs something done first: " + duties);
        this.duties = List.copyOf(duties);
    }

    public List<Duty> duties() {
        return duties;
    }
}
