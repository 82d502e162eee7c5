package org.dphub.employment.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.dphub.employment.Employment;
import org.dphub.employment.EmploymentInput;
import org.dphub.employment.Employments;
import org.dphub.employment.Hours;
import org.dphub.employment.Timesheets;
import org.dphub.shared.Money;
import org.dphub.shared.SignedInUser;
import org.dphub.web.FormErrors;
import org.dphub.web.NotFound;
import org.springframework.context.MessageSource;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** PA employments and timesheets, for the employer's side, the council's DP team, and the PA. */
@RestController
@Tag(name = "Employment")
class EmploymentApiController {

    /** Money in pence, dates as YYYY-MM-DD, hours as a number ("7.5"). */
    record EmploymentJson(String paGivenName, String paFamilyName, String paDateOfBirth, String paEmail, String startedOn,
                          Long hourlyRatePence, String hoursKind, String contractedHoursPerWeek, String payFrequency, String taxCode,
                          Boolean week1Month1, String starterDeclaration, String pension, String elInsurer, String elPolicyNumber,
                          String elExpiresOn) {
    }

    /** kind: WORK (the default), HOLIDAY or SICK. */
    record DayJson(String date, String hours, String note, String kind) {
    }

    record TimesheetJson(List<DayJson> days) {
    }

    record DecisionJson(String note) {
    }

    private final Employments employments;
    private final Timesheets timesheets;
    private final MessageSource messages;

    EmploymentApiController(Employments employments, Timesheets timesheets, MessageSource messages) {
        this.employments = employments;
        this.timesheets = timesheets;
        this.messages = messages;
    }

    @PostMapping("/api/v1/citizens/{id}/employments")
    @Operation(summary = "Record a PA the person employs: start date, rate (at least the minimum wage for the PA's age), hours, "
            + "how often paid, tax code, pension, employer's liability insurance (not expired). The PA is linked by email if "
            + "they have a PA sign-in.")
    ResponseEntity<Employment> create(SignedInUser user, @PathVariable long id, @RequestBody EmploymentJson body) {
        FormErrors errors = new FormErrors(messages, Locale.ENGLISH);
        EmploymentInput input = input(body, errors, true);
        return ResponseEntity.status(201).body(employments.create(user, id, input, errors));
    }

    @PostMapping("/api/v1/employments/{id}/terms")
    @Operation(summary = "New terms from a date (startedOn): a pay rise, a new tax code, renewed insurance. Earlier terms are kept.")
    Employment changeTerms(SignedInUser user, @PathVariable long id, @RequestBody EmploymentJson body) {
        FormErrors errors = new FormErrors(messages, Locale.ENGLISH);
        EmploymentInput input = input(body, errors, false);
        return employments.changeTerms(user, id, input.startedOn(), input, errors);
    }

    /** The PA's last day (yyyy-mm-dd). */
    record EndJson(String lastDay) {
    }

