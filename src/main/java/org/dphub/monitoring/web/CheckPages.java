package org.dphub.monitoring.web;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.dphub.monitoring.CheckOutcome;
import org.dphub.monitoring.Checks;
import org.dphub.monitoring.internal.CheckRepository;
import org.dphub.payments.Accounts;
import org.dphub.people.Citizen;
import org.dphub.people.Citizens;
import org.dphub.shared.SignedInUser;
import org.dphub.web.FormErrors;
import org.dphub.web.NotFound;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Checks due and why, recording what a check found, effort against findings; concerns from any staff member. */
@Controller
class CheckPages {

    private final Checks checks;
    private final Citizens citizens;
    private final Accounts accounts;
    private final MessageSource messages;

    CheckPages(Checks checks, Citizens citizens, Accounts accounts, MessageSource messages) {
        this.checks = checks;
        this.citizens = citizens;
        this.accounts = accounts;
        this.messages = messages;
    }

    @GetMapping("/checks")
    String due(SignedInUser staff, @RequestParam(defaultValue = "false") boolean done,
               @RequestParam(defaultValue = "-1") int returns, Model model) {
        model.addAttribute("returnsRequested", returns);
        model.addAttribute("mayRequestReturns", staff.has(org.dphub.shared.Role.FINANCE));
        List<CheckRepository.Due> due = checks.due(staff);
        Map<Long, String> names = due.stream().map(CheckRepository.Due::citizenId).distinct()
                .collect(Collectors.toMap(c -> c, c -> citizens.find(staff, c).map(Citizen::fullName).orElse("")));
        List<Checks.Effort> effort = checks.effort(staff);
        long most = effort.stream().mapToLong(Checks.Effort::minutes).max().orElse(0);
        model.addAttribute("due", due);
        model.addAttribute("names", names);
        model.addAttribute("effort", effort);
        model.addAttribute("mostMinutes", Math.max(1, most));
        model.addAttribute("done", done);
        return "monitoring/checks";
    }

    @GetMapping("/checks/{accountId}/new")
    String form(SignedInUser staff, @PathVariable long accountId, Model model, Locale locale) {
        return showForm(staff, model, accountId, "", "", "", new FormErrors(messages, locale));
    }

    @PostMapping("/checks/{accountId}/new")
    String record(SignedInUser staff, @PathVariable long accountId, @RequestParam(defaultValue = "") String outcome,
                  @RequestParam(defaultValue = "") String minutes, @RequestParam(defaultValue = "") String notes, Model model,
                  Locale locale) {
        FormErrors errors = new FormErrors(messages, locale);
        CheckOutcome found = null;
        try {
            found = CheckOutcome.valueOf(outcome);
        } catch (IllegalArgumentException e) {
            errors.reject("outcome", "checks.form.error.outcome");
        }
        Integer spent = null;
        if (!minutes.strip().matches("\\d{1,4}") || Integer.parseInt(minutes.strip()) > 6000) {
            errors.reject("minutes", "checks.form.error.minutes");
        } else {
            spent = Integer.valueOf(minutes.strip());
        }
        String text = errors.text("notes", notes, 2000, false, "checks.label.notes");
        if (!errors.isEmpty()) {
            return showForm(staff, model, accountId, outcome, minutes, notes, errors);
        }
        checks.record(staff, accountId, found, spent, text == null || text.isEmpty() ? null : text);
        return "redirect:/checks?done=true";
    }

    private String showForm(SignedInUser staff, Model model, long accountId, String outcome, String minutes, String notes,
                            FormErrors errors) {
        Accounts.Summary summary = accounts.find(staff, accountId).filter(s -> staff.isStaffOf(s.account().councilId()))
                .orElseThrow(NotFound::new);
        model.addAttribute("s", summary);
        model.addAttribute("citizen", citizens.find(staff, summary.account().citizenId()).orElseThrow(NotFound::new));
        model.addAttribute("reasons", checks.due(staff).stream().filter(d -> d.accountId() == accountId).findFirst()
                .map(CheckRepository.Due::reasons).orElse(List.of()));
        model.addAttribute("outcomes", CheckOutcome.values());
        model.addAttribute("outcome", outcome);
        model.addAttribute("minutes", minutes);
        model.addAttribute("notes", notes);
        model.addAttribute("errors", errors);
        return "monitoring/record-check";
    }

    @GetMapping("/accounts/{id}/concerns/new")
    String concernForm(SignedInUser staff, @PathVariable long id, Model model, Locale locale) {
        return showConcern(staff, model, id, "", new FormErrors(messages, locale));
    }

    @PostMapping("/accounts/{id}/concerns/new")
    String concern(SignedInUser staff, @PathVariable long id, @RequestParam(defaultValue = "") String concern, Model model,
                   Locale locale) {
        FormErrors errors = new FormErrors(messages, locale);
        String text = errors.text("concern", concern, 2000, true, "checks.label.concern");
        if (!errors.isEmpty()) {
            return showConcern(staff, model, id, concern, errors);
        }
        checks.raiseConcern(staff, id, text);
        return "redirect:/accounts/" + id + "?done=concern";
    }

    private String showConcern(SignedInUser staff, Model model, long id, String concern, FormErrors errors) {
        Accounts.Summary summary = accounts.find(staff, id).filter(s -> staff.isStaffOf(s.account().councilId()))
                .orElseThrow(NotFound::new);
        model.addAttribute("s", summary);
        model.addAttribute("citizen", citizens.find(staff, summary.account().citizenId()).orElseThrow(NotFound::new));
        model.addAttribute("concern", concern);
        model.addAttribute("errors", errors);
        return "monitoring/concern";
    }
}
