package org.dphub.shared;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.regex.Pattern;

/**
 * An amount of money in pence. The one money type of dphub: exact, never floating point.
 * Arithmetic fails loudly on overflow rather than wrapping round.
 */
public record Money(long pence) implements Comparable<Money> {

    public static final Money ZERO = new Money(0);

    /** The largest amount anybody may type: £10 million. Larger input is a mistake, never a payment. */
    public static final Money LARGEST_INPUT = new Money(1_000_000_000L);

    // "£1,234.56", "1234.56", "1,234", "£5", ".50" — commas only in groups of three
    private static final Pattern INPUT = Pattern.compile(
            "^(-)?£?((?:\\d{1,3}(?:,\\d{3})+)|\\d+)?(?:\\.(\\d{0,2}))?$");

    public static Money ofPence(long pence) {
        return new Money(pence);
    }

    public static Money ofPounds(long pounds) {
        return new Money(Math.multiplyExact(pounds, 100L));
    }

    /**
     * Reads an amount as a person types it: "£1,234.56", "1234.5", "£12". Spaces around it are
     * ignored. Throws {@link InvalidMoneyException} saying what is wrong: not a number,
     * more than 2 decimal places, or larger than {@link #LARGEST_INPUT}.
     */
    public static Money parse(String text) {
        if (text == null || text.isBlank()) {
            throw new InvalidMoneyException(InvalidMoneyException.Reason.EMPTY, text);
        }
        // spaces around the amount are fine (also the no-break space pasted from documents); inside it, not
        String cleaned = text.replace('\u00A0', ' ').strip();
        if (cleaned.startsWith("£ ")) {
            cleaned = "£" + cleaned.substring(2).strip();
        }
        if (cleaned.startsWith("-£")) {
            cleaned = "-" + cleaned.substring(2);
        }
        var matcher = INPUT.matcher(cleaned);
        if (!matcher.matches() || (matcher.group(2) == null && (matcher.group(3) == null || matcher.group(3).isEmpty()))) {
            if (cleaned.matches("^-?£?[\\d,]*\\.\\d{3,}$")) {
                throw new InvalidMoneyException(InvalidMoneyException.Reason.TOO_MANY_DECIMALS, text);
            }
            throw new InvalidMoneyException(InvalidMoneyException.Reason.NOT_A_NUMBER, text);
        }
        String pounds = matcher.group(2) == null ? "0" : matcher.group(2).replace(",", "");
        String pence = matcher.group(3) == null ? "00" : (matcher.group(3) + "00").substring(0, 2);
        BigDecimal value = new BigDecimal(pounds + "." + pence);
        if (value.compareTo(BigDecimal.valueOf(LARGEST_INPUT.pence, 2)) > 0) {
            throw new InvalidMoneyException(InvalidMoneyException.Reason.TOO_LARGE, text);
        }
        long result = value.movePointRight(2).longValueExact();
        return new Money(matcher.group(1) != null ? -result : result);
    }

    /**
     * {@link #parse} that also refuses negative amounts and zero, with one message for both ("Enter
     * an amount more than £0"): telling someone who typed -5 to enter "£0 or more" only leads them
     * to the next refusal.
     */
    public static Money parsePositive(String text) {
        Money money = parse(text);
        if (money.pence <= 0) {
            throw new InvalidMoneyException(InvalidMoneyException.Reason.ZERO, text);
        }
        return money;
    }

    /** {@link #parse} that refuses negative amounts but allows zero. */
    public static Money parseNotNegative(String text) {
        Money money = parse(text);
        if (money.pence < 0) {
            throw new InvalidMoneyException(InvalidMoneyException.Reason.NEGATIVE, text);
        }
        return money;
    }

    public Money plus(Money other) {
        return new Money(Math.addExact(pence, other.pence));
    }

    public Money minus(Money other) {
        return new Money(Math.subtractExact(pence, other.pence));
    }

    public Money times(long factor) {
        return new Money(Math.multiplyExact(pence, factor));
    }

    /**
     * This amount times a quantity such as hours (13.28 × 7.5 hours), rounded once, as the
     * caller says. Used for rates × hours; never goes through floating point.
     */
    public Money times(BigDecimal quantity, RoundingMode rounding) {
        return new Money(BigDecimal.valueOf(pence).multiply(quantity).setScale(0, rounding).longValueExact());
    }

    public Money negate() {
        return new Money(Math.negateExact(pence));
    }

    public boolean isNegative() {
        return pence < 0;
    }

    public boolean isZero() {
        return pence == 0;
    }

    public boolean isGreaterThan(Money other) {
        return pence > other.pence;
    }

    public boolean isLessThan(Money other) {
        return pence < other.pence;
    }

    @Override
    public int compareTo(Money other) {
        return Long.compare(pence, other.pence);
    }

    /** The amount in pounds, exact, for forms: "1234.56". */
    public String toPlainString() {
        return BigDecimal.valueOf(pence, 2).toPlainString();
    }

    /**
     * GOV.UK style: "£1,234.56", and "£75" when there are no pence (the GOV.UK style guide:
     * do not use decimals unless there are pence).
     */
    public String format() {
        return pence % 100 == 0 ? formatted(false) : formatted(true);
    }

    /** Always with pence, for columns of figures people compare: "£75.00". */
    public String formatWithPence() {
        return formatted(true);
    }

    // Written out by hand: String.format of a BigDecimal was a twelfth of the CPU of a money page, which
    // shows some twenty amounts. format() asks for no pence only when there are none, so nothing rounds.
    private String formatted(boolean withPence) {
        StringBuilder out = new StringBuilder(24);
        out.append(pence < 0 ? "-£" : "£");
        String pounds = Long.toString(Math.abs(pence / 100)); // Long.MIN_VALUE / 100 has a positive long
        int first = pounds.length() % 3 == 0 ? 3 : pounds.length() % 3;
        out.append(pounds, 0, first);
        for (int i = first; i < pounds.length(); i += 3) {
            out.append(',').append(pounds, i, i + 3);
        }
        if (withPence) {
            int part = (int) Math.abs(pence % 100);
            out.append(part < 10 ? ".0" : ".").append(part);
        }
        return out.toString();
    }

    @Override
    public String toString() {
        return formatWithPence();
    }
}
