package org.dphub.people.web;

import java.util.Locale;
import org.dphub.people.Citizen;
import org.dphub.people.Citizens;
import org.dphub.people.RepresentativeKind;
import org.dphub.shared.SignedInUser;
import org.dphub.web.FormErrors;
import org.dphub.web.NotFound;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;

/** A practitioner records someone who acts for the person: authorised, nominated or (Wales) suitable. */
@Controller
@RequestMapping("/citizens/{id}/representatives/new")
class NewRepresentativeController {

    /** What the form sends, as typed. */
    record RepresentativeForm(String name, String kind, String email) {
    }

    private final Citizens citizens;
    private final MessageSource messages;

    NewRepresentativeController(Citizens citizens, MessageSource messages) {
        this.citizens = citizens;
        this.messages = messages;
    }

    @GetMapping
    String form(SignedInUser practitioner, @PathVariable long id, Model model, Locale locale) {
        return form(model, citizen(practitioner, id), new RepresentativeForm("", "", ""), new FormErrors(messages, locale));
    }

    @PostMapping
    String add(SignedInUser practitioner, @PathVariable long id, @ModelAttribute RepresentativeForm form, Model model,
               Locale locale) {
        Citizen citizen = citizen(practitioner, id);
        FormErrors errors = new FormErrors(messages, locale);
        String name = RepresentativeInput.name(errors, form.name());
        RepresentativeKind kind = null;
        try {
            kind = RepresentativeKind.valueOf(form.kind() == null ? "" : form.kind());
        } catch (IllegalArgumentException e) {
            errors.reject("kind", "people.error.kind");
        }
        String email = RepresentativeInput.email(errors, form.email());
        if (!errors.isEmpty()) {
            return form(model, citizen, form, errors);
        }
        citizens.addRepresentative(practitioner, id, name, kind, email);
        return "redirect:/citizens/" + id + "#representatives";
    }

    private Citizen citizen(SignedInUser practitioner, long id) {
        return citizens.findForPractitioner(practitioner, id).orElseThrow(NotFound::new);
    }

    private String form(Model model, Citizen citizen, RepresentativeForm form, FormErrors errors) {
        model.addAttribute("citizen", citizen);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("kinds", RepresentativeKind.values());
        return "people/new-representative";
    }
}
