package org.dphub.directory.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.dphub.directory.SearchInput;
import org.dphub.directory.SearchQuery;
import org.dphub.directory.ServiceSearch;
import org.dphub.shared.PostcodeDirectory;
import org.dphub.web.FormErrors;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The directory's search as JSON, public and read-only (no sign-in): the same filters and reasons as
 * the page. A query that cannot be read is 400 problem+json naming each parameter; {@code lang=cy}
 * gives the reasons in Welsh.
 */
@RestController
@Tag(name = "Directory")
class SearchApiController {

    private final ServiceSearch search;
    private final PostcodeDirectory postcodes;
    private final MessageSource messages;

    SearchApiController(ServiceSearch search, PostcodeDirectory postcodes, MessageSource messages) {
        this.search = search;
        this.postcodes = postcodes;
        this.messages = messages;
    }

    record Reason(String code, String text) {
    }

    record ServiceJson(String id, String name, String organizationName, String description, String place, Double distanceKm,
                       String cost, List<Reason> why, String url) {
    }

    record Results(long totalItems, int page, int totalPages, int perPage, List<ServiceJson> services) {
    }

    @GetMapping(path = "/api/v1/directory/search", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Search published services (public, no sign-in): each result says why it matches")
    ResponseEntity<?> search(@RequestParam(name = "outcome", required = false) List<String> outcome,
                             @RequestParam(defaultValue = "") String q, @RequestParam(defaultValue = "") String postcode,
                             @RequestParam(defaultValue = "") String distance, @RequestParam(defaultValue = "") String day,
                             @RequestParam(defaultValue = "") String time, @RequestParam(defaultValue = "") String free,
                             @RequestParam(defaultValue = "") String maxCostPence, @RequestParam(defaultValue = "") String language,
                             @RequestParam(defaultValue = "") String age, @RequestParam(defaultValue = "") String page,
                             @RequestParam(defaultValue = "") String perPage, @RequestParam(defaultValue = "en") String lang) {
        Locale locale = "cy".equals(lang) ? Locale.forLanguageTag("cy") : Locale.forLanguageTag("en");
        FormErrors errors = new FormErrors(messages, locale);
        String cost = "true".equalsIgnoreCase(free.strip()) ? "FREE" : "ANY";
        if (!free.isBlank() && !"true".equalsIgnoreCase(free.strip()) && !"false".equalsIgnoreCase(free.strip())) {
            errors.reject("free", "dir.search.error.free");
        }
        var typed = new SearchInput.Typed(outcome, q, postcode, distance, day, time, cost, "", maxCostPence, language, age, page, perPage);
        SearchQuery query = SearchInput.read(typed, search.termIds(), postcodes, errors);
        if (!errors.isEmpty()) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                    "The search has problems. Fix each parameter listed in errors and search again.");
            problem.setTitle("Invalid search");
            problem.setProperty("errors", errors.list().stream().map(e -> {
                Map<String, String> m = new LinkedHashMap<>();
                m.put("field", e.field());
                m.put("message", e.message());
                return m;
            }).toList());
            return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
        }
        var results = search.search(query, locale);
        return ResponseEntity.ok(new Results(results.total(), results.page(), results.pages(), results.perPage(),
                results.services().stream().map(s -> new ServiceJson(s.id().toString(), s.name(), s.organizationName(),
                        s.description(), s.place(), s.distanceKm() == null ? null : Math.round(s.distanceKm() * 10) / 10.0,
                        s.cost(), s.why().stream().map(w -> new Reason(w.code(), w.text())).toList(),
                        "/directory/services/" + s.id())).toList()));
    }
}
