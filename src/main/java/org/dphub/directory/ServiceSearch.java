package org.dphub.directory;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.dphub.directory.internal.ServiceSearchRepository;
import org.dphub.directory.internal.ServiceSearchRepository.Row;
import org.dphub.directory.internal.ServiceSearchRepository.ScheduleRow;
import org.dphub.directory.internal.ServiceSearchRepository.TermRow;
import org.dphub.marketplace.Language;
import org.dphub.shared.GeoPoint;
import org.dphub.shared.Money;
import org.dphub.shared.Postcode;
import org.dphub.shared.PostcodeDirectory;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Search of the directory for everyone, signed in or not: only published services, each result
 * with the reasons it matches in the reader's language; one service in full; and the outcomes and
 * needs (taxonomy terms) to search by.
 */
@Service
public class ServiceSearch {

    private static final ZoneId UK = ZoneId.of("Europe/London");

    /** One reason a service matches: a code for programs, the words for people. */
    public record MatchReason(String code, String text) {
    }

    public record FoundService(UUID id, String name, String organizationName, String description, String place,
                               Double distanceKm, String cost, List<MatchReason> why) {
    }

    public record SearchResults(List<FoundService> services, long total, int page, int pages, int perPage) {
    }

    /** An outcome or need to search by, in the reader's language. */
    public record SearchTerm(UUID id, String taxonomy, String name, String description) {
    }

    /** A service as its page shows it, every text in the reader's language. */
    public record ServiceInFull(UUID id, String name, String description, String organizationName,
                                String organizationDescription, String website, String email, String phone,
                                String delivery, String place, Double distanceKm, List<String> opening, String cost,
                                String ages, List<String> languages, String accessibility, List<String> outcomes,
                                LocalDate checkedOn) {
    }

    private final ServiceSearchRepository repository;
    private final PostcodeDirectory postcodes;
    private final MessageSource messages;

    ServiceSearch(ServiceSearchRepository repository, PostcodeDirectory postcodes, MessageSource messages) {
        this.repository = repository;
        this.postcodes = postcodes;
        this.messages = messages;
    }

    @Transactional(readOnly = true)
    public List<SearchTerm> terms(Locale locale) {
        boolean welsh = welsh(locale);
        return repository.terms().stream()
                .map(t -> new SearchTerm(t.id(), welsh ? t.taxonomyNameCy() : t.taxonomyName(), welsh ? t.nameCy() : t.name(),
                        welsh ? t.descriptionCy() : t.description()))
                .toList();
    }

    public Set<UUID> termIds() {
        return repository.terms().stream().map(TermRow::id).collect(Collectors.toSet());
    }

    @Transactional(readOnly = true)
    public SearchResults search(SearchQuery query, Locale locale) {
        GeoPoint from = query.postcode() == null ? null : postcodes.centreOf(query.postcode());
        var found = repository.search(new ServiceSearchRepository.Filters(query.termIds(), query.words(),
                        from == null ? null : from.latitude().doubleValue(), from == null ? null : from.longitude().doubleValue(),
                        query.distanceKm(), query.day(), query.time(), query.freeOnly(),
                        query.maxCost() == null ? null : query.maxCost().pence(),
                        query.language() == null ? null : query.language().code(), query.age()),
                query.perPage(), query.offset());
        List<UUID> ids = found.rows().stream().map(Row::id).toList();
        Map<UUID, List<TermRow>> terms = repository.termsOf(ids);
        Map<UUID, List<ScheduleRow>> schedules = repository.schedulesOf(ids);
        List<FoundService> services = new ArrayList<>();
        for (Row row : found.rows()) {
            services.add(new FoundService(row.id(), row.name(), row.organizationName(), row.description(), place(row, locale),
                    row.distanceKm(), cost(row, locale), why(query, row, terms.getOrDefault(row.id(), List.of()),
                    schedules.getOrDefault(row.id(), List.of()), locale)));
        }
        int pages = (int) Math.max(1, (found.total() + query.perPage() - 1) / query.perPage());
        return new SearchResults(services, found.total(), query.page(), pages, query.perPage());
    }

    /** A published service in full; nothing for one that is not published (or does not exist). */
    @Transactional(readOnly = true)
    public Optional<ServiceInFull> service(UUID id, Postcode from, Locale locale) {
        GeoPoint point = from == null ? null : postcodes.findSector(from).map(PostcodeDirectory.Sector::centre).orElse(null);
        return repository.published(id, point == null ? null : point.latitude().doubleValue(),
                point == null ? null : point.longitude().doubleValue()).map(d -> {
            Row row = d.row();
            boolean welsh = welsh(locale);
            List<String> opening = repository.schedulesOf(List.of(id)).getOrDefault(id, List.of()).stream()
                    .map(s -> opening(s, locale)).toList();
            List<String> outcomes = repository.termsOf(List.of(id)).getOrDefault(id, List.of()).stream()
                    .map(t -> welsh ? t.nameCy() : t.name()).toList();
            String delivery = switch (row.delivery()) {
                case "COMES_TO_YOU" -> msg("dir.delivery.COMES_TO_YOU", locale, row.postcode(), row.travelKm());
                case "ONLINE" -> msg("dir.delivery.ONLINE", locale);
                default -> msg("dir.delivery.AT_A_PLACE", locale);
            };
            return new ServiceInFull(row.id(), row.name(), row.description(), row.organizationName(), blankToNull(d.organizationDescription()),
                    blankToNull(d.url() != null ? d.url() : d.organizationWebsite()), blankToNull(d.email() != null ? d.email() : d.organizationEmail()),
                    blankToNull(d.organizationPhone()), delivery, place(row, locale) + (d.address() == null || d.address().isBlank() ? "" : ", " + d.address()),
                    row.distanceKm(), opening, cost(row, locale), ages(row, locale), languages(row, locale),
                    blankToNull(d.accessibility()), outcomes,
                    d.checkedAt() == null ? null : LocalDate.ofInstant(d.checkedAt(), UK));
        });
    }

