package org.dphub.identity.web;

import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import org.dphub.identity.StaffAccounts;
import org.dphub.shared.SignedInUser;
import org.dphub.web.Conflict;
import org.dphub.web.FormErrors;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A council administrator's list of staff accounts, and switching off the account of someone who has
 * left (after a page that says what happens), or on again. Under /council/**, so only council
 * administrators reach it; another council's staff, or anyone who is not staff, is 404.
 */
@Controller
class StaffAccountsPage {

    private final StaffAccounts staff;
    private final MessageSource messages;

    StaffAccountsPage(StaffAccounts staff, MessageSource messages) {
        this.staff = staff;
        this.messages = messages;
    }

    @GetMapping("/council/staff")
    String list(SignedInUser admin, @RequestParam(required = false) Long off, @RequestParam(required = false) Long on, Model model) {
        var members = staff.staff(admin);
        model.addAttribute("staff", members);
        model.addAttribute("me", admin.userId());
        model.addAttribute("offName", name(members, off));
        model.addAttribute("onName", name(members, on));
        return "identity/staff-accounts";
    }

    @GetMapping("/council/staff/{userId}/switch-off")
    String confirm(SignedInUser admin, @PathVariable long userId, Model model, Locale locale) {
        StaffAccounts.StaffAccount member = staff.member(admin, userId);
        if (!member.enabled()) {
            return "redirect:/council/staff";
        }
        return confirm(model, member, new FormErrors(messages, locale));
    }

    @PostMapping("/council/staff/{userId}/switch-off")
    String switchOff(SignedInUser admin, @PathVariable long userId, Model model, Locale locale, HttpServletResponse response,
                     RedirectAttributes redirect) {
        StaffAccounts.StaffAccount member = staff.member(admin, userId);
        try {
            staff.switchOff(admin, userId);
        } catch (Conflict refused) {
            response.setStatus(HttpServletResponse.SC_CONFLICT);
            FormErrors errors = new FormErrors(messages, locale);
            errors.reject("switch-off", "staff-accounts.error.self");
            return confirm(model, member, errors);
        }
        redirect.addAttribute("off", userId);
        return "redirect:/council/staff";
    }

    @PostMapping("/council/staff/{userId}/switch-on")
    String switchOn(SignedInUser admin, @PathVariable long userId, RedirectAttributes redirect) {
        staff.switchOn(admin, userId);
        redirect.addAttribute("on", userId);
        return "redirect:/council/staff";
    }

    private String confirm(Model model, StaffAccounts.StaffAccount member, FormErrors errors) {
        model.addAttribute("member", member);
        model.addAttribute("errors", errors);
        return "identity/switch-off-staff";
    }

    private static String name(java.util.List<StaffAccounts.StaffAccount> members, Long id) {
        return id == null ? null : members.stream().filter(s -> s.userId() == id).map(StaffAccounts.StaffAccount::displayName)
                .findFirst().orElse(null);
    }
}
