package org.dphub.directory.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Reads the directory's tables for the public Open Referral UK API. Only PUBLISHED services are
 * ever read here, and organisations only when they have one; nothing here writes.
 */
@Repository
public class OpenReferralRepository {

    /** Mean Earth radius in metres, as {@link org.dphub.shared.GeoPoint} uses. */
    public static final double EARTH_RADIUS_M = 6_371_008.8;

    public record ServiceRow(UUID id, UUID organizationId, long councilId, String nation, String name, String description,
                             String url, String email, String delivery, String postcode, BigDecimal latitude,
                             BigDecimal longitude, Integer travelKm, String address, long costPence, String costUnit,
                             Integer minimumAge, Integer maximumAge, List<String> languages, String accessibility,
                             OffsetDateTime lastModified, Double distanceMetres, OrganizationRow organization) {
    }

    public record OrganizationRow(UUID id, String name, String description, String email, String website) {
    }

    public record TaxonomyRow(UUID id, String name, String description, String uri, String version) {
    }

    public record TermRow(UUID id, UUID taxonomyId, String taxonomyName, String code, String name, String description,
                          UUID parentId, String termUri) {
    }

    public record ScheduleRow(UUID id, UUID serviceId, String day, LocalTime opensAt, LocalTime closesAt) {
    }

    /** Which published services: every part is optional (null). {@code day} is MONDAY..SUNDAY. */
    public record ServiceFilter(String search, UUID termId, UUID taxonomyId, UUID organizationId, OffsetDateTime modifiedAfter,
                                Integer minimumAge, Integer maximumAge, String day, LocalTime startTime, LocalTime endTime) {
        public static ServiceFilter none() {
            return new ServiceFilter(null, null, null, null, null, null, null, null, null, null);
        }
    }

    /** Within {@code metres} of a point (when metres is null: anywhere with a place, nearest first). */
    public record Near(double latitude, double longitude, Double metres) {
    }

    public record Page<T>(List<T> rows, long total) {
    }

    private final JdbcClient jdbc;

    OpenReferralRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Page<ServiceRow> services(ServiceFilter filter, Near near, int limit, long offset) {
        Map<String, Object> params = new LinkedHashMap<>();
        StringBuilder where = new StringBuilder("s.status = 'PUBLISHED'");
        serviceConditions(filter, params, where);
        String distance = "NULL::float8";
        if (near != null) {
            distance = haversine();
            params.put("lat", near.latitude());
            params.put("lon", near.longitude());
            where.append(" AND s.latitude IS NOT NULL");
            if (near.metres() != null) {
                double[] box = box(near.latitude(), near.longitude(), near.metres());
                params.put("latMin", decimal(box[0]));
                params.put("latMax", decimal(box[1]));
                params.put("lonMin", decimal(box[2]));
                params.put("lonMax", decimal(box[3]));
                params.put("metres", near.metres());
                where.append(" AND s.latitude BETWEEN :latMin AND :latMax AND s.longitude BETWEEN :lonMin AND :lonMax AND ")
                        .append(haversine()).append(" <= :metres");
            }
        }
        params.put("limit", limit);
        params.put("offset", offset);
        String sql;
        if (near != null && near.metres() != null && filter.termId() != null && onlyTerm(filter)) {
            // the common search, an outcome near a postcode: one index range of directory_search_place
            // (published services with a place, once per term), then the page's rows
            Map<String, Object> fast = new LinkedHashMap<>(params);
            fast.keySet().retainAll(List.of("term", "lat", "lon", "latMin", "latMax", "lonMin", "lonMax", "metres", "limit", "offset"));
            String placeWhere = "x.term_id = :term AND x.latitude BETWEEN :latMin AND :latMax AND x.longitude BETWEEN :lonMin AND :lonMax AND "
                    + haversine("x") + " <= :metres";
            sql = "SELECT " + SERVICE_COLUMNS + ", c.nation, p.distance_m, p.total_rows FROM (SELECT x.service_id AS id, " + haversine("x") + " AS distance_m,"
                    + " count(*) OVER () AS total_rows FROM directory_search_place x WHERE " + placeWhere
                    + " ORDER BY distance_m, x.service_id LIMIT :limit OFFSET :offset) p"
                    + " JOIN directory_service s ON s.id = p.id JOIN council c ON c.id = s.council_id" + ORGANIZATION_JOIN + " ORDER BY p.distance_m, s.id";
            long[] total = {0};
            List<ServiceRow> rows = jdbc.sql(sql).params(fast).query((rs, n) -> {
                total[0] = rs.getLong("total_rows");
                return service(rs);
            }).list();
            if (rows.isEmpty() && offset > 0) {
                fast.remove("limit");
                fast.remove("offset");
                total[0] = jdbc.sql("SELECT count(*) FROM directory_search_place x WHERE " + placeWhere).params(fast)
                        .query(Long.class).single();
            }
            return new Page<>(rows, total[0]);
        } else if (near != null) {
            // the places first, from the index alone (latitude, longitude, id): distance, count and page;
            // then the page's rows
            sql = "SELECT " + SERVICE_COLUMNS + ", c.nation, p.distance_m, p.total_rows FROM (SELECT s.id, " + distance + " AS distance_m,"
                    + " count(*) OVER () AS total_rows FROM directory_service s WHERE " + where
                    + " ORDER BY distance_m, s.id LIMIT :limit OFFSET :offset) p"
                    + " JOIN directory_service s ON s.id = p.id JOIN council c ON c.id = s.council_id" + ORGANIZATION_JOIN + " ORDER BY p.distance_m, s.id";
        } else {
            sql = "SELECT " + SERVICE_COLUMNS + ", c.nation, NULL::float8 AS distance_m, count(*) OVER () AS total_rows"
                    + " FROM directory_service s JOIN council c ON c.id = s.council_id" + ORGANIZATION_JOIN + " WHERE " + where
                    + " ORDER BY s.name, s.id LIMIT :limit OFFSET :offset";
        }
        long[] total = {0};
        List<ServiceRow> rows = jdbc.sql(sql).params(params).query((rs, n) -> {
            total[0] = rs.getLong("total_rows");
            return service(rs);
        }).list();
        if (rows.isEmpty() && offset > 0) {
            params.remove("limit");
            params.remove("offset");
            total[0] = jdbc.sql("SELECT count(*) FROM directory_service s WHERE " + where).params(params)
                    .query(Long.class).single();
        }
        return new Page<>(rows, total[0]);
    }

    public Optional<ServiceRow> service(UUID id) {
        return jdbc.sql("SELECT " + SERVICE_COLUMNS + ", c.nation, NULL::float8 AS distance_m" + SERVICE_FROM
                        + " WHERE s.id = :id AND s.status = 'PUBLISHED'")
                .param("id", id).query((rs, n) -> service(rs)).optional();
    }

    /** The published service whose service_at_location has this id (see the migration's directory_derived_uuid). */
    public Optional<ServiceRow> serviceAtLocation(UUID serviceAtLocationId) {
        return jdbc.sql("SELECT " + SERVICE_COLUMNS + ", c.nation, NULL::float8 AS distance_m" + SERVICE_FROM
                        + " WHERE directory_derived_uuid(s.id, 'service_at_location') = :id AND s.status = 'PUBLISHED'")
                .param("id", serviceAtLocationId).query((rs, n) -> service(rs)).optional();
    }

    public Page<OrganizationRow> organizations(String search, int limit, long offset) {
        Map<String, Object> params = new LinkedHashMap<>();
        StringBuilder where = new StringBuilder(
                "EXISTS (SELECT 1 FROM directory_service s WHERE s.organization_id = o.id AND s.status = 'PUBLISHED')");
        if (search != null) {
            params.put("q", like(search));
            where.append(" AND (o.name ILIKE :q OR o.description ILIKE :q)");
        }
        long total = jdbc.sql("SELECT count(*) FROM directory_organization o WHERE " + where).params(params).query(Long.class).single();
        params.put("limit", limit);
        params.put("offset", offset);
        List<OrganizationRow> rows = jdbc.sql("SELECT o.* FROM directory_organization o WHERE " + where
                        + " ORDER BY o.name, o.id LIMIT :limit OFFSET :offset")
                .params(params).query((rs, n) -> organization(rs)).list();
        return new Page<>(rows, total);
    }