    private List<MatchReason> why(SearchQuery query, Row row, List<TermRow> terms, List<ScheduleRow> schedules, Locale locale) {
        List<MatchReason> why = new ArrayList<>();
        if (query.postcode() != null) {
            switch (row.delivery()) {
                case "AT_A_PLACE" -> why.add(new MatchReason("NEAR", msg("dir.why.near", locale, km(row.distanceKm()))));
                case "COMES_TO_YOU" -> why.add(new MatchReason("COMES_TO_YOU", msg("dir.why.comes-to-you", locale, row.travelKm())));
                default -> why.add(new MatchReason("ONLINE", msg("dir.why.online", locale)));
            }
        }
        if (!query.termIds().isEmpty()) {
            boolean welsh = welsh(locale);
            String names = terms.stream().filter(t -> query.termIds().contains(t.id()))
                    .map(t -> welsh ? t.nameCy() : t.name()).collect(Collectors.joining(", "));
            why.add(new MatchReason("OUTCOME", msg("dir.why.outcome", locale, names)));
        }
        if (query.day() != null || query.time() != null) {
            schedules.stream()
                    .filter(s -> query.day() == null || s.day() == query.day())
                    .filter(s -> query.time() == null || (!s.opensAt().isAfter(query.time()) && s.closesAt().isAfter(query.time())))
                    .findFirst()
                    .ifPresent(s -> why.add(new MatchReason("OPEN", msg("dir.why.open", locale, opening(s, locale)))));
        }
        if (query.freeOnly() || query.maxCost() != null) {
            why.add("FREE".equals(row.costUnit())
                    ? new MatchReason("FREE", msg("dir.cost.FREE", locale))
                    : new MatchReason("COST", msg("dir.why.cost", locale, cost(row, locale))));
        }
        if (query.language() != null) {
            why.add(new MatchReason("LANGUAGE", msg("dir.why.language", locale, msg("language." + query.language().name(), locale))));
        }
        if (query.age() != null) {
            why.add(new MatchReason("AGE", msg("dir.why.age", locale, ages(row, locale))));
        }
        if (!query.words().isEmpty()) {
            why.add(new MatchReason("WORDS", msg("dir.why.words", locale, String.join(" ", query.words()))));
        }
        return why;
    }

    private String place(Row row, Locale locale) {
        return "ONLINE".equals(row.delivery()) ? msg("dir.delivery.ONLINE", locale) : row.postcode();
    }

    private String opening(ScheduleRow s, Locale locale) {
        return msg("dir.opening", locale, msg("day." + s.day().name(), locale), time(s.opensAt()), time(s.closesAt()));
    }

    private String cost(Row row, Locale locale) {
        if ("FREE".equals(row.costUnit())) {
            return msg("dir.cost.FREE", locale);
        }
        return msg("dir.cost." + row.costUnit(), locale, Money.ofPence(row.costPence()).formatWithPence());
    }

    private String ages(Row row, Locale locale) {
        if (row.minimumAge() != null && row.maximumAge() != null) {
            return msg("dir.ages.between", locale, row.minimumAge(), row.maximumAge());
        }
        if (row.minimumAge() != null) {
            return msg("dir.ages.from", locale, row.minimumAge());
        }
        if (row.maximumAge() != null) {
            return msg("dir.ages.up-to", locale, row.maximumAge());
        }
        return msg("dir.ages.all", locale);
    }

    private List<String> languages(Row row, Locale locale) {
        Set<String> names = new LinkedHashSet<>();
        for (String code : row.languages()) {
            names.add(Language.fromCode(code).map(l -> msg("language." + l.name(), locale)).orElse(code));
        }
        return List.copyOf(names);
    }

    static String km(Double km) {
        return km == null ? "" : String.format(Locale.UK, "%.1f", km);
    }

    private static String time(LocalTime time) {
        return String.format(Locale.UK, "%02d:%02d", time.getHour(), time.getMinute());
    }

    private String msg(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, key, locale);
    }

    static boolean welsh(Locale locale) {
        return locale != null && "cy".equals(locale.getLanguage());
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }

    /** Days in the week's order, for forms. */
    public static List<DayOfWeek> days() {
        return List.of(DayOfWeek.values());
    }

    /** Languages people can search by, in the order the marketplace lists them. */
    public static List<Language> languages() {
        return List.of(Language.values());
    }

}
