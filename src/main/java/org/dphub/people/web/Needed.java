package org.dphub.people.web;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.dphub.people.Duty;
import org.springframework.context.MessageSource;

/**
 * A direct payment that must be dealt with first, as a page shows it: its id (for the link) and what to
 * do, in the page's language.
 */
record Needed(long directPaymentId, String words) {

    static List<Needed> all(MessageSource messages, List<Duty> duties, Locale locale) {
        DateTimeFormatter dates = DateTimeFormatter.ofPattern("d MMMM yyyy", locale);
        return duties.stream().map(duty -> new Needed(((Number) duty.args().get(0)).longValue(), messages.getMessage(duty.messageKey(),
                duty.args().stream().map(a -> a instanceof LocalDate d ? d.format(dates) : a).toArray(), locale))).toList();
    }
}
