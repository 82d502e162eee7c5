package org.dphub.rights.web;

import java.util.List;
import org.dphub.marketplace.PaProfile;
import org.dphub.rights.ErasureRefused;
import org.dphub.rights.PersonalDataRights;
import org.dphub.shared.SignedInUser;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * A PA's personal data, for the staff of the council the PA registered with (issue 17): the steps
 * carried out, and the DP team's or an administrator's button to erase a PA who has left the register.
 */
@Controller
class PaDataController {

    private final PersonalDataRights rights;

    PaDataController(PersonalDataRights rights) {
        this.rights = rights;
    }

    @GetMapping("/pa-profiles/{id}/personal-data")
    String page(SignedInUser staff, @PathVariable long id, Model model) {
        return show(staff, rights.paFor(staff, id), model, List.of());
    }

    private String show(SignedInUser staff, PaProfile profile, Model model, List<String> settleFirst) {
        model.addAttribute("profile", profile);
        model.addAttribute("erasures", rights.paErasures(staff, profile.id()));
        model.addAttribute("mayErase", PersonalDataRights.mayErase(staff));
        model.addAttribute("settleFirst", settleFirst);
        model.addAttribute("years", rights.retentionYears());
        return "rights/pa-data";
    }

    @PostMapping("/pa-profiles/{id}/personal-data/erasure")
    String erase(SignedInUser staff, @PathVariable long id, Model model) {
        PaProfile profile = rights.paFor(staff, id);
        try {
            rights.erasePa(staff, id);
        } catch (ErasureRefused refused) {
            return show(staff, profile, model, refused.settleFirst());
        }
        return "redirect:/pa-profiles/" + id + "/personal-data?erased";
    }
}
