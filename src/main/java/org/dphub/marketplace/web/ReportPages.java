package org.dphub.marketplace.web;

import java.util.Locale;
import org.dphub.marketplace.PaProfiles;
import org.dphub.marketplace.Vacancies;
import org.dphub.shared.PostcodeDirectory;
import org.dphub.shared.Role;
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

/**
 * Reporting a PA's profile or a vacancy to the DP team. Only what this person can see may be
 * reported (the services decide: anything else is not found); the reason is plain text.
 */
@Controller
class ReportPages {

    static final int MAX_REASON = 2000;

    private final PaProfiles profiles;
    private final Vacancies vacancies;
    private final PostcodeDirectory postcodes;
    private final MessageSource messages;

    ReportPages(PaProfiles profiles, Vacancies vacancies, PostcodeDirectory postcodes, MessageSource messages) {
        this.profiles = profiles;
        this.vacancies = vacancies;
        this.postcodes = postcodes;
        this.messages = messages;
    }

    @GetMapping("/pa-profiles/{id}/report")
    String profileForm(SignedInUser user, @PathVariable long id, @RequestParam(required = false) String sent, Model model,
                       Locale locale) {
        String name = profiles.view(user, id).orElseThrow(NotFound::new).profile().publicName();
        return show(model, "profile", name, "/pa-profiles/" + id + "/report", backFor(user), sent != null, "",
                new FormErrors(messages, locale));
    }

    @PostMapping("/pa-profiles/{id}/report")
    String reportProfile(SignedInUser user, @PathVariable long id, @RequestParam(defaultValue = "") String reason, Model model,
                         Locale locale) {
        String name = profiles.view(user, id).orElseThrow(NotFound::new).profile().publicName();
        FormErrors errors = new FormErrors(messages, locale);
        String text = reasonOf(errors, reason);
        if (!errors.isEmpty()) {
            return show(model, "profile", name, "/pa-profiles/" + id + "/report", backFor(user), false, reason, errors);
        }
        profiles.report(user, id, text);
        return "redirect:/pa-profiles/" + id + "/report?sent=true";
    }

    @GetMapping("/vacancies/{id}/report")
    String vacancyForm(SignedInUser user, @PathVariable long id, @RequestParam(required = false) String sent, Model model,
                       Locale locale) {
        String title = vacancies.reportableTitle(user, id).orElseThrow(NotFound::new);
        return show(model, "vacancy", title, "/vacancies/" + id + "/report", backFor(user), sent != null, "",
                new FormErrors(messages, locale));
    }

    @PostMapping("/vacancies/{id}/report")
    String reportVacancy(SignedInUser user, @PathVariable long id, @RequestParam(defaultValue = "") String reason, Model model,
                         Locale locale) {
        String title = vacancies.reportableTitle(user, id).orElseThrow(NotFound::new);
        FormErrors errors = new FormErrors(messages, locale);
        String text = reasonOf(errors, reason);
        if (!errors.isEmpty()) {
            return show(model, "vacancy", title, "/vacancies/" + id + "/report", backFor(user), false, reason, errors);
        }
        vacancies.report(user, id, text);
        return "redirect:/vacancies/" + id + "/report?sent=true";
    }

    private String reasonOf(FormErrors errors, String reason) {
        return new PageInput(errors, postcodes).text("reason", reason, MAX_REASON, true, "mp.report.label");
    }

    private static String backFor(SignedInUser user) {
        return user.has(Role.PERSONAL_ASSISTANT) ? "/pa/vacancies" : "/my-vacancies";
    }

    private static String show(Model model, String kind, String subject, String action, String back, boolean sent, String reason,
                               FormErrors errors) {
        model.addAttribute("kind", kind);
        model.addAttribute("subject", subject);
        model.addAttribute("action", action);
        model.addAttribute("back", back);
        model.addAttribute("sent", sent);
        model.addAttribute("reason", reason);
        model.addAttribute("errors", errors);
        return "marketplace/report";
    }
}
