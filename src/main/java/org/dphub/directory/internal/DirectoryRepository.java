package org.dphub.directory.internal;

import java.math.BigDecimal;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.dphub.directory.CostUnit;
import org.dphub.directory.Delivery;
import org.dphub.directory.DirectoryService;
import org.dphub.directory.Organization;
import org.dphub.directory.OrganizationKind;
import org.dphub.directory.Schedule;
import org.dphub.directory.ServiceInput;
import org.dphub.directory.ServiceStatus;
import org.dphub.directory.TaxonomyTerm;
import org.dphub.shared.Money;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The directory's organisations, services, schedules, outcome terms and reports, in SQL one can read. */
@Repository
public class DirectoryRepository {

    private final JdbcClient jdbc;

    DirectoryRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    // --- organisations

    public Organization insertOrganization(long councilId, Long userId, Organization.Input input) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                        INSERT INTO directory_organization (id, council_id, user_id, name, description, kind, email, phone, website)
                        VALUES (:id, :council, :user, :name, :description, :kind, :email, :phone, :website)""")
                .param("id", id).param("council", councilId).param("user", userId).param("name", input.name())
                .param("description", input.description() == null ? "" : input.description()).param("kind", input.kind().name())
                .param("email", input.email()).param("phone", input.phone()).param("website", input.website())
                .update();
        return findOrganization(id).orElseThrow();
    }

    public void updateOrganization(UUID id, Organization.Input input) {
        jdbc.sql("""
                        UPDATE directory_organization SET name = :name, description = :description, kind = :kind, email = :email,
                               phone = :phone, website = :website, last_modified = now() WHERE id = :id""")
                .param("id", id).param("name", input.name()).param("description", input.description() == null ? "" : input.description())
                .param("kind", input.kind().name()).param("email", input.email()).param("phone", input.phone())
                .param("website", input.website()).update();
    }

    private static final String ORGANIZATION = """
            SELECT id, council_id, user_id, name, description, kind, email, phone, website FROM directory_organization""";

    public Optional<Organization> findOrganization(UUID id) {
        return jdbc.sql(ORGANIZATION + " WHERE id = :id").param("id", id).query(DirectoryRepository::organization).optional();
    }

    public Optional<Organization> organizationOfUser(long userId) {
        return jdbc.sql(ORGANIZATION + " WHERE user_id = :user").param("user", userId).query(DirectoryRepository::organization)
                .optional();
    }

    private static Organization organization(ResultSet rs, int row) throws SQLException {
        return new Organization(rs.getObject("id", UUID.class), rs.getLong("council_id"), (Long) rs.getObject("user_id"),
                rs.getString("name"), rs.getString("description"), OrganizationKind.valueOf(rs.getString("kind")),
                rs.getString("email"), rs.getString("phone"), rs.getString("website"));
    }

    // --- services

    /** Where the service is: its postcode's sector centre, or nothing for an online service. */
    public record Place(BigDecimal latitude, BigDecimal longitude) {
    }

    public UUID insertService(UUID organizationId, long councilId, ServiceInput input, Place place, ServiceStatus status) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                        INSERT INTO directory_service (id, organization_id, council_id, name, description, url, email, status, delivery,
                               postcode, latitude, longitude, travel_km, cost_pence, cost_unit, minimum_age, maximum_age, languages,
                               accessibility)
                        VALUES (:id, :organization, :council, :name, :description, :url, :email, :status, :delivery,
                               :postcode, :latitude, :longitude, :travelKm, :cost, :costUnit, :minimumAge, :maximumAge,
                               CAST(:languages AS text[]), :accessibility)""")
                .param("id", id).param("organization", organizationId).param("council", councilId).param("status", status.name())
                .params(serviceParams(input, place))
                .update();
        replaceSchedulesAndTerms(id, input);
        return id;
    }

    public void updateService(UUID id, ServiceInput input, Place place, boolean changedSinceCheck, Collection<String> changedFields) {
        jdbc.sql("""
                        UPDATE directory_service SET name = :name, description = :description, url = :url, email = :email,
                               delivery = :delivery, postcode = :postcode, latitude = :latitude, longitude = :longitude,
                               travel_km = :travelKm, cost_pence = :cost, cost_unit = :costUnit, minimum_age = :minimumAge,
                               maximum_age = :maximumAge, languages = CAST(:languages AS text[]), accessibility = :accessibility,
                               changed_since_check = :changed, changed_fields = CAST(:fields AS text[]),
                               version = version + 1, last_modified = now()
                        WHERE id = :id""")
                .param("id", id).params(serviceParams(input, place))
                .param("changed", changedSinceCheck).param("fields", textArray(changedFields))
                .update();
        replaceSchedulesAndTerms(id, input);
    }

    private static Map<String, Object> serviceParams(ServiceInput input, Place place) {
        Map<String, Object> params = new HashMap<>();
        params.put("name", input.name());
        params.put("description", input.description());
        params.put("url", input.url());
        params.put("email", input.email());
        params.put("delivery", input.delivery().name());
        params.put("postcode", input.postcode() == null ? null : input.postcode().value());
        params.put("latitude", place == null ? null : place.latitude());
        params.put("longitude", place == null ? null : place.longitude());
        params.put("travelKm", input.travelKm());
        params.put("cost", input.cost().pence());
        params.put("costUnit", input.costUnit().name());
        params.put("minimumAge", input.minimumAge());
        params.put("maximumAge", input.maximumAge());
        params.put("languages", textArray(input.languages()));
        params.put("accessibility", input.accessibility() == null ? "" : input.accessibility());
        return params;
    }

    private void replaceSchedulesAndTerms(UUID id, ServiceInput input) {
        jdbc.sql("DELETE FROM directory_schedule WHERE service_id = :id").param("id", id).update();
        for (Schedule schedule : input.schedules()) {
            jdbc.sql("INSERT INTO directory_schedule (id, service_id, day, opens_at, closes_at) VALUES (:id, :service, :day, :opens, :closes)")
                    .param("id", UUID.randomUUID()).param("service", id).param("day", schedule.day().name())
                    .param("opens", schedule.opensAt()).param("closes", schedule.closesAt()).update();
        }
        jdbc.sql("DELETE FROM directory_service_term WHERE service_id = :id").param("id", id).update();
        for (UUID term : input.taxonomyTermIds()) {
            jdbc.sql("INSERT INTO directory_service_term (service_id, term_id) VALUES (:id, :term) ON CONFLICT DO NOTHING")
                    .param("id", id).param("term", term).update();
        }
    }

    public void recordChecks(UUID id, boolean insurance, boolean safeguarding, long checkedBy, ServiceStatus status) {
        jdbc.sql("""
                        UPDATE directory_service SET insurance_checked = :insurance, safeguarding_checked = :safeguarding,
                               checked_by = :by, checked_at = now(), status = :status, changed_since_check = FALSE,
                               changed_fields = '{}', suspension_reason = NULL, last_modified = now()
                        WHERE id = :id""")
                .param("id", id).param("insurance", insurance).param("safeguarding", safeguarding).param("by", checkedBy)
                .param("status", status.name()).update();
    }

    public void changeStatus(UUID id, ServiceStatus status, String suspensionReason) {
        jdbc.sql("UPDATE directory_service SET status = :status, suspension_reason = :reason, last_modified = now() WHERE id = :id")
                .param("id", id).param("status", status.name()).param("reason", suspensionReason).update();
    }

    /** The DP team looked at a change to a published service and left it as it is. */
    public void changesSeen(UUID id) {
        jdbc.sql("UPDATE directory_service SET changed_since_check = FALSE, changed_fields = '{}' WHERE id = :id").param("id", id).update();
    }

    private static final String SERVICE = """
            SELECT s.*, o.name AS organization_name, u.display_name AS checked_by_name
            FROM directory_service s JOIN directory_organization o ON o.id = s.organization_id
            LEFT JOIN app_user u ON u.id = s.checked_by""";

    public Optional<DirectoryService> findService(UUID id) {
        return withDetails(jdbc.sql(SERVICE + " WHERE s.id = :id").param("id", id).query(DirectoryRepository::service).list())
                .stream().findFirst();
    }

    public Optional<DirectoryService> findServiceForUpdate(UUID id) {
        jdbc.sql("SELECT id FROM directory_service WHERE id = :id FOR UPDATE").param("id", id).query(UUID.class).optional();
        return findService(id);
    }

    public List<DirectoryService> servicesOfOrganization(UUID organizationId) {
        return withDetails(jdbc.sql(SERVICE + " WHERE s.organization_id = :o ORDER BY s.status = 'WITHDRAWN', s.name")
                .param("o", organizationId).query(DirectoryRepository::service).list());
    }

    /** The DP team's queue: services awaiting checks and published services changed since their check, oldest first. */
    public List<DirectoryService> queue(long councilId, int limit) {
        return withDetails(jdbc.sql(SERVICE + "\n" + """
                         WHERE s.council_id = :council
                           AND (s.status = 'AWAITING_CHECKS' OR (s.status = 'PUBLISHED' AND s.changed_since_check))
                         ORDER BY s.status, s.last_modified LIMIT :limit""")
                .param("council", councilId).param("limit", limit).query(DirectoryRepository::service).list());
    }

    public List<DirectoryService> suspended(long councilId, int limit) {
        return withDetails(jdbc.sql(SERVICE + " WHERE s.council_id = :council AND s.status = 'SUSPENDED' ORDER BY s.name LIMIT :limit")
                .param("council", councilId).param("limit", limit).query(DirectoryRepository::service).list());
    }

    public record QueueCounts(long awaitingChecks, long changedSinceCheck, long openReports) {
    }

    public QueueCounts counts(long councilId) {
        return jdbc.sql("""
                        SELECT (SELECT count(*) FROM directory_service WHERE council_id = :c AND status = 'AWAITING_CHECKS') AS awaiting,
                               (SELECT count(*) FROM directory_service WHERE council_id = :c AND status = 'PUBLISHED'
                                    AND changed_since_check) AS changed,
                               (SELECT count(*) FROM directory_service_report WHERE council_id = :c AND closed_at IS NULL) AS reports""")
                .param("c", councilId)
                .query((rs, n) -> new QueueCounts(rs.getLong("awaiting"), rs.getLong("changed"), rs.getLong("reports"))).single();
    }

    private static DirectoryService service(ResultSet rs, int row) throws SQLException {
        OffsetDateTime checkedAt = rs.getObject("checked_at", OffsetDateTime.class);
        Integer travel = (Integer) rs.getObject("travel_km");
        Integer min = (Integer) rs.getObject("minimum_age");
        Integer max = (Integer) rs.getObject("maximum_age");
        return new DirectoryService(rs.getObject("id", UUID.class), rs.getObject("organization_id", UUID.class),
                rs.getString("organization_name"), rs.getLong("council_id"), rs.getString("name"), rs.getString("description"),
                ServiceStatus.valueOf(rs.getString("status")), Delivery.valueOf(rs.getString("delivery")), rs.getString("postcode"),
                rs.getBigDecimal("latitude"), rs.getBigDecimal("longitude"), travel, List.of(),
                Money.ofPence(rs.getLong("cost_pence")), CostUnit.valueOf(rs.getString("cost_unit")), min, max,
                strings(rs.getArray("languages")), rs.getString("accessibility"), List.of(), rs.getString("url"), rs.getString("email"),
                new DirectoryService.Checks(rs.getBoolean("insurance_checked"), rs.getBoolean("safeguarding_checked"),
                        rs.getString("checked_by_name"), checkedAt == null ? null : checkedAt.toInstant()),
                rs.getBoolean("changed_since_check"), strings(rs.getArray("changed_fields")), rs.getString("suspension_reason"),
                rs.getObject("last_modified", OffsetDateTime.class).toInstant());
    }

    /** Adds each service's schedules and outcome terms, in two queries for the whole list. */
    private List<DirectoryService> withDetails(List<DirectoryService> services) {
        if (services.isEmpty()) {
            return services;
        }
        UUID[] ids = services.stream().map(DirectoryService::id).toArray(UUID[]::new);
        Map<UUID, List<Schedule>> schedules = new HashMap<>();
        jdbc.sql("SELECT service_id, day, opens_at, closes_at FROM directory_schedule WHERE service_id = ANY(:ids)")
                .param("ids", ids)
                .query((rs, n) -> Map.entry(rs.getObject("service_id", UUID.class), new Schedule(DayOfWeek.valueOf(rs.getString("day")),
                        rs.getObject("opens_at", LocalTime.class), rs.getObject("closes_at", LocalTime.class))))
                .list().forEach(e -> schedules.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
        Map<UUID, List<UUID>> terms = new HashMap<>();
        jdbc.sql("""
                        SELECT st.service_id, st.term_id FROM directory_service_term st JOIN directory_taxonomy_term t ON t.id = st.term_id
                        JOIN directory_taxonomy x ON x.id = t.taxonomy_id
                        WHERE st.service_id = ANY(:ids) ORDER BY x.id, t.position, t.name""")
                .param("ids", ids)
                .query((rs, n) -> Map.entry(rs.getObject("service_id", UUID.class), rs.getObject("term_id", UUID.class)))
                .list().forEach(e -> terms.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
        return services.stream().map(s -> {
            List<Schedule> own = new ArrayList<>(schedules.getOrDefault(s.id(), List.of()));
            own.sort(java.util.Comparator.comparing(Schedule::day).thenComparing(Schedule::opensAt));
            return new DirectoryService(s.id(), s.organizationId(), s.organizationName(), s.councilId(), s.name(), s.description(),
                    s.status(), s.delivery(), s.postcode(), s.latitude(), s.longitude(), s.travelKm(), own, s.cost(), s.costUnit(),
                    s.minimumAge(), s.maximumAge(), s.languages(), s.accessibility(), terms.getOrDefault(s.id(), List.of()), s.url(),
                    s.email(), s.checks(), s.changedSinceCheck(), s.changedFields(), s.suspensionReason(), s.lastModified());
        }).toList();
    }

    // --- reports

    public record Report(long id, UUID serviceId, String serviceName, String organizationName, String reason, String reportedBy,
                         Instant reportedAt, ServiceStatus status) {
    }

    public long report(UUID serviceId, long councilId, String reason, String reportedBy) {
        return jdbc.sql("""
                        INSERT INTO directory_service_report (service_id, council_id, reason, reported_by)
                        VALUES (:service, :council, :reason, :by) RETURNING id""")
                .param("service", serviceId).param("council", councilId).param("reason", reason).param("by", reportedBy)
                .query(Long.class).single();
    }

    public List<Report> openReports(long councilId) {
        return jdbc.sql("""
                        SELECT r.id, r.service_id, s.name, o.name AS organization_name, r.reason, r.reported_by, r.reported_at, s.status
                        FROM directory_service_report r JOIN directory_service s ON s.id = r.service_id
                        JOIN directory_organization o ON o.id = s.organization_id
                        WHERE r.council_id = :c AND r.closed_at IS NULL ORDER BY r.reported_at LIMIT 200""")
                .param("c", councilId)
                .query((rs, n) -> new Report(rs.getLong("id"), rs.getObject("service_id", UUID.class), rs.getString("name"),
                        rs.getString("organization_name"), rs.getString("reason"), rs.getString("reported_by"),
                        rs.getObject("reported_at", OffsetDateTime.class).toInstant(), ServiceStatus.valueOf(rs.getString("status"))))
                .list();
    }

    public void closeReports(UUID serviceId) {
        jdbc.sql("UPDATE directory_service_report SET closed_at = now() WHERE service_id = :s AND closed_at IS NULL")
                .param("s", serviceId).update();
    }

    // --- taxonomy terms

    private static final String TERM = """
            SELECT t.id, t.taxonomy_id, x.name AS taxonomy_name, x.name_cy AS taxonomy_name_cy, t.council_id, t.code, t.name, t.name_cy,
                   t.description, t.description_cy, t.position
            FROM directory_taxonomy_term t JOIN directory_taxonomy x ON x.id = t.taxonomy_id""";

    /** Terms a service of this council may serve: every seeded term and the council's own, grouped by taxonomy. */
    public List<TaxonomyTerm> termsFor(long councilId) {
        return jdbc.sql(TERM + " WHERE t.council_id IS NULL OR t.council_id = :c ORDER BY x.council_id NULLS FIRST, x.id, t.position, t.name")
                .param("c", councilId).query(DirectoryRepository::term).list();
    }

    public List<TaxonomyTerm> councilTerms(long councilId) {
        return jdbc.sql(TERM + " WHERE t.council_id = :c ORDER BY t.position, t.name").param("c", councilId)
                .query(DirectoryRepository::term).list();
    }

    private static TaxonomyTerm term(ResultSet rs, int row) throws SQLException {
        return new TaxonomyTerm(rs.getObject("id", UUID.class), rs.getObject("taxonomy_id", UUID.class), rs.getString("taxonomy_name"),
                rs.getString("taxonomy_name_cy"), (Long) rs.getObject("council_id"), rs.getString("code"), rs.getString("name"),
                rs.getString("name_cy"), rs.getString("description"), rs.getString("description_cy"), rs.getInt("position"));
    }

    /** The council's own taxonomy, made the first time its DP team adds a term. */
    public UUID councilTaxonomy(long councilId, String councilName, String councilNameCy) {
        Optional<UUID> existing = jdbc.sql("SELECT id FROM directory_taxonomy WHERE council_id = :c ORDER BY id LIMIT 1")
                .param("c", councilId).query(UUID.class).optional();
        if (existing.isPresent()) {
            return existing.get();
        }
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                        INSERT INTO directory_taxonomy (id, council_id, name, name_cy, description, description_cy)
                        VALUES (:id, :c, :name, :nameCy, :description, :descriptionCy)""")
                .param("id", id).param("c", councilId)
                .param("name", truncate(councilName + ": outcomes and needs", 200))
                .param("nameCy", truncate(councilNameCy + ": canlyniadau ac anghenion", 200))
                .param("description", truncate("Outcomes and needs added by " + councilName, 1000))
                .param("descriptionCy", truncate("Canlyniadau ac anghenion a ychwanegwyd gan " + councilNameCy, 1000))
                .update();
        return id;
    }

    public TaxonomyTerm insertTerm(UUID taxonomyId, long councilId, String code, String name, String nameCy, String description,
                                   String descriptionCy) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                        INSERT INTO directory_taxonomy_term (id, taxonomy_id, council_id, code, name, name_cy, description, description_cy,
                               position)
                        VALUES (:id, :taxonomy, :c, :code, :name, :nameCy, :description, :descriptionCy,
                                (SELECT coalesce(max(position), 0) + 1 FROM directory_taxonomy_term WHERE taxonomy_id = :taxonomy))""")
                .param("id", id).param("taxonomy", taxonomyId).param("c", councilId).param("code", code).param("name", name)
                .param("nameCy", nameCy).param("description", description).param("descriptionCy", descriptionCy).update();
        return jdbc.sql(TERM + " WHERE t.id = :id").param("id", id).query(DirectoryRepository::term).single();
    }

    public boolean termCodeTaken(UUID taxonomyId, String code) {
        return jdbc.sql("SELECT count(*) FROM directory_taxonomy_term WHERE taxonomy_id = :t AND code = :code")
                .param("t", taxonomyId).param("code", code).query(Integer.class).single() > 0;
    }

    // --- names for the audit trail

    public Optional<String> serviceName(UUID id) {
        return jdbc.sql("SELECT name FROM directory_service WHERE id = :id").param("id", id).query(String.class).optional();
    }

    private static String truncate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max);
    }

    static String textArray(Collection<String> values) {
        StringBuilder literal = new StringBuilder("{");
        for (String value : values) {
            if (literal.length() > 1) {
                literal.append(',');
            }
            literal.append('"').append(value.replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
        }
        return literal.append('}').toString();
    }

    private static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }
}
