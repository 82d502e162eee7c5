package org.dphub.help.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Locale;
import org.dphub.help.CoverBooking;
import org.dphub.help.CoverBookings;
import org.dphub.marketplace.CoverOffers;
import org.dphub.shared.SignedInUser;
import org.dphub.web.FormErrors;
import org.dphub.web.JsonInput;
import org.dphub.web.NotFound;
import org.springframework.context.MessageSource;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Cover when a PA is off (issue 18): find cover PAs for a shift today or tomorrow, ask one, and the
 * PA accepts (engaged for the shift: an employment to send the timesheet against) or declines.
 * Someone who may not see the person or the booking is told "not found"; staff and PAs who are
 * not the employer's side are refused (403) when they try to find or ask for cover.
 */
@RestController
@Tag(name = "Cover")
class CoverApiController {

    record CandidateJson(long profileId, String displayName, String availableFrom, String notice, int score, double distanceKm,
                         List<String> sharedInterests, LocalDate dbsCheckedOn) {
        static CandidateJson of(CoverOffers.CoverCandidate c) {
            return new CandidateJson(c.profileId(), c.displayName(), c.availableFrom().toString(), c.notice().name(), c.score(),
                    c.distanceKm(), c.sharedInterests(), c.dbsCheckedOn());
        }
    }

    /**
     * Ask a cover PA: date (today or tomorrow, yyyy-MM-dd, the day the shift starts), startTime and endTime (09:00; an end
     * earlier than the start is the next day), needs, hourlyRatePence.
     */
    record BookingRequestJson(Long citizenId, Object profileId, String date, String startTime, String endTime, String needs,
                              Object hourlyRatePence, List<String> skills, List<String> interests) {
    }

    record AcceptJson(String givenName, String familyName, String dateOfBirth, String starterDeclaration) {
    }

    record ChangeJson(String status, String by, Instant at) {
    }

    /** {@code endsNextDay}: the end time is the next day's (a night shift, its end earlier than its start). */
    record BookingJson(long id, long citizenId, long profileId, String paName, LocalDate date, LocalTime startTime, LocalTime endTime,
                       boolean endsNextDay, String needs, long hourlyRatePence, String district, String status, Long employmentId, String yourSide,
                       String employerName, String employerContact, String paPhone, String paEmail, List<ChangeJson> history) {
        static BookingJson of(CoverBooking b) {
            return new BookingJson(b.id(), b.citizenId(), b.profileId(), b.paName(), b.day(), b.start(), b.end(), b.endsNextDay(), b.needs(),
                    b.hourlyRate().pence(), b.district(), b.status().name(), b.employmentId(), b.yourSide().name(), b.employerName(),
                    b.employerContact(), b.paPhone(), b.paEmail(),
                    b.history().stream().map(h -> new ChangeJson(h.status().name(), h.by(), h.at())).toList());
        }
    }

    private final CoverBookings bookings;
    private final MessageSource messages;

    CoverApiController(CoverBookings bookings, MessageSource messages) {
        this.bookings = bookings;
        this.messages = messages;
    }

    @GetMapping("/api/v1/citizens/{citizenId}/cover-candidates")
    @Operation(summary = "Cover PAs for a shift today or tomorrow (date yyyy-MM-dd, startTime and endTime 09:00, an end earlier than the start being the next day; optional skills as codes "
            + "and interests as tags): live PAs who opted in to cover, whose notice and cover times fit, soonest available first, "
            + "then the best match. For the person and their representatives")
    List<CandidateJson> candidates(SignedInUser user, @PathVariable long citizenId, @RequestParam(required = false) String date,
                                   @RequestParam(required = false) String startTime, @RequestParam(required = false) String endTime,
                                   @RequestParam(required = false) List<String> skills,
                                   @RequestParam(required = false) List<String> interests) {
        bookings.employer(user, citizenId);
        FormErrors errors = new FormErrors(messages, Locale.ENGLISH);
        CoverBookings.Wanted wanted = bookings.read(new CoverBookings.Typed(date, startTime, endTime, null, null, skills, interests),
                false, "hourlyRatePence", errors);
        errors.throwIfAny();
        return bookings.search(user, citizenId, wanted).stream().map(CandidateJson::of).toList();
    }