    public Optional<OrganizationRow> organization(UUID id) {
        return jdbc.sql("SELECT o.* FROM directory_organization o WHERE o.id = :id AND EXISTS (SELECT 1 FROM directory_service s"
                        + " WHERE s.organization_id = o.id AND s.status = 'PUBLISHED')")
                .param("id", id).query((rs, n) -> organization(rs)).optional();
    }


    /** Published services of these organisations, by name. */
    public List<ServiceRow> servicesOf(UUID organizationId) {
        return jdbc.sql("SELECT " + SERVICE_COLUMNS + ", c.nation, NULL::float8 AS distance_m" + SERVICE_FROM
                        + " WHERE s.organization_id = :id AND s.status = 'PUBLISHED' ORDER BY s.name, s.id")
                .param("id", organizationId).query((rs, n) -> service(rs)).list();
    }

    public Map<UUID, List<TermRow>> termsOf(Collection<UUID> serviceIds) {
        Map<UUID, List<TermRow>> byService = new LinkedHashMap<>();
        if (!serviceIds.isEmpty()) {
            jdbc.sql("SELECT st.service_id, " + TERM_COLUMNS + " FROM directory_service_term st"
                            + " JOIN directory_taxonomy_term t ON t.id = st.term_id JOIN directory_taxonomy x ON x.id = t.taxonomy_id"
                            + " WHERE st.service_id = ANY(CAST(:ids AS uuid[])) ORDER BY t.taxonomy_id, t.position, t.name, t.id")
                    .param("ids", uuids(serviceIds))
                    .query((rs, n) -> Map.entry(rs.getObject("service_id", UUID.class), term(rs))).list()
                    .forEach(e -> byService.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
        }
        return byService;
    }

    public Map<UUID, List<ScheduleRow>> schedulesOf(Collection<UUID> serviceIds) {
        Map<UUID, List<ScheduleRow>> byService = new LinkedHashMap<>();
        if (!serviceIds.isEmpty()) {
            jdbc.sql("SELECT * FROM directory_schedule WHERE service_id = ANY(CAST(:ids AS uuid[]))"
                            + " ORDER BY service_id, array_position(ARRAY['MONDAY','TUESDAY','WEDNESDAY','THURSDAY','FRIDAY','SATURDAY','SUNDAY'], day),"
                            + " opens_at, id")
                    .param("ids", uuids(serviceIds))
                    .query((rs, n) -> new ScheduleRow(rs.getObject("id", UUID.class), rs.getObject("service_id", UUID.class),
                            rs.getString("day"), rs.getObject("opens_at", LocalTime.class), rs.getObject("closes_at", LocalTime.class)))
                    .list().forEach(s -> byService.computeIfAbsent(s.serviceId(), k -> new ArrayList<>()).add(s));
        }
        return byService;
    }

    public Page<TaxonomyRow> taxonomies(int limit, long offset) {
        long total = jdbc.sql("SELECT count(*) FROM directory_taxonomy").query(Long.class).single();
        List<TaxonomyRow> rows = jdbc.sql("SELECT * FROM directory_taxonomy ORDER BY council_id NULLS FIRST, name, id LIMIT :limit OFFSET :offset")
                .param("limit", limit).param("offset", offset).query((rs, n) -> taxonomy(rs)).list();
        return new Page<>(rows, total);
    }

    public Optional<TaxonomyRow> taxonomy(UUID id) {
        return jdbc.sql("SELECT * FROM directory_taxonomy WHERE id = :id").param("id", id).query((rs, n) -> taxonomy(rs)).optional();
    }

    public Page<TermRow> terms(UUID taxonomyId, UUID parentId, String search, int limit, long offset) {
        Map<String, Object> params = new LinkedHashMap<>();
        StringBuilder where = new StringBuilder("TRUE");
        if (taxonomyId != null) {
            params.put("taxonomy", taxonomyId);
            where.append(" AND t.taxonomy_id = :taxonomy");
        }
        if (parentId != null) {
            params.put("parent", parentId);
            where.append(" AND t.parent_id = :parent");
        }
        if (search != null) {
            params.put("q", like(search));
            where.append(" AND (t.name ILIKE :q OR t.description ILIKE :q OR t.code ILIKE :q OR t.name_cy ILIKE :q)");
        }
        long total = jdbc.sql("SELECT count(*) FROM directory_taxonomy_term t WHERE " + where).params(params).query(Long.class).single();
        params.put("limit", limit);
        params.put("offset", offset);
        List<TermRow> rows = jdbc.sql("SELECT " + TERM_COLUMNS + " FROM directory_taxonomy_term t JOIN directory_taxonomy x ON x.id = t.taxonomy_id"
                        + " WHERE " + where + " ORDER BY x.council_id NULLS FIRST, x.name, t.position, t.name, t.id LIMIT :limit OFFSET :offset")
                .params(params).query((rs, n) -> term(rs)).list();
        return new Page<>(rows, total);
    }

    public Optional<TermRow> term(UUID id) {
        return jdbc.sql("SELECT " + TERM_COLUMNS + " FROM directory_taxonomy_term t JOIN directory_taxonomy x ON x.id = t.taxonomy_id WHERE t.id = :id")
                .param("id", id).query((rs, n) -> term(rs)).optional();
    }

    /** Latitude min/max, longitude min/max of a box holding every point within {@code metres}, with a small margin. */
    static double[] box(double latitude, double longitude, double metres) {
        double dLat = Math.toDegrees(metres / EARTH_RADIUS_M) * 1.001 + 1e-6;
        double widest = Math.min(89.9, Math.abs(latitude) + dLat);
        double dLon = Math.min(180, dLat / Math.cos(Math.toRadians(widest)));
        return new double[] {latitude - dLat, latitude + dLat, longitude - dLon, longitude + dLon};
    }

    private static BigDecimal decimal(double value) {
        return BigDecimal.valueOf(value).setScale(6, value < 0 ? RoundingMode.FLOOR : RoundingMode.CEILING);
    }

    /** Great-circle distance in metres from (:lat, :lon) to the service, as GeoPoint computes it. */
    static String haversine() {
        return haversine("s");
    }

    static String haversine(String t) {
        return "(2 * " + EARTH_RADIUS_M + " * asin(least(1, sqrt(power(sin(radians(" + t + ".latitude::float8 - :lat) / 2), 2)"
                + " + cos(radians(:lat)) * cos(radians(" + t + ".latitude::float8)) * power(sin(radians(" + t
                + ".longitude::float8 - :lon) / 2), 2)))))";
    }

    /** Only a term (the search near a postcode adds the place). */
    private static boolean onlyTerm(ServiceFilter f) {
        return f.search() == null && f.taxonomyId() == null && f.organizationId() == null && f.modifiedAfter() == null
                && f.minimumAge() == null && f.maximumAge() == null && f.day() == null && f.startTime() == null && f.endTime() == null;
    }

    private static void serviceConditions(ServiceFilter f, Map<String, Object> params, StringBuilder where) {
        if (f.search() != null) {
            params.put("q", like(f.search()));
            where.append(" AND (s.name ILIKE :q OR s.description ILIKE :q)");
        }
        if (f.termId() != null) {
            params.put("term", f.termId());
            where.append(" AND EXISTS (SELECT 1 FROM directory_service_term st WHERE st.service_id = s.id AND st.term_id = :term)");
        }
        if (f.taxonomyId() != null) {
            params.put("taxonomy", f.taxonomyId());
            where.append(" AND EXISTS (SELECT 1 FROM directory_service_term st JOIN directory_taxonomy_term tt ON tt.id = st.term_id"
                    + " WHERE st.service_id = s.id AND tt.taxonomy_id = :taxonomy)");
        }
        if (f.organizationId() != null) {
            params.put("organization", f.organizationId());
            where.append(" AND s.organization_id = :organization");
        }
        if (f.modifiedAfter() != null) {
            params.put("modifiedAfter", f.modifiedAfter());
            where.append(" AND s.last_modified >= :modifiedAfter");
        }
        if (f.minimumAge() != null) {
            params.put("minimumAge", f.minimumAge());
            where.append(" AND s.minimum_age >= :minimumAge");
        }
        if (f.maximumAge() != null) {
            params.put("maximumAge", f.maximumAge());
            where.append(" AND s.maximum_age <= :maximumAge");
        }
        if (f.day() != null || f.startTime() != null || f.endTime() != null) {
            where.append(" AND EXISTS (SELECT 1 FROM directory_schedule sc WHERE sc.service_id = s.id");
            if (f.day() != null) {
                params.put("day", f.day());
                where.append(" AND sc.day = :day");
            }
            if (f.startTime() != null) {
                params.put("startTime", f.startTime());
                where.append(" AND sc.opens_at >= :startTime");
            }
            if (f.endTime() != null) {
                params.put("endTime", f.endTime());
                where.append(" AND sc.closes_at <= :endTime");
            }
            where.append(")");
        }
    }

    private static String like(String search) {
        return "%" + search.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }

    private static String uuids(Collection<UUID> ids) {
        return "{" + String.join(",", ids.stream().map(UUID::toString).toList()) + "}";
    }

    /** What a service's Open Referral answer says, with its organisation (joined): nothing more is read. */
    private static final String SERVICE_COLUMNS = "s.id, s.organization_id, s.council_id, s.name, s.description, s.url, s.email,"
            + " s.delivery, s.postcode, s.latitude, s.longitude, s.travel_km, s.address, s.cost_pence, s.cost_unit, s.minimum_age,"
            + " s.maximum_age, s.languages, s.accessibility, s.last_modified, o.name AS o_name, o.description AS o_description,"
            + " o.email AS o_email, o.website AS o_website";

    private static final String ORGANIZATION_JOIN = " JOIN directory_organization o ON o.id = s.organization_id";

    private static final String SERVICE_FROM = " FROM directory_service s JOIN council c ON c.id = s.council_id" + ORGANIZATION_JOIN;

    private static final String TERM_COLUMNS = "t.id, t.taxonomy_id, x.name AS taxonomy_name, t.code, t.name, t.description,"
            + " t.parent_id, t.term_uri";

    private static TermRow term(ResultSet rs) throws SQLException {
        return new TermRow(rs.getObject("id", UUID.class), rs.getObject("taxonomy_id", UUID.class), rs.getString("taxonomy_name"),
                rs.getString("code"), rs.getString("name"), rs.getString("description"), rs.getObject("parent_id", UUID.class),
                rs.getString("term_uri"));
    }

    private static TaxonomyRow taxonomy(ResultSet rs) throws SQLException {
        return new TaxonomyRow(rs.getObject("id", UUID.class), rs.getString("name"), rs.getString("description"),
                rs.getString("uri"), rs.getString("version"));
    }

    private static OrganizationRow organization(ResultSet rs) throws SQLException {
        return new OrganizationRow(rs.getObject("id", UUID.class), rs.getString("name"), rs.getString("description"),
                rs.getString("email"), rs.getString("website"));
    }

    private static ServiceRow service(ResultSet rs) throws SQLException {
        Array languages = rs.getArray("languages");
        double distance = rs.getDouble("distance_m");
        Double distanceMetres = rs.wasNull() ? null : distance;
        return new ServiceRow(rs.getObject("id", UUID.class), rs.getObject("organization_id", UUID.class), rs.getLong("council_id"),
                rs.getString("nation"), rs.getString("name"), rs.getString("description"), rs.getString("url"), rs.getString("email"),
                rs.getString("delivery"), rs.getString("postcode"), rs.getBigDecimal("latitude"), rs.getBigDecimal("longitude"),
                rs.getObject("travel_km", Integer.class), rs.getString("address"), rs.getLong("cost_pence"), rs.getString("cost_unit"),
                rs.getObject("minimum_age", Integer.class), rs.getObject("maximum_age", Integer.class),
                languages == null ? List.of() : Arrays.asList((String[]) languages.getArray()), rs.getString("accessibility"),
                rs.getObject("last_modified", OffsetDateTime.class), distanceMetres,
                new OrganizationRow(rs.getObject("organization_id", UUID.class), rs.getString("o_name"), rs.getString("o_description"),
                        rs.getString("o_email"), rs.getString("o_website")));
    }
}
