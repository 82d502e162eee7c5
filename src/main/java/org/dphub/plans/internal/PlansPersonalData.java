package org.dphub.plans.internal;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.dphub.shared.personaldata.PersonalDataRows;
import org.dphub.shared.personaldata.PersonalDataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Care and support plans, their budget lines and outcomes, and direct payments (issue 17). */
@Component
class PlansPersonalData implements PersonalDataSource {

    private static final String OF_CITIZEN = " WHERE p.council_id = :council AND p.citizen_id = :citizen";

    private final JdbcClient jdbc;
    private final java.time.Clock clock;

    PlansPersonalData(JdbcClient jdbc, java.time.Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public String section() {
        return "plans";
    }

    @Override
    public Set<String> tables() {
        return Set.of("care_plan", "care_plan_version", "plan_outcome", "plan_budget_line", "plan_contingency_arrangement",
                "direct_payment", "direct_payment_status_change", "review", "necessity_decision");
    }

    @Override
    public Optional<Section> forCitizen(long councilId, long citizenId) {
        Map<String, String> q = new LinkedHashMap<>();
        q.put("care_plan", "SELECT p.* FROM care_plan p" + OF_CITIZEN + " ORDER BY p.id");
        q.put("care_plan_version", "SELECT v.* FROM care_plan_version v JOIN care_plan p ON p.id = v.plan_id" + OF_CITIZEN
                + " ORDER BY v.plan_id, v.version");
        q.put("plan_outcome", "SELECT o.* FROM plan_outcome o JOIN care_plan_version v ON v.id = o.plan_version_id"
                + " JOIN care_plan p ON p.id = v.plan_id" + OF_CITIZEN + " ORDER BY o.plan_version_id, o.position");
        q.put("plan_budget_line", "SELECT b.* FROM plan_budget_line b JOIN care_plan_version v ON v.id = b.plan_version_id"
                + " JOIN care_plan p ON p.id = v.plan_id" + OF_CITIZEN + " ORDER BY b.plan_version_id, b.position");
        q.put("plan_contingency_arrangement", "SELECT c.* FROM plan_contingency_arrangement c"
                + " JOIN care_plan_version v ON v.id = c.plan_version_id JOIN care_plan p ON p.id = v.plan_id" + OF_CITIZEN
                + " ORDER BY c.plan_version_id, c.position");
        q.put("direct_payment", "SELECT p.* FROM direct_payment p" + OF_CITIZEN + " ORDER BY p.id");
        q.put("direct_payment_status_change", "SELECT s.* FROM direct_payment_status_change s"
                + " JOIN direct_payment p ON p.id = s.direct_payment_id" + OF_CITIZEN + " ORDER BY s.id");
        q.put("review", "SELECT r.* FROM review r JOIN direct_payment p ON p.id = r.direct_payment_id" + OF_CITIZEN + " ORDER BY r.id");
        q.put("necessity_decision", "SELECT n.* FROM necessity_decision n JOIN direct_payment p ON p.id = n.direct_payment_id"
                + OF_CITIZEN + " ORDER BY n.id");
        return PersonalDataRows.section(jdbc, section(), Map.of("council", councilId, "citizen", citizenId), q);
    }

    /** A direct payment not ended (waiting for agreement, active or suspended) is still in force. */
    @Override
    public List<String> blocksErasure(long councilId, long citizenId) {
        boolean inForce = jdbc.sql("SELECT EXISTS (SELECT 1 FROM direct_payment WHERE council_id = :council AND citizen_id = :citizen"
                        + " AND (status <> 'ENDED' OR ended_on > :today))")
                .param("council", councilId).param("citizen", citizenId).param("today", LocalDate.now(clock))
                .query(Boolean.class).single();
        return inForce ? List.of("rights.block.direct-payment") : List.of();
    }

    @Override
    public Optional<LocalDate> moneyRecordsFrom(long councilId, long citizenId) {
        return Optional.ofNullable(jdbc.sql("SELECT max(ended_on) FROM direct_payment WHERE council_id = :council AND citizen_id = :citizen")
                .param("council", councilId).param("citizen", citizenId).query(LocalDate.class).optional().orElse(null));
    }

    /**
     * Plans are the council's record of what the direct payments paid for, so they are kept with the
     * money records; the contingency plan's names and contacts are the person's own and go now.
     */
    @Override
    public Redacted erase(Redaction r) {
        jdbc.sql("UPDATE plan_contingency_arrangement c SET name = '', contact = '', notes = ''"
                        + " FROM care_plan_version v JOIN care_plan p ON p.id = v.plan_id WHERE v.id = c.plan_version_id"
                        + " AND p.council_id = :council AND p.citizen_id = :citizen AND (c.name <> '' OR c.contact <> '' OR c.notes <> '')")
                .param("council", r.councilId()).param("citizen", r.citizenId()).update();
        return new Redacted(List.of("rights.removed.contingency"), List.of(new Kept("rights.kept.plans", "rights.why.money")));
    }

    /** Once the money records' time is up, the outcomes (the person's own words about their life) are blanked. */
    @Override
    public Redacted anonymiseMoneyRecords(Redaction r) {
        jdbc.sql("UPDATE plan_outcome o SET text = 'Erased' FROM care_plan_version v JOIN care_plan p ON p.id = v.plan_id"
                        + " WHERE v.id = o.plan_version_id AND p.council_id = :council AND p.citizen_id = :citizen AND o.text <> 'Erased'")
                .param("council", r.councilId()).param("citizen", r.citizenId()).update();
        return Redacted.removed("rights.removed.plan-outcomes");
    }
}
