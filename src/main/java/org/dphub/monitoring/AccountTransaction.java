package org.dphub.monitoring;

import java.time.LocalDate;
import org.dphub.shared.Money;

/**
 * An imported transaction with what it was for: the newest tag, or (when nobody has said yet) a
 * suggestion from how similar ones were tagged before. {@code budgetLineId} is the plan version's
 * id × 100 + the line's position in it.
 */
public record AccountTransaction(long id, long accountId, LocalDate date, String description, Money amount,
                                 Long budgetLineId, String budgetLine, String outcome, String note, boolean suggested,
                                 String taggedBy) {

    public static long budgetLineId(long planVersionId, int position) {
        return planVersionId * 100 + position;
    }
}
