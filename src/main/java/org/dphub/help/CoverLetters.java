package org.dphub.help;

import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.dphub.help.internal.CoverBookingRepository;
import org.dphub.identity.UserAccounts;
import org.dphub.letters.LetterKind;
import org.dphub.letters.Letters;
import org.dphub.marketplace.CoverOffers;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Tells each side of a cover booking at once (issue 18), through {@code letters}, in the booking's
 * transaction: the PA asked gets COVER_REQUESTED (the district, the shift, what is needed, the pay —
 * never who asked or how to reach them, as on the page); the employer gets COVER_ACCEPTED with the
 * PA's name, phone and email, or COVER_DECLINED with where to find someone else. One letter per
 * booking and event (the key), so a retried request or answer writes nothing twice.
 */
@Component
class CoverLetters {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

    private final Letters letters;
    private final CoverOffers offers;
    private final UserAccounts accounts;
    private final String publicUrl;

    CoverLetters(Letters letters, CoverOffers offers, UserAccounts accounts,
                 @Value("${dphub.public-url:http://localhost:8080}") String publicUrl) {
        this.letters = letters;
        this.offers = offers;
        this.accounts = accounts;
        this.publicUrl = publicUrl.replaceAll("/+$", "");
    }

    /** To the PA asked, by email (else text), in Welsh if their account reads Welsh, else as their council works. */
    void requested(CoverBookingRepository.Row booking) {
        Optional<CoverOffers.CoverPa> pa = offers.coverPa(booking.profileId());
        if (pa.isEmpty()) {
            return;
        }
        // PA accounts start in English whatever the PA reads: only Welsh is a choice they made
        String language = accounts.preferredLanguage(booking.paUserId()).filter("cy"::equals).orElse(null);
        Map<String, String> values = shift(booking);
        values.put("district", booking.district());
        values.put("needs", booking.needs());
        values.put("rate", org.dphub.shared.Money.ofPence(booking.hourlyRatePence()).formatWithPence());
        values.put("link", publicUrl + "/cover-bookings/" + booking.id());
        letters.sendOnceToPa(booking.councilId(), new Letters.PaReader(booking.profileId(), booking.paName(), pa.get().email(),
                pa.get().phone(), language), LetterKind.COVER_REQUESTED, values, key(booking, "requested"));
    }

    /** To the employer (the person, as they prefer to hear): the PA said yes, and how to reach them. */
    void accepted(CoverBookingRepository.Row booking) {
        Optional<CoverOffers.CoverPa> pa = offers.coverPa(booking.profileId());
        Map<String, String> values = shift(booking);
        values.put("paname", booking.paName());
        values.put("paphone", pa.map(CoverOffers.CoverPa::phone).filter(p -> !p.isBlank()).orElse("msg:letters.cover.not-given"));
        values.put("paemail", pa.map(CoverOffers.CoverPa::email).filter(e -> !e.isBlank()).orElse("msg:letters.cover.not-given"));
        values.put("link", publicUrl + "/cover-bookings/" + booking.id());
        letters.sendOnce(booking.councilId(), booking.citizenId(), LetterKind.COVER_ACCEPTED, values, key(booking, "answered"));
    }

    /** To the employer: the PA said no; where to find someone else. */
    void declined(CoverBookingRepository.Row booking) {
        Map<String, String> values = shift(booking);
        values.put("paname", booking.paName());
        // the search for the same shift, ready to run again
        values.put("link", publicUrl + "/cover?citizen=" + booking.citizenId() + "&date=" + booking.day() + "&startTime="
                + booking.start().format(TIME) + "&endTime=" + booking.end().format(TIME) + "&find=1");
        letters.sendOnce(booking.councilId(), booking.citizenId(), LetterKind.COVER_DECLINED, values, key(booking, "answered"));
    }

    private static Map<String, String> shift(CoverBookingRepository.Row booking) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("date", booking.day().toString());
        values.put("start", booking.start().format(TIME));
        values.put("end", booking.end().format(TIME));
        values.put("nextday", endsNextDay(booking.start(), booking.end()) ? "msg:letters.cover.next-day" : "");
        return values;
    }

    static boolean endsNextDay(LocalTime start, LocalTime end) {
        return !end.isAfter(start);
    }

    /** One letter per booking and event: a PA answers once, so yes and no share a key. */
    private static String key(CoverBookingRepository.Row booking, String event) {
        return "cover:" + booking.id() + ":" + event;
    }
}
