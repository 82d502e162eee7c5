package org.dphub.information.web;

import java.util.Locale;
import org.dphub.councils.Councils;
import org.dphub.information.Information;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The jargon buster, for everyone: every word and what it means, narrowed by {@code ?q=}. */
@Controller
class JargonBusterPage {

    static final int MOST_QUERY = 100;

    private final Information information;
    private final Councils councils;

    JargonBusterPage(Information information, Councils councils) {
        this.information = information;
        this.councils = councils;
    }

    @GetMapping("/information/jargon-buster")
    String show(@RequestParam(required = false) String q, @RequestParam(required = false) String council, Model model, Locale locale) {
        HubScope scope = HubScope.of(councils, council);
        scope.addTo(model, locale);
        String query = q == null ? "" : q.strip();
        if (query.length() > MOST_QUERY) {
            query = query.substring(0, MOST_QUERY);
        }
        model.addAttribute("q", query);
        model.addAttribute("terms", information.terms(Information.language(locale), scope.councilId(), query));
        return "information/jargon-buster";
    }
}
