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
        /** paid to a provider for what it asked for: {@link #detail()} is "organisation: what for", as the provider wrote it */
        PROVIDER,
        /** a share of a group purchase paid to its provider: {@link #detail()} is "organisation: title", with {@link #sessions()} */
        GROUP_SHARE,
        /** an instalment of a regular payment to a provider: {@link #detail()} is the organisation, with {@link #service()} and {@link #dueOn()} */
        PROVIDER_REGULAR,
        /** money a provider gave back: {@link #detail()} is "organisation: what for", as recorded */
        PROVIDER_REFUND,
        /** a share of a group purchase given back for the sessions not yet held: {@link #detail()} is "organisation: title", with {@link #sessions()} */
        GROUP_REFUND,
        /** anything else (a statement line, a correction): {@link #detail()} is its description as recorded */
        OTHER
    }

    private static final String ONE_OFF_PREFIX = "One-off payment: ";
    private static final String NET_PAY_PREFIX = "Net pay to ";
    // what payments.ProviderPayments (and a payment run, for a refund it pays) records for a charge and a refund, and the
    // directory's words for a group share, a share given back and an instalment
    private static final String PROVIDER_KEY = "provider-charge:";
    private static final String PROVIDER_PREFIX = "Paid to ";
    private static final String REFUND_KEY = "provider-refund:";
    private static final String REFUND_PREFIX = "Refund from ";
    private static final java.util.regex.Pattern GROUP_REFUND_TEXT = java.util.regex.Pattern.compile(
            "(.+) \\(([0-9]{1,4}) sessions not yet held\\)", java.util.regex.Pattern.DOTALL);
    private static final java.util.regex.Pattern GROUP_SHARE_TEXT = java.util.regex.Pattern.compile(
            "(.+) \\(([0-9]{1,4}) sessions, bought together\\)", java.util.regex.Pattern.DOTALL);
    private static final java.util.regex.Pattern INSTALMENT_TEXT = java.util.regex.Pattern.compile(
            "(.+?): Regular payment for (.+), ([0-9]{1,2} [A-Z][a-z]+ [0-9]{4})", java.util.regex.Pattern.DOTALL);
    private static final java.time.format.DateTimeFormatter INSTALMENT_DAY =
            java.time.format.DateTimeFormatter.ofPattern("d MMMM yyyy", java.util.Locale.UK);

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
        if (kind == LedgerKind.SPENDING && key.startsWith(PROVIDER_KEY) && description.startsWith(PROVIDER_PREFIX)) {
            String rest = key.substring(PROVIDER_KEY.length());
            if (rest.startsWith("group:") && GROUP_SHARE_TEXT.matcher(paidTo()).matches()) {
                return What.GROUP_SHARE;
            }
            if (rest.startsWith("regular:") && instalmentDay() != null) {
                return What.PROVIDER_REGULAR;
            }
            return What.PROVIDER;
        }
        if (kind == LedgerKind.SPENDING && key.startsWith(REFUND_KEY) && description.startsWith(REFUND_PREFIX)) {
            boolean group = key.startsWith(REFUND_KEY + "group:") && GROUP_REFUND_TEXT.matcher(refundFrom()).matches();
            return group ? What.GROUP_REFUND : What.PROVIDER_REFUND;
        }
        return What.OTHER;
    }

    /** The words after "Refund from " in a refund's description. */
    private String refundFrom() {
        return description.substring(REFUND_PREFIX.length());
    }

    /** A group share's or a group refund's words, matched: the organisation and title, and the sessions. */
    private java.util.regex.Matcher groupWords() {
        java.util.regex.Matcher m = what() == What.GROUP_SHARE ? GROUP_SHARE_TEXT.matcher(paidTo())
                : what() == What.GROUP_REFUND ? GROUP_REFUND_TEXT.matcher(refundFrom()) : null;
        return m != null && m.matches() ? m : null;
    }

    /** The words after "Paid to " in a charge's description. */
    private String paidTo() {
        return description.substring(PROVIDER_PREFIX.length());
    }

    private java.util.regex.Matcher instalment() {
        java.util.regex.Matcher m = INSTALMENT_TEXT.matcher(paidTo());
        return m.matches() ? m : null;
    }

    private LocalDate instalmentDay() {
        java.util.regex.Matcher m = instalment();
        try {
            return m == null ? null : LocalDate.parse(m.group(3), INSTALMENT_DAY);
        } catch (java.time.format.DateTimeParseException notADay) {
            return null;
        }
    }

    /** How many sessions a group share paid for, or a group refund gave back ({@link What#GROUP_SHARE}, {@link What#GROUP_REFUND}); else null. */
    public Integer sessions() {
        java.util.regex.Matcher m = groupWords();
        return m == null ? null : Integer.valueOf(m.group(2));
    }

    /** The service an instalment of a regular payment was for ({@link What#PROVIDER_REGULAR}); else null. */
    public String service() {
        return what() == What.PROVIDER_REGULAR ? instalment().group(2) : null;
    }

    /** The day an instalment of a regular payment was due ({@link What#PROVIDER_REGULAR}); else null. */
    public LocalDate dueOn() {
        return what() == What.PROVIDER_REGULAR ? instalmentDay() : null;
    }

    /** The words that go with {@link #what()}: a one-off's purpose, a PA's name, a provider and what for, or the recorded description. */
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
            case PROVIDER -> paidTo();
            case GROUP_SHARE, GROUP_REFUND -> groupWords().group(1);
            case PROVIDER_REFUND -> refundFrom();
            case PROVIDER_REGULAR -> instalment().group(1);
            case OTHER -> description;
        };
    }

    /** True for money that comes (or goes) on a day after {@code today}: shown as on its way, not in the balance. */
    public boolean isAfter(LocalDate today) {
        return postedOn.isAfter(today);
    }
}
