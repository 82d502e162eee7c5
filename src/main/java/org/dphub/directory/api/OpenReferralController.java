package org.dphub.directory.api;

import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.dphub.directory.internal.OpenReferralRepository;
import org.dphub.directory.internal.OpenReferralRepository.Near;
import org.dphub.directory.internal.OpenReferralRepository.OrganizationRow;
import org.dphub.directory.internal.OpenReferralRepository.Page;
import org.dphub.directory.internal.OpenReferralRepository.ServiceFilter;
import org.dphub.directory.internal.OpenReferralRepository.ServiceRow;
import org.dphub.directory.internal.OpenReferralRepository.TermRow;
import org.dphub.shared.GeoPoint;
import org.dphub.shared.InvalidPostcodeException;
import org.dphub.shared.Postcode;
import org.dphub.shared.PostcodeDirectory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import tools.jackson.databind.json.JsonMapper;

/**
 * The public Open Referral UK 3.0 API: published services, their organisations and places, and the
 * taxonomies of outcomes, for anyone (no sign-in). Follows the UK profile's OpenAPI document, which
 * is served at {@code /openreferral/openapi.json}. A bad parameter is 400 problem+json naming it in
 * {@code errors[].field}; an id that is unknown, or not published, is 404.
 */
@RestController
@RequestMapping(value = "/openreferral", produces = MediaType.APPLICATION_JSON_VALUE)
class OpenReferralController {

    static final int DEFAULT_PER_PAGE = 50;
    static final int MAX_PER_PAGE = 100;
    static final int MAX_PAGE = 100_000;
    static final int MAX_PROXIMITY_METRES = 200_000;

    private final OpenReferralRepository rows;
    private final PostcodeDirectory postcodes;
    private final JsonBody body;

    OpenReferralController(OpenReferralRepository rows, PostcodeDirectory postcodes, JsonMapper json) {
        this.rows = rows;
        this.postcodes = postcodes;
        this.body = new JsonBody(json);
    }

