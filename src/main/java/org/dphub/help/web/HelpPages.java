package org.dphub.help.web;

import java.util.List;
import java.util.Locale;
import org.dphub.help.HelpKind;
import org.dphub.help.HelpQueue;
import org.dphub.help.HelpRequest;
import org.dphub.help.HelpRequests;
import org.dphub.shared.SignedInUser;
import org.dphub.web.Conflict;
import org.dphub.web.FormErrors;
import org.dphub.web.NotFound;
import org.springframework.context.MessageSource;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * "Ask for help" and "Your questions" for the people who ask; one page per request for the asker
 * and the DP team (the team also sees the person's outcomes, assigns, replies and closes); the DP
 * team's queue (issue 18).
 */
@Controller
class HelpPages {

    private final HelpRequests requests;
    private final MessageSource messages;

    HelpPages(HelpRequests requests, MessageSource messages) {
        this.requests = requests;
        this.messages = messages;
    }

    @GetMapping("/help/ask")
    String askForm(SignedInUser user, @RequestParam(required = false) Long person, Model model, Locale locale) {
        mayAsk(user);
        return ask(user, model, person == null ? null : person.toString(), null, "", new FormErrors(messages, locale));
    }

    @PostMapping("/help/ask")
    String ask(SignedInUser user, @RequestParam(required = false) String citizenId, @RequestParam(required = false) String kind,
               @RequestParam(defaultValue = "") String text, Model model, Locale locale) {
        mayAsk(user);
        FormErrors errors = new FormErrors(messages, locale);
        Long citizen = citizenId != null && citizenId.matches("[0-9]{1,18}") ? Long.valueOf(citizenId) : null;
        if (citizen == null && citizenId != null && !citizenId.isBlank()) {
            errors.reject("citizenId", "help.error.citizenId");
        }
        HelpKind chosen = null;
        try {
            chosen = kind == null ? null : HelpKind.valueOf(kind);
        } catch (IllegalArgumentException e) {
            // the error on "kind" says to choose one
        }
        if (!errors.isEmpty()) {
            return ask(user, model, citizenId, kind, text, errors);
        }
        long id = requests.ask(user, citizen, chosen, text, "cy".equals(locale.getLanguage()) ? "cy" : "en", errors).orElse(0L);
        if (!errors.isEmpty()) {
            return ask(user, model, citizenId, kind, text, errors);
        }
        return "redirect:/help/requests/" + id + "?asked=true";
    }

    private String ask(SignedInUser user, Model model, String citizenId, String kind, String text, FormErrors errors) {
        List<HelpRequests.Person> people = requests.peopleFor(user);
        model.addAttribute("people", people);
        model.addAttribute("peopleIds", people.stream().map(p -> Long.toString(p.citizenId())).toList());
        model.addAttribute("peopleNames", people.stream().map(p -> p.self()
                ? messages.getMessage("help.ask.person.self", new Object[] {p.name()}, errors.locale()) : p.name()).toList());
        model.addAttribute("kinds", java.util.Arrays.stream(HelpKind.values()).map(Enum::name).toList());
        model.addAttribute("citizenId", citizenId == null && people.size() == 1 ? Long.toString(people.get(0).citizenId()) : citizenId);
        model.addAttribute("kind", kind);
        model.addAttribute("text", text);
        model.addAttribute("errors", errors);
        return "help/ask";
    }

    @GetMapping("/help")
    String mine(SignedInUser user, Model model) {
        model.addAttribute("requests", requests.mine(user));
        model.addAttribute("mayAsk", HelpRequests.mayAsk(user));
        return "help/mine";
    }

    @GetMapping("/help/requests/{id}")
    String show(SignedInUser user, @PathVariable long id, @RequestParam(defaultValue = "false") boolean asked,
                @RequestParam(required = false) String done, Model model, Locale locale) {
        model.addAttribute("asked", asked);
        model.addAttribute("done", done);
        return show(user, id, model, new FormErrors(messages, locale), "", "");
    }

    @PostMapping("/help/requests/{id}/replies")
    String reply(SignedInUser user, @PathVariable long id, @RequestParam(defaultValue = "") String text, Model model, Locale locale) {
        FormErrors errors = new FormErrors(messages, locale);
        try {
            requests.reply(user, id, text, errors);
        } catch (Conflict closed) {
            errors.reject("text", "help.error.closed");
        }
        if (!errors.isEmpty()) {
            return show(user, id, model, errors, text, "");
        }
        return "redirect:/help/requests/" + id + "?done=replied#replies";
    }

    @PostMapping("/help/requests/{id}/assignment")
    String assign(SignedInUser user, @PathVariable long id, @RequestParam(required = false) String userId, Model model, Locale locale) {
        FormErrors errors = new FormErrors(messages, locale);
        Long to = userId != null && userId.matches("[0-9]{1,18}") ? Long.valueOf(userId) : null;
        if (to == null && userId != null && !userId.isBlank()) {
            to = -1L;
        }
        try {
            requests.assign(user, id, to, errors);
        } catch (Conflict closed) {
            errors.reject("userId", "help.error.closed");
        }
        if (!errors.isEmpty()) {
            return show(user, id, model, errors, "", "");
        }
        return "redirect:/help/requests/" + id + "?done=assigned";
    }

    @PostMapping("/help/requests/{id}/closure")
    String close(SignedInUser user, @PathVariable long id, @RequestParam(defaultValue = "") String whatWasDone, Model model,
                 Locale locale) {
        FormErrors errors = new FormErrors(messages, locale);
        try {
            requests.close(user, id, whatWasDone, errors);
        } catch (Conflict closed) {
            errors.reject("whatWasDone", "help.error.closed");
        }
        if (!errors.isEmpty()) {
            return show(user, id, model, errors, "", whatWasDone);
        }
        return "redirect:/help/requests/" + id + "?done=closed";
    }

    private String show(SignedInUser user, long id, Model model, FormErrors errors, String reply, String whatWasDone) {
        HelpRequest request = requests.find(user, id).orElseThrow(NotFound::new);
        boolean team = HelpRequests.isTeamOf(user, request.councilId());
        model.addAttribute("r", request);
        model.addAttribute("team", team);
        model.addAttribute("isAsker", request.askedBy() == user.userId());
        if (team) {
            model.addAttribute("dpTeam", requests.team(user));
        }
        model.addAttribute("reply", reply);
        model.addAttribute("whatWasDone", whatWasDone);
        model.addAttribute("errors", errors);
        return "help/request";
    }

    @GetMapping("/help/queue")
    String queue(SignedInUser staff, @RequestParam(defaultValue = "OPEN") String show, Model model) {
        if (staff.councilId() == null || !HelpRequests.isTeamOf(staff, staff.councilId())) {
            throw new AccessDeniedException("The direct payments team's queue");
        }
        HelpQueue which;
        try {
            which = HelpQueue.valueOf(show.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            which = HelpQueue.OPEN;
        }
        model.addAttribute("show", which.name());
        model.addAttribute("tabs", java.util.Arrays.stream(HelpQueue.values()).map(Enum::name).toList());
        model.addAttribute("counts", requests.counts(staff));
        model.addAttribute("requests", requests.queue(staff, which));
        return "help/queue";
    }

    private static void mayAsk(SignedInUser user) {
        if (!HelpRequests.mayAsk(user)) {
            throw new AccessDeniedException("Citizens, representatives, PAs and practitioners ask for help");
        }
    }
}
