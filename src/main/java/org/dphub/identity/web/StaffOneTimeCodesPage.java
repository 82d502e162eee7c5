package org.dphub.identity.web;

import org.dphub.identity.OneTimeCodes;
import org.dphub.shared.SignedInUser;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A council administrator's list of the staff who sign in with a one-time code, and resetting a
 * colleague's codes (a lost phone). Under /council/**, so only council administrators reach it;
 * another council's staff, or anyone who gives no code, is 404 ({@link OneTimeCodes#staffMember}).
 */
@Controller
class StaffOneTimeCodesPage {

    private final OneTimeCodes codes;

    StaffOneTimeCodesPage(OneTimeCodes codes) {
        this.codes = codes;
    }

    @GetMapping("/council/one-time-codes")
    String list(SignedInUser admin, @RequestParam(name = "reset", required = false) Long reset, Model model) {
        var staff = codes.staff(admin);
        model.addAttribute("staff", staff);
        model.addAttribute("resetName", reset == null ? null
                : staff.stream().filter(s -> s.userId() == reset).map(OneTimeCodes.StaffCodes::displayName).findFirst().orElse(null));
        return "identity/staff-one-time-codes";
    }

    @GetMapping("/council/one-time-codes/{userId}/reset")
    String confirm(SignedInUser admin, @PathVariable long userId, Model model) {
        model.addAttribute("member", codes.staffMember(admin, userId));
        return "identity/reset-one-time-codes";
    }

    @PostMapping("/council/one-time-codes/{userId}/reset")
    String reset(SignedInUser admin, @PathVariable long userId, RedirectAttributes redirect) {
        codes.reset(admin, userId);
        redirect.addAttribute("reset", userId);
        return "redirect:/council/one-time-codes";
    }
}
