package org.dphub.audit.web;

import org.dphub.audit.AuditTrail;
import org.dphub.shared.SignedInUser;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** A council administrator reads who changed what in their council, newest first. */
@Controller
class AuditTrailController {

    static final int PAGE_SIZE = 25;

    private final AuditTrail audit;

    AuditTrailController(AuditTrail audit) {
        this.audit = audit;
    }

    @GetMapping("/council/audit-trail")
    String trail(SignedInUser admin, @RequestParam(defaultValue = "1") int page, Model model) {
        long total = audit.countForCouncil(admin.councilId());
        int pages = (int) Math.max(1, (total + PAGE_SIZE - 1) / PAGE_SIZE);
        int current = Math.min(Math.max(1, page), pages);
        model.addAttribute("events", audit.forCouncil(admin.councilId(), current - 1, PAGE_SIZE));
        model.addAttribute("page", current);
        model.addAttribute("pages", pages);
        model.addAttribute("total", total);
        return "audit/trail";
    }
}
