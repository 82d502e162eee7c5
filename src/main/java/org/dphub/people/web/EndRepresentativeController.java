package org.dphub.people.web;

import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Locale;
import org.dphub.people.Citizen;
import org.dphub.people.Citizens;
import org.dphub.people.Representative;
import org.dphub.people.RepresentativeStillNeeded;
import org.dphub.shared.SignedInUser;
import org.dphub.web.Conflict;
import org.dphub.web.FormErrors;
import org.dphub.web.NotFound;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * A practitioner records that someone no longer acts for the person (a lasting power of attorney has
 * ended, the person has named someone else), with the reason. Refused, with what to do first, while a
 * direct payment is made to them; an ended representative's page goes back to the person's.
 */
@Controller
@RequestMapping("/citizens/{id}/representatives/{representativeId}/end")
class EndRepresentativeController {

    /** What a practitioner can write: enough for a reason, short enough to read in the person's history. */
    static final int REASON_LIMIT = 500;

    private final Citizens citizens;
    private final MessageSource messages;

    EndRepresentativeController(Citizens citizens, MessageSource messages) {
        this.citizens = citizens;
        this.messages = messages;
    }

    @GetMapping
    String form(SignedInUser practitioner, @PathVariable long id, @PathVariable long representativeId, Model model, Locale locale) {
        Citizen citizen = citizen(practitioner, id);
        Representative representative = representative(practitioner, citizen, representativeId);
        if (!representative.current()) {
            return "redirect:/citizens/" + id + "#representatives";
        }
        return form(model, citizen, representative, "", new FormErrors(messages, locale));
    }

    @PostMapping
    String end(SignedInUser practitioner, @PathVariable long id, @PathVariable long representativeId,
               @RequestParam(defaultValue = "") String reason, Model model, Locale locale, HttpServletResponse response) {
        Citizen citizen = citizen(practitioner, id);
        Representative representative = representative(practitioner, citizen, representativeId);
        if (!representative.current()) {
            return "redirect:/citizens/" + id + "#representatives";
        }
        FormErrors errors = new FormErrors(messages, locale);
        String why = errors.text("reason", reason, REASON_LIMIT, true, "people.label.endReason");
        if (!errors.isEmpty()) {
            return form(model, citizen, representative, reason, errors);
        }
        try {
            citizens.endRepresentative(practitioner, id, representativeId, why);
        } catch (RepresentativeStillNeeded e) {
            response.setStatus(HttpServletResponse.SC_CONFLICT);
            model.addAttribute("duties", Needed.all(messages, e.duties(), locale));
            errors.reject("still-needed", "people.representative.end.still-needed", representative.name());
            return form(model, citizen, representative, reason, errors);
        } catch (Conflict e) {
            // someone else recorded it a moment ago: the person's page shows it
            return "redirect:/citizens/" + id + "#representatives";
        }
        return "redirect:/citizens/" + id + "#representatives";
    }

    private Citizen citizen(SignedInUser practitioner, long id) {
        return citizens.findForPractitioner(practitioner, id).orElseThrow(NotFound::new);
    }

    private Representative representative(SignedInUser practitioner, Citizen citizen, long representativeId) {
        return citizens.representatives(practitioner, citizen.id()).stream()
                .filter(r -> r.id() == representativeId).findFirst().orElseThrow(NotFound::new);
    }

    private String form(Model model, Citizen citizen, Representative representative, String reason, FormErrors errors) {
        model.addAttribute("citizen", citizen);
        model.addAttribute("representative", representative);
        model.addAttribute("reason", reason);
        model.addAttribute("reasonLimit", REASON_LIMIT);
        model.addAttribute("errors", errors);
        if (!model.containsAttribute("duties")) {
            model.addAttribute("duties", List.of());
        }
        return "people/end-representative";
    }
}
