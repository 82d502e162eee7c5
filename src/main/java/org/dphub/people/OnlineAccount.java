package org.dphub.people;

/** An account just made for someone: shown once to the practitioner, who passes it on. */
public record OnlineAccount(String username, String temporaryPassword) {
}
