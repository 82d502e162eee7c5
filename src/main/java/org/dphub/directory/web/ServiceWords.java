package org.dphub.directory.web;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.dphub.directory.Delivery;
import org.dphub.directory.DirectoryService;
import org.dphub.directory.Schedule;
import org.dphub.directory.TaxonomyTerm;
import org.springframework.context.MessageSource;

/** A service said in words for its pages: cost, where, when, ages, languages, outcomes, what changed. */
record ServiceWords(String cost, String where, List<String> when, String ages, String languages, List<String> outcomes,
                    String checks, String changed) {

    static final ZoneId LONDON = ZoneId.of("Europe/London");

    static ServiceWords of(DirectoryService s, List<TaxonomyTerm> terms, MessageSource messages, Locale locale) {
        Function<String, String> say = key -> messages.getMessage(key, null, key, locale);
        String cost = messages.getMessage("directory.cost.per." + s.costUnit(), new Object[] {s.cost().format()}, locale);
        // a withdrawn service of a provider who left the directory and was erased keeps no place (issue 17)
        boolean placeErased = s.delivery() != Delivery.ONLINE && s.postcode() == null;
        String where = placeErased ? say.apply("directory.service.place-erased") : switch (s.delivery()) {
            case ONLINE -> say.apply("directory.service.online");
            case COMES_TO_YOU -> messages.getMessage("directory.service.comes-to-you", new Object[] {s.travelKm(), s.postcode()}, locale);
            case AT_A_PLACE -> s.postcode();
        };
        List<String> when = new ArrayList<>();
        for (Schedule schedule : s.schedules()) {
            when.add(messages.getMessage("directory.service.schedule", new Object[] {say.apply("directory.day." + schedule.day()),
                    schedule.opensAt().toString(), schedule.closesAt().toString()}, locale));
        }
        String ages;
        if (s.minimumAge() != null && s.maximumAge() != null) {
            ages = messages.getMessage("directory.service.ages.range", new Object[] {s.minimumAge(), s.maximumAge()}, locale);
        } else if (s.minimumAge() != null) {
            ages = messages.getMessage("directory.service.ages.from", new Object[] {s.minimumAge()}, locale);
        } else if (s.maximumAge() != null) {
            ages = messages.getMessage("directory.service.ages.to", new Object[] {s.maximumAge()}, locale);
        } else {
            ages = say.apply("directory.service.ages.all");
        }
        String languages = s.languages().stream().map(c -> say.apply("directory.language." + c)).collect(Collectors.joining(", "));
        Map<UUID, TaxonomyTerm> byId = terms.stream().collect(Collectors.toMap(TaxonomyTerm::id, t -> t, (a, b) -> a));
        List<String> outcomes = s.taxonomyTermIds().stream().map(byId::get).filter(java.util.Objects::nonNull)
                .map(t -> t.name(locale)).toList();
        String checks = s.checks().checkedAt() == null ? say.apply("directory.service.checks.none")
                : messages.getMessage("directory.service.checks.done", new Object[] {s.checks().checkedBy(),
                        DateTimeFormatter.ofPattern("d MMMM yyyy", locale).format(s.checks().checkedAt().atZone(LONDON))}, locale);
        String changed = s.changedFields().stream().map(f -> say.apply("directory.field." + f)).collect(Collectors.joining(", "));
        return new ServiceWords(cost, where, when, ages, languages, outcomes, checks, changed);
    }
}
