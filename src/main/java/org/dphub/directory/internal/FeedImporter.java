package org.dphub.directory.internal;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.PathType;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.dphub.audit.AuditAction;
import org.dphub.audit.AuditTrail;
import org.dphub.shared.GeoPoint;
import org.dphub.shared.InvalidPostcodeException;
import org.dphub.shared.Postcode;
import org.dphub.shared.PostcodeDirectory;
import org.dphub.shared.SignedInUser;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Imports a council's Open Referral UK feed — a {@code service_list} page whose {@code contents}
 * are services — for its DP team. The whole file or nothing: it is read with limits (size,
 * nesting), each service checked against the UK profile's compiled service schema, then against
 * our rules; every problem is named by its JSON path ({@code $.contents[3].name}) and, if there is
 * one, nothing changes.
 *
 * <p>Imported services belong to the importing council and wait for the DP team's checks
 * (AWAITING_CHECKS); their organisation is created or updated from the feed (no user). A
 * re-import updates by id: a published service stays published and, if anything changed, is
 * marked {@code changed_since_check}. Postcodes are placed at their sector's centre; an unknown
 * postcode is a problem. Terms are matched by id, then by code, to the national terms and the
 * council's own; an unknown term is a problem (an outcome silently dropped would hide a service
 * from the people who need it). Services whose status is not "active" are left out, with a warning.
 */
@Service
public class FeedImporter {

    public static final int MAX_BYTES = 5 * 1024 * 1024;
    public static final int MAX_SERVICES = 5_000;
    static final int MAX_DEPTH = 32;
    static final String AUDIT_TYPE = "directory_import";

    /**
     * One thing wrong with the file, or one thing left out of it: where (a JSON path), and what, as
     * the message {@code directory.feed.<key>} with its arguments, so it is said in the reader's language.
     */
    public record FeedProblem(String path, String key, List<Object> args) {
        public FeedProblem {
            args = List.copyOf(args);
        }

        public static FeedProblem of(String path, String key, Object... args) {
            return new FeedProblem(path, key, List.of(args));
        }

        /** The words, in {@code locale}. */
        public String message(MessageSource messages, Locale locale) {
            return messages.getMessage("directory.feed." + key, args.toArray(), locale);
        }
    }

    public record ImportResult(UUID id, int servicesCreated, int servicesUpdated, int servicesUnchanged, int organizationsCreated,
                               int organizationsUpdated, List<FeedProblem> warnings) {
    }

    /** The file cannot be imported; nothing changed. */
    public static class FeedRejected extends RuntimeException {
        private final List<FeedProblem> problems;

        public FeedRejected(List<FeedProblem> problems) {
            super("The feed has " + problems.size() + " problem(s)");
            this.problems = List.copyOf(problems);
        }

        public List<FeedProblem> problems() {
            return problems;
        }
    }

