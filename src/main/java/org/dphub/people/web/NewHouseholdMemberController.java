package org.dphub.people.web;

import java.util.Locale;
import org.dphub.people.Citizen;
import org.dphub.people.Citizens;
import org.dphub.people.Relationship;
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

/**
 * A practitioner records someone in the person's household. Who they are and whether they live
 * together decides whether a direct payment may pay them (regulation 3; Wales regulation 6).
 */
@Controller
@RequestMapping("/citizens/{id}/household-members/new")
class NewHouseholdMemberController {

    /** What the form sends, as typed (adding and correcting). */
    record HouseholdMemberForm(String name, String relationship, String livesInSameHousehold) {
    }

    private final Citizens citizens;
    private final MessageSource messages;

    NewHouseholdMemberController(Citizens citizens, MessageSource messages) {
        this.citizens = citizens;
        this.messages = messages;
    }

    @GetMapping
    String form(SignedInUser practitioner, @PathVariable long id, Model model, Locale locale) {
        return form(model, citizen(practitioner, id), new HouseholdMemberForm("", "", ""), new FormErrors(messages, locale));
    }

    @PostMapping
    String add(SignedInUser practitioner, @PathVariable long id, @ModelAttribute HouseholdMemberForm form, Model model,
               Locale locale) {
        Citizen citizen = citizen(practitioner, id);
        FormErrors errors = new FormErrors(messages, locale);
        String name = HouseholdMemberInput.name(errors, form.name());
        Relationship relationship = HouseholdMemberInput.relationship(errors, form.relationship());
        Boolean together = HouseholdMemberInput.livesInSameHousehold(errors, form.livesInSameHousehold());
        if (!errors.isEmpty()) {
            return form(model, citizen, form, errors);
        }
        citizens.addHouseholdMember(practitioner, id, name, relationship, together);
        return "redirect:/citizens/" + id + "#household";
    }

    private Citizen citizen(SignedInUser practitioner, long id) {
        return citizens.findForPractitioner(practitioner, id).orElseThrow(NotFound::new);
    }

    private String form(Model model, Citizen citizen, HouseholdMemberForm form, FormErrors errors) {
        model.addAttribute("citizen", citizen);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("relationships", Relationship.values());
        return "people/new-household-member";
    }
}
