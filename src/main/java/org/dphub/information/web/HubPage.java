package org.dphub.information.web;

import java.util.Locale;
import org.dphub.councils.Councils;
import org.dphub.information.Information;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The hub's front page, for everyone: the guides, the jargon buster, search and every council's page. */
@Controller
class HubPage {

    private final Information information;
    private final Councils councils;

    HubPage(Information information, Councils councils) {
        this.information = information;
        this.councils = councils;
    }

    @GetMapping("/information")
    String show(@RequestParam(required = false) String council, Model model, Locale locale) {
        HubScope scope = HubScope.of(councils, council);
        scope.addTo(model, locale);
        model.addAttribute("guides", information.guides(Information.language(locale), scope.councilId()));
        model.addAttribute("councils", councils.all().stream()
                .map(c -> new CouncilLink(c.code(), c.name(locale))).sorted(java.util.Comparator.comparing(CouncilLink::name)).toList());
        return "information/hub";
    }

    record CouncilLink(String code, String name) {
    }
}
