package org.dphub.people.web;

import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import org.dphub.people.Citizen;
import org.dphub.people.Citizens;
import org.dphub.people.Representative;
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

/** A practitioner corrects a representative's name or email, with the checks used when they were added. */
@Controller
@RequestMapping("/citizens/{id}/representatives/{representativeId}/details")
class CorrectRepresentativeController {

    private final Citizens citizens;
    private final MessageSource messages;

    CorrectRepresentativeController(Citizens citizens, MessageSource messages) {
        this.citizens = citizens;
        this.messages = messages;
    }

    @GetMapping
    String form(SignedInUser practitioner, @PathVariable long id, @PathVariable long representativeId, Model model, Locale locale) {
        Citizen citizen = citizen(practitioner, id);
        Representative representative = representative(practitioner, citizen, representativeId);
        return form(model, citizen, representative, representative.name(), representative.email() == null ? "" : representative.email(),
                new FormErrors(messages, locale));
    }

    @PostMapping
    String correct(SignedInUser practitioner, @PathVariable long id, @PathVariable long representativeId,
                   @RequestParam(defaultValue = "") String name, @RequestParam(defaultValue = "") String email, Model model,
                   Locale locale, HttpServletResponse response) {
        Citizen citizen = citizen(practitioner, id);
        Representative representative = representative(practitioner, citizen, representativeId);
        FormErrors errors = new FormErrors(messages, locale);
        String newName = RepresentativeInput.name(errors, name);
        String newEmail = RepresentativeInput.email(errors, email);
        if (!errors.isEmpty()) {
            return form(model, citizen, representative, name, email, errors);
        }
        try {
            citizens.correctRepresentative(practitioner, id, representativeId, newName, newEmail);
        } catch (Conflict erased) {
            response.setStatus(HttpServletResponse.SC_CONFLICT);
            errors.reject("name", "people.change.erased");
            return form(model, citizen, representative, name, email, errors);
        }
        return "redirect:/citizens/" + id + "#representatives";
    }

    private Citizen citizen(SignedInUser practitioner, long id) {
        return citizens.findForPractitioner(practitioner, id).orElseThrow(NotFound::new);
    }

    /** Only one who still acts: an ended representative's row is history. */
    private Representative representative(SignedInUser practitioner, Citizen citizen, long representativeId) {
        return citizens.representatives(practitioner, citizen.id()).stream()
                .filter(r -> r.id() == representativeId && r.current()).findFirst().orElseThrow(NotFound::new);
    }

    private String form(Model model, Citizen citizen, Representative representative, String name, String email, FormErrors errors) {
        model.addAttribute("citizen", citizen);
        model.addAttribute("representative", representative);
        model.addAttribute("name", name);
        model.addAttribute("email", email);
        model.addAttribute("errors", errors);
        return "people/correct-representative";
    }
}
