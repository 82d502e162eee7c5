package org.dphub.directory;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.dphub.plans.OutcomeDirectory;
import org.dphub.shared.Postcode;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriComponentsBuilder;

/** The directory as a plan sees it: terms to tag outcomes with, and services near the person for each. */
@Component
class PlanOutcomeServices implements OutcomeDirectory {

    private final ServiceSearch search;

    PlanOutcomeServices(ServiceSearch search) {
        this.search = search;
    }

    @Override
    public List<Term> terms(Locale locale) {
        return search.terms(locale).stream().map(t -> new Term(t.id(), t.taxonomy(), t.name())).toList();
    }

    @Override
    public Set<UUID> termIds() {
        return search.termIds();
    }

    @Override
    public Nearby servicesNear(Postcode postcode, List<UUID> termIds, int limit, Locale locale) {
        var results = search.search(SearchQuery.near(postcode, new LinkedHashSet<>(termIds), SearchQuery.DEFAULT_DISTANCE_KM, limit), locale);
        return new Nearby(results.services().stream()
                .map(s -> new NearbyService(s.name(), UriComponentsBuilder.fromPath("/directory/services/{id}")
                        .queryParamIfPresent("from", java.util.Optional.ofNullable(postcode).map(Postcode::value))
                        .buildAndExpand(s.id()).encode().toUriString(),
                        s.why().isEmpty() ? "" : s.why().get(0).text()))
                .toList(), results.total(), searchHref(postcode, termIds));
    }

    @Override
    public String searchHref(Postcode postcode, List<UUID> termIds) {
        var url = UriComponentsBuilder.fromPath("/directory");
        termIds.forEach(t -> url.queryParam("outcome", t));
        if (postcode != null) {
            url.queryParam("postcode", postcode.value());
        }
        return url.encode().build().toUriString();
    }
}
