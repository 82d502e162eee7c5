package org.dphub.help;

import java.time.Instant;
import java.util.List;

/**
 * A request for help as the asker and the DP team read it. {@code citizenId} is the person it is
 * about (null for a PA's or practitioner's own question); {@code outcomes} are that person's plan
 * outcomes when it was asked. {@code firstReplyWorkingDays} is null until the team first replies;
 * {@code overdue} is true while it waits for a first reply for longer than the council's target.
 */
public record HelpRequest(long id, long councilId, Long citizenId, String citizenName, long askedBy, String askerName,
                          String askerRole, HelpKind kind, String text, String language, List<String> outcomes,
                          HelpStatus status, Long assignedTo, String assignedName, Instant askedAt, Instant firstReplyAt,
                          Instant closedAt, String closedByName, String whatWasDone, Integer firstReplyWorkingDays,
                          int workingDaysWaiting, boolean overdue, List<HelpReply> replies) {

    /** The day it was asked, in the UK. */
    public java.time.LocalDate askedOn() {
        return askedAt.atZone(java.time.ZoneId.of("Europe/London")).toLocalDate();
    }

    /** The day it was closed, in the UK (null while open). */
    public java.time.LocalDate closedOn() {
        return closedAt == null ? null : closedAt.atZone(java.time.ZoneId.of("Europe/London")).toLocalDate();
    }

    public boolean closed() {
        return status == HelpStatus.CLOSED;
    }
}
