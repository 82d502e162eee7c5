package org.dphub.people.web;

import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Locale;
import org.dphub.people.Citizen;
import org.dphub.people.Citizens;
import org.dphub.people.HouseholdChangeRefused;
import org.dphub.people.HouseholdMember;
import org.dphub.people.Relationship;
import org.dphub.shared.SignedInUser;
import org.dphub.web.Conflict;
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
 * A practitioner corrects what is recorded about someone in the person's household: a misspelt name,
 * someone who moved in or out, a relationship recorded wrongly. Refused, with what to do first, when a
 * direct payment pays them and the change would need the council's decision that paying them is
 * necessary (regulation 3; Wales regulation 6).
 */
@Controller
@RequestMapping("/citizens/{id}/household-members/{memberId}/details")
class CorrectHouseholdMemberController {

    private final Citizens citizens;
    private final MessageSource messages;

    CorrectHouseholdMemberController(Citizens citizens, MessageSource messages) {
        this.citizens = citizens;
        this.messages = messages;
    }

    @GetMapping
    String form(SignedInUser practitioner, @PathVariable long id, @PathVariable long memberId, Model model, Locale locale) {
        Citizen citizen = citizen(practitioner, id);
        HouseholdMember member = member(practitioner, citizen, memberId);
        return form(model, citizen, member, new NewHouseholdMemberController.HouseholdMemberForm(member.name(),
                member.relationship().name(), Boolean.toString(member.livesInSameHousehold())), new FormErrors(messages, locale));
    }

    @PostMapping
    String correct(SignedInUser practitioner, @PathVariable long id, @PathVariable long memberId,
                   @ModelAttribute NewHouseholdMemberController.HouseholdMemberForm form, Model model, Locale locale,
                   HttpServletResponse response) {
        Citizen citizen = citizen(practitioner, id);
        HouseholdMember member = member(practitioner, citizen, memberId);
        FormErrors errors = new FormErrors(messages, locale);
        String name = HouseholdMemberInput.name(errors, form.name());
        Relationship relationship = HouseholdMemberInput.relationship(errors, form.relationship());
        Boolean together = HouseholdMemberInput.livesInSameHousehold(errors, form.livesInSameHousehold());
        if (!errors.isEmpty()) {
            return form(model, citizen, member, form, errors);
        }
        try {
            citizens.correctHouseholdMember(practitioner, id, memberId, name, relationship, together);
        } catch (HouseholdChangeRefused refused) {
            response.setStatus(HttpServletResponse.SC_CONFLICT);
            model.addAttribute("duties", Needed.all(messages, refused.duties(), locale));
            errors.reject("still-needed", "people.household.change.still-needed", member.name());
            return form(model, citizen, member, form, errors);
        } catch (Conflict erased) {
            response.setStatus(HttpServletResponse.SC_CONFLICT);
            errors.reject("name", "people.change.erased");
            return form(model, citizen, member, form, errors);
        }
        return "redirect:/citizens/" + id + "#household";
    }

    private Citizen citizen(SignedInUser practitioner, long id) {
        return citizens.findForPractitioner(practitioner, id).orElseThrow(NotFound::new);
    }

    private HouseholdMember member(SignedInUser practitioner, Citizen citizen, long memberId) {
        return citizens.household(practitioner, citizen.id()).stream().filter(m -> m.id() == memberId).findFirst()
                .orElseThrow(NotFound::new);
    }

    private String form(Model model, Citizen citizen, HouseholdMember member, NewHouseholdMemberController.HouseholdMemberForm form,
                        FormErrors errors) {
        model.addAttribute("citizen", citizen);
        model.addAttribute("member", member);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("relationships", Relationship.values());
        if (!model.containsAttribute("duties")) {
            model.addAttribute("duties", List.of());
        }
        return "people/correct-household-member";
    }
}
