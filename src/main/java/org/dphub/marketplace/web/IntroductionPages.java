package org.dphub.marketplace.web;

import java.time.LocalDate;
import java.util.Locale;
import org.dphub.marketplace.Introductions;
import org.dphub.marketplace.IntroductionStatus;
import org.dphub.marketplace.PaProfile;
import org.dphub.marketplace.PaProfiles;
import org.dphub.marketplace.Side;
import org.dphub.shared.Money;
import org.dphub.shared.PostcodeDirectory;
import org.dphub.shared.SignedInUser;
import org.dphub.web.Conflict;
import org.dphub.web.FormErrors;
import org.dphub.web.NotFound;
import org.dphub.web.RuleRefusal;
import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Introductions, for both sides: an invitation or an expression of interest becomes a
 * conversation only when the other side agrees; contact details and messages come only then.
 * Either side may decline or block; the employer's side hires at an agreed rate. The DP team
 * checks new PAs; council staff see PA rates of pay by area.
 */
@Controller
class IntroductionPages {

    private final Introductions introductions;
    private final PaProfiles profiles;
    private final org.dphub.marketplace.Vacancies vacancies;
    private final PostcodeDirectory postcodes;
    private final MessageSource messages;
    private final java.time.Clock clock;

    IntroductionPages(Introductions introductions, PaProfiles profiles, org.dphub.marketplace.Vacancies vacancies,
                      PostcodeDirectory postcodes, MessageSource messages, java.time.Clock clock) {
        this.clock = clock;
        this.introductions = introductions;
        this.profiles = profiles;
        this.vacancies = vacancies;
        this.postcodes = postcodes;
        this.messages = messages;
    }

    @GetMapping("/introductions")
    String list(SignedInUser user, Model model) {
        model.addAttribute("introductions", introductions.forUser(user));
        return "marketplace/introductions";
    }

    @GetMapping("/introductions/{id}")
    String one(SignedInUser user, @PathVariable long id, Model model, Locale locale) {
        return show(user, id, model, new FormErrors(messages, locale), "", "", "", "", "");
    }

    private String show(SignedInUser user, long id, Model model, FormErrors errors, String message, String rate, String day,
                        String month, String year) {
        Introductions.IntroductionView view = introductions.view(user, id);
        model.addAttribute("v", view);
        model.addAttribute("mine", view.yourSide() == view.introduction().startedBy());
        model.addAttribute("connected", view.introduction().status() == IntroductionStatus.CONNECTED
                || view.introduction().status() == IntroductionStatus.HIRED);
        model.addAttribute("waiting", view.introduction().status() == IntroductionStatus.INVITED
                || view.introduction().status() == IntroductionStatus.INTERESTED);
        model.addAttribute("employer", view.yourSide() == Side.EMPLOYER);
        // a report link only for what this side may report (the services decide; a hidden or suspended PA, a closed vacancy: none)
        model.addAttribute("reportProfile", view.yourSide() == Side.EMPLOYER && profiles.view(user, view.paProfileId()).isPresent());
        model.addAttribute("reportVacancy", view.yourSide() == Side.PA
                && vacancies.reportableTitle(user, view.introduction().vacancyId()).isPresent());
        model.addAttribute("messages", view.introduction().status() == IntroductionStatus.CONNECTED
                || view.introduction().status() == IntroductionStatus.HIRED ? introductions.messages(user, id) : java.util.List.of());
        model.addAttribute("message", message);
        model.addAttribute("rate", rate);
        model.addAttribute("day", day);
        model.addAttribute("month", month);
        model.addAttribute("year", year);
        model.addAttribute("errors", errors);
        return "marketplace/introduction";
    }

    @PostMapping("/introductions/{id}/acceptance")
    String accept(SignedInUser user, @PathVariable long id) {
        try {
            introductions.accept(user, id);
        } catch (Conflict alreadyDone) {
            // the page shows where it stands
        }
        return "redirect:/introductions/" + id;
    }

    @PostMapping("/introductions/{id}/decline")
    String decline(SignedInUser user, @PathVariable long id) {
        try {
            introductions.decline(user, id);
        } catch (Conflict alreadyDone) {
            // the page shows where it stands
        }
        return "redirect:/introductions/" + id;
    }

