package org.dphub.insights;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

/**
 * Money returned: surplus recovered (a recovery whose ledger entry is posted) by the month it was
 * posted, and the money above the council's limit (its surplus weeks × each account's weekly
 * budget) in accounts open on the period's last day, from the ledger as it stood that day.
 */
public record MoneyReturned(long recoveredPence, long recoveries, List<Month> months, AboveLimit aboveLimit) {

    public record Month(YearMonth month, long recoveredPence, long recoveries) {
    }

    /** Accounts above the limit on {@code asAt}, and the money above it (balance − the limit, summed). */
    public record AboveLimit(long accounts, long pence, LocalDate asAt, int surplusWeeks) {
    }
}
