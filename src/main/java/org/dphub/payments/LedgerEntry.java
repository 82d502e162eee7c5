package org.dphub.payments;

import java.time.LocalDate;
import org.dphub.shared.Money;

/**
 * One movement as an account sees it: money in is positive, money out negative. {@code budgetLine}
 * is the description of the plan's budget line that paid for spending, when it is linked to one.
 * {@code description} is the text kept in the ledger when it was posted (English, for the record);
 * pages say what it was in the reader's language from {@link #what()} and {@link #detail()}.
 */
public record LedgerEntry(long transactionId, LocalDate postedOn, LedgerKind kind, Money amount, String description,
                          String budgetLine, String idempotencyKey, LocalDate periodFrom) {

    /** What a movement was, as a page says it ({@code money.what.*} messages). */
    public enum What {
        /** a regular payment from the council, for the period from {@link #periodFrom()} */
        REGULAR,
        /** a one-off payment; {@link #detail()} is what it is for */
        ONE_OFF,
        /** a PA's net pay from a payroll; {@link #detail()} is the PA's name */
        NET_PAY,
        /** PAYE tax and National Insurance to HMRC */
        HMRC,
        /** workplace pension contributions */
        PENSION,
        /** money left over given back to the council */
        RECOVERY,
        /** anything else (a statement line, a correction): {@link #detail()} is its description as recorded */
        OTHER
    }

    private static final String ONE_OFF_PREFIX = "One-off payment: ";
    private static final String NET_PAY_PREFIX = "Net pay to ";

    /** The same entry with the start of the period a regular payment was for. */
    public LedgerEntry withPeriodFrom(LocalDate from) {
        return new LedgerEntry(transactionId, postedOn, kind, amount, description, budgetLine, idempotencyKey, from);
    }

    public What what() {
        String key = idempotencyKey == null ? "" : idempotencyKey;
        if (kind == LedgerKind.FUNDING && key.startsWith("schedule:") && periodFrom != null) {
            return What.REGULAR;
        }
        if (kind == LedgerKind.FUNDING && key.startsWith("one-off:")) {
            return What.ONE_OFF;
        }
        if (kind == LedgerKind.SPENDING && key.startsWith("payslip:") && key.endsWith(":net")
                && description.startsWith(NET_PAY_PREFIX)) {
            return What.NET_PAY;
        }
        if (kind == LedgerKind.SPENDING && key.startsWith("payroll-run:") && key.endsWith(":hmrc")) {
            return What.HMRC;
        }
        if (kind == LedgerKind.SPENDING && key.startsWith("payroll-run:") && key.endsWith(":pension")) {
            return What.PENSION;
        }
        if (kind == LedgerKind.RECOVERY) {
            return What.RECOVERY;
        }
        return What.OTHER;
    }

    /** The words that go with {@link #what()}: a one-off's purpose, a PA's name, or the recorded description. */
    public String detail() {
        return switch (what()) {
            case ONE_OFF -> description.startsWith(ONE_OFF_PREFIX) ? description.substring(ONE_OFF_PREFIX.length()) : description;
            case NET_PAY -> {
                // "Net pay to Sophie Hall, 2026-27 monthly period 8" (PayrollSpendingListener)
                String rest = description.substring(NET_PAY_PREFIX.length());
                int comma = rest.lastIndexOf(", ");
                yield comma > 0 ? rest.substring(0, comma) : rest;
            }
            case REGULAR, HMRC, PENSION, RECOVERY -> null;
            case OTHER -> description;
        };
    }

    /** True for money that comes (or goes) on a day after {@code today}: shown as on its way, not in the balance. */
    public boolean isAfter(LocalDate today) {
        return postedOn.isAfter(today);
    }
}