    @PostMapping("/api/v1/cover-bookings")
    @Operation(summary = "Ask a cover PA for a shift today or tomorrow (a day that has passed, or after tomorrow, is refused); "
            + "the PA must be one the search finds. 201 with the booking, REQUESTED")
    ResponseEntity<BookingJson> request(SignedInUser user, @RequestBody BookingRequestJson body) {
        FormErrors errors = new FormErrors(messages, Locale.ENGLISH);
        if (body.citizenId() == null) {
            errors.reject("citizenId", "cover.error.citizen");
            errors.throwIfAny();
        }
        bookings.employer(user, body.citizenId());
        Long profileId = JsonInput.pence(body.profileId(), "profileId", errors);
        if (profileId == null && !errors.has("profileId")) {
            errors.reject("profileId", "cover.error.pa-not-available");
        }
        Long rate = JsonInput.pence(body.hourlyRatePence(), "hourlyRatePence", errors);
        if (rate == null && !errors.has("hourlyRatePence")) {
            errors.reject("hourlyRatePence", "cover.error.rate");
        }
        CoverBookings.Wanted wanted = bookings.read(new CoverBookings.Typed(body.date(), body.startTime(), body.endTime(), body.needs(),
                rate == null ? "" : "pence:" + rate, body.skills(), body.interests()), true, "hourlyRatePence", errors);
        errors.throwIfAny();
        CoverBooking booking = bookings.request(user, body.citizenId(), profileId, wanted, errors);
        return ResponseEntity.created(URI.create("/api/v1/cover-bookings/" + booking.id())).body(BookingJson.of(booking));
    }

    @GetMapping("/api/v1/cover-bookings")
    @Operation(summary = "Your cover bookings: those you asked for (for everyone you act for) or, for a PA, were asked")
    List<BookingJson> mine(SignedInUser user) {
        return bookings.mine(user).stream().map(BookingJson::of).toList();
    }

    @GetMapping("/api/v1/cover-bookings/{id}")
    @Operation(summary = "A cover booking: contact details of the other side only once accepted")
    BookingJson get(SignedInUser user, @PathVariable long id) {
        return bookings.find(user, id).map(BookingJson::of).orElseThrow(NotFound::new);
    }

    @PostMapping("/api/v1/cover-bookings/{id}/accept")
    @Operation(summary = "The PA asked accepts: engaged for the shift (an employment with the employer, made if there is none; "
            + "givenName, familyName, dateOfBirth and starterDeclaration A, B or C are needed for it). employmentId is where the "
            + "timesheet goes")
    BookingJson accept(SignedInUser pa, @PathVariable long id, @RequestBody AcceptJson body) {
        FormErrors errors = new FormErrors(messages, Locale.ENGLISH);
        LocalDate dob = errors.isoDate("paDateOfBirth", body.dateOfBirth(), true, "employment.label.dob");
        return BookingJson.of(bookings.accept(pa, id, new CoverBookings.Acceptance(body.givenName(), body.familyName(), dob,
                body.starterDeclaration()), errors));
    }

    @PostMapping("/api/v1/cover-bookings/{id}/decline")
    @Operation(summary = "The PA asked declines")
    BookingJson decline(SignedInUser pa, @PathVariable long id) {
        return BookingJson.of(bookings.decline(pa, id));
    }

    @PostMapping("/api/v1/cover-bookings/{id}/cancel")
    @Operation(summary = "Either side calls the cover off (before it is worked)")
    BookingJson cancel(SignedInUser user, @PathVariable long id) {
        return BookingJson.of(bookings.cancel(user, id));
    }

    @PostMapping("/api/v1/cover-bookings/{id}/worked")
    @Operation(summary = "The employer's side says the accepted cover was worked")
    BookingJson worked(SignedInUser user, @PathVariable long id) {
        return BookingJson.of(bookings.worked(user, id));
    }
}
