package org.dphub.help.web;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.dphub.help.CoverBooking;
import org.dphub.help.CoverBookings;
import org.dphub.help.CoverStatus;
import org.dphub.help.CoverTransitions;
import org.dphub.marketplace.CoverOffers;
import org.dphub.marketplace.Interest;
import org.dphub.marketplace.Skill;
import org.dphub.people.Citizen;
import org.dphub.people.Citizens;
import org.dphub.shared.SignedInUser;
import org.dphub.web.FormErrors;
import org.dphub.web.NotFound;
import org.dphub.web.ValidationProblem;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Cover when a PA is off (issue 18), with no JavaScript: "Find cover" (the shift today or tomorrow,
 * then the cover PAs found, each with a button to ask them), the bookings list, and one booking —
 * where the PA accepts (giving what their employment needs) or declines, and either side calls it off.
 */
@Controller
class CoverPages {

    /** The shift as typed on the page. */
    record Form(String date, String startTime, String endTime, String needs, String hourlyRate, List<String> skills,
                List<String> interests) {

        CoverBookings.Typed typed() {
            return new CoverBookings.Typed(date, startTime, endTime, needs, hourlyRate, skills,
                    interests.stream().map(i -> {
                        try {
                            return Interest.valueOf(i).tag();
                        } catch (IllegalArgumentException e) {
                            return i;
                        }
                    }).toList());
        }
    }

    private final CoverBookings bookings;
    private final Citizens citizens;
    private final MessageSource messages;

    CoverPages(CoverBookings bookings, Citizens citizens, MessageSource messages) {
        this.bookings = bookings;
        this.citizens = citizens;
        this.messages = messages;
    }

    @GetMapping("/cover")
    String find(SignedInUser user, @RequestParam(required = false) Long citizen, @RequestParam(required = false) String date,
                @RequestParam(required = false) String startTime, @RequestParam(required = false) String endTime,
                @RequestParam(required = false) String needs, @RequestParam(required = false) String hourlyRate,
                @RequestParam(required = false) List<String> skills, @RequestParam(required = false) List<String> interests,
                @RequestParam(required = false) String find, Model model, Locale locale) {
        if (citizen == null) {
            List<Citizens.CitizenWithRelationship> people = citizens.actingFor(user);
            if (people.size() != 1) {
                model.addAttribute("people", people);
                return "help/cover-choose";
            }
            citizen = people.get(0).citizen().id();
        }
        Citizen person = bookings.employer(user, citizen);
        Form form = new Form(date, startTime, endTime, needs, hourlyRate == null ? bookings.defaultRate(person).toPlainString() : hourlyRate,
                limit(skills), limit(interests));
        FormErrors errors = new FormErrors(messages, locale);
        List<CoverOffers.CoverCandidate> found = null;
        if (find != null) {
            CoverBookings.Wanted wanted = bookings.read(form.typed(), false, "hourlyRate", errors);
            if (wanted != null) {
                found = bookings.search(user, person.id(), wanted);
            }
        }
        return show(model, person, form, errors, found);
    }

    @PostMapping("/cover/ask")
    String ask(SignedInUser user, @RequestParam long citizen, @RequestParam(required = false) Long profileId,
               @RequestParam(required = false) String date, @RequestParam(required = false) String startTime,
               @RequestParam(required = false) String endTime, @RequestParam(required = false) String needs,
               @RequestParam(required = false) String hourlyRate, @RequestParam(required = false) List<String> skills,
               @RequestParam(required = false) List<String> interests, Model model, Locale locale) {
        Citizen person = bookings.employer(user, citizen);
        Form form = new Form(date, startTime, endTime, needs, hourlyRate, limit(skills), limit(interests));
        FormErrors errors = new FormErrors(messages, locale);
        CoverBookings.Wanted wanted = bookings.read(form.typed(), true, "hourlyRate", errors);
        if (wanted != null && profileId != null) {
            try {
                CoverBooking booking = bookings.request(user, citizen, profileId, wanted, errors);
                return "redirect:/cover-bookings/" + booking.id() + "?asked";
            } catch (ValidationProblem e) {
                // shown below with the page
            }
        } else if (profileId == null) {
            errors.reject("profileId", "cover.error.pa-not-available");
        }
        CoverBookings.Wanted shift = bookings.read(form.typed(), false, "hourlyRate", new FormErrors(messages, locale));
        return show(model, person, form, errors, shift == null ? null : bookings.search(user, person.id(), shift));
    }

    private static List<String> limit(List<String> values) {
        return values == null ? List.of() : values.stream().limit(40).toList();
    }

