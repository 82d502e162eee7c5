package org.dphub.employment.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.dphub.employment.Dates;
import org.dphub.employment.Employment;
import org.dphub.employment.EmploymentInput;
import org.dphub.employment.Employments;
import org.dphub.employment.Hours;
import org.dphub.employment.Timesheets;
import org.dphub.people.Citizen;
import org.dphub.people.Citizens;
import org.dphub.shared.InvalidMoneyException;
import org.dphub.shared.Money;
import org.dphub.shared.SignedInUser;
import org.dphub.web.Conflict;
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
 * Being an employer: "Your PAs" lists the PAs a person (or someone acting for them) employs,
 * records a new one, and approves or queries timesheets. A PA sends timesheets from "Your work",
 * a day per row, made for a phone.
 */
@Controller
class EmploymentPages {

    static final int TIMESHEET_DAYS = 14;

    private final Employments employments;
    private final Timesheets timesheets;
    private final Citizens citizens;
    private final org.dphub.marketplace.Introductions introductions;
    private final org.dphub.employment.PayrollRuns payrollRuns;
    private final MessageSource messages;
    private final java.time.Clock clock;

    EmploymentPages(Employments employments, Timesheets timesheets, Citizens citizens,
                    org.dphub.marketplace.Introductions introductions, org.dphub.employment.PayrollRuns payrollRuns,
                    MessageSource messages, java.time.Clock clock) {
        this.clock = clock;
        this.payrollRuns = payrollRuns;
        this.introductions = introductions;
        this.employments = employments;
        this.timesheets = timesheets;
        this.citizens = citizens;
        this.messages = messages;
    }

    record Row(Employment employment, long waiting) {
    }

    /**
     * "Your PAs": everyone the signed-in person employs PAs for (themself, people they act for);
     * {@code ?citizen=} one of them. The DP team and practitioners come here from a person's page
     * ({@code ?citizen=} is then required) to do the same on the person's behalf.
     */
    @GetMapping("/my-employees")
    String list(SignedInUser user, @RequestParam(required = false) Long citizen, @RequestParam(required = false) String done,
                Model model) {
        if (citizen == null && user.isStaff()) {
            return "redirect:/citizens";
        }
        List<Citizen> people = citizen == null ? citizens.actingFor(user).stream().map(c -> c.citizen()).toList()
                : List.of(employments.employerSide(user, citizen));
        List<Row> rows = people.stream().flatMap(p -> employments.forCitizen(user, p.id()).stream())
                .map(e -> new Row(e, timesheets.forEmployment(user, e.id()).stream()
                        .filter(t -> t.status() == Timesheets.Status.SUBMITTED).count())).toList();
        model.addAttribute("rows", rows);
        model.addAttribute("people", people);
        model.addAttribute("onBehalfOf", user.isStaff() ? people.get(0) : null);
        // PAs hired through "Find a PA" whose pay is not set up yet (no employment with their email)
        List<org.dphub.marketplace.Introductions.HiredPa> hired = new ArrayList<>();
        for (Citizen person : people) {
            java.util.Set<String> recorded = new java.util.HashSet<>();
            rows.stream().filter(r -> r.employment().citizenId() == person.id() && r.employment().paEmail() != null)
                    .forEach(r -> recorded.add(r.employment().paEmail().toLowerCase(Locale.ROOT)));
            introductions.hiresFor(user, person.id()).stream()
                    .filter(h -> h.paEmail() == null || !recorded.contains(h.paEmail().toLowerCase(Locale.ROOT))).forEach(hired::add);
        }
        model.addAttribute("hired", hired);
        model.addAttribute("today", LocalDate.now(clock));
        model.addAttribute("done", done);
        return "employment/employees";
    }

