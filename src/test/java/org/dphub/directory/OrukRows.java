package org.dphub.directory;

import java.math.BigDecimal;
import java.time.LocalTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A test's own directory rows for the Open Referral tests, written with SQL: services as maps of
 * column → value (every column the API publishes), on top of {@link DirectoryRows} (the terms,
 * councils and weekly times are its).
 */
final class OrukRows {

    static final UUID NUTRITION = DirectoryRows.NUTRITION;
    static final UUID COMMUNITY = DirectoryRows.COMMUNITY;
    static final UUID WALES_HEALTH = DirectoryRows.WALES_HEALTH;
    static final UUID ENGLAND_OUTCOMES = UUID.fromString("6a1d6a2e-5d1f-4c1b-9a51-000000000001");

    private final JdbcClient jdbc;

    OrukRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long council(String code) {
        return DirectoryRows.council(jdbc, code);
    }

    UUID organization(long council, String name) {
        UUID id = UUID.randomUUID();
        jdbc.sql("INSERT INTO directory_organization (id, council_id, name, description, kind, email, website)"
                        + " VALUES (:id, :c, :name, :d, 'COMMUNITY_GROUP', 'hello@example.org', 'https://example.org')")
                .param("id", id).param("c", council).param("name", name).param("d", name + " runs groups for people who want company")
                .update();
        return id;
    }

    /** A service with only what is required: online, free, no ages, times, languages or terms. */
    UUID sparseService(UUID organization, long council, String name, String status) {
        return service(organization, council, Map.of("name", name, "status", status));
    }

    /**
     * A service: published, at a place in CH7 1 (Mold), £12.50 a session, unless {@code values}
     * says otherwise (column name → value).
     */
    UUID fullService(UUID organization, long council, Map<String, Object> values) {
        Map<String, Object> all = new LinkedHashMap<>();
        all.put("delivery", "AT_A_PLACE");
        all.put("postcode", "CH7 1XY");
        all.put("latitude", new BigDecimal("53.165970"));
        all.put("longitude", new BigDecimal("-3.143540"));
        all.put("address", "Community Centre, 1 High Street, Mold");
        all.put("url", "https://example.org/lunch-club");
        all.put("email", "lunch@example.org");
        all.put("cost_pence", 1250L);
        all.put("cost_unit", "SESSION");
        all.put("minimum_age", 18);
        all.put("maximum_age", 99);
        all.put("languages", "{en,cy}");
        all.put("accessibility", "Step-free entrance and a hearing loop");
        all.put("status", "PUBLISHED");
        all.putAll(values);
        return service(organization, council, all);
    }

    UUID service(UUID organization, long council, Map<String, Object> values) {
        UUID id = UUID.randomUUID();
        Map<String, Object> all = new LinkedHashMap<>();
        all.put("id", id);
        all.put("organization_id", organization);
        all.put("council_id", council);
        all.put("name", "A service");
        all.put("description", "What the service does and who it is for");
        all.put("delivery", "ONLINE");
        all.put("cost_pence", 0L);
        all.put("cost_unit", "FREE");
        all.put("status", "PUBLISHED");
        all.putAll(values);
        boolean published = "PUBLISHED".equals(all.get("status"));
        all.put("insurance_checked", published);
        all.put("safeguarding_checked", published);
        List<String> columns = List.copyOf(all.keySet());
        String sql = "INSERT INTO directory_service (" + String.join(", ", columns) + ") VALUES ("
                + String.join(", ", columns.stream().map(c -> "languages".equals(c) ? "CAST(:languages AS text[])" : ":" + c).toList())
                + ")";
        jdbc.sql(sql).params(all).update();
        return id;
    }

    void term(UUID service, UUID term) {
        DirectoryRows.term(jdbc, service, term);
    }

    UUID schedule(UUID service, String day, String opens, String closes) {
        return DirectoryRows.schedule(jdbc, service, day, LocalTime.parse(opens), LocalTime.parse(closes));
    }

    /** A term of England's outcomes added by one council, with a code of its own. */
    UUID councilTerm(long council, String code, String name) {
        UUID id = UUID.randomUUID();
        jdbc.sql("INSERT INTO directory_taxonomy_term (id, taxonomy_id, council_id, code, name, name_cy, description, description_cy, position)"
                        + " VALUES (:id, :tax, :c, :code, :name, :name, :name, :name, 50)")
                .param("id", id).param("tax", ENGLAND_OUTCOMES).param("c", council).param("code", code).param("name", name).update();
        return id;
    }
}
