package org.dphub.directory.web;

import java.util.Locale;
import java.util.UUID;
import org.dphub.directory.Directory;
import org.dphub.directory.internal.ServiceInputRules;
import org.dphub.shared.PostcodeDirectory;
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
 * A service's page, with the "Checked by the council" badge when published, and reporting it. Its
 * provider and its council's staff see it whatever its status, with the checks; anyone else
 * signed in only when it is published.
 */
@Controller
class ServicePages {

    private final Directory directory;
    private final PostcodeDirectory postcodes;
    private final MessageSource messages;

    ServicePages(Directory directory, PostcodeDirectory postcodes, MessageSource messages) {
        this.directory = directory;
        this.postcodes = postcodes;
        this.messages = messages;
    }

    /**
     * The page its provider and its council's staff see, whatever the status, with the checks;
     * {@link SearchPage} shows everyone else the published service (one URL, so links work for all).
     */
    static java.util.Optional<String> manage(Directory directory, PostcodeDirectory postcodes, MessageSource messages,
                                             SignedInUser user, UUID id, Model model, Locale locale) {
        if (user == null) {
            return java.util.Optional.empty();
        }
        return directory.view(user, id).filter(Directory.ServiceView::full).map(view -> {
            model.addAttribute("service", view.service());
            model.addAttribute("full", true);
            model.addAttribute("words", ServiceWords.of(view.service(), directory.termsFor(view.service().councilId()), messages, locale));
            model.addAttribute("organisation", directory.organization(view.service().organizationId()).orElseThrow());
            return "directory/service-manage";
        });
    }

    @GetMapping("/directory/services/{id}/report")
    String reportForm(SignedInUser user, @PathVariable UUID id, @RequestParam(required = false) String sent, Model model,
                      Locale locale) {
        return report(model, directory.view(user, id).orElseThrow(NotFound::new), sent != null, "", new FormErrors(messages, locale));
    }

    @PostMapping("/directory/services/{id}/report")
    String sendReport(SignedInUser user, @PathVariable UUID id, @RequestParam(defaultValue = "") String reason, Model model,
                      Locale locale) {
        Directory.ServiceView view = directory.view(user, id).orElseThrow(NotFound::new);
        ServiceInputRules rules = new ServiceInputRules(new FormErrors(messages, locale), postcodes);
        String text = rules.text("reason", reason, 2000, true, "directory.label.reason");
        if (!rules.errors().isEmpty()) {
            return report(model, view, false, reason, rules.errors());
        }
        directory.report(user, id, text);
        return "redirect:/directory/services/" + id + "/report?sent=true";
    }

    private String report(Model model, Directory.ServiceView view, boolean sent, String reason, FormErrors errors) {
        model.addAttribute("service", view.service());
        model.addAttribute("sent", sent);
        model.addAttribute("reason", reason);
        model.addAttribute("errors", errors);
        return "directory/report";
    }
}