    @GetMapping("/my-employees/new")
    String newForm(SignedInUser user, @RequestParam long citizen, @RequestParam(required = false) Long hire, Model model, Locale locale) {
        citizens.find(user, citizen).orElseThrow(NotFound::new);
        Map<String, String> form = new HashMap<>();
        form.put("payFrequency", "MONTHLY");
        form.put("pension", "ASSESS");
        if (hire != null) {
            // hired through "Find a PA": what was agreed is filled in
            introductions.hiresFor(user, citizen).stream().filter(h -> h.hireId() == hire).findFirst().ifPresent(h -> {
                form.put("paGivenName", h.paName());
                form.put("paEmail", h.paEmail() == null ? "" : h.paEmail());
                form.put("hourlyRate", h.agreedHourlyRate().toPlainString());
                form.put("startedOn-day", Integer.toString(h.startDate().getDayOfMonth()));
                form.put("startedOn-month", Integer.toString(h.startDate().getMonthValue()));
                form.put("startedOn-year", Integer.toString(h.startDate().getYear()));
            });
        }
        return showForm(user, citizen, form, model, new FormErrors(messages, locale));
    }

    @PostMapping("/my-employees/new")
    String create(SignedInUser user, @RequestParam long citizen, @RequestParam Map<String, String> form, Model model, Locale locale) {
        FormErrors errors = new FormErrors(messages, locale);
        LocalDate dob = date(errors, form, "paDateOfBirth", "employment.label.dob");
        LocalDate start = date(errors, form, "startedOn", "employment.label.start");
        LocalDate expires = date(errors, form, "elExpiresOn", "employment.label.policy-ends");
        Money rate = null;
        try {
            rate = Money.parsePositive(form.getOrDefault("hourlyRate", ""));
        } catch (InvalidMoneyException e) {
            errors.reject("hourlyRate", "employment.error.rate");
        }
        String contractedText = form.getOrDefault("contractedHours", "");
        Integer contracted = contractedText.isBlank() ? null : Hours.parseMinutes(contractedText);
        EmploymentInput input = new EmploymentInput(form.get("paGivenName"), form.get("paFamilyName"), dob, form.get("paEmail"), start,
                rate, form.get("hoursKind"), contracted, form.get("payFrequency"), form.get("taxCode"),
                "true".equals(form.get("week1Month1")), form.getOrDefault("starterDeclaration", ""), form.get("pension"),
                form.get("elInsurer"), form.get("elPolicyNumber"), expires);
        Employment made;
        try {
            made = employments.create(user, citizen, input, errors);
        } catch (ValidationProblem problem) {
            return showForm(user, citizen, form, model, errors);
        }
        return "redirect:/my-employees/" + made.id() + "?added=true";
    }

    private String showForm(SignedInUser user, long citizen, Map<String, String> form, Model model, FormErrors errors) {
        model.addAttribute("person", citizens.find(user, citizen).orElseThrow(NotFound::new));
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        return "employment/new-employee";
    }

    @GetMapping("/my-employees/{id}")
    String employee(SignedInUser user, @PathVariable long id, @RequestParam(defaultValue = "false") boolean added,
                    @RequestParam(defaultValue = "false") boolean renewed, @RequestParam(defaultValue = "false") boolean ended,
                    Model model, Locale locale) {
        model.addAttribute("renewed", renewed);
        model.addAttribute("ended", ended);
        return showEmployee(user, id, added, model, new FormErrors(messages, locale), null);
    }

    // --- the employment ends (the PA's last day); needed before a PA can leave the register (issue 17)

    @GetMapping("/my-employees/{id}/end")
    String endForm(SignedInUser user, @PathVariable long id, Model model, Locale locale) {
        Employment employment = employerSideOf(user, id);
        FormErrors errors = new FormErrors(messages, locale);
        if (employment.endedOn() != null) {
            errors.reject("lastDay", "employment.error.already-ended", Dates.day(employment.endedOn(), locale));
        }
        return showEnd(employment, Map.of(), model, errors);
    }