    @GetMapping({"", "/"})
    ResponseEntity<byte[]> about() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("version", "3.0");
        json.put("profile", OpenReferralJson.PROFILE);
        json.put("openapi_url", ServletUriComponentsBuilder.fromCurrentContextPath().path("/openreferral/openapi.json").toUriString());
        return body.ok(json);
    }

    @GetMapping("/openapi.json")
    ResponseEntity<byte[]> openApi() throws IOException {
        try (InputStream in = getClass().getResourceAsStream("/reference/open-referral-uk/openapi.json")) {
            return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(in.readAllBytes());
        }
    }

    @GetMapping("/services")
    ResponseEntity<byte[]> services(@RequestParam Map<String, String> query) {
        Params p = new Params(query);
        ServiceFilter filter = p.filter();
        boolean full = p.bool("full");
        p.done();
        Page<ServiceRow> page = rows.services(filter, null, p.perPage, p.offset());
        return body.ok(OpenReferralJson.page(services(page.rows(), full), page.total(), p.page, p.perPage));
    }

    @GetMapping("/services/{id}")
    ResponseEntity<byte[]> service(@PathVariable String id) {
        ServiceRow row = rows.service(pathId(id)).orElseThrow(NotPublished::new);
        return body.ok(services(List.of(row), true).get(0));
    }

    @GetMapping("/service_at_locations")
    ResponseEntity<byte[]> serviceAtLocations(@RequestParam Map<String, String> query) {
        Params p = new Params(query);
        ServiceFilter filter = p.filter();
        boolean full = p.bool("full");
        Near near = p.near(postcodes);
        p.done();
        Page<ServiceRow> page = rows.services(filter, near, p.perPage, p.offset());
        List<Map<String, Object>> nested = services(page.rows(), full);
        List<Map<String, Object>> contents = new ArrayList<>();
        for (int i = 0; i < page.rows().size(); i++) {
            contents.add(OpenReferralJson.serviceAtLocation(page.rows().get(i), nested.get(i), near != null));
        }
        return body.ok(OpenReferralJson.page(contents, page.total(), p.page, p.perPage));
    }

    @GetMapping("/service_at_locations/{id}")
    ResponseEntity<byte[]> serviceAtLocation(@PathVariable String id) {
        ServiceRow row = rows.serviceAtLocation(pathId(id)).orElseThrow(NotPublished::new);
        return body.ok(OpenReferralJson.serviceAtLocation(row, services(List.of(row), true).get(0), false));
    }

    @GetMapping("/organizations")
    ResponseEntity<byte[]> organizations(@RequestParam Map<String, String> query) {
        Params p = new Params(query);
        String search = p.text("search");
        p.done();
        Page<OrganizationRow> page = rows.organizations(search, p.perPage, p.offset());
        return body.ok(OpenReferralJson.page(page.rows().stream().map(OpenReferralJson::organization).toList(), page.total(), p.page, p.perPage));
    }

    @GetMapping("/organizations/{id}")
    ResponseEntity<byte[]> organization(@PathVariable String id) {
        OrganizationRow organization = rows.organization(pathId(id)).orElseThrow(NotPublished::new);
        Map<String, Object> json = OpenReferralJson.organization(organization);
        List<ServiceRow> services = rows.servicesOf(organization.id());
        json.put("services", services.stream().map(s -> OpenReferralJson.serviceSummary(s, null)).toList());
        return body.ok(json);
    }

    @GetMapping("/taxonomies")
    ResponseEntity<byte[]> taxonomies(@RequestParam Map<String, String> query) {
        Params p = new Params(query);
        p.done();
        var page = rows.taxonomies(p.perPage, p.offset());
        return body.ok(OpenReferralJson.page(page.rows().stream().map(t -> OpenReferralJson.taxonomy(t, null)).toList(), page.total(),
                p.page, p.perPage));
    }

    @GetMapping("/taxonomies/{id}")
    ResponseEntity<byte[]> taxonomy(@PathVariable String id) {
        var taxonomy = rows.taxonomy(pathId(id)).orElseThrow(NotPublished::new);
        return body.ok(OpenReferralJson.taxonomy(taxonomy, rows.terms(taxonomy.id(), null, null, 10_000, 0).rows()));
    }

    @GetMapping("/taxonomy_terms")
    ResponseEntity<byte[]> terms(@RequestParam Map<String, String> query) {
        Params p = new Params(query);
        UUID taxonomy = p.uuid("taxonomy_id");
        UUID parent = p.uuid("parent_id");
        String search = p.text("search");
        p.done();
        Page<TermRow> page = rows.terms(taxonomy, parent, search, p.perPage, p.offset());
        return body.ok(OpenReferralJson.page(page.rows().stream().map(OpenReferralJson::term).toList(), page.total(), p.page, p.perPage));
    }

    @GetMapping("/taxonomy_terms/{id}")
    ResponseEntity<byte[]> term(@PathVariable String id) {
        return body.ok(OpenReferralJson.term(rows.term(pathId(id)).orElseThrow(NotPublished::new)));
    }

    /** The services with their organisations (read with them); when full, their terms and times in one query each. */
    private List<Map<String, Object>> services(List<ServiceRow> services, boolean full) {
        if (!full) {
            return services.stream().map(s -> OpenReferralJson.serviceSummary(s, s.organization())).toList();
        }
        List<UUID> ids = services.stream().map(ServiceRow::id).toList();
        var terms = rows.termsOf(ids);
        var schedules = rows.schedulesOf(ids);
        return services.stream().map(s -> OpenReferralJson.service(s, s.organization(),
                terms.getOrDefault(s.id(), List.of()), schedules.getOrDefault(s.id(), List.of()))).toList();
    }

    private static UUID pathId(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new BadParameters(List.of(new Problem("id", "The id must be a UUID, like 3fa85f64-5717-4562-b3fc-2c963f66afa6.")));
        }
    }

    @ExceptionHandler(BadParameters.class)
    ResponseEntity<ProblemDetail> badParameters(BadParameters bad) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                "The request has problems. Fix each parameter listed in errors and send it again.");
        problem.setTitle("Invalid request");
        problem.setProperty("errors", bad.problems.stream().map(e -> Map.of("field", e.field(), "message", e.message())).toList());
        return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    @ExceptionHandler(NotPublished.class)
    ResponseEntity<ProblemDetail> notFound() {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND,
                "There is no published record with this id.");
        problem.setTitle("Not found");
        return ResponseEntity.status(HttpStatus.NOT_FOUND).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    record Problem(String field, String message) {
    }

    static final class BadParameters extends RuntimeException {
        final List<Problem> problems;

        BadParameters(List<Problem> problems) {
            super("Bad parameters: " + problems);
            this.problems = problems;
        }
    }

    static final class NotPublished extends RuntimeException {
        NotPublished() {
            super("Not found");
        }
    }

    /** The query parameters, each read once; every problem is collected, then {@link #done()} throws them all. */
    static final class Params {
        private final Map<String, String> query;
        private final List<Problem> problems = new ArrayList<>();
        final int page;
        final int perPage;

        Params(Map<String, String> query) {
            this.query = query;
            Integer page = integer("page", 1, MAX_PAGE);
            Integer perPage = integer("per_page", 1, MAX_PER_PAGE);
            this.page = page == null ? 1 : page;
            this.perPage = perPage == null ? DEFAULT_PER_PAGE : perPage;
        }

        long offset() {
            return (long) (page - 1) * perPage;
        }

        void done() {
            if (!problems.isEmpty()) {
                throw new BadParameters(List.copyOf(problems));
            }
        }

        private String value(String name) {
            String value = query.get(name);
            return value == null || value.isBlank() ? null : value.strip();
        }

        String text(String name) {
            String value = value(name);
            if (value != null && value.length() > 200) {
                problems.add(new Problem(name, name + " must be 200 characters or fewer."));
                return null;
            }
            return value;
        }

        Integer integer(String name, int min, int max) {
            return parse(name, v -> {
                int n = Integer.parseInt(v);
                return n >= min && n <= max ? n : null;
            }, name + " must be a whole number from " + min + " to " + max + ".");
        }

        UUID uuid(String name) {
            return parse(name, UUID::fromString, name + " must be a UUID, like 3fa85f64-5717-4562-b3fc-2c963f66afa6.");
        }

        boolean bool(String name) {
            Boolean value = parse(name, v -> switch (v.toLowerCase(Locale.ROOT)) {
                case "true" -> Boolean.TRUE;
                case "false" -> Boolean.FALSE;
                default -> null;
            }, name + " must be true or false.");
            return Boolean.TRUE.equals(value);
        }

        LocalTime time(String name) {
            return parse(name, LocalTime::parse, name + " must be a time like 09:30 or 09:30:00.");
        }

        OffsetDateTime dateTime(String name) {
            return parse(name, v -> v.length() == 10 ? LocalDate.parse(v).atStartOfDay().atOffset(ZoneOffset.UTC) : OffsetDateTime.parse(v),
                    name + " must be a date and time like 2026-12-03T09:30:00Z, or a date like 2026-12-03.");
        }

        String day(String name) {
            return parse(name, v -> switch (v.toUpperCase(Locale.ROOT)) {
                case "MO", "MONDAY" -> "MONDAY";
                case "TU", "TUESDAY" -> "TUESDAY";
                case "WE", "WEDNESDAY" -> "WEDNESDAY";
                case "TH", "THURSDAY" -> "THURSDAY";
                case "FR", "FRIDAY" -> "FRIDAY";
                case "SA", "SATURDAY" -> "SATURDAY";
                case "SU", "SUNDAY" -> "SUNDAY";
                default -> null;
            }, name + " must be a day: MO, TU, WE, TH, FR, SA or SU.");
        }

        ServiceFilter filter() {
            return new ServiceFilter(text("search"), uuid("taxonomy_term_id"), uuid("taxonomy_id"), uuid("organization_id"),
                    dateTime("modified_after"), integer("minimum_age", 0, 120), integer("maximum_age", 0, 120), day("day"),
                    time("start_time"), time("end_time"));
        }

        /** postcode and proximity (metres): the centre of the postcode's sector, and how far from it. */
        Near near(PostcodeDirectory postcodes) {
            Integer proximity = integer("proximity", 1, MAX_PROXIMITY_METRES);
            String text = value("postcode");
            if (text == null) {
                if (proximity != null) {
                    problems.add(new Problem("postcode", "Give a postcode to search within proximity metres of it."));
                }
                return null;
            }
            try {
                Postcode postcode = Postcode.parse(text);
                var sector = postcodes.findSector(postcode);
                if (sector.isEmpty()) {
                    problems.add(new Problem("postcode", "There is no postcode sector " + postcode.sector() + ". Check the postcode."));
                    return null;
                }
                GeoPoint centre = sector.get().centre();
                return new Near(centre.latitude().doubleValue(), centre.longitude().doubleValue(),
                        proximity == null ? null : proximity.doubleValue());
            } catch (InvalidPostcodeException e) {
                problems.add(new Problem("postcode", "postcode must be a UK postcode, like CH7 1XY."));
                return null;
            }
        }

        private <T> T parse(String name, Function<String, T> parser, String message) {
            String value = value(name);
            if (value == null) {
                return null;
            }
            try {
                T parsed = parser.apply(value);
                if (parsed != null) {
                    return parsed;
                }
            } catch (IllegalArgumentException | DateTimeParseException e) {
                // reported below
            }
            problems.add(new Problem(name, message));
            return null;
        }
    }
}
