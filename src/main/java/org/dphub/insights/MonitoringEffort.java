package org.dphub.insights;

import java.time.YearMonth;
import java.util.List;

/**
 * Monitoring: checks recorded in the period (by the UK day), the minutes spent, and what they found
 * — by outcome, by the reason the account was selected (a check with several reasons counts under
 * each; one selected by none under {@link #NO_REASON}), and by month. A finding is any outcome but
 * ALL_WELL, as the monitoring module's "effort against findings" reads it.
 */
public record MonitoringEffort(long checks, long minutes, long withFindings, List<Part> byOutcome, List<Part> byReason,
                               List<Month> months) {

    public static final String ALL_WELL = "ALL_WELL";
    public static final String NO_REASON = "NONE";

    /** One outcome or reason: how many checks and minutes. */
    public record Part(String name, long checks, long minutes) {
    }

    /** A month: checks, minutes, checks with findings, and the minutes of each outcome (in {@code byOutcome}'s order). */
    public record Month(YearMonth month, long checks, long minutes, long withFindings, List<Long> minutesByOutcome) {
    }
}
