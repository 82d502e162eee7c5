package org.dphub.people;

import java.util.List;

/** A representative cannot stop acting yet, for the reasons given; nothing was changed. */
public class RepresentativeStillNeeded extends RuntimeException {

    private final transient List<Duty> duties;

    public RepresentativeStillNeeded(List<Duty> duties) {
        super("The representative is still needed: " + duties);
        this.duties = List.copyOf(duties);
    }

    public List<Duty> duties() {
        return duties;
    }
}
