package org.dphub.information.web;

import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.dphub.councils.Council;
import org.dphub.councils.Councils;
import org.dphub.information.Guide;
import org.dphub.information.Information;
import org.dphub.web.NotFound;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/** One guide, for everyone: its words (the jargon linked), a flowchart where it has steps, and people's own words. */
@Controller
class GuidePage {

    private final Information information;
    private final Councils councils;

    GuidePage(Information information, Councils councils) {
        this.information = information;
        this.councils = councils;
    }

    @GetMapping("/information/{slug}")
    String show(@PathVariable String slug, @RequestParam(required = false) String council, Model model, Locale locale) {
        if (!HubScope.isSlug(slug)) {
            throw new NotFound();
        }
        HubScope scope = HubScope.of(councils, council);
        String language = Information.language(locale);
        Guide guide = information.guide(slug, language, scope.councilId()).orElseThrow(NotFound::new);
        scope.addTo(model, locale);
        model.addAttribute("guide", guide);
        model.addAttribute("text", information.text(guide, scope.councilId(), scope.code()));
        model.addAttribute("stories", information.stories(slug, language, scope.councilId()));
        Map<Long, String> councilNames = councils.all().stream().collect(Collectors.toMap(Council::id, c -> c.name(locale)));
        model.addAttribute("councilNames", councilNames);
        model.addAttribute("guides", information.guides(language, scope.councilId()).stream()
                .filter(g -> !g.slug().equals(slug)).toList());
        return "information/guide";
    }

}
