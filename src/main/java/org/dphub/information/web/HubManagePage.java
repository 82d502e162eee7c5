package org.dphub.information.web;

import java.util.Locale;
import org.dphub.information.Information;
import org.dphub.shared.SignedInUser;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** A council administrator's list of the hub's guides and words, each to change, and where to add stories. */
@Controller
class HubManagePage {

    private final Information information;

    HubManagePage(Information information) {
        this.information = information;
    }

    @GetMapping("/council/information")
    String show(SignedInUser admin, @RequestParam(required = false) String done, Model model, Locale locale) {
        String language = Information.language(locale);
        model.addAttribute("guides", information.guides(language, admin.councilId()));
        model.addAttribute("terms", information.terms(language, admin.councilId()));
        model.addAttribute("done", done);
        return "information/manage";
    }
}
