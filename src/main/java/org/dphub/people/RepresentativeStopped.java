package org.dphub.people;

import java.time.LocalDate;

/**
 * A practitioner recorded that a representative no longer acts for a person, from {@code endedOn}
 * (published after the change, in its transaction). Ids only: Spring Modulith keeps an event once it is
 * delivered, and a name would outlive an erasure there. {@code letters} tells the person.
 */
public record RepresentativeStopped(long councilId, long citizenId, long representativeId, LocalDate endedOn) {
}
