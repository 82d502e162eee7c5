package org.dphub.councils;

/** Someone saved the settings after this person opened them. */
public class SettingsChangedByAnotherUserException extends RuntimeException {
    public SettingsChangedByAnotherUserException() {
        super("Someone else changed these settings while you were editing them");
    }
}
