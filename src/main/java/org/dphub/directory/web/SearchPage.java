package org.dphub.directory.web;

import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.dphub.directory.GroupPurchases;
import org.dphub.directory.RegularPayments;
import org.dphub.directory.SearchInput;
import org.dphub.directory.SearchQuery;
import org.dphub.directory.ServiceSearch;
import org.dphub.shared.Postcode;
import org.dphub.shared.PostcodeDirectory;
import org.dphub.web.FormErrors;
import org.dphub.web.NotFound;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * "Find support near you": the directory's search for everyone, signed in or not. A GET form, so
 * a search is a link that can be shared and paged without JavaScript; each result says why it
 * matches. A service's own page shows it in full.
 */
@Controller
class SearchPage {

    private final ServiceSearch search;
    private final org.dphub.directory.Directory directory;
    private final PostcodeDirectory postcodes;
    private final MessageSource messages;
    private final RegularPayments regularPayments;
    private final GroupPurchases groups;
    private final org.dphub.web.OneReadOnlyTransaction oneReadOnlyTransaction;

    SearchPage(ServiceSearch search, org.dphub.directory.Directory directory, PostcodeDirectory postcodes, MessageSource messages,
               RegularPayments regularPayments, GroupPurchases groups, org.dphub.web.OneReadOnlyTransaction oneReadOnlyTransaction) {
        this.search = search;
        this.directory = directory;
        this.postcodes = postcodes;
        this.messages = messages;
        this.regularPayments = regularPayments;
        this.groups = groups;
        this.oneReadOnlyTransaction = oneReadOnlyTransaction;
    }

    @GetMapping("/directory")
    String search(@RequestParam(name = "outcome", required = false) List<String> outcome,
                  @RequestParam(defaultValue = "") String q, @RequestParam(defaultValue = "") String postcode,
                  @RequestParam(defaultValue = "") String distance, @RequestParam(defaultValue = "") String day,
                  @RequestParam(defaultValue = "") String time, @RequestParam(defaultValue = "") String cost,
                  @RequestParam(defaultValue = "") String maxCost, @RequestParam(defaultValue = "") String language,
                  @RequestParam(defaultValue = "") String age, @RequestParam(defaultValue = "") String page,
                  Model model, Locale locale) {
        var typed = new SearchInput.Typed(outcome, q, postcode, distance, day, time, cost, maxCost, "", language, age, page, "");
        FormErrors errors = new FormErrors(messages, locale);
        SearchQuery query = SearchInput.read(typed, search.termIds(), postcodes, errors);
        model.addAttribute("form", typed);
        model.addAttribute("errors", errors);
        model.addAttribute("terms", search.terms(locale));
        model.addAttribute("days", ServiceSearch.days().stream().map(Enum::name).toList());
        model.addAttribute("languages", ServiceSearch.languages());
        if (query != null) {
            model.addAttribute("results", search.search(query, locale));
            model.addAttribute("baseUrl", baseUrl(typed));
            model.addAttribute("from", query.postcode() == null ? null : query.postcode().value());
        }
        return "directory/search";
    }

    /** The search as a link, without the page number (the pagination adds it). */
    static String baseUrl(SearchInput.Typed typed) {
        var url = UriComponentsBuilder.fromPath("/directory");
        typed.outcomes().stream().filter(o -> o != null && !o.isBlank()).forEach(o -> url.queryParam("outcome", o.strip()));
        add(url, "q", typed.q());
        add(url, "postcode", typed.postcode());
        add(url, "distance", typed.distance());
        add(url, "day", typed.day());
        add(url, "time", typed.time());
        add(url, "cost", typed.cost());
        add(url, "maxCost", typed.maxCost());
        add(url, "language", typed.language());
        add(url, "age", typed.age());
        return url.encode().build().toUriString();
    }

    private static void add(UriComponentsBuilder url, String name, String value) {
        if (value != null && !value.isBlank()) {
            url.queryParam(name, value.strip());
        }
    }

    @GetMapping("/directory/services/{id}")
    String service(@PathVariable String id, @RequestParam(defaultValue = "") String from, Model model, Locale locale) {
        UUID serviceId;
        try {
            serviceId = UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new NotFound();
        }
        org.dphub.shared.SignedInUser user = org.dphub.web.CurrentUser.orNull();
        var manage = ServicePages.manage(directory, postcodes, messages, user, serviceId, model, locale);
        if (manage.isPresent()) {
            return manage.get();
        }
        Postcode fromPostcode = Postcode.isValid(from) ? Postcode.parse(from) : null;
        model.addAttribute("service", search.service(serviceId, fromPostcode, locale).orElseThrow(NotFound::new));
        model.addAttribute("from", fromPostcode == null ? null : fromPostcode.value());
        // paying regularly and buying together are offered to whoever may do them: someone not signed in may be
        // such a person (signing in comes first); a PA, staff or a provider not organising is not sent to a refusal.
        // Both ask whom the user acts for: one read-only transaction reads that once
        boolean[] may = user == null ? new boolean[] {true, true}
                : oneReadOnlyTransaction.read(() -> new boolean[] {!regularPayments.payers(user).isEmpty(), groups.mayOrganise(user)});
        model.addAttribute("mayPayRegularly", may[0]);
        model.addAttribute("mayBuyTogether", may[1]);
        return "directory/service";
    }
}
