package org.dphub.payments;

import java.time.LocalDate;
import org.dphub.shared.Money;

/** One movement as an account sees it: money in is positive, money out negative. */
public record LedgerEntry(long transactionId, LocalDate postedOn, LedgerKind kind, Money amount, String description) {
}
