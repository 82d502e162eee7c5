package org.dphub.employment;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Dates as people read them: "5 December 2026", "5 Rhagfyr 2026". */
public final class Dates {

    private Dates() {
    }

    public static String day(LocalDate date, Locale locale) {
        return DateTimeFormatter.ofPattern("d MMMM yyyy", locale).format(date);
    }
}
