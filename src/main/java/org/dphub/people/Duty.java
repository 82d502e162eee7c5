package org.dphub.people;

import java.util.List;

/**
 * What another module still needs part of a person's record for, so it cannot change yet: a message key
 * and its arguments, in words for the practitioner (the first argument is the record that needs it, e.g.
 * a direct payment's id; a date is shown as a date). See {@link RepresentativeDuties} and
 * {@link HouseholdMemberDuties}.
 */
public record Duty(String messageKey, List<Object> args) {

    public Duty {
        args = List.copyOf(args);
    }
}
