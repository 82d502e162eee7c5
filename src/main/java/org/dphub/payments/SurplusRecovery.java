package org.dphub.payments;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;
import org.dphub.shared.Money;

/** Money left over taken back to the council, and the letter that told the person, as it was written. */
public record SurplusRecovery(long id, long councilId, long accountId, Money amount, Money surplusBefore, String reason,
                              Locale letterLocale, String letter, LocalDate recoveredOn, String proposedBy, Instant createdAt) {

    public String idempotencyKey() {
        return "recovery:" + id;
    }
}
