package org.dphub.shared;

/**
 * An amount a person typed that is not a usable amount of money. {@link #messageKey()} names
 * the message (English and Welsh) that tells them what to fix.
 */
public class InvalidMoneyException extends IllegalArgumentException {

    public enum Reason {
        EMPTY, NOT_A_NUMBER, TOO_MANY_DECIMALS, TOO_LARGE, NEGATIVE,
        /** zero, or less, where an amount more than £0 is needed */
        ZERO;

        public String messageKey() {
            return "money.error." + name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }
    }

    private final Reason reason;

    public InvalidMoneyException(Reason reason, String input) {
        super(switch (reason) {
            case EMPTY -> "Enter an amount";
            case NOT_A_NUMBER -> "Enter an amount in pounds and pence, like £125.50";
            case TOO_MANY_DECIMALS -> "Enter an amount with no more than 2 numbers after the decimal point";
            case TOO_LARGE -> "Enter an amount of £10,000,000 or less";
            case NEGATIVE -> "Enter an amount of £0 or more";
            case ZERO -> "Enter an amount more than £0";
        });
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }

    public String messageKey() {
        return reason.messageKey();
    }
}
