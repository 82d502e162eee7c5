package org.dphub.marketplace;

import java.time.LocalDate;

/** How much notice a PA who does cover work needs (issue 18). */
public enum CoverNotice {
    /** Can come the same day: fits cover today and tomorrow. */
    SAME_DAY,
    /** Needs a day's notice: fits cover from tomorrow only. */
    NEXT_DAY;

    /** Whether cover on {@code day}, asked for {@code today}, gives this PA the notice they need. */
    public boolean fits(LocalDate day, LocalDate today) {
        return this == SAME_DAY ? !day.isBefore(today) : day.isAfter(today);
    }
}
