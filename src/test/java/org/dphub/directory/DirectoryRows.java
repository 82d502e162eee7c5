package org.dphub.directory;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.dphub.shared.GeoPoint;
import org.dphub.shared.Postcode;
import org.dphub.shared.PostcodeDirectory;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Organisations and services written straight into the directory's tables, for tests of search and
 * gaps (the module's own sign-up and checks are another part): {@code aService("Chair yoga").at("KW15 1AA")
 * .free().serving(COMMUNITY).open(SATURDAY, "10:00", "12:00").insert(jdbc, postcodes, org, council)}.
 */
final class DirectoryRows {

    static final UUID NUTRITION = UUID.fromString("6a1d6a2e-5d1f-4c1b-9a52-000000000001");
    static final UUID RELATIONSHIPS = UUID.fromString("6a1d6a2e-5d1f-4c1b-9a52-000000000007");
    static final UUID COMMUNITY = UUID.fromString("6a1d6a2e-5d1f-4c1b-9a52-000000000009");
    static final UUID WALES_HEALTH = UUID.fromString("6a1d6a2e-5d1f-4c1b-9a52-000000000101");

    private DirectoryRows() {
    }

    static long council(JdbcClient jdbc, String code) {
        return jdbc.sql("SELECT id FROM council WHERE code = :code").param("code", code).query(Long.class).single();
    }

    static UUID organization(JdbcClient jdbc, long council, String name) {
        UUID id = UUID.randomUUID();
        jdbc.sql("INSERT INTO directory_organization (id, council_id, name, description, kind, phone) VALUES (:id, :c, :n, :d, 'COMMUNITY_GROUP', '01234 567890')")
                .param("id", id).param("c", council).param("n", name).param("d", "A group run by local people").update();
        return id;
    }

    /** The service serves the term (an outcome or need). */
    static void term(JdbcClient jdbc, UUID service, UUID term) {
        jdbc.sql("INSERT INTO directory_service_term (service_id, term_id) VALUES (:s, :t)").param("s", service).param("t", term).update();
    }

    /** A weekly time the service is open; {@code day} MONDAY..SUNDAY. */
    static UUID schedule(JdbcClient jdbc, UUID service, String day, LocalTime opens, LocalTime closes) {
        UUID id = UUID.randomUUID();
        jdbc.sql("INSERT INTO directory_schedule (id, service_id, day, opens_at, closes_at) VALUES (:id, :s, :d, :o, :c)")
                .param("id", id).param("s", service).param("d", day).param("o", opens).param("c", closes).update();
        return id;
    }

    /** A person with an active direct payment whose plan's first outcome is tagged with the term. */
    static long personWithLivePlan(JdbcClient jdbc, long england, String postcode, UUID term) {
        long citizen = jdbc.sql("""
                        INSERT INTO citizen (council_id, reference, given_name, family_name, date_of_birth, postcode)
                        VALUES (:c, :ref, 'Morag', 'Macleod', DATE '1958-04-01', :postcode) RETURNING id""")
                .param("c", england).param("ref", "DE-G" + UUID.randomUUID().toString().substring(0, 8)).param("postcode", postcode)
                .query(Long.class).single();
        long plan = jdbc.sql("INSERT INTO care_plan (council_id, citizen_id) VALUES (:c, :z) RETURNING id")
                .param("c", england).param("z", citizen).query(Long.class).single();
        long version = jdbc.sql("""
                        INSERT INTO care_plan_version (plan_id, council_id, version, start_date, how_needs_met, payment_frequency,
                            weekly_contribution_pence, weekly_budget_pence, annual_budget_pence, regular_payment_pence, created_by)
                        VALUES (:p, :c, 1, :start, 'DIRECT_PAYMENT_FULL', 'FOUR_WEEKLY', 0, 10000, 520000, 40000, 'gaps-test')
                        RETURNING id""")
                .param("p", plan).param("c", england).param("start", LocalDate.now().minusDays(30)).query(Long.class).single();
        jdbc.sql("INSERT INTO plan_outcome (plan_version_id, position, text) VALUES (:v, 1, 'Cook my own meals again')")
                .param("v", version).update();
        jdbc.sql("INSERT INTO plan_outcome_term (plan_version_id, position, term_id) VALUES (:v, 1, :t)")
                .param("v", version).param("t", term).update();
        jdbc.sql("""
                        INSERT INTO direct_payment (council_id, citizen_id, plan_id, status, has_capacity, account_type, requested_on,
                            start_date, agreed_at, agreed_by, agreement_method, paper_signed_on, created_by)
                        VALUES (:c, :z, :p, 'ACTIVE', true, 'BANK_ACCOUNT', :start, :start, now(), 'gaps-test', 'PAPER', :start, 'gaps-test')""")
                .param("c", england).param("z", citizen).param("p", plan).param("start", LocalDate.now().minusDays(30)).update();
        return citizen;
    }

