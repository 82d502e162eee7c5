package org.dphub.identity;

/** Somebody already has this username. */
public class UsernameTakenException extends RuntimeException {
    public UsernameTakenException(String username) {
        super("The username " + username + " is already in use");
    }
}
