package org.dphub.monitoring;

import java.time.LocalDate;

/**
 * One transaction read from a file, with the line it came from. {@code account} is the account
 * reference in a provider's file (null in a file for one account); {@code transactionId} is the
 * bank's or provider's own id, when the file has one.
 */
public record StatementLine(int line, String account, LocalDate date, String description, long amountPence,
                            String transactionId) {
}
