package org.dphub.employment;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Hours as people write them ("7.5", "7:30", "8") to whole minutes, and back ("7.5"). */
public final class Hours {

    private Hours() {
    }

    /** Minutes, or null when the text is not a number of hours (up to two decimals, or hours:minutes). */
    public static Integer parseMinutes(String text) {
        if (text == null) {
            return null;
        }
        String t = text.strip().replace(',', '.');
        if (t.matches("\\d{1,3}:[0-5]\\d")) {
            String[] p = t.split(":");
            return Integer.parseInt(p[0]) * 60 + Integer.parseInt(p[1]);
        }
        if (!t.matches("\\d{1,4}(\\.\\d{1,2})?|\\.\\d{1,2}")) {
            return null;
        }
        return new BigDecimal(t).multiply(BigDecimal.valueOf(60)).setScale(0, RoundingMode.HALF_UP).intValueExact();
    }

    public static String format(int minutes) {
        BigDecimal hours = BigDecimal.valueOf(minutes).divide(BigDecimal.valueOf(60), 2, RoundingMode.HALF_UP).stripTrailingZeros();
        return hours.toPlainString();
    }
}
