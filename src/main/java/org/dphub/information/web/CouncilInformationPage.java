package org.dphub.information.web;

import java.util.Locale;
import org.dphub.councils.Council;
import org.dphub.councils.CouncilSettings;
import org.dphub.councils.Councils;
import org.dphub.information.Information;
import org.dphub.web.NotFound;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * A council's page, for everyone: how to reach its direct payments team, how to ask for a direct
 * payment, its own settings said in plain words, and the stories its people agreed to share.
 */
@Controller
class CouncilInformationPage {

    private final Information information;
    private final Councils councils;

    CouncilInformationPage(Information information, Councils councils) {
        this.information = information;
        this.councils = councils;
    }

    @GetMapping("/information/councils/{code}")
    String show(@PathVariable String code, Model model, Locale locale) {
        Council council = councils.findByCode(code).orElseThrow(NotFound::new);
        CouncilSettings settings = councils.settings(council.id()).settings();
        HubScope scope = new HubScope(council);
        scope.addTo(model, locale);
        model.addAttribute("council", council);
        model.addAttribute("councilName", council.name(locale));
        model.addAttribute("settings", settings);
        model.addAttribute("contact", settings.contact());
        model.addAttribute("wales", council.nation() == org.dphub.councils.Nation.WALES);
        model.addAttribute("stories", information.councilStories(council.id(), Information.language(locale)));
        model.addAttribute("guides", information.guides(Information.language(locale), council.id()));
        return "information/council";
    }
}
