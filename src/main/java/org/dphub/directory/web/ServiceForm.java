package org.dphub.directory.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.dphub.councils.Nation;
import org.dphub.directory.DirectoryService;
import org.dphub.directory.Schedule;
import org.dphub.directory.ServiceLanguages;
import org.dphub.directory.TaxonomyTerm;
import org.dphub.directory.internal.ServiceInputRules;
import org.springframework.context.MessageSource;
import org.springframework.util.MultiValueMap;

/**
 * The service form as typed: the API's field names ({@code schedules[0].opensAt}), the cost in
 * pounds. Three rows of days and times; an empty row is left out.
 */
record ServiceForm(String name, String description, String delivery, String postcode, String travelKm, List<String> days,
                   List<String> opens, List<String> closes, String cost, String costUnit, String minimumAge, String maximumAge,
                   List<String> languages, String accessibility, List<String> taxonomyTermIds, String url, String email) {

    static final int ROWS = 3;

    static ServiceForm empty() {
        return new ServiceForm("", "", "AT_A_PLACE", "", "", blanks(), blanks(), blanks(), "", "", "", "", List.of(), "", List.of(),
                "", "");
    }

    static ServiceForm of(MultiValueMap<String, String> params) {
        List<String> days = new ArrayList<>();
        List<String> opens = new ArrayList<>();
        List<String> closes = new ArrayList<>();
        for (int i = 0; i < ROWS; i++) {
            days.add(one(params, "schedules[" + i + "].day"));
            opens.add(one(params, "schedules[" + i + "].opensAt"));
            closes.add(one(params, "schedules[" + i + "].closesAt"));
        }
        return new ServiceForm(one(params, "name"), one(params, "description"), one(params, "delivery"), one(params, "postcode"),
                one(params, "travelKm"), days, opens, closes, one(params, "cost"), one(params, "costUnit"), one(params, "minimumAge"),
                one(params, "maximumAge"), list(params, "languages"), one(params, "accessibility"), list(params, "taxonomyTermIds"),
                one(params, "url"), one(params, "email"));
    }

    static ServiceForm of(DirectoryService s) {
        List<String> days = blanks();
        List<String> opens = blanks();
        List<String> closes = blanks();
        for (int i = 0; i < Math.min(ROWS, s.schedules().size()); i++) {
            Schedule schedule = s.schedules().get(i);
            days.set(i, schedule.day().name());
            opens.set(i, schedule.opensAt().toString());
            closes.set(i, schedule.closesAt().toString());
        }
        return new ServiceForm(s.name(), s.description(), s.delivery().name(), s.postcode() == null ? "" : s.postcode(),
                s.travelKm() == null ? "" : s.travelKm().toString(), days, opens, closes,
                s.cost().isZero() ? "" : s.cost().toPlainString(), s.costUnit().name(),
                s.minimumAge() == null ? "" : s.minimumAge().toString(), s.maximumAge() == null ? "" : s.maximumAge().toString(),
                s.languages(), s.accessibility(), s.taxonomyTermIds().stream().map(Object::toString).toList(),
                s.url() == null ? "" : s.url(), s.email() == null ? "" : s.email());
    }

    ServiceInputRules.Raw raw() {
        List<ServiceInputRules.RawSchedule> schedules = new ArrayList<>();
        for (int i = 0; i < ROWS; i++) {
            if (!days.get(i).isBlank() || !opens.get(i).isBlank() || !closes.get(i).isBlank()) {
                schedules.add(new ServiceInputRules.RawSchedule(days.get(i), opens.get(i), closes.get(i)));
            }
        }
        return new ServiceInputRules.Raw(name, description, delivery, postcode, blankToNull(travelKm), schedules, null, cost, costUnit,
                blankToNull(minimumAge), blankToNull(maximumAge), languages, accessibility, taxonomyTermIds, url, email);
    }

    /** The outcomes offered, one group a taxonomy: the council's nation's outcomes first, then its own, then the other nation's. */
    record TermGroup(String id, String name, List<String> values, List<String> labels) {
    }

    static List<TermGroup> groups(List<TaxonomyTerm> terms, Nation nation, Locale locale) {
        Map<java.util.UUID, List<TaxonomyTerm>> byTaxonomy = new java.util.LinkedHashMap<>();
        for (TaxonomyTerm term : terms) {
            byTaxonomy.computeIfAbsent(term.taxonomyId(), k -> new ArrayList<>()).add(term);
        }
        List<TermGroup> groups = new ArrayList<>();
        int n = 0;
        for (List<TaxonomyTerm> group : byTaxonomy.values()) {
            TaxonomyTerm first = group.get(0);
            n++;
            groups.add(new TermGroup("taxonomyTermIds" + (n == 1 ? "" : "-group" + n), first.taxonomyName(locale),
                    group.stream().map(t -> t.id().toString()).toList(), group.stream().map(t -> t.name(locale)).toList()));
        }
        boolean wales = nation == Nation.WALES;
        groups.sort(java.util.Comparator.comparingInt(g -> rank(g, terms, wales)));
        // the first group carries the field's id, so the error summary lands on it
        List<TermGroup> ordered = new ArrayList<>();
        for (int i = 0; i < groups.size(); i++) {
            TermGroup g = groups.get(i);
            ordered.add(new TermGroup(i == 0 ? "taxonomyTermIds" : "taxonomyTermIds-group" + (i + 1), g.name(), g.values(), g.labels()));
        }
        return ordered;
    }

    private static int rank(TermGroup group, List<TaxonomyTerm> terms, boolean wales) {
        TaxonomyTerm term = terms.stream().filter(t -> t.id().toString().equals(group.values().get(0))).findFirst().orElseThrow();
        if (term.councilId() != null) {
            return 1;
        }
        boolean welshTaxonomy = term.code().startsWith("wales-");
        return welshTaxonomy == wales ? 0 : 2;
    }

    static List<String> languageLabels(MessageSource messages, Locale locale) {
        return ServiceLanguages.CODES.stream().map(c -> messages.getMessage("directory.language." + c, null, c, locale)).toList();
    }

    private static List<String> blanks() {
        List<String> list = new ArrayList<>();
        for (int i = 0; i < ROWS; i++) {
            list.add("");
        }
        return list;
    }

    private static String one(MultiValueMap<String, String> params, String name) {
        String value = params.getFirst(name);
        return value == null ? "" : value;
    }

    private static List<String> list(MultiValueMap<String, String> params, String name) {
        List<String> values = params.get(name);
        return values == null ? List.of() : values.stream().filter(v -> v != null && !v.isBlank()).toList();
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