    private static final JsonMapper READER = JsonMapper.builder(JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH).maxStringLength(100_000).build())
            .build()).build();
    private static final JsonMapper WRITER = JsonMapper.builder().build();
    private static final Schema SERVICE_SCHEMA = loadSchema();
    private static final Map<String, String> DAYS = Map.of("MO", "MONDAY", "TU", "TUESDAY", "WE", "WEDNESDAY", "TH", "THURSDAY",
            "FR", "FRIDAY", "SA", "SATURDAY", "SU", "SUNDAY");
    private static final Map<String, String> LANGUAGE_CODES = Map.of("english", "en", "welsh", "cy", "cymraeg", "cy", "polish", "pl",
            "urdu", "ur", "punjabi", "pa", "bengali", "bn", "arabic", "ar", "british sign language", "bsl");

    private final JdbcClient jdbc;
    private final PostcodeDirectory postcodes;
    private final AuditTrail audit;

    FeedImporter(JdbcClient jdbc, PostcodeDirectory postcodes, AuditTrail audit) {
        this.jdbc = jdbc;
        this.postcodes = postcodes;
        this.audit = audit;
    }

    private static Schema loadSchema() {
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
                builder -> builder.schemaRegistryConfig(SchemaRegistryConfig.builder().formatAssertionsEnabled(true)
                        .pathType(PathType.JSON_PATH).build()));
        try (InputStream in = FeedImporter.class.getResourceAsStream("/reference/open-referral-uk/service.json")) {
            return registry.getSchema(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What one service in the file becomes. */
    private record Incoming(String path, UUID id, UUID organizationId, String name, String description, String url, String email,
                            String delivery, String postcode, BigDecimal latitude, BigDecimal longitude, String address,
                            long costPence, String costUnit, Integer minimumAge, Integer maximumAge, List<String> languages,
                            String accessibility, Set<UUID> terms, Set<List<Object>> schedules) {
    }

    private record IncomingOrganization(UUID id, String name, String description, String email, String website) {
    }

    /** An earlier import of this council's: what it did and what it left out (empty for another council's id). */
    public java.util.Optional<ImportResult> find(long council, UUID id) {
        return jdbc.sql("SELECT * FROM directory_import WHERE id = :id AND council_id = :c").param("id", id).param("c", council)
                .query((rs, n) -> {
                    List<FeedProblem> warnings = new ArrayList<>();
                    for (JsonNode w : READER.readTree(rs.getString("warnings"))) {
                        List<Object> args = new ArrayList<>();
                        w.get("args").forEach(a -> args.add(a.isNumber() ? a.numberValue() : a.asString()));
                        warnings.add(new FeedProblem(w.get("path").asString(), w.get("key").asString(), args));
                    }
                    return new ImportResult(id, rs.getInt("services_created"), rs.getInt("services_updated"),
                            rs.getInt("services_unchanged"), rs.getInt("organizations_created"), rs.getInt("organizations_updated"),
                            warnings);
                }).optional();
    }

    @Transactional
    public ImportResult importFeed(SignedInUser dpTeam, String fileName, byte[] file) {
        long council = dpTeam.councilId();
        List<FeedProblem> problems = new ArrayList<>();
        List<FeedProblem> warnings = new ArrayList<>();
        JsonNode root = read(file, problems);
        if (root == null) {
            throw new FeedRejected(problems);
        }
        JsonNode contents = root.get("contents");
        if (!root.isObject() || contents == null || !contents.isArray()) {
            throw new FeedRejected(List.of(FeedProblem.of("$.contents", "not-list")));
        }
        if (contents.size() > MAX_SERVICES) {
            throw new FeedRejected(List.of(FeedProblem.of("$.contents", "too-many", contents.size(), MAX_SERVICES)));
        }
        if (contents.isEmpty()) {
            throw new FeedRejected(List.of(FeedProblem.of("$.contents", "no-services")));
        }
        // 1. the profile's schema, for every service
        for (int i = 0; i < contents.size(); i++) {
            String base = "$.contents[" + i + "]";
            for (Error e : SERVICE_SCHEMA.validate(contents.get(i))) {
                String at = base + e.getInstanceLocation().toString().substring(1);
                if ("required".equals(e.getKeyword()) && e.getProperty() != null) {
                    problems.add(FeedProblem.of(at + "." + e.getProperty(), "required"));
                } else {
                    problems.add(schemaProblem(at, e));
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new FeedRejected(problems);
        }
        // 2. our rules
        Map<String, UUID> termsByCode = new HashMap<>();
        Set<UUID> termIds = new HashSet<>();
        jdbc.sql("SELECT id, code FROM directory_taxonomy_term WHERE council_id IS NULL OR council_id = :c").param("c", council)
                .query((rs, n) -> Map.entry(rs.getObject("id", UUID.class), rs.getString("code"))).list()
                .forEach(e -> {
                    termIds.add(e.getKey());
                    termsByCode.putIfAbsent(e.getValue(), e.getKey());
                });
        Map<UUID, String> seen = new HashMap<>();
        Map<UUID, IncomingOrganization> organizations = new LinkedHashMap<>();
        List<Incoming> services = new ArrayList<>();
        for (int i = 0; i < contents.size(); i++) {
            String path = "$.contents[" + i + "]";
            JsonNode s = contents.get(i);
            UUID id = UUID.fromString(s.get("id").asString());
            String earlier = seen.putIfAbsent(id, path);
            if (earlier != null) {
                problems.add(FeedProblem.of(path + ".id", "duplicate-id", id.toString(), earlier + ".id"));
                continue;
            }
            String status = s.get("status").asString();
            if (!"active".equals(status)) {
                warnings.add(FeedProblem.of(path + ".status", "not-active", status));
                continue;
            }
            Incoming incoming = service(path, id, s, termIds, termsByCode, problems, warnings);
            IncomingOrganization organization = organization(path, s, problems);
            if (incoming != null && organization != null) {
                organizations.put(organization.id(), organization);
                services.add(incoming);
            }
        }
        checkOwnership(council, organizations.keySet(), services, problems);
        if (!problems.isEmpty()) {
            throw new FeedRejected(problems);
        }
        leaveOutErased(organizations, services, warnings);
        // 3. write: organisations, then services, their terms and times
        int[] organizationCounts = writeOrganizations(council, organizations.values());
        int created = 0;
        int updated = 0;
        int unchanged = 0;
        for (Incoming service : services) {
            switch (writeService(council, service)) {
                case 0 -> created++;
                case 1 -> updated++;
                default -> unchanged++;
            }
        }
        UUID importId = UUID.randomUUID();
        String name = fileName == null || fileName.isBlank() ? "feed.json" : fileName.strip();
        name = name.length() > 255 ? name.substring(0, 255) : name;
        jdbc.sql("INSERT INTO directory_import (id, council_id, imported_by, file_name, services_created, services_updated,"
                        + " organizations_created, organizations_updated, services_unchanged, warnings)"
                        + " VALUES (:id, :c, :by, :name, :sc, :su, :oc, :ou, :unchanged, CAST(:warnings AS jsonb))")
                .param("id", importId).param("c", council).param("by", dpTeam.userId()).param("name", name)
                .param("sc", created).param("su", updated).param("oc", organizationCounts[0]).param("ou", organizationCounts[1])
                .param("unchanged", unchanged).param("warnings", WRITER.writeValueAsString(warnings)).update();
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("fileName", name);
        after.put("servicesCreated", created);
        after.put("servicesUpdated", updated);
        after.put("servicesUnchanged", unchanged);
        after.put("organizationsCreated", organizationCounts[0]);
        after.put("organizationsUpdated", organizationCounts[1]);
        audit.record(council, "directory_import", importId, AuditAction.CREATE, null, after);
        return new ImportResult(importId, created, updated, unchanged, organizationCounts[0], organizationCounts[1], warnings);
    }

    /** A schema keyword's complaint in our words: the JSON types and formats by their names in the profile. */
    private static FeedProblem schemaProblem(String at, Error e) {
        JsonNode schema = e.getSchemaNode();
        if (schema != null && schema.isObject() && schema.has(e.getKeyword())) {
            schema = schema.get(e.getKeyword());
        }
        String expected = schema == null ? "" : schema.isArray()
                ? String.join(", ", schema.valueStream().map(JsonNode::asString).toList())
                : schema.isValueNode() ? schema.asString() : "";
        JsonNode found = e.getInstanceNode();
        String foundType = found == null ? "" : found.getNodeType().name().toLowerCase(Locale.ROOT);
        return switch (e.getKeyword() == null ? "" : e.getKeyword()) {
            case "type" -> FeedProblem.of(at, "type", expected, foundType);
            case "format" -> FeedProblem.of(at, "format", expected);
            case "enum" -> FeedProblem.of(at, "enum", expected);
            default -> FeedProblem.of(at, "schema", e.getKeyword());
        };
    }

    private static JsonNode read(byte[] file, List<FeedProblem> problems) {
        if (file == null || file.length == 0) {
            problems.add(FeedProblem.of("$", "empty"));
            return null;
        }
        if (file.length > MAX_BYTES) {
            problems.add(FeedProblem.of("$", "too-big"));
            return null;
        }
        try {
            return READER.readTree(file);
        } catch (StreamConstraintsException e) {
            problems.add(FeedProblem.of("$", "too-deep", MAX_DEPTH));
        } catch (JacksonException e) {
            var at = e.getLocation();
            problems.add(at == null ? FeedProblem.of("$", "not-json.somewhere") : FeedProblem.of("$", "not-json", at.getLineNr(), at.getColumnNr()));
        }
        return null;
    }

    private IncomingOrganization organization(String path, JsonNode s, List<FeedProblem> problems) {
        JsonNode o = s.get("organization");
        if (o == null || !o.isObject()) {
            problems.add(FeedProblem.of(path + ".organization", "organization-missing"));
            return null;
        }
        UUID id = UUID.fromString(o.get("id").asString());
        if (s.has("organization_id") && !s.get("organization_id").asString().equalsIgnoreCase(id.toString())) {
            problems.add(FeedProblem.of(path + ".organization_id", "organization-id"));
            return null;
        }
        String name = o.get("name").asString().strip();
        if (name.isEmpty() || name.length() > 200) {
            problems.add(FeedProblem.of(path + ".organization.name", "length", 200));
            return null;
        }
        String description = o.get("description").asString().strip();
        if (description.length() > 4000) {
            problems.add(FeedProblem.of(path + ".organization.description", "too-long", 4000));
            return null;
        }
        String email = optional(o, "email", 254, path + ".organization", problems);
        String website = optional(o, "website", 500, path + ".organization", problems);
        return new IncomingOrganization(id, name, description, email, website);
    }

    private Incoming service(String path, UUID id, JsonNode s, Set<UUID> termIds, Map<String, UUID> termsByCode,
                             List<FeedProblem> problems, List<FeedProblem> warnings) {
        int before = problems.size();
        String name = s.get("name").asString().strip();
        if (name.isEmpty() || name.length() > 200) {
            problems.add(FeedProblem.of(path + ".name", "length", 200));
        }
        String description = s.has("description") ? s.get("description").asString().strip() : "";
        if (description.isEmpty() || description.length() > 4000) {
            problems.add(description.isEmpty() ? FeedProblem.of(path + ".description", "description-missing")
                    : FeedProblem.of(path + ".description", "too-long", 4000));
        }
        String url = optional(s, "url", 500, path, problems);
        String email = optional(s, "email", 254, path, problems);
        Integer minimumAge = age(s, "minimum_age", path, problems);
        Integer maximumAge = age(s, "maximum_age", path, problems);
        if (minimumAge != null && maximumAge != null && minimumAge > maximumAge) {
            problems.add(FeedProblem.of(path + ".maximum_age", "max-age"));
        }

        // where: the first place; a postal code puts it at its sector's centre
        String delivery = "ONLINE";
        String postcode = null;
        BigDecimal latitude = null;
        BigDecimal longitude = null;
        String address = null;
        String accessibility = "";
        JsonNode places = s.get("service_at_locations");
        if (places != null && !places.isEmpty()) {
            if (places.size() > 1) {
                warnings.add(FeedProblem.of(path + ".service_at_locations", "first-place"));
            }
            JsonNode location = places.get(0).get("location");
            String locationPath = path + ".service_at_locations[0].location";
            if (location != null) {
                JsonNode addresses = location.get("addresses");
                if (addresses != null && !addresses.isEmpty() && !"virtual".equals(location.get("location_type").asString())) {
                    JsonNode a = addresses.get(0);
                    String postcodePath = locationPath + ".addresses[0].postal_code";
                    try {
                        Postcode parsed = Postcode.parse(a.get("postal_code").asString());
                        var sector = postcodes.findSector(parsed);
                        if (sector.isEmpty()) {
                            problems.add(FeedProblem.of(postcodePath, "no-postcode", parsed.value(), parsed.sector()));
                        } else {
                            GeoPoint centre = sector.get().centre();
                            delivery = "AT_A_PLACE";
                            postcode = parsed.value();
                            latitude = centre.latitude();
                            longitude = centre.longitude();
                            address = String.join(", ", List.of(a.get("address_1").asString().strip(), a.get("city").asString().strip())
                                    .stream().filter(p -> !p.isEmpty()).toList());
                            if (address.length() > 500) {
                                problems.add(FeedProblem.of(locationPath + ".addresses[0].address_1", "too-long", 500));
                            }
                        }
                    } catch (InvalidPostcodeException e) {
                        problems.add(FeedProblem.of(postcodePath, "postcode"));
                    }
                }
                JsonNode access = location.get("accessibility");
                if (access != null && !access.isEmpty() && access.get(0).has("description")) {
                    accessibility = access.get(0).get("description").asString().strip();
                    if (accessibility.length() > 2000) {
                        problems.add(FeedProblem.of(locationPath + ".accessibility[0].description", "too-long", 2000));
                    }
                }
            }
        }

        // cost: the first option with an amount, in pounds and pence
        long costPence = 0;
        String costUnit = "FREE";
        JsonNode costs = s.get("cost_options");
        if (costs != null) {
            for (int c = 0; c < costs.size(); c++) {
                JsonNode option = costs.get(c);
                if (!option.has("amount")) {
                    continue;
                }
                String amountPath = path + ".cost_options[" + c + "].amount";
                BigDecimal pounds = option.get("amount").decimalValue();
                if (pounds.signum() < 0 || pounds.stripTrailingZeros().scale() > 2 || pounds.compareTo(BigDecimal.valueOf(100_000)) > 0) {
                    problems.add(FeedProblem.of(amountPath, "amount"));
                    break;
                }
                costPence = pounds.movePointRight(2).longValueExact();
                String words = (text(option, "option") + " " + text(option, "amount_description")).toLowerCase(Locale.ROOT);
                costUnit = costPence == 0 ? "FREE" : words.contains("hour") ? "HOUR" : words.contains("term") ? "TERM" : "SESSION";
                break;
            }
        }

        // languages: by code, or by a name we know
        List<String> languages = new ArrayList<>();
        JsonNode langs = s.get("languages");
        if (langs != null) {
            for (int l = 0; l < langs.size(); l++) {
                String code = text(langs.get(l), "code").toLowerCase(Locale.ROOT);
                if (!code.matches("[a-z]{2,3}")) {
                    code = LANGUAGE_CODES.getOrDefault(text(langs.get(l), "name").toLowerCase(Locale.ROOT), "");
                }
                if (code.isEmpty()) {
                    warnings.add(FeedProblem.of(path + ".languages[" + l + "]", "language"));
                } else if (!languages.contains(code)) {
                    languages.add(code);
                }
            }
        }

        // outcomes: attributes' taxonomy terms, by id then by code
        Set<UUID> terms = new LinkedHashSet<>();
        JsonNode attributes = s.get("attributes");
        if (attributes != null) {
            for (int t = 0; t < attributes.size(); t++) {
                JsonNode attribute = attributes.get(t);
                JsonNode term = attribute.get("taxonomy_term");
                String termId = attribute.has("taxonomy_term_id") ? attribute.get("taxonomy_term_id").asString()
                        : term != null && term.has("id") ? term.get("id").asString() : "";
                UUID match = null;
                try {
                    match = termId.isEmpty() ? null : UUID.fromString(termId);
                } catch (IllegalArgumentException e) {
                    match = null;
                }
                if (match == null || !termIds.contains(match)) {
                    String code = term == null ? "" : !text(term, "code").isEmpty() ? text(term, "code") : text(term, "term");
                    match = termsByCode.get(code.toLowerCase(Locale.ROOT));
                }
                if (match == null) {
                    problems.add(FeedProblem.of(path + ".attributes[" + t + "].taxonomy_term", "term"));
                } else {
                    terms.add(match);
                }
            }
        }

        // when: weekly schedules with days and times, one row a day
        Set<List<Object>> schedules = new LinkedHashSet<>();
        JsonNode times = s.get("schedules");
        if (times != null) {
            for (int t = 0; t < times.size(); t++) {
                JsonNode schedule = times.get(t);
                String at = path + ".schedules[" + t + "]";
                if (!"WEEKLY".equals(text(schedule, "freq")) || text(schedule, "byday").isEmpty()
                        || text(schedule, "opens_at").isEmpty() || text(schedule, "closes_at").isEmpty()) {
                    warnings.add(FeedProblem.of(at, "schedule-left-out"));
                    continue;
                }
                LocalTime opens;
                LocalTime closes;
                try {
                    opens = LocalTime.parse(text(schedule, "opens_at"));
                    closes = LocalTime.parse(text(schedule, "closes_at"));
                } catch (DateTimeParseException e) {
                    problems.add(FeedProblem.of(at + ".opens_at", "times"));
                    continue;
                }
                if (!closes.isAfter(opens)) {
                    problems.add(FeedProblem.of(at + ".closes_at", "closes"));
                    continue;
                }
                for (String day : text(schedule, "byday").split(",")) {
                    String full = DAYS.get(day.strip().toUpperCase(Locale.ROOT));
                    if (full == null) {
                        problems.add(FeedProblem.of(at + ".byday", "byday"));
                        break;
                    }
                    schedules.add(List.of(full, opens, closes));
                }
            }
        }
        if (problems.size() > before) {
            return null;
        }
        JsonNode organization = s.get("organization");
        UUID organizationId = organization == null || !organization.isObject() ? null : UUID.fromString(organization.get("id").asString());
        return new Incoming(path, id, organizationId, name, description, url, email, delivery, postcode, latitude, longitude, address,
                costPence, costUnit, minimumAge, maximumAge, languages, accessibility, terms, schedules);
    }

    /** An id in the file may not be another council's service or organisation, nor an organisation that signed itself up. */
    private void checkOwnership(long council, Set<UUID> organizationIds, List<Incoming> services, List<FeedProblem> problems) {
        if (services.isEmpty()) {
            return;
        }
        String orgs = "{" + String.join(",", organizationIds.stream().map(UUID::toString).toList()) + "}";
        Set<UUID> foreignOrganizations = new HashSet<>(jdbc.sql("SELECT id FROM directory_organization WHERE id = ANY(CAST(:ids AS uuid[]))"
                        + " AND (council_id <> :c OR user_id IS NOT NULL)")
                .param("ids", orgs).param("c", council).query(UUID.class).list());
        String ids = "{" + String.join(",", services.stream().map(s -> s.id().toString()).toList()) + "}";
        Set<UUID> foreignServices = new HashSet<>(jdbc.sql("SELECT id FROM directory_service WHERE id = ANY(CAST(:ids AS uuid[]))"
                        + " AND (council_id <> :c OR organization_id IN (SELECT id FROM directory_organization WHERE user_id IS NOT NULL))")
                .param("ids", ids).param("c", council).query(UUID.class).list());
        for (Incoming s : services) {
            if (foreignServices.contains(s.id())) {
                problems.add(FeedProblem.of(s.path() + ".id", "foreign-service"));
            }
            if (foreignOrganizations.contains(s.organizationId())) {
                problems.add(FeedProblem.of(s.path() + ".organization.id", "foreign-organization"));
            }
        }
    }

    /**
     * A provider erased at its request (issue 17) stays erased: a feed that still lists it does not bring it back.
     * Its services are left out, each with a warning saying to take it out of the feed.
     */
    private void leaveOutErased(Map<UUID, IncomingOrganization> organizations, List<Incoming> services, List<FeedProblem> warnings) {
        if (organizations.isEmpty()) {
            return;
        }
        String ids = "{" + String.join(",", organizations.keySet().stream().map(UUID::toString).toList()) + "}";
        Set<UUID> erased = new HashSet<>(jdbc.sql("SELECT id FROM directory_organization WHERE id = ANY(CAST(:ids AS uuid[]))"
                + " AND erased_at IS NOT NULL").param("ids", ids).query(UUID.class).list());
        if (erased.isEmpty()) {
            return;
        }
        services.removeIf(s -> {
            if (erased.contains(s.organizationId())) {
                warnings.add(FeedProblem.of(s.path() + ".organization.id", "erased-organization"));
                return true;
            }
            return false;
        });
        organizations.keySet().removeAll(erased);
    }

    private int[] writeOrganizations(long council, Iterable<IncomingOrganization> organizations) {
        int created = 0;
        int updated = 0;
        for (IncomingOrganization o : organizations) {
            int inserted = jdbc.sql("INSERT INTO directory_organization (id, council_id, name, description, kind, email, website)"
                            + " VALUES (:id, :c, :name, :d, 'COMMUNITY_GROUP', :email, :website) ON CONFLICT (id) DO NOTHING")
                    .param("id", o.id()).param("c", council).param("name", o.name()).param("d", o.description())
                    .param("email", o.email()).param("website", o.website()).update();
            if (inserted == 1) {
                created++;
                continue;
            }
            updated += jdbc.sql("UPDATE directory_organization SET name = :name, description = :d, email = :email, website = :website,"
                            + " last_modified = now() WHERE id = :id AND council_id = :c AND user_id IS NULL"
                            + " AND (name, description, email, website) IS DISTINCT FROM (:name, :d, :email, :website)")
                    .param("id", o.id()).param("c", council).param("name", o.name()).param("d", o.description())
                    .param("email", o.email()).param("website", o.website()).update();
        }
        return new int[] {created, updated};
    }

    /** 0 created, 1 changed, 2 the same as before. */
    private int writeService(long council, Incoming s) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("id", s.id());
        p.put("org", s.organizationId());
        p.put("c", council);
        p.put("name", s.name());
        p.put("description", s.description());
        p.put("url", s.url());
        p.put("email", s.email());
        p.put("delivery", s.delivery());
        p.put("postcode", s.postcode());
        p.put("lat", s.latitude());
        p.put("lon", s.longitude());
        p.put("address", s.address());
        p.put("costPence", s.costPence());
        p.put("costUnit", s.costUnit());
        p.put("minAge", s.minimumAge());
        p.put("maxAge", s.maximumAge());
        p.put("languages", "{" + String.join(",", s.languages()) + "}");
        p.put("accessibility", s.accessibility());
        int inserted = jdbc.sql("""
                        INSERT INTO directory_service (id, organization_id, council_id, name, description, url, email, status, delivery,
                            postcode, latitude, longitude, address, cost_pence, cost_unit, minimum_age, maximum_age, languages, accessibility)
                        VALUES (:id, :org, :c, :name, :description, :url, :email, 'AWAITING_CHECKS', :delivery, :postcode, :lat, :lon,
                            :address, :costPence, :costUnit, :minAge, :maxAge, CAST(:languages AS text[]), :accessibility)
                        ON CONFLICT (id) DO NOTHING""").params(p).update();
        if (inserted == 1) {
            replaceTermsAndTimes(s);
            return 0;
        }
        Set<UUID> oldTerms = new HashSet<>(jdbc.sql("SELECT term_id FROM directory_service_term WHERE service_id = :id")
                .param("id", s.id()).query(UUID.class).list());
        Set<List<Object>> oldTimes = new HashSet<>(jdbc.sql("SELECT day, opens_at, closes_at FROM directory_schedule WHERE service_id = :id")
                .param("id", s.id()).query((rs, n) -> List.<Object>of(rs.getString("day"), rs.getObject("opens_at", LocalTime.class),
                        rs.getObject("closes_at", LocalTime.class))).list());
        boolean partsChanged = !oldTerms.equals(s.terms()) || !oldTimes.equals(new HashSet<>(s.schedules()));
        p.put("partsChanged", partsChanged);
        // columns first: the row changes only if something in it, or its terms or times, did
        int changed = jdbc.sql("""
                        UPDATE directory_service SET organization_id = :org, name = :name, description = :description, url = :url,
                            email = :email, delivery = :delivery, postcode = :postcode, latitude = :lat, longitude = :lon,
                            travel_km = NULL, address = :address, cost_pence = :costPence, cost_unit = :costUnit, minimum_age = :minAge,
                            maximum_age = :maxAge, languages = CAST(:languages AS text[]), accessibility = :accessibility,
                            changed_since_check = changed_since_check OR status = 'PUBLISHED',
                            version = version + 1, last_modified = now()
                        WHERE id = :id AND council_id = :c AND (:partsChanged OR
                            (organization_id, name, description, url, email, delivery, postcode, latitude, longitude, travel_km, address,
                             cost_pence, cost_unit, minimum_age, maximum_age, languages, accessibility)
                            IS DISTINCT FROM (CAST(:org AS uuid), CAST(:name AS text), CAST(:description AS text), CAST(:url AS text),
                             CAST(:email AS text), CAST(:delivery AS text), CAST(:postcode AS text), CAST(:lat AS numeric),
                             CAST(:lon AS numeric), NULL::int, CAST(:address AS text), CAST(:costPence AS bigint), CAST(:costUnit AS text),
                             CAST(:minAge AS int), CAST(:maxAge AS int), CAST(:languages AS text[]), CAST(:accessibility AS text)))""")
                .params(p).update();
        if (changed == 0) {
            return 2;
        }
        if (partsChanged) {
            replaceTermsAndTimes(s);
        }
        return 1;
    }

    private void replaceTermsAndTimes(Incoming s) {
        jdbc.sql("DELETE FROM directory_service_term WHERE service_id = :id").param("id", s.id()).update();
        jdbc.sql("DELETE FROM directory_schedule WHERE service_id = :id").param("id", s.id()).update();
        for (UUID term : s.terms()) {
            jdbc.sql("INSERT INTO directory_service_term (service_id, term_id) VALUES (:s, :t)").param("s", s.id()).param("t", term).update();
        }
        for (List<Object> time : s.schedules()) {
            jdbc.sql("INSERT INTO directory_schedule (id, service_id, day, opens_at, closes_at) VALUES (:id, :s, :d, :o, :c)")
                    .param("id", UUID.randomUUID()).param("s", s.id()).param("d", time.get(0)).param("o", time.get(1))
                    .param("c", time.get(2)).update();
        }
    }

    private static Integer age(JsonNode s, String field, String path, List<FeedProblem> problems) {
        if (!s.has(field)) {
            return null;
        }
        JsonNode value = s.get(field);
        if (!value.canConvertToExactIntegral() || value.asInt() < 0 || value.asInt() > 120) {
            problems.add(FeedProblem.of(path + "." + field, "age"));
            return null;
        }
        return value.asInt();
    }

    private static String optional(JsonNode node, String field, int max, String path, List<FeedProblem> problems) {
        String value = text(node, field);
        if (value.isEmpty()) {
            return null;
        }
        if (value.length() > max) {
            problems.add(FeedProblem.of(path + "." + field, "too-long", max));
            return null;
        }
        return value;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        return value == null || value.isNull() || !value.isValueNode() ? "" : value.asString().strip();
    }
}
