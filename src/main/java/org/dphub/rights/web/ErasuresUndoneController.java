package org.dphub.rights.web;

import org.dphub.rights.PersonalDataRights;
import org.dphub.shared.SignedInUser;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * "Erasures to carry out again" (issue 17), for the DP team and administrators of a council: the erasures of
 * personal data that a restore from an older backup undid, which {@code bin/restore} wrote into the restored
 * database, each linked to the page it is carried out from and gone from the list to do once it is. Other
 * staff and everyone else: 403.
 */
@Controller
class ErasuresUndoneController {

    static final String PATH = "/personal-data/erasures-to-carry-out-again";

    private final PersonalDataRights rights;

    ErasuresUndoneController(PersonalDataRights rights) {
        this.rights = rights;
    }

    @GetMapping(PATH)
    String page(SignedInUser staff, Model model) {
        var all = rights.erasuresUndoneByRestore(staff);
        model.addAttribute("toDo", all.stream().filter(e -> e.pending()).toList());
        model.addAttribute("done", all.stream().filter(e -> !e.pending()).toList());
        return "rights/erasures-undone";
    }
}
