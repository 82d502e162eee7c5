package org.dphub.directory.internal;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Reads published services for search, a service's own page and the gaps in the market. Only
 * PUBLISHED services are ever read here. Distances are great-circle (haversine) kilometres between
 * the stored latitude and longitude (a postcode sector's centre) and the searcher's sector centre;
 * a bounding box on the indexed columns narrows the rows first.
 */
@Repository
public class ServiceSearchRepository {

    /** Kilometres in a degree of latitude, and the most a "comes to you" service travels (the table's limit). */
    static final double KM_PER_DEGREE = 111.2;
    static final int MOST_TRAVEL_KM = 200;

    private final JdbcClient jdbc;

    ServiceSearchRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** What to look for; null or empty means "any". */
    public record Filters(Collection<UUID> termIds, List<String> words, Double latitude, Double longitude, Integer distanceKm,
                          DayOfWeek day, LocalTime time, boolean freeOnly, Long maxCostPence, String language, Integer age) {

        boolean near() {
            return latitude != null && longitude != null;
        }
    }

    public record Row(UUID id, String name, String description, UUID organizationId, String organizationName,
                      String delivery, String postcode, Integer travelKm, long costPence, String costUnit,
                      Integer minimumAge, Integer maximumAge, List<String> languages, Double distanceKm) {
    }

    public record Found(List<Row> rows, long total) {
    }

    public record TermRow(UUID id, UUID taxonomyId, String taxonomyName, String taxonomyNameCy, String code, String name,
                          String nameCy, String description, String descriptionCy) {
    }

    public record ScheduleRow(DayOfWeek day, LocalTime opensAt, LocalTime closesAt) {
    }

    public record Detail(Row row, String url, String email, String address, String accessibility,
                         String organizationDescription, String organizationWebsite, String organizationEmail,
                         String organizationPhone, Instant checkedAt) {
    }

    private static final String DISTANCE = """
            2 * 6371.0088 * asin(least(1, sqrt(power(sin(radians(s.latitude - :lat) / 2), 2)
                + cos(radians(:lat)) * cos(radians(s.latitude)) * power(sin(radians(s.longitude - :lon) / 2), 2))))""";

    public Found search(Filters f, int limit, int offset) {
        Map<String, Object> params = new HashMap<>();
        List<String> where = new ArrayList<>();
        where.add("s.status = 'PUBLISHED'");
        String distance = "CAST(NULL AS double precision)";
        if (f.near()) {
            distance = DISTANCE;
            params.put("lat", f.latitude());
            params.put("lon", f.longitude());
            box(params, "", f.latitude(), f.longitude(), f.distanceKm());
            box(params, "far", f.latitude(), f.longitude(), MOST_TRAVEL_KM);
            params.put("km", f.distanceKm());
            // at a place: within the distance the person will go; comes to you: they reach the person; online: anywhere
            where.add("((s.delivery = 'AT_A_PLACE' AND s.latitude BETWEEN :minLat AND :maxLat AND s.longitude BETWEEN :minLon AND :maxLon"
                    + " AND " + DISTANCE + " <= :km)"
                    + " OR (s.delivery = 'COMES_TO_YOU' AND s.latitude BETWEEN :farminLat AND :farmaxLat"
                    + " AND s.longitude BETWEEN :farminLon AND :farmaxLon AND " + DISTANCE + " <= s.travel_km)"
                    + " OR s.delivery = 'ONLINE')");
        }
        if (f.termIds() != null && !f.termIds().isEmpty()) {
            params.put("terms", List.copyOf(f.termIds()));
            where.add("EXISTS (SELECT 1 FROM directory_service_term st WHERE st.service_id = s.id AND st.term_id IN (:terms))");
        }
        if (f.words() != null) {
            for (int i = 0; i < f.words().size(); i++) {
                params.put("word" + i, "%" + f.words().get(i).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
                where.add("(s.name ILIKE :word" + i + " OR s.description ILIKE :word" + i + " OR o.name ILIKE :word" + i + ")");
            }
        }
        if (f.day() != null) {
            params.put("day", f.day().name());
            String time = "";
            if (f.time() != null) {
                params.put("time", f.time());
                time = " AND d.opens_at <= :time AND d.closes_at > :time";
            }
            where.add("EXISTS (SELECT 1 FROM directory_schedule d WHERE d.service_id = s.id AND d.day = :day" + time + ")");
        } else if (f.time() != null) {
            params.put("time", f.time());
            where.add("EXISTS (SELECT 1 FROM directory_schedule d WHERE d.service_id = s.id AND d.opens_at <= :time AND d.closes_at > :time)");
        }
        if (f.freeOnly()) {
            where.add("s.cost_unit = 'FREE'");
        } else if (f.maxCostPence() != null) {
            params.put("maxCost", f.maxCostPence());
            where.add("s.cost_pence <= :maxCost");
        }
        if (f.language() != null) {
            params.put("language", f.language());
            where.add(":language = ANY (s.languages)");
        }
        if (f.age() != null) {
            params.put("age", f.age());
            where.add("(s.minimum_age IS NULL OR s.minimum_age <= :age) AND (s.maximum_age IS NULL OR s.maximum_age >= :age)");
        }
        params.put("limit", limit);
        params.put("offset", offset);
        long[] total = {0};
        List<Row> rows = jdbc.sql("SELECT s.*, o.name AS organization_name, " + distance + " AS distance_km, count(*) OVER () AS total"
                        + " FROM directory_service s JOIN directory_organization o ON o.id = s.organization_id"
                        + " WHERE " + String.join(" AND ", where)
                        + " ORDER BY distance_km NULLS LAST, s.name, s.id LIMIT :limit OFFSET :offset")
                .params(params)
                .query((rs, n) -> {
                    total[0] = rs.getLong("total");
                    return row(rs);
                }).list();
        if (rows.isEmpty() && offset > 0) {
            // past the last page: still say how many there are
            total[0] = search(f, 1, 0).total();
        }
        return new Found(rows, total[0]);
    }

    private static void box(Map<String, Object> params, String prefix, double lat, double lon, int km) {
        double dLat = km / KM_PER_DEGREE;
        double dLon = km / (KM_PER_DEGREE * Math.max(0.01, Math.cos(Math.toRadians(lat))));
        params.put(prefix + "minLat", lat - dLat);
        params.put(prefix + "maxLat", lat + dLat);
        params.put(prefix + "minLon", lon - dLon);
        params.put(prefix + "maxLon", lon + dLon);
    }

    private static Row row(ResultSet rs) throws SQLException {
        Array languages = rs.getArray("languages");
        Number distance = (Number) rs.getObject("distance_km");
        return new Row(rs.getObject("id", UUID.class), rs.getString("name"), rs.getString("description"),
                rs.getObject("organization_id", UUID.class), rs.getString("organization_name"), rs.getString("delivery"),
                rs.getString("postcode"), (Integer) rs.getObject("travel_km"), rs.getLong("cost_pence"), rs.getString("cost_unit"),
                (Integer) rs.getObject("minimum_age"), (Integer) rs.getObject("maximum_age"),
                languages == null ? List.of() : Arrays.asList((String[]) languages.getArray()),
                distance == null ? null : distance.doubleValue());
    }

    /** A published service in full, or nothing (never one awaiting checks, suspended or withdrawn). */
    public Optional<Detail> published(UUID id, Double lat, Double lon) {
        Map<String, Object> params = new HashMap<>();
        params.put("id", id);
        String distance = "CAST(NULL AS double precision)";
        if (lat != null && lon != null) {
            distance = DISTANCE;
            params.put("lat", lat);
            params.put("lon", lon);
        }
        return jdbc.sql("SELECT s.*, o.name AS organization_name, o.description AS organization_description,"
                        + " o.website AS organization_website, o.email AS organization_email, o.phone AS organization_phone, "
                        + distance + " AS distance_km FROM directory_service s"
                        + " JOIN directory_organization o ON o.id = s.organization_id WHERE s.id = :id AND s.status = 'PUBLISHED'")
                .params(params)
                .query((rs, n) -> {
                    Row row = row(rs);
                    var checked = rs.getTimestamp("checked_at");
                    return new Detail(row, rs.getString("url"), rs.getString("email"), rs.getString("address"),
                            rs.getString("accessibility"), rs.getString("organization_description"),
                            rs.getString("organization_website"), rs.getString("organization_email"),
                            rs.getString("organization_phone"), checked == null ? null : checked.toInstant());
                }).optional();
    }

    /** Every term in the directory's taxonomies, in their taxonomy's order. */
    public List<TermRow> terms() {
        return jdbc.sql("""
                        SELECT t.*, x.name AS taxonomy_name, x.name_cy AS taxonomy_name_cy
                        FROM directory_taxonomy_term t JOIN directory_taxonomy x ON x.id = t.taxonomy_id
                        ORDER BY x.council_id NULLS FIRST, x.name, t.position, t.name""")
                .query((rs, n) -> term(rs)).list();
    }

    private static TermRow term(ResultSet rs) throws SQLException {
        return new TermRow(rs.getObject("id", UUID.class), rs.getObject("taxonomy_id", UUID.class), rs.getString("taxonomy_name"),
                rs.getString("taxonomy_name_cy"), rs.getString("code"), rs.getString("name"), rs.getString("name_cy"),
                rs.getString("description"), rs.getString("description_cy"));
    }

    /** The terms each service serves. */
    public Map<UUID, List<TermRow>> termsOf(Collection<UUID> serviceIds) {
        Map<UUID, List<TermRow>> terms = new LinkedHashMap<>();
        if (serviceIds.isEmpty()) {
            return terms;
        }
        jdbc.sql("""
                        SELECT st.service_id, t.*, x.name AS taxonomy_name, x.name_cy AS taxonomy_name_cy
                        FROM directory_service_term st JOIN directory_taxonomy_term t ON t.id = st.term_id
                        JOIN directory_taxonomy x ON x.id = t.taxonomy_id
                        WHERE st.service_id IN (:ids) ORDER BY x.name, t.position, t.name""")
                .param("ids", List.copyOf(serviceIds))
                .query(rs -> {
                    terms.computeIfAbsent(rs.getObject("service_id", UUID.class), k -> new ArrayList<>()).add(term(rs));
                });
        return terms;
    }

    /** When each service is open, Monday first. */
    public Map<UUID, List<ScheduleRow>> schedulesOf(Collection<UUID> serviceIds) {
        Map<UUID, List<ScheduleRow>> schedules = new LinkedHashMap<>();
        if (serviceIds.isEmpty()) {
            return schedules;
        }
        jdbc.sql("""
                        SELECT service_id, day, opens_at, closes_at FROM directory_schedule WHERE service_id IN (:ids)
                        ORDER BY array_position(ARRAY['MONDAY','TUESDAY','WEDNESDAY','THURSDAY','FRIDAY','SATURDAY','SUNDAY'], day),
                            opens_at""")
                .param("ids", List.copyOf(serviceIds))
                .query(rs -> {
                    schedules.computeIfAbsent(rs.getObject("service_id", UUID.class), k -> new ArrayList<>())
                            .add(new ScheduleRow(DayOfWeek.valueOf(rs.getString("day")), rs.getObject("opens_at", LocalTime.class),
                                    rs.getObject("closes_at", LocalTime.class)));
                });
        return schedules;
    }

    /** A place and a term to look for a service near. */
    public record Need(int index, double latitude, double longitude, UUID termId) {
    }

    /**
     * Which needs have a published service serving the term within {@code km} of the place: one at a
     * place within the distance, or one that comes to people and reaches it. Online services do not
     * count: a gap in the market is about what is near. Answers the indexes of the needs that are met.
     */
    public List<Integer> met(List<Need> needs, int km) {
        if (needs.isEmpty()) {
            return List.of();
        }
        double dLat = km / KM_PER_DEGREE;
        double farLat = MOST_TRAVEL_KM / KM_PER_DEGREE;
        String distance = DISTANCE.replace(":lat", "n.lat").replace(":lon", "n.lon");
        return jdbc.sql("""
                        SELECT n.i FROM unnest(CAST(:idx AS int[]), CAST(:lats AS double precision[]), CAST(:lons AS double precision[]),
                            CAST(:terms AS uuid[])) AS n(i, lat, lon, term)
                        WHERE EXISTS (
                            SELECT 1 FROM directory_service_term st JOIN directory_service s ON s.id = st.service_id
                            WHERE st.term_id = n.term AND s.status = 'PUBLISHED'
                              AND ((s.delivery = 'AT_A_PLACE' AND s.latitude BETWEEN n.lat - :dLat AND n.lat + :dLat
                                    AND s.longitude BETWEEN n.lon - :dLat / greatest(0.01, cos(radians(n.lat)))
                                                        AND n.lon + :dLat / greatest(0.01, cos(radians(n.lat)))
                                    AND\s""" + distance + """
                                     <= :km)
                                OR (s.delivery = 'COMES_TO_YOU' AND s.latitude BETWEEN n.lat - :farLat AND n.lat + :farLat
                                    AND\s""" + distance + """
                                     <= s.travel_km)))
                        ORDER BY n.i""")
                .param("idx", array(needs.stream().map(n -> String.valueOf(n.index())).toList()))
                .param("lats", array(needs.stream().map(n -> String.valueOf(n.latitude())).toList()))
                .param("lons", array(needs.stream().map(n -> String.valueOf(n.longitude())).toList()))
                .param("terms", array(needs.stream().map(n -> n.termId().toString()).toList()))
                .param("dLat", dLat).param("farLat", farLat).param("km", (double) km)
                .query(Integer.class).list();
    }

    private static String array(List<String> values) {
        return "{" + String.join(",", values) + "}";
    }
}