    @PostMapping("/introductions/{id}/block")
    String block(SignedInUser user, @PathVariable long id) {
        try {
            introductions.block(user, id);
        } catch (Conflict alreadyDone) {
            // the page shows where it stands
        }
        return "redirect:/introductions/" + id;
    }

    @PostMapping("/introductions/{id}/messages")
    String send(SignedInUser user, @PathVariable long id, @RequestParam(defaultValue = "") String message, Model model, Locale locale) {
        FormErrors errors = new FormErrors(messages, locale);
        String text = new PageInput(errors, postcodes).text("message", message, 4000, true, "mp.label.message");
        if (!errors.isEmpty()) {
            return show(user, id, model, errors, message, "", "", "", "");
        }
        introductions.send(user, id, text);
        return "redirect:/introductions/" + id + "#messages";
    }

    @PostMapping("/introductions/{id}/hire")
    String hire(SignedInUser user, @PathVariable long id, @RequestParam(defaultValue = "") String rate,
                @RequestParam(name = "start-day", defaultValue = "") String day, @RequestParam(name = "start-month", defaultValue = "") String month,
                @RequestParam(name = "start-year", defaultValue = "") String year, Model model, Locale locale) {
        FormErrors errors = new FormErrors(messages, locale);
        Money agreed = new PageInput(errors, postcodes).rate("rate", rate);
        LocalDate start = errors.date("start", day, month, year, "mp.label.start");
        if (errors.isEmpty()) {
            try {
                introductions.hire(user, id, agreed, start);
                return "redirect:/introductions/" + id + "?hired";
            } catch (RuleRefusal belowWage) {
                errors.reject("rate", "mp.error.national-living-wage", belowWage.whatWouldAllowIt().replaceAll("[^0-9.£]", ""));
            }
        }
        return show(user, id, model, errors, "", rate, day, month, year);
    }

    // --- the DP team checks new PAs

    @GetMapping("/pa-checks")
    @PreAuthorize("hasRole('DP_TEAM')")
    String checks(SignedInUser dpTeam, @RequestParam(required = false) String live, Model model, Locale locale) {
        model.addAttribute("profiles", profiles.awaitingChecks(dpTeam));
        model.addAttribute("live", live);
        model.addAttribute("errors", new FormErrors(messages, locale));
        return "marketplace/checks";
    }

    @PostMapping("/pa-checks/{id}")
    @PreAuthorize("hasRole('DP_TEAM')")
    String check(SignedInUser dpTeam, @PathVariable long id, @RequestParam(defaultValue = "false") boolean identity,
                 @RequestParam(defaultValue = "false") boolean references, @RequestParam java.util.Map<String, String> form,
                 Model model, Locale locale) {
        String day = form.get("dbs-" + id + "-day");
        String month = form.get("dbs-" + id + "-month");
        String year = form.get("dbs-" + id + "-year");
        FormErrors errors = new FormErrors(messages, locale);
        PaProfile profile = profiles.view(dpTeam, id).orElseThrow(NotFound::new).profile();
        LocalDate dbs = errors.date("dbs-" + id, day, month, year, "mp.label.dbs");
        if (!identity || !references) {
            errors.reject("identity-" + id, "mp.error.checks");
        }
        if (!profile.codeOfConductAccepted()) {
            errors.reject("identity-" + id, "mp.error.checks.conduct");
        }
        if (dbs != null && dbs.isAfter(LocalDate.now(clock))) {
            errors.reject("dbs-" + id, "mp.error.dbs-future");
        }
        if (errors.isEmpty()) {
            try {
                profiles.recordChecks(dpTeam, id, true, true, dbs);
                return "redirect:/pa-checks?live=" + id;
            } catch (RuleRefusal | Conflict refused) {
                errors.reject("identity-" + id, "mp.error.checks");
            }
        }
        model.addAttribute("profiles", profiles.awaitingChecks(dpTeam));
        model.addAttribute("live", null);
        model.addAttribute("errors", errors);
        return "marketplace/checks";
    }

    @GetMapping("/pa-pay-rates")
    String payRates(SignedInUser staff, Model model) {
        var rates = introductions.payRates(staff);
        long highest = rates.stream().mapToLong(r -> r.highestPence()).max().orElse(1);
        model.addAttribute("rates", rates);
        model.addAttribute("highest", Math.max(highest, 1));
        return "marketplace/pay-rates";
    }
}
