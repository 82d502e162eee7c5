package org.dphub.audit.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.dphub.audit.AuditActors;
import org.dphub.audit.AuditFilter;
import org.dphub.audit.AuditPeople;
import org.dphub.audit.AuditTrail;
import org.dphub.audit.ReadableAuditTrail;
import org.dphub.shared.SignedInUser;
import org.dphub.web.FormErrors;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * A council administrator reads who changed what in their council, newest first, in words, a
 * page at a time; a GET form narrows it to a person, a staff member, dates and a kind of change.
 * Input that cannot be used is shown in the error summary, with no changes listed, so nothing on
 * the page looks like an answer to a question that was not asked.
 */
@Controller
class AuditTrailController {

    static final int PAGE_SIZE = 25;
    /** More people than this matching a name is too many to be "this person": ask for more of the name. */
    static final int MOST_PEOPLE = 50;
    static final String SYSTEM = "system";

    private final ReadableAuditTrail trail;
    private final MessageSource messages;

    AuditTrailController(ReadableAuditTrail trail, MessageSource messages) {
        this.trail = trail;
        this.messages = messages;
    }

    @GetMapping("/council/audit-trail")
    String trail(SignedInUser admin, @RequestParam Map<String, String> query, Locale locale, Model model) {
        long councilId = admin.councilId();
        FormErrors errors = new FormErrors(messages, locale);
        Filters filters = Filters.read(query);
        List<AuditActors.Actor> staff = trail.staff(councilId, locale);

        String person = errors.text("person", filters.person(), 100, false, "audit.filter.person.name");
        List<AuditPeople.Person> people = null;
        if (person != null && !person.isEmpty()) {
            people = trail.peopleMatching(councilId, person, MOST_PEOPLE + 1);
            if (people.isEmpty()) {
                errors.reject("person", "audit.filter.person.none");
            } else if (people.size() > MOST_PEOPLE) {
                errors.reject("person", "audit.filter.person.too-many", MOST_PEOPLE);
            }
        }
        String actor = filters.actor().isEmpty() ? null : filters.actor();
        if (actor != null && !SYSTEM.equals(actor) && staff.stream().noneMatch(a -> a.username().equals(actor))) {
            errors.reject("actor", "audit.filter.actor.unknown");
        }
        LocalDate from = optionalDate(errors, "from", filters.from(), "audit.filter.from.name");
        LocalDate to = optionalDate(errors, "to", filters.to(), "audit.filter.to.name");
        if (from != null && to != null && from.isAfter(to)) {
            errors.reject("to", "audit.filter.to.before-from");
        }
        String kind = filters.kind().isEmpty() ? null : filters.kind();
        if (kind != null && !trail.isKind(kind)) {
            errors.reject("kind", "audit.filter.kind.unknown");
        }

        model.addAttribute("filters", filters);
        model.addAttribute("staff", staff);
        model.addAttribute("kinds", trail.kinds(locale));
        model.addAttribute("errors", errors);
        if (errors.isEmpty()) {
            AuditFilter filter = new AuditFilter(people == null ? null : people.stream().map(AuditPeople.Person::id).toList(),
                    actor == null ? null : SYSTEM.equals(actor) ? AuditTrail.SYSTEM_ACTOR : actor, from, to, kind);
            ReadableAuditTrail.Page page = trail.page(councilId, filter, filters.page(), PAGE_SIZE, locale);
            model.addAttribute("result", page);
            model.addAttribute("people", people);
            model.addAttribute("filtered", filters.any());
            model.addAttribute("baseUrl", "/council/audit-trail" + filters.queryString());
        }
        return "audit/trail";
    }

    /** A date the reader may leave out; a part-filled or impossible one is an error. */
    private static LocalDate optionalDate(FormErrors errors, String field, String[] dayMonthYear, String labelKey) {
        boolean blank = dayMonthYear[0].isBlank() && dayMonthYear[1].isBlank() && dayMonthYear[2].isBlank();
        return blank ? null : errors.date(field, dayMonthYear[0], dayMonthYear[1], dayMonthYear[2], labelKey);
    }

    /** The filters as typed, to show again and to carry from page to page. */
    record Filters(String person, String actor, String[] from, String[] to, String kind, int page) {

        static Filters read(Map<String, String> query) {
            return new Filters(value(query, "person"), value(query, "actor"),
                    new String[] {value(query, "from-day"), value(query, "from-month"), value(query, "from-year")},
                    new String[] {value(query, "to-day"), value(query, "to-month"), value(query, "to-year")},
                    value(query, "kind"), pageNumber(value(query, "page")));
        }

        private static String value(Map<String, String> query, String name) {
            String value = query.get(name);
            return value == null ? "" : value.strip();
        }

        /** Page numbers are links, not input: anything that is not a page number is page 1. */
        private static int pageNumber(String text) {
            try {
                return Math.max(1, Integer.parseInt(text));
            } catch (NumberFormatException e) {
                return 1;
            }
        }

        boolean any() {
            return !person.isEmpty() || !actor.isEmpty() || !kind.isEmpty()
                    || !String.join("", from).isEmpty() || !String.join("", to).isEmpty();
        }

        /** "?person=…&actor=…" with only the filters given, for the pagination links. */
        String queryString() {
            Map<String, String> values = new LinkedHashMap<>();
            values.put("person", person);
            values.put("actor", actor);
            values.put("from-day", from[0]);
            values.put("from-month", from[1]);
            values.put("from-year", from[2]);
            values.put("to-day", to[0]);
            values.put("to-month", to[1]);
            values.put("to-year", to[2]);
            values.put("kind", kind);
            String query = values.entrySet().stream().filter(e -> !e.getValue().isEmpty())
                    .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                    .collect(Collectors.joining("&"));
            return query.isEmpty() ? "" : "?" + query;
        }
    }
}
