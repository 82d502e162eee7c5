package org.dphub.people.web;

import java.util.ArrayList;
import java.util.List;
import org.dphub.people.Citizen;
import org.dphub.people.CitizenPageSection;
import org.dphub.people.Citizens;
import org.dphub.people.DpContacts;
import java.util.Locale;
import org.dphub.web.FormErrors;
import org.springframework.context.MessageSource;
import org.springframework.web.bind.annotation.PostMapping;
import org.dphub.shared.Role;
import org.dphub.shared.SignedInUser;
import org.dphub.web.NotFound;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

@Controller
class CitizenPages {

    static final int PAGE_SIZE = 20;

    private final Citizens citizens;
    private final DpContacts contacts;
    private final List<CitizenPageSection> sections;
    private final MessageSource messages;

    CitizenPages(Citizens citizens, DpContacts contacts, List<CitizenPageSection> sections, MessageSource messages) {
        this.citizens = citizens;
        this.contacts = contacts;
        this.sections = sections;
        this.messages = messages;
    }

    /** Staff find people in their own council by name or reference. */
    @GetMapping("/citizens")
    String search(SignedInUser staff, @RequestParam(required = false) String q,
                  @RequestParam(defaultValue = "1") int page, Model model) {
        int current = Math.max(1, page);
        Citizens.Page result = citizens.search(staff, q == null ? "" : q.strip(), current - 1, PAGE_SIZE);
        model.addAttribute("q", q == null ? "" : q.strip());
        model.addAttribute("result", result);
        model.addAttribute("page", current);
        model.addAttribute("mayAdd", staff.has(Role.PRACTITIONER));
        return "people/search";
    }

    /**
     * One person's details: for their council's staff, themself, and those who act for them.
     * Other modules add their sections (plans, direct payments) through {@link CitizenPageSection}.
     */
    @GetMapping("/citizens/{id}")
    String show(SignedInUser user, @PathVariable long id, @RequestParam(defaultValue = "false") boolean contactSaved,
                @RequestParam(defaultValue = "false") boolean detailsSaved, Model model, Locale locale) {
        model.addAttribute("contactSaved", contactSaved);
        model.addAttribute("detailsSaved", detailsSaved);
        return show(user, id, model, new FormErrors(messages, locale), null);
    }

    /** The DP team or a council administrator sets or changes the person's named contact (issue 18). */
    @PostMapping("/citizens/{id}/dp-contact")
    String setContact(SignedInUser staff, @PathVariable long id, @RequestParam(required = false) String contactUserId, Model model,
                      Locale locale) {
        FormErrors errors = new FormErrors(messages, locale);
        Long chosen = contactUserId != null && contactUserId.strip().matches("[0-9]{1,18}") ? Long.valueOf(contactUserId.strip()) : null;
        if (chosen == null && contactUserId != null && !contactUserId.isBlank()) {
            chosen = -1L;
        }
        contacts.set(staff, id, chosen, errors);
        if (!errors.isEmpty()) {
            return show(staff, id, model, errors, contactUserId);
        }
        return "redirect:/citizens/" + id + "?contactSaved=true#dp-contact";
    }

    private String show(SignedInUser user, long id, Model model, FormErrors errors, String chosenContact) {
        Citizen citizen = citizens.find(user, id).orElseThrow(NotFound::new);
        model.addAttribute("errors", errors);
        model.addAttribute("dpContact", contacts.current(user, id).orElse(null));
        boolean maySetContact = DpContacts.maySet(user, citizen.councilId());
        model.addAttribute("maySetContact", maySetContact);
        if (maySetContact) {
            model.addAttribute("dpTeam", contacts.team(user));
            model.addAttribute("dpContactHistory", contacts.history(user, id));
            model.addAttribute("chosenContact", chosenContact);
        }
        model.addAttribute("citizen", citizen);
        model.addAttribute("mayChange", user.isStaffOf(citizen.councilId()) && user.has(Role.PRACTITIONER));
        model.addAttribute("isStaff", user.isStaffOf(citizen.councilId()));
        // the person themself changes how they are contacted
        model.addAttribute("isSelf", !user.isStaff() && citizens.actingFor(user).stream()
                .anyMatch(a -> a.citizen().id() == id && a.relationship() == org.dphub.identity.CitizenRelationship.SELF));
        model.addAttribute("representatives", citizens.representatives(user, id));
        model.addAttribute("household", citizens.household(user, id));
        model.addAttribute("householdRemoved", citizens.removedFromHousehold(user, id));
        model.addAttribute("hasOnlineAccount", citizens.hasOnlineAccount(citizen));
        List<CitizenPageSection.Section> shown = new ArrayList<>();
        for (CitizenPageSection section : sections) {
            CitizenPageSection.Section s = section.section(user, citizen);
            model.addAllAttributes(s.values());
            shown.add(s);
        }
        model.addAttribute("sections", shown);
        return "people/citizen";
    }

    /** The people a citizen or representative may see: themself and those they act for. */
    @GetMapping("/my-people")
    String actingFor(SignedInUser user, Model model) {
        model.addAttribute("people", citizens.actingFor(user));
        return "people/acting-for";
    }
}