    @PostMapping("/api/v1/employments/{id}/end")
    @Operation(summary = "The employment ends on the PA's last day (lastDay: not before the start nor before a day on a timesheet sent and not "
            + "queried, within a year from today; once: 409 after). "
            + "The payroll records stay. For the employer, someone acting for them, or the DP team or a practitioner. Audited")
    ResponseEntity<Void> end(SignedInUser user, @PathVariable long id, @RequestBody(required = false) EndJson body) {
        FormErrors errors = new FormErrors(messages, Locale.ENGLISH);
        LocalDate lastDay = errors.isoDate("lastDay", body == null ? null : body.lastDay(), true, "employment.label.last-day");
        employments.end(user, id, lastDay, errors);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/api/v1/citizens/{id}/employments")
    @Operation(summary = "The PAs a person employs, with the terms in force today")
    List<Employment> forCitizen(SignedInUser user, @PathVariable long id) {
        return employments.forCitizen(user, id);
    }

    @GetMapping("/api/v1/employments/{id}")
    @Operation(summary = "One employment: for the employer's side, the council's staff, and the PA")
    Employment one(SignedInUser user, @PathVariable long id) {
        return employments.find(user, id).orElseThrow(NotFound::new);
    }

    @GetMapping("/api/v1/my-employments")
    @Operation(summary = "A PA's own employments")
    List<Employment> mine(SignedInUser user) {
        return employments.asPa(user);
    }

    @PostMapping("/api/v1/employments/{id}/timesheets")
    @Operation(summary = "Send a timesheet: days with hours (24 at most a day, none before the start, after the PA's last day or in the future, none already sent)")
    ResponseEntity<Timesheets.Timesheet> submit(SignedInUser user, @PathVariable long id, @RequestBody TimesheetJson body) {
        FormErrors errors = new FormErrors(messages, Locale.ENGLISH);
        List<Timesheets.DayInput> days = new java.util.ArrayList<>();
        List<DayJson> given = body == null || body.days() == null ? List.of() : body.days();
        for (int i = 0; i < given.size(); i++) {
            DayJson day = given.get(i);
            LocalDate date = day == null ? null : errors.isoDate("day-" + (i + 1), day.date(), true, "timesheet.label.date");
            Timesheets.DayKind kind = Timesheets.DayKind.WORK;
            if (day != null && day.kind() != null && !day.kind().isBlank()) {
                try {
                    kind = Timesheets.DayKind.valueOf(day.kind().strip().toUpperCase(Locale.ROOT));
                } catch (IllegalArgumentException e) {
                    errors.reject("day-" + (i + 1) + "-kind", "timesheet.error.kind");
                }
            }
            days.add(new Timesheets.DayInput(date, day == null ? null : day.hours(), day == null ? null : day.note(), kind));
        }
        errors.throwIfAny();
        return ResponseEntity.status(201).body(timesheets.submit(user, id, days, Locale.ENGLISH));
    }

    @GetMapping("/api/v1/employments/{id}/timesheets")
    @Operation(summary = "Timesheets of an employment, newest first, with their status")
    List<Timesheets.Timesheet> timesheets(SignedInUser user, @PathVariable long id) {
        return timesheets.forEmployment(user, id);
    }

    @PostMapping("/api/v1/timesheets/{id}/approval")
    @Operation(summary = "The employer approves a timesheet: its hours go into the next payroll")
    Timesheets.Timesheet approve(SignedInUser user, @PathVariable long id) {
        return timesheets.decide(user, id, Timesheets.Status.APPROVED, null, Locale.ENGLISH);
    }

    @PostMapping("/api/v1/timesheets/{id}/query")
    @Operation(summary = "The employer queries a timesheet, saying what to check; the PA can send the days again")
    Timesheets.Timesheet query(SignedInUser user, @PathVariable long id, @RequestBody(required = false) DecisionJson body) {
        return timesheets.decide(user, id, Timesheets.Status.QUERIED, body == null ? null : body.note(), Locale.ENGLISH);
    }

    private static EmploymentInput input(EmploymentJson b, FormErrors errors, boolean newEmployment) {
        if (b == null) {
            b = new EmploymentJson(null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null);
        }
        LocalDate dob = newEmployment ? errors.isoDate("paDateOfBirth", b.paDateOfBirth(), true, "employment.label.dob") : null;
        LocalDate start = errors.isoDate("startedOn", b.startedOn(), true, "employment.label.start");
        LocalDate expires = errors.isoDate("elExpiresOn", b.elExpiresOn(), true, "employment.label.policy-ends");
        Money rate = b.hourlyRatePence() == null || b.hourlyRatePence() <= 0 || b.hourlyRatePence() > 100_000 ? null
                : Money.ofPence(b.hourlyRatePence());
        Integer contracted = b.contractedHoursPerWeek() == null || b.contractedHoursPerWeek().isBlank() ? null
                : Hours.parseMinutes(b.contractedHoursPerWeek());
        return new EmploymentInput(b.paGivenName(), b.paFamilyName(), dob, b.paEmail(), start, rate, b.hoursKind(), contracted,
                b.payFrequency(), b.taxCode(), Boolean.TRUE.equals(b.week1Month1()), b.starterDeclaration(),
                b.pension() == null ? "ASSESS" : b.pension(), b.elInsurer(), b.elPolicyNumber(), expires);
    }
}
