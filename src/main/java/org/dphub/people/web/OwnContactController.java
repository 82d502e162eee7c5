package org.dphub.people.web;

import java.time.Clock;
import java.util.Locale;
import org.dphub.people.Citizen;
import org.dphub.people.CitizenInput;
import org.dphub.people.Citizens;
import org.dphub.people.ContactPreference;
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
 * The person changes how the council contacts them, themself: language, how they like to hear from us,
 * email, phone, what helps them communicate. Their name, date of birth and address are the council's to
 * change on their word (the page says how to ask).
 */
@Controller
@RequestMapping("/citizens/{id}/contact")
class OwnContactController {

    private final Citizens citizens;
    private final PostcodeDirectory postcodes;
    private final MessageSource messages;
    private final Clock clock;

    OwnContactController(Citizens citizens, PostcodeDirectory postcodes, MessageSource messages, Clock clock) {
        this.citizens = citizens;
        this.postcodes = postcodes;
        this.messages = messages;
        this.clock = clock;
    }

    @GetMapping
    String form(SignedInUser user, @PathVariable long id, Model model, Locale locale) {
        Citizen citizen = own(user, id);
        return form(model, citizen, NewCitizenForm.of(citizen), new FormErrors(messages, locale));
    }

    @PostMapping
    String change(SignedInUser user, @PathVariable long id, @RequestParam MultiValueMap<String, String> params, Model model,
                  Locale locale) {
        Citizen citizen = own(user, id);
        NewCitizenForm typed = NewCitizenForm.from(params);
        FormErrors errors = new FormErrors(messages, locale);
        if (typed.preferredLanguage().isBlank()) {
            errors.reject("preferredLanguage", "people.error.preferredLanguage");
        }
        // the "needed" checks in the person's own words, before CitizenInput's (which speak of "them")
        String how = typed.contactPreference().strip();
        if (how.isEmpty()) {
            errors.reject("contactPreference", "people.own.error.contactPreference");
        } else if (how.equals(ContactPreference.EMAIL.name()) && typed.email().isBlank()) {
            errors.reject("email", "people.own.error.email.needed");
        } else if ((how.equals(ContactPreference.PHONE.name()) || how.equals(ContactPreference.TEXT.name())) && typed.phone().isBlank()) {
            errors.reject("phone", "people.own.error.phone.needed");
        }
        // what the person cannot change here is read as recorded, so only their own fields are checked
        NewCitizen details = CitizenInput.read(citizen.councilId(), new CitizenInput.Typed(citizen.givenName(), citizen.familyName(),
                        citizen.dateOfBirth(), citizen.postcode().value(), typed.preferredLanguage(), typed.contactPreference(),
                        typed.email(), typed.phone(), typed.communicationNeeds()), errors, postcodes, clock, () -> "");
        NewCitizenForm shown = new NewCitizenForm("", "", "", "", "", "", typed.preferredLanguage(), typed.contactPreference(),
                typed.email(), typed.phone(), typed.communicationNeeds());
        if (details == null) {
            return form(model, citizen, shown, errors);
        }
        try {
            citizens.changeOwnContact(user, id, details.preferredLanguage(), details.contactPreference(), details.email(),
                    details.phone(), details.communicationNeeds());
        } catch (Conflict erased) {
            throw new NotFound();
        }
        return "redirect:/citizens/" + id + "?detailsSaved=true";
    }

    /** Only the person themself: anyone else, even someone acting for them, is not found. */
    private Citizen own(SignedInUser user, long id) {
        return citizens.actingFor(user).stream()
                .filter(a -> a.citizen().id() == id && a.relationship() == org.dphub.identity.CitizenRelationship.SELF)
                .map(Citizens.CitizenWithRelationship::citizen).findFirst().orElseThrow(NotFound::new);
    }

    private String form(Model model, Citizen citizen, NewCitizenForm form, FormErrors errors) {
        model.addAttribute("citizen", citizen);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        NewCitizenForm.choices(model);
        return "people/own-contact";
    }
}