    @PostMapping("/my-employees/{id}/end")
    String end(SignedInUser user, @PathVariable long id, @RequestParam Map<String, String> form, Model model, Locale locale) {
        Employment employment = employerSideOf(user, id);
        FormErrors errors = new FormErrors(messages, locale);
        LocalDate lastDay = date(errors, form, "lastDay", "employment.label.last-day");
        try {
            employments.end(user, id, lastDay, errors);
        } catch (ValidationProblem problem) {
            return showEnd(employment, form, model, errors);
        } catch (Conflict alreadyEnded) {
            // ended a moment ago (another tab, or someone else acting for the employer): say when
            Employment now = employerSideOf(user, id);
            FormErrors ended = new FormErrors(messages, locale);
            ended.reject("lastDay", "employment.error.already-ended", Dates.day(now.endedOn(), locale));
            return showEnd(now, form, model, ended);
        }
        return "redirect:/my-employees/" + id + "?ended=true";
    }

    private String showEnd(Employment employment, Map<String, String> form, Model model, FormErrors errors) {
        model.addAttribute("e", employment);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        return "employment/end";
    }

    // --- renewed employer's liability insurance (the reminder letter asks for the new end date)

    @GetMapping("/my-employees/{id}/insurance")
    String insuranceForm(SignedInUser user, @PathVariable long id, Model model, Locale locale) {
        Employment employment = employerSideOf(user, id);
        Map<String, String> form = new HashMap<>();
        form.put("elInsurer", employment.terms().elInsurer());
        form.put("elPolicyNumber", employment.terms().elPolicyNumber());
        return showInsurance(employment, form, model, new FormErrors(messages, locale));
    }

    @PostMapping("/my-employees/{id}/insurance")
    String renewInsurance(SignedInUser user, @PathVariable long id, @RequestParam Map<String, String> form, Model model, Locale locale) {
        Employment employment = employerSideOf(user, id);
        FormErrors errors = new FormErrors(messages, locale);
        LocalDate expires = date(errors, form, "elExpiresOn", "employment.label.policy-ends");
        try {
            employments.renewInsurance(user, id, form.get("elInsurer"), form.get("elPolicyNumber"), expires, errors);
        } catch (ValidationProblem problem) {
            return showInsurance(employment, form, model, errors);
        }
        return "redirect:/my-employees/" + id + "?renewed=true";
    }

    private Employment employerSideOf(SignedInUser user, long id) {
        return employments.find(user, id).filter(e -> employments.isEmployerSide(user, e)).orElseThrow(NotFound::new);
    }

    private String showInsurance(Employment employment, Map<String, String> form, Model model, FormErrors errors) {
        model.addAttribute("e", employment);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        return "employment/insurance";
    }

    private String showEmployee(SignedInUser user, long id, boolean added, Model model, FormErrors errors, Long queried) {
        Employment employment = employments.find(user, id).filter(e -> employments.isEmployerSide(user, e)).orElseThrow(NotFound::new);
        model.addAttribute("e", employment);
        model.addAttribute("sheets", timesheets.forEmployment(user, id));
        model.addAttribute("today", LocalDate.now(clock));
        model.addAttribute("added", added);
        model.addAttribute("errors", errors);
        model.addAttribute("queried", queried);
        if (!model.containsAttribute("renewed")) {
            model.addAttribute("renewed", false);
        }
        if (!model.containsAttribute("ended")) {
            model.addAttribute("ended", false);
        }
        return "employment/employee";
    }

    @PostMapping("/my-employees/timesheets/{id}/approve")
    String approve(SignedInUser user, @PathVariable long id, Locale locale) {
        Timesheets.Timesheet sheet = timesheets.find(user, id).orElseThrow(NotFound::new);
        try {
            timesheets.decide(user, id, Timesheets.Status.APPROVED, null, locale);
        } catch (Conflict alreadyDecided) {
            // decided a moment ago (another tab): the page shows how
        }
        return "redirect:/my-employees/" + sheet.employmentId() + "#timesheet-" + id;
    }

