package org.dphub.help;

/**
 * The DP team's lists of requests for help: OPEN (not closed), MINE (not closed, assigned to me),
 * UNASSIGNED (not closed, nobody has it), WAITING (the team replied and waits for the asker), CLOSED.
 */
public enum HelpQueue {
    OPEN, MINE, UNASSIGNED, WAITING, CLOSED
}