    private String show(Model model, Citizen person, Form form, FormErrors errors, List<CoverOffers.CoverCandidate> found) {
        LocalDate today = bookings.today();
        model.addAttribute("citizen", person);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("found", found);
        model.addAttribute("insured", bookings.insured(person.id()));
        model.addAttribute("days", List.of(today.toString(), today.plusDays(1).toString()));
        model.addAttribute("today", today);
        model.addAttribute("tomorrow", today.plusDays(1));
        model.addAttribute("skillOptions", Arrays.stream(Skill.values()).map(Enum::name).toList());
        model.addAttribute("interestOptions", Arrays.stream(Interest.values()).map(Enum::name).toList());
        return "help/cover-find";
    }

    @GetMapping("/cover-bookings")
    String list(SignedInUser user, Model model) {
        model.addAttribute("bookings", bookings.mine(user));
        return "help/cover-bookings";
    }

    @GetMapping("/cover-bookings/{id}")
    String booking(SignedInUser user, @PathVariable long id, Model model, Locale locale) {
        CoverBooking booking = bookings.find(user, id).orElseThrow(NotFound::new);
        return showBooking(model, booking, new FormErrors(messages, locale), "", "", "", "", "", "", user);
    }

    @PostMapping("/cover-bookings/{id}/accept")
    String accept(SignedInUser user, @PathVariable long id, @RequestParam(defaultValue = "") String givenName,
                  @RequestParam(defaultValue = "") String familyName, @RequestParam(name = "paDateOfBirth-day", defaultValue = "") String day,
                  @RequestParam(name = "paDateOfBirth-month", defaultValue = "") String month,
                  @RequestParam(name = "paDateOfBirth-year", defaultValue = "") String year,
                  @RequestParam(defaultValue = "") String starterDeclaration, Model model, Locale locale) {
        CoverBooking booking = bookings.find(user, id).orElseThrow(NotFound::new);
        FormErrors errors = new FormErrors(messages, locale);
        LocalDate dob = errors.date("paDateOfBirth", day, month, year, "employment.label.dob");
        try {
            bookings.accept(user, id, new CoverBookings.Acceptance(givenName, familyName, dob, starterDeclaration), errors);
            return "redirect:/cover-bookings/" + id + "?accepted";
        } catch (ValidationProblem e) {
            return showBooking(model, booking, errors, givenName, familyName, day, month, year, starterDeclaration, user);
        } catch (CoverBookings.Refused refused) {
            // the shift has ended, or the PA has accepted other cover at that time: said on the page, nothing changed
            FormErrors why = new FormErrors(messages, locale);
            why.reject("accept-cover", refused.key(), refused.args());
            return showBooking(model, bookings.find(user, id).orElseThrow(NotFound::new), why, givenName, familyName, day, month, year,
                    starterDeclaration, user);
        }
    }

    @PostMapping("/cover-bookings/{id}/decline")
    String decline(SignedInUser user, @PathVariable long id) {
        bookings.decline(user, id);
        return "redirect:/cover-bookings/" + id + "?declined";
    }

    @PostMapping("/cover-bookings/{id}/cancel")
    String cancel(SignedInUser user, @PathVariable long id) {
        bookings.cancel(user, id);
        return "redirect:/cover-bookings/" + id + "?cancelled";
    }

    @PostMapping("/cover-bookings/{id}/worked")
    String worked(SignedInUser user, @PathVariable long id) {
        bookings.worked(user, id);
        return "redirect:/cover-bookings/" + id + "?worked";
    }

    private String showBooking(Model model, CoverBooking booking, FormErrors errors, String givenName, String familyName, String day,
                               String month, String year, String starter, SignedInUser user) {
        boolean pa = booking.yourSide() == CoverTransitions.Side.PA;
        model.addAttribute("booking", booking);
        model.addAttribute("errors", errors);
        model.addAttribute("isPa", pa);
        model.addAttribute("mayAnswer", pa && booking.status() == CoverStatus.REQUESTED && !bookings.ended(booking));
        model.addAttribute("mayCancel", (booking.status() == CoverStatus.REQUESTED || booking.status() == CoverStatus.ACCEPTED) && !user.isStaff());
        model.addAttribute("mayMarkWorked", !pa && booking.status() == CoverStatus.ACCEPTED && !user.isStaff());
        String[] names = user.displayName() == null ? new String[0] : user.displayName().strip().split("\\s+", 2);
        model.addAttribute("givenName", givenName.isEmpty() && names.length > 0 ? names[0] : givenName);
        model.addAttribute("familyName", familyName.isEmpty() && names.length > 1 ? names[1] : familyName);
        model.addAttribute("dobDay", day);
        model.addAttribute("dobMonth", month);
        model.addAttribute("dobYear", year);
        model.addAttribute("starterDeclaration", starter);
        return "help/cover-booking";
    }
}
