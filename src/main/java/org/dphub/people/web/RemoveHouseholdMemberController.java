package org.dphub.people.web;

import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Locale;
import org.dphub.people.Citizen;
import org.dphub.people.Citizens;
import org.dphub.people.HouseholdChangeRefused;
import org.dphub.people.HouseholdMember;
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
 * A practitioner takes someone off the person's household (recorded by mistake, has died, is no longer
 * family), with the reason. Refused, with what to do first, while a direct payment not ended pays them;
 * someone already taken off goes back to the person's page, where they are listed as removed.
 */
@Controller
@RequestMapping("/citizens/{id}/household-members/{memberId}/remove")
class RemoveHouseholdMemberController {

    /** What a practitioner can write: enough for a reason, short enough to read on the person's page. */
    static final int REASON_LIMIT = 500;

    private final Citizens citizens;
    private final MessageSource messages;

    RemoveHouseholdMemberController(Citizens citizens, MessageSource messages) {
        this.citizens = citizens;
        this.messages = messages;
    }

    @GetMapping
    String form(SignedInUser practitioner, @PathVariable long id, @PathVariable long memberId, Model model, Locale locale) {
        Citizen citizen = citizen(practitioner, id);
        HouseholdMember member = member(practitioner, citizen, memberId);
        if (member == null) {
            return "redirect:/citizens/" + id + "#household";
        }
        return form(model, citizen, member, "", new FormErrors(messages, locale));
    }

    @PostMapping
    String remove(SignedInUser practitioner, @PathVariable long id, @PathVariable long memberId,
                  @RequestParam(defaultValue = "") String reason, Model model, Locale locale, HttpServletResponse response) {
        Citizen citizen = citizen(practitioner, id);
        HouseholdMember member = member(practitioner, citizen, memberId);
        if (member == null) {
            return "redirect:/citizens/" + id + "#household";
        }
        FormErrors errors = new FormErrors(messages, locale);
        String why = errors.text("reason", reason, REASON_LIMIT, true, "people.label.removalReason");
        if (!errors.isEmpty()) {
            return form(model, citizen, member, reason, errors);
        }
        try {
            citizens.removeHouseholdMember(practitioner, id, memberId, why);
        } catch (HouseholdChangeRefused refused) {
            response.setStatus(HttpServletResponse.SC_CONFLICT);
            model.addAttribute("duties", Needed.all(messages, refused.duties(), locale));
            errors.reject("still-needed", "people.household.remove.still-needed", member.name());
            return form(model, citizen, member, reason, errors);
        } catch (Conflict e) {
            if (citizens.removedFromHousehold(practitioner, id).stream().anyMatch(r -> r.id() == memberId)) {
                // someone else took them off a moment ago: the person's page shows it
                return "redirect:/citizens/" + id + "#household";
            }
            response.setStatus(HttpServletResponse.SC_CONFLICT);
            errors.reject("reason", "people.change.erased");
            return form(model, citizen, member, reason, errors);
        }
        return "redirect:/citizens/" + id + "#household";
    }

    private Citizen citizen(SignedInUser practitioner, long id) {
        return citizens.findForPractitioner(practitioner, id).orElseThrow(NotFound::new);
    }

    /** The member, or null when they were already taken off the household; not found when never in it. */
    private HouseholdMember member(SignedInUser practitioner, Citizen citizen, long memberId) {
        HouseholdMember member = citizens.household(practitioner, citizen.id()).stream().filter(m -> m.id() == memberId)
                .findFirst().orElse(null);
        if (member == null && citizens.removedFromHousehold(practitioner, citizen.id()).stream().noneMatch(r -> r.id() == memberId)) {
            throw new NotFound();
        }
        return member;
    }

    private String form(Model model, Citizen citizen, HouseholdMember member, String reason, FormErrors errors) {
        model.addAttribute("citizen", citizen);
        model.addAttribute("member", member);
        model.addAttribute("reason", reason);
        model.addAttribute("reasonLimit", REASON_LIMIT);
        model.addAttribute("errors", errors);
        if (!model.containsAttribute("duties")) {
            model.addAttribute("duties", List.of());
        }
        return "people/remove-household-member";
    }
}