    static Service aService(String name) {
        return new Service(name);
    }

    static final class Service {
        private final String name;
        private String description = "Come along and join in";
        private String status = "PUBLISHED";
        private String delivery = "AT_A_PLACE";
        private String postcode;
        private Integer travelKm;
        private long costPence;
        private String costUnit = "FREE";
        private Integer minimumAge;
        private Integer maximumAge;
        private String languages = "{en}";
        private String accessibility = "";
        private final List<UUID> terms = new ArrayList<>();
        private final List<Object[]> schedules = new ArrayList<>();

        Service(String name) {
            this.name = name;
        }

        Service describedAs(String text) {
            this.description = text;
            return this;
        }

        Service at(String postcode) {
            this.postcode = postcode;
            return this;
        }

        Service comesToYouFrom(String postcode, int km) {
            this.delivery = "COMES_TO_YOU";
            this.postcode = postcode;
            this.travelKm = km;
            return this;
        }

        Service online() {
            this.delivery = "ONLINE";
            this.postcode = null;
            return this;
        }

        Service status(String status) {
            this.status = status;
            return this;
        }

        Service free() {
            this.costPence = 0;
            this.costUnit = "FREE";
            return this;
        }

        Service costs(long pence, String unit) {
            this.costPence = pence;
            this.costUnit = unit;
            return this;
        }

        Service ages(Integer from, Integer to) {
            this.minimumAge = from;
            this.maximumAge = to;
            return this;
        }

        Service languages(String... codes) {
            this.languages = "{" + String.join(",", codes) + "}";
            return this;
        }

        Service accessibility(String text) {
            this.accessibility = text;
            return this;
        }

        Service serving(UUID... termIds) {
            terms.addAll(List.of(termIds));
            return this;
        }

        Service open(DayOfWeek day, String opens, String closes) {
            schedules.add(new Object[] {day, LocalTime.parse(opens), LocalTime.parse(closes)});
            return this;
        }

        UUID insert(JdbcClient jdbc, PostcodeDirectory postcodes, UUID organization, long council) {
            UUID id = UUID.randomUUID();
            GeoPoint at = postcode == null ? null : postcodes.centreOf(Postcode.parse(postcode));
            boolean checked = "PUBLISHED".equals(status) || "SUSPENDED".equals(status);
            jdbc.sql("""
                            INSERT INTO directory_service (id, organization_id, council_id, name, description, status, delivery, postcode,
                                latitude, longitude, travel_km, cost_pence, cost_unit, minimum_age, maximum_age, languages, accessibility,
                                insurance_checked, safeguarding_checked, checked_at)
                            VALUES (:id, :org, :c, :name, :description, :status, :delivery, :postcode, :lat, :lon, :km, :cost, :unit,
                                :min, :max, CAST(:languages AS text[]), :access, :checked, :checked, CASE WHEN :checked THEN now() END)""")
                    .param("id", id).param("org", organization).param("c", council).param("name", name)
                    .param("description", description).param("status", status).param("delivery", delivery)
                    .param("postcode", postcode).param("lat", at == null ? null : at.latitude())
                    .param("lon", at == null ? null : at.longitude()).param("km", travelKm).param("cost", costPence)
                    .param("unit", costUnit).param("min", minimumAge).param("max", maximumAge).param("languages", languages)
                    .param("access", accessibility).param("checked", checked).update();
            for (UUID term : terms) {
                term(jdbc, id, term);
            }
            for (Object[] s : schedules) {
                schedule(jdbc, id, ((DayOfWeek) s[0]).name(), (LocalTime) s[1], (LocalTime) s[2]);
            }
            return id;
        }
    }
}
