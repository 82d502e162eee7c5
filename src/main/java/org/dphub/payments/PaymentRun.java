package org.dphub.payments;

import java.time.Instant;
import java.time.LocalDate;
import org.dphub.shared.Money;

public record PaymentRun(long id, long councilId, LocalDate paymentDate, PaymentRunStatus status, String startedBy,
                         Instant startedAt, String approvedBy, Instant approvedAt, int paymentsCount, Money total,
                         int exceptionsCount, int progressPercent, String failure) {
}
