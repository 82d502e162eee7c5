package org.dphub.people.web;

import org.dphub.people.Citizen;
import org.dphub.people.Citizens;
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

    CitizenPages(Citizens citizens) {
        this.citizens = citizens;
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
        return "people/search";
    }

    /** One person's details: for their council's staff, themself, and those who act for them. */
    @GetMapping("/citizens/{id}")
    String show(SignedInUser user, @PathVariable long id, Model model) {
        Citizen citizen = citizens.find(user, id).orElseThrow(NotFound::new);
        model.addAttribute("citizen", citizen);
        return "people/citizen";
    }

    /** The people a citizen or representative may see: themself and those they act for. */
    @GetMapping("/my-people")
    String actingFor(SignedInUser user, Model model) {
        model.addAttribute("people", citizens.actingFor(user));
        return "people/acting-for";
    }
}
