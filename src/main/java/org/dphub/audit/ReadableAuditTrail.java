package org.dphub.audit;

import java.text.Collator;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The audit trail as people read it: each change as a sentence in the reader's language, naming
 * who made it (their name, not their username) and whose record it is. The sentence comes from the
 * module that owns the record ({@link AuditDescriptions}); names come from identity
 * ({@link AuditActors}) and people ({@link AuditPeople}), always within the reader's council.
 */
@Service
public class ReadableAuditTrail {

    private static final ZoneId UK = ZoneId.of("Europe/London");
    private static final Logger log = LoggerFactory.getLogger(ReadableAuditTrail.class);

    private final AuditTrail trail;
    private final ObjectProvider<AuditDescriptions> describers;
    private final ObjectProvider<AuditActors> actors;
    private final ObjectProvider<AuditPeople> people;
    private final MessageSource messages;
    private volatile Map<String, AuditDescriptions> describersByType;

    ReadableAuditTrail(AuditTrail trail, ObjectProvider<AuditDescriptions> describers, ObjectProvider<AuditActors> actors,
                       ObjectProvider<AuditPeople> people, MessageSource messages) {
        this.trail = trail;
        this.describers = describers;
        this.actors = actors;
        this.people = people;
        this.messages = messages;
    }

    /** One change as people read it; {@code person} is null when it concerns nobody in the council. */
    public record Line(AuditEvent event, String sentence, String actorName, AuditPeople.Person person, String kind) {

        /** When the change was made, in UK time. */
        public ZonedDateTime when() {
            return event.occurredAt().atZone(UK);
        }
    }

    /** One page of changes, numbered from 1. */
    public record Page(List<Line> lines, long total, int page, int pages) {
    }

    /** A kind of change people can filter by: the entity type and its name in words. */
    public record Kind(String entityType, String label) {
    }

    /** The council's changes the filter lets through, newest first, a page at a time. */
    @Transactional(readOnly = true)
    public Page page(long councilId, AuditFilter filter, int page, int pageSize, Locale locale) {
        long total = trail.count(councilId, filter);
        int pages = (int) Math.max(1, (total + pageSize - 1) / pageSize);
        int current = Math.min(Math.max(1, page), pages);
        List<AuditEvent> events = total == 0 ? List.of() : trail.search(councilId, filter, current - 1, pageSize);
        return new Page(read(councilId, events, locale), total, current, pages);
    }

    /** These events (all of one council) in words. */
    @Transactional(readOnly = true)
    public List<Line> read(long councilId, List<AuditEvent> events, Locale locale) {
        Set<String> usernames = new LinkedHashSet<>();
        Set<Long> citizenIds = new LinkedHashSet<>();
        for (AuditEvent event : events) {
            if (!event.bySystem()) {
                usernames.add(event.actor());
            }
            if (event.citizenId() != null) {
                citizenIds.add(event.citizenId());
            }
        }
        Map<String, String> names = usernames.isEmpty() ? Map.of() : names(usernames);
        Map<Long, AuditPeople.Person> persons = citizenIds.isEmpty() ? Map.of() : persons(councilId, citizenIds);
        return events.stream().map(event -> {
            String actor = event.bySystem() ? messages.getMessage("audit.actor.system", null, locale)
                    : names.getOrDefault(event.actor(), event.actor());
            AuditPeople.Person person = event.citizenId() == null ? null : persons.get(event.citizenId());
            return new Line(event, sentence(event, actor, person, locale), actor, person, kindLabel(event.entityType(), locale));
        }).toList();
    }

    /** The sentence for one change: the owning module's, or a general one that still names who and whose. */
    public String sentence(AuditEvent event, String actorName, AuditPeople.Person person, Locale locale) {
        AuditWording wording = new AuditWording(messages, locale, actorName, person == null ? null : person.name());
        AuditDescriptions describer = describersByType().get(event.entityType());
        if (describer != null) {
            try {
                Optional<String> said = describer.describe(event, wording);
                if (said.isPresent() && !said.get().isBlank()) {
                    return said.get();
                }
            } catch (RuntimeException e) {
                // values recorded in an older shape must not stop the page: say it in general terms
                log.warn("Could not describe audit event {} ({}): {}", event.id(), event.entityType(), e.toString());
            }
        }
        return general(event, wording, kindLabel(event.entityType(), locale));
    }

    private String general(AuditEvent event, AuditWording wording, String kind) {
        String key = "audit.say.general." + event.action() + (wording.hasPerson() ? ".person" : "");
        return kind == null ? wording.say(key) : wording.say(key + ".kind", kind.substring(0, 1).toLowerCase(wording.locale())
                + kind.substring(1));
    }

    /** The kind of change in words ("Direct payments"), or null for a kind no module describes. */
    public String kindLabel(String entityType, Locale locale) {
        return messages.getMessage("audit.kind." + entityType, null, null, locale);
    }

    /** Every kind of change a module describes, by name in the reader's language. */
    public List<Kind> kinds(Locale locale) {
        Collator collator = Collator.getInstance(locale);
        return describersByType().keySet().stream()
                .map(type -> new Kind(type, kindLabel(type, locale)))
                .filter(kind -> kind.label() != null)
                .sorted(Comparator.comparing(Kind::label, collator))
                .toList();
    }

    /** Whether this is a kind of change people can filter by. */
    public boolean isKind(String entityType) {
        return describersByType().containsKey(entityType);
    }

    /** The council's staff, by name, to choose whose changes to see. */
    @Transactional(readOnly = true)
    public List<AuditActors.Actor> staff(long councilId, Locale locale) {
        AuditActors names = actors.getIfAvailable();
        if (names == null) {
            return List.of();
        }
        Collator collator = Collator.getInstance(locale);
        return names.staff(councilId).stream().sorted(Comparator.comparing(AuditActors.Actor::displayName, collator)).toList();
    }

    /** The council's people whose name or reference contains the text, at most {@code limit}. */
    @Transactional(readOnly = true)
    public List<AuditPeople.Person> peopleMatching(long councilId, String nameOrReference, int limit) {
        AuditPeople found = people.getIfAvailable();
        return found == null ? List.of() : found.matching(councilId, nameOrReference, limit);
    }

    private Map<String, String> names(Set<String> usernames) {
        AuditActors names = actors.getIfAvailable();
        return names == null ? Map.of() : names.displayNames(usernames);
    }

    private Map<Long, AuditPeople.Person> persons(long councilId, Set<Long> citizenIds) {
        AuditPeople found = people.getIfAvailable();
        return found == null ? Map.of() : found.people(councilId, citizenIds);
    }

    private Map<String, AuditDescriptions> describersByType() {
        Map<String, AuditDescriptions> byType = describersByType;
        if (byType == null) {
            Map<String, AuditDescriptions> all = new HashMap<>();
            describers.orderedStream().filter(Objects::nonNull)
                    .forEach(d -> d.entityTypes().forEach(type -> all.putIfAbsent(type, d)));
            byType = Map.copyOf(all);
            describersByType = byType;
        }
        return byType;
    }
}
