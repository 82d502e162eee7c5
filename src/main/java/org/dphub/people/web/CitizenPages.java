package org.dphub.people.web;

import java.util.ArrayList;
import java.util.List;
import org.dphub.people.Citizen;
import org.dphub.people.CitizenPageSection;
import org.dphub.people.Citizens;
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
    private final List<CitizenPageSection> sections;

    CitizenPages(Citizens citizens, List<CitizenPageSection> sections) {
        this.citizens = citizens;
        this.sections = sections;
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
    String show(SignedInUser user, @PathVariable long id, Model model) {
        Citizen citizen = citizens.find(user, id).orElseThrow(NotFound::new);
        model.addAttribute("citizen", citizen);
        model.addAttribute("mayChange", user.isStaffOf(citizen.councilId()) && user.has(Role.PRACTITIONER));
        model.addAttribute("isStaff", user.isStaffOf(citizen.councilId()));
        model.addAttribute("representatives", citizens.representatives(user, id));
        model.addAttribute("household", citizens.household(user, id));
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
