package org.dphub.people.web;

import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.util.Locale;
import org.dphub.people.Citizen;
import org.dphub.people.Citizens;
import org.dphub.people.NewCitizen;
import org.dphub.shared.PostcodeDirectory;
import org.dphub.shared.SignedInUser;
import org.dphub.web.Conflict;
import org.dphub.web.FormErrors;
import org.dphub.web.NotFound;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * A practitioner corrects or updates a person's details: the form to add a person, filled with what is
 * recorded, and the same checks. Saving goes back to the person's page, which says it was saved.
 */
@Controller
@RequestMapping("/citizens/{id}/details")
class ChangeDetailsController {

    private final Citizens citizens;
    private final PostcodeDirectory postcodes;
    private final MessageSource messages;
    private final Clock clock;

    ChangeDetailsController(Citizens citizens, PostcodeDirectory postcodes, MessageSource messages, Clock clock) {
        this.citizens = citizens;
        this.postcodes = postcodes;
        this.messages = messages;
        this.clock = clock;
    }

    @GetMapping
    String form(SignedInUser practitioner, @PathVariable long id, Model model, Locale locale) {
        Citizen citizen = citizen(practitioner, id);
        return form(model, citizen, NewCitizenForm.of(citizen), new FormErrors(messages, locale));
    }

    @PostMapping
    String change(SignedInUser practitioner, @PathVariable long id, @RequestParam MultiValueMap<String, String> params, Model model,
                  Locale locale, HttpServletResponse response) {
        Citizen citizen = citizen(practitioner, id);
        NewCitizenForm form = NewCitizenForm.from(params);
        FormErrors errors = new FormErrors(messages, locale);
        NewCitizen details = form.read(citizen.councilId(), errors, postcodes, clock, () -> citizens.postcodeExample(citizen.councilId()));
        if (details == null) {
            return form(model, citizen, form, errors);
        }
        try {
            citizens.changeDetails(practitioner, id, details);
        } catch (Conflict erased) {
            response.setStatus(HttpServletResponse.SC_CONFLICT);
            errors.reject("givenName", "people.change.erased");
            return form(model, citizen, form, errors);
        }
        return "redirect:/citizens/" + id + "?detailsSaved=true";
    }

    private Citizen citizen(SignedInUser practitioner, long id) {
        return citizens.findForPractitioner(practitioner, id).orElseThrow(NotFound::new);
    }

    private String form(Model model, Citizen citizen, NewCitizenForm form, FormErrors errors) {
        model.addAttribute("citizen", citizen);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        NewCitizenForm.choices(model);
        return "people/change-details";
    }
}
