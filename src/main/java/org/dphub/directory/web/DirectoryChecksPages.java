package org.dphub.directory.web;

import java.util.Locale;
import java.util.UUID;
import org.dphub.directory.Directory;
import org.dphub.directory.DirectoryService;
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
 * The DP team's side: the queue (awaiting checks; published services changed since their check,
 * with what changed; suspended services; reports), and one service's check page where they record
 * the checks, suspend it with a reason, or restore it.
 */
@Controller
class DirectoryChecksPages {

    private final Directory directory;
    private final PostcodeDirectory postcodes;
    private final MessageSource messages;

    DirectoryChecksPages(Directory directory, PostcodeDirectory postcodes, MessageSource messages) {
        this.directory = directory;
        this.postcodes = postcodes;
        this.messages = messages;
    }

    @GetMapping("/directory-checks")
    String queue(SignedInUser dpTeam, Model model, Locale locale) {
        var queue = directory.queue(dpTeam);
        model.addAttribute("awaiting", queue.stream().filter(s -> s.status().name().equals("AWAITING_CHECKS")).toList());
        model.addAttribute("changed", queue.stream().filter(s -> s.status().name().equals("PUBLISHED")).toList());
        model.addAttribute("suspended", directory.suspended(dpTeam));
        model.addAttribute("reports", directory.openReports(dpTeam));
        model.addAttribute("changedWords", queue.stream().collect(java.util.stream.Collectors.toMap(s -> s.id().toString(),
                s -> ServiceWords.of(s, java.util.List.of(), messages, locale).changed())));
        return "directory/checks";
    }

    @GetMapping("/directory-checks/{id}")
    String checkForm(SignedInUser dpTeam, @PathVariable UUID id, @RequestParam(required = false) String done, Model model,
                     Locale locale) {
        return check(model, dpTeam, id, done, "", new FormErrors(messages, locale), locale);
    }

    private static boolean published(DirectoryService service) {
        return service.status().name().equals("PUBLISHED");
    }

    @PostMapping("/directory-checks/{id}")
    String recordChecks(SignedInUser dpTeam, @PathVariable UUID id, @RequestParam(defaultValue = "false") boolean insurance,
                        @RequestParam(defaultValue = "false") boolean safeguarding, Model model, Locale locale) {
        FormErrors errors = new FormErrors(messages, locale);
        if (!insurance || !safeguarding) {
            errors.reject("insurance", "directory.error.checks");
            String page = check(model, dpTeam, id, null, "", errors, locale);
            model.addAttribute("insurance", insurance);
            model.addAttribute("safeguarding", safeguarding);
            return page;
        }
        directory.recordChecks(dpTeam, id, true, true);
        return "redirect:/directory-checks/" + id + "?done=checked";
    }

    @PostMapping("/directory-checks/{id}/suspension")
    String suspend(SignedInUser dpTeam, @PathVariable UUID id, @RequestParam(defaultValue = "") String reason, Model model,
                   Locale locale) {
        ServiceInputRules rules = new ServiceInputRules(new FormErrors(messages, locale), postcodes);
        String text = rules.text("reason", reason, 2000, true, "directory.label.reason");
        if (!rules.errors().isEmpty()) {
            return check(model, dpTeam, id, null, reason, rules.errors(), locale);
        }
        directory.suspend(dpTeam, id, text);
        return "redirect:/directory-checks/" + id + "?done=suspended";
    }

    @PostMapping("/directory-checks/{id}/restoration")
    String restore(SignedInUser dpTeam, @PathVariable UUID id) {
        directory.restore(dpTeam, id);
        return "redirect:/directory-checks/" + id + "?done=restored";
    }

    private String check(Model model, SignedInUser dpTeam, UUID id, String done, String reason, FormErrors errors, Locale locale) {
        DirectoryService service = directory.view(dpTeam, id).filter(Directory.ServiceView::full).orElseThrow(NotFound::new).service();
        model.addAttribute("service", service);
        model.addAttribute("words", ServiceWords.of(service, directory.termsFor(service.councilId()), messages, locale));
        model.addAttribute("organisation", directory.organization(service.organizationId()).orElseThrow());
        model.addAttribute("done", done);
        model.addAttribute("reason", reason);
        model.addAttribute("errors", errors);
        model.addAttribute("insurance", published(service));
        model.addAttribute("safeguarding", published(service));
        return "directory/check";
    }
}
