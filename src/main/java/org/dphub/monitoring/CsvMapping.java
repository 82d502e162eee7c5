package org.dphub.monitoring;

/**
 * Which header names hold what, for a bank's or card provider's own CSV export. The generic
 * layout is {@code date, description, amount, transaction_id} (and {@code account} in a
 * provider's file for many accounts).
 */
public record CsvMapping(String name, String date, String description, String amount, String transactionId, String account) {

    public static final CsvMapping GENERIC = new CsvMapping("generic", "date", "description", "amount", "transaction_id", "account");
}
