package org.dphub.people.web;

import java.time.Clock;
import java.util.Locale;
import org.dphub.people.Citizen;
import org.dphub.people.Citizens;
import org.dphub.people.NewCitizen;
import org.dphub.shared.PostcodeDirectory;
import org.dphub.shared.SignedInUser;
import org.dphub.web.FormErrors;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** A practitioner adds a person to their council. */
@Controller
@RequestMapping("/citizens/new")
class NewCitizenController {

    private final Citizens citizens;
    private final PostcodeDirectory postcodes;
    private final MessageSource messages;
    private final Clock clock;

    NewCitizenController(Citizens citizens, PostcodeDirectory postcodes, MessageSource messages, Clock clock) {
        this.citizens = citizens;
        this.postcodes = postcodes;
        this.messages = messages;
        this.clock = clock;
    }

    @GetMapping
    String form(Model model, Locale locale) {
        return form(model, NewCitizenForm.empty(), new FormErrors(messages, locale));
    }

    @PostMapping
    String create(SignedInUser practitioner, @RequestParam MultiValueMap<String, String> params, Model model, Locale locale) {
        NewCitizenForm form = NewCitizenForm.from(params);
        FormErrors errors = new FormErrors(messages, locale);
        NewCitizen person = form.read(practitioner.councilId(), errors, postcodes, clock,
                () -> citizens.postcodeExample(practitioner.councilId()));
        if (person == null) {
            return form(model, form, errors);
        }
        Citizen created = citizens.create(practitioner, person);
        return "redirect:/citizens/" + created.id();
    }

    private String form(Model model, NewCitizenForm form, FormErrors errors) {
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        NewCitizenForm.choices(model);
        return "people/new-citizen";
    }
}