    @PostMapping("/my-employees/timesheets/{id}/query")
    String query(SignedInUser user, @PathVariable long id, @RequestParam Map<String, String> form, Model model, Locale locale) {
        Timesheets.Timesheet sheet = timesheets.find(user, id).orElseThrow(NotFound::new);
        String note = form.getOrDefault("note-" + id, "");
        try {
            timesheets.decide(user, id, Timesheets.Status.QUERIED, note, locale);
        } catch (ValidationProblem problem) {
            FormErrors errors = new FormErrors(messages, locale);
            errors.reject("note-" + id, "timesheet.error.query-note");
            return showEmployee(user, sheet.employmentId(), false, model, errors, id);
        } catch (Conflict alreadyDecided) {
            // decided a moment ago
        }
        return "redirect:/my-employees/" + sheet.employmentId() + "#timesheet-" + id;
    }

    // --- the PA

    @GetMapping("/pa/work")
    String work(SignedInUser pa, @RequestParam(defaultValue = "false") boolean sent, Model model) {
        List<Employment> jobs = employments.asPa(pa);
        Map<Long, List<Timesheets.Timesheet>> sheets = new HashMap<>();
        for (Employment job : jobs) {
            sheets.put(job.id(), timesheets.forEmployment(pa, job.id()));
        }
        LocalDate today = employments.today();
        model.addAttribute("jobs", jobs);
        model.addAttribute("today", today);
        // after the last day, a timesheet can still be sent while the form's days reach back to it
        model.addAttribute("sendable", jobs.stream().filter(j -> j.endedOn() == null || !j.endedOn().isBefore(today.minusDays(TIMESHEET_DAYS - 1)))
                .map(Employment::id).collect(java.util.stream.Collectors.toSet()));
        model.addAttribute("payslips", payrollRuns.mine(pa).stream().filter(org.dphub.employment.Payslip::approved).toList());
        model.addAttribute("sheets", sheets);
        model.addAttribute("sent", sent);
        return "employment/work";
    }

    record DayRow(int number, LocalDate date, String hours, String note) {
    }

    @GetMapping("/pa/work/{id}/timesheet")
    String timesheetForm(SignedInUser pa, @PathVariable long id, Model model, Locale locale) {
        return showTimesheet(pa, id, Map.of(), model, new FormErrors(messages, locale));
    }

    @PostMapping("/pa/work/{id}/timesheet")
    String sendTimesheet(SignedInUser pa, @PathVariable long id, @RequestParam Map<String, String> form, Model model, Locale locale) {
        List<Timesheets.DayInput> days = new ArrayList<>();
        for (DayRow row : rows(Map.of())) {
            days.add(new Timesheets.DayInput(row.date(), form.getOrDefault("day-" + row.number(), ""),
                    form.getOrDefault("day-" + row.number() + "-note", "")));
        }
        try {
            timesheets.submit(pa, id, days, locale);
        } catch (ValidationProblem problem) {
            FormErrors errors = new FormErrors(messages, locale);
            problem.errors().forEach(e -> errors.reject(e.field(), "timesheet.error.as-is", e.message()));
            return showTimesheet(pa, id, form, model, errors);
        }
        return "redirect:/pa/work?sent=true";
    }

    private String showTimesheet(SignedInUser pa, long id, Map<String, String> form, Model model, FormErrors errors) {
        Employment job = employments.asPa(pa).stream().filter(e -> e.id() == id).findFirst().orElseThrow(NotFound::new);
        model.addAttribute("job", job);
        model.addAttribute("rows", rows(form));
        model.addAttribute("errors", errors);
        return "employment/timesheet";
    }

    /** Today and the 13 days before it, newest first: the PA fills in the days they worked. */
    private List<DayRow> rows(Map<String, String> form) {
        List<DayRow> rows = new ArrayList<>();
        LocalDate today = employments.today();
        for (int i = 0; i < TIMESHEET_DAYS; i++) {
            int n = i + 1;
            rows.add(new DayRow(n, today.minusDays(i), form.getOrDefault("day-" + n, ""), form.getOrDefault("day-" + n + "-note", "")));
        }
        return rows;
    }

    private static LocalDate date(FormErrors errors, Map<String, String> form, String field, String labelKey) {
        return errors.date(field, form.get(field + "-day"), form.get(field + "-month"), form.get(field + "-year"), labelKey);
    }
}
