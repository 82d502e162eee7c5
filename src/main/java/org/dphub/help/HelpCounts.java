package org.dphub.help;

/** The DP team's queue in numbers; {@code overdue} waits for a first reply for longer than the council's target. */
public record HelpCounts(long open, long mine, long unassigned, long waiting, long overdue) {
}
