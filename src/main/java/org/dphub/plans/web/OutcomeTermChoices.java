package org.dphub.plans.web;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.dphub.plans.OutcomeDirectory;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/** The directory's outcomes and needs the plan form offers for tagging each outcome (none without a directory). */
@Component
class OutcomeTermChoices {

    private final List<OutcomeDirectory> directory;

    OutcomeTermChoices(List<OutcomeDirectory> directory) {
        this.directory = directory;
    }

    void addTo(Model model, Locale locale) {
        model.addAttribute("outcomeTerms", directory.isEmpty() ? List.of() : directory.get(0).terms(locale));
    }

    Set<UUID> known() {
        return directory.isEmpty() ? Set.of() : directory.get(0).termIds();
    }
}
