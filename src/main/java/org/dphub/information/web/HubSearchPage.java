package org.dphub.information.web;

import java.util.Locale;
import org.dphub.councils.Councils;
import org.dphub.information.Information;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Search across the hub's guides and words, in the reader's language, the matching words marked. */
@Controller
class HubSearchPage {

    static final int MOST_QUERY = 200;

    private final Information information;
    private final Councils councils;

    HubSearchPage(Information information, Councils councils) {
        this.information = information;
        this.councils = councils;
    }

    @GetMapping("/information/search")
    String show(@RequestParam(required = false) String q, @RequestParam(required = false) String council, Model model, Locale locale) {
        HubScope scope = HubScope.of(councils, council);
        scope.addTo(model, locale);
        String query = q == null ? "" : q.strip();
        if (query.length() > MOST_QUERY) {
            query = query.substring(0, MOST_QUERY);
        }
        model.addAttribute("q", query);
        model.addAttribute("results", information.search(query, Information.language(locale), scope.councilId()));
        return "information/search";
    }
}
