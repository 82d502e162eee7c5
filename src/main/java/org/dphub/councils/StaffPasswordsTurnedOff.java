package org.dphub.councils;

/**
 * A council's administrator has just said its staff must use their council account (issue 17):
 * sessions its staff signed in to with a password end ({@code identity}), so the rule holds at
 * once and not only from each person's next sign-in.
 */
public record StaffPasswordsTurnedOff(long councilId) {
}
