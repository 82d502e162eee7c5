package org.dphub.insights;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** A share as a percentage to one decimal place, half up; none when there is nothing to share. */
public final class Percent {

    private Percent() {
    }

    public static BigDecimal of(long part, long whole) {
        if (whole <= 0) {
            return null;
        }
        return BigDecimal.valueOf(part).multiply(BigDecimal.valueOf(100))
                .divide(BigDecimal.valueOf(whole), 1, RoundingMode.HALF_UP);
    }

    /** A number of days or hours to one decimal place, half up; null stays null. */
    public static BigDecimal oneDecimal(Double value) {
        return value == null ? null : BigDecimal.valueOf(value).setScale(1, RoundingMode.HALF_UP);
    }
}
