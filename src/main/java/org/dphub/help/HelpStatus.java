package org.dphub.help;

/**
 * Where a request for help is: OPEN waits for the DP team (new, or the asker replied); ANSWERED
 * waits for a reply from the asker (the team replied); CLOSED says what was done. See {@link HelpTransitions}.
 */
public enum HelpStatus {
    OPEN, ANSWERED, CLOSED
}
