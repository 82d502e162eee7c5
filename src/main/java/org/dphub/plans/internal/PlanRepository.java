package org.dphub.plans.internal;

import java.math.BigDecimal;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.dphub.councils.PaymentFrequency;
import org.dphub.plans.BudgetLine;
import org.dphub.plans.BudgetLineKind;
import org.dphub.plans.DeliveryMechanism;
import org.dphub.plans.HowNeedsMet;
import org.dphub.plans.NewPlanVersion;
import org.dphub.plans.PlanVersion;
import org.dphub.shared.Money;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Plans and their versions. Versions, outcomes and lines are only ever inserted. */
@Repository
public class PlanRepository {

    private final JdbcClient jdbc;

    PlanRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public long insertPlan(long councilId, long citizenId) {
        return insertPlan(councilId, citizenId, org.dphub.plans.PlanRecipient.ADULT);
    }

    public long insertPlan(long councilId, long citizenId, org.dphub.plans.PlanRecipient recipient) {
        return jdbc.sql("""
                        INSERT INTO care_plan (council_id, citizen_id, recipient_kind, cared_for_citizen_id, ehc_plan)
                        VALUES (:council, :citizen, :kind, :caredFor, :ehc) RETURNING id""")
                .param("council", councilId).param("citizen", citizenId).param("kind", recipient.kind().name())
                .param("caredFor", recipient.caredForCitizenId()).param("ehc", recipient.ehcPlan())
                .query(Long.class).single();
    }

    /** Who the plan is for (issue 18). */
    public org.dphub.plans.PlanRecipient recipient(long planId) {
        return jdbc.sql("SELECT recipient_kind, cared_for_citizen_id, ehc_plan FROM care_plan WHERE id = :id")
                .param("id", planId)
                .query((rs, row) -> new org.dphub.plans.PlanRecipient(
                        org.dphub.plans.RecipientKind.valueOf(rs.getString("recipient_kind")),
                        rs.getObject("cared_for_citizen_id", Long.class), rs.getBoolean("ehc_plan")))
                .optional().orElse(org.dphub.plans.PlanRecipient.ADULT);
    }

    /** The plan's citizen and council, if the plan exists. */
    public Optional<long[]> planOwner(long planId) {
        return jdbc.sql("SELECT citizen_id, council_id FROM care_plan WHERE id = :id").param("id", planId)
                .query((rs, row) -> new long[] {rs.getLong("citizen_id"), rs.getLong("council_id")}).optional();
    }

    public List<Long> plansOf(long councilId, long citizenId) {
        return jdbc.sql("SELECT id FROM care_plan WHERE council_id = :council AND citizen_id = :citizen ORDER BY id")
                .param("council", councilId).param("citizen", citizenId).query(Long.class).list();
    }

    /** Inserts the next version of a plan; the plan row is locked so two changes cannot take one number. */
    public long insertVersion(long planId, long councilId, NewPlanVersion v, Money weekly, Money annual, Money regular,
                              String createdBy) {
        jdbc.sql("SELECT id FROM care_plan WHERE id = :id FOR UPDATE").param("id", planId).query(Long.class).single();
        int version = jdbc.sql("SELECT coalesce(max(version), 0) + 1 FROM care_plan_version WHERE plan_id = :plan")
                .param("plan", planId).query(Integer.class).single();
        long id = jdbc.sql("""
                        INSERT INTO care_plan_version (plan_id, council_id, version, start_date, end_date, eligible_needs,
                            how_needs_met, payment_frequency, weekly_contribution_pence, contingency_plan, change_reason,
                            weekly_budget_pence, annual_budget_pence, regular_payment_pence, created_by)
                        VALUES (:plan, :council, :version, :start, :end, :needs, :how, :frequency, :contribution,
                            :contingency, :reason, :weekly, :annual, :regular, :by)
                        RETURNING id""")
                .param("plan", planId).param("council", councilId).param("version", version)
                .param("start", v.startDate()).param("end", v.endDate()).param("needs", v.eligibleNeeds())
                .param("how", v.howNeedsMet().name()).param("frequency", v.paymentFrequency().name())
                .param("contribution", v.weeklyContribution().pence()).param("contingency", v.contingencyPlan())
                .param("reason", v.changeReason()).param("weekly", weekly.pence()).param("annual", annual.pence())
                .param("regular", regular.pence()).param("by", createdBy)
                .query(Long.class).single();
        for (int i = 0; i < v.outcomes().size(); i++) {
            jdbc.sql("INSERT INTO plan_outcome (plan_version_id, position, text) VALUES (:version, :position, :text)")
                    .param("version", id).param("position", i + 1).param("text", v.outcomes().get(i)).update();
            for (java.util.UUID term : v.outcomeTerms().get(i)) {
                jdbc.sql("INSERT INTO plan_outcome_term (plan_version_id, position, term_id) VALUES (:version, :position, :term)")
                        .param("version", id).param("position", i + 1).param("term", term).update();
            }
        }
        for (int i = 0; i < v.budgetLines().size(); i++) {
            BudgetLine line = v.budgetLines().get(i);
            jdbc.sql("""
                            INSERT INTO plan_budget_line (plan_version_id, position, description, kind, hours_per_week,
                                hourly_rate_pence, weekly_amount_pence, amount_pence, outcome_positions, delivery_mechanism)
                            VALUES (:version, :position, :description, :kind, :hours, :rate, :weekly, :amount,
                                CAST(:outcomes AS int[]), :mechanism)""")
                    .param("version", id).param("position", i + 1).param("description", line.description())
                    .param("kind", line.kind().name()).param("hours", line.hoursPerWeek())
                    .param("rate", pence(line.hourlyRate())).param("weekly", pence(line.weeklyAmount()))
                    .param("amount", pence(line.amount())).param("mechanism", line.deliveryMechanism().name())
                    .param("outcomes", "{" + line.outcomes().stream().map(String::valueOf).collect(Collectors.joining(",")) + "}")
                    .update();
        }
        return id;
    }

    public Optional<PlanVersion> version(long versionId) {
        return versions("v.id = :id", Map.of("id", versionId)).stream().findFirst();
    }

    public List<PlanVersion> versionsOf(long planId) {
        return versions("v.plan_id = :plan", Map.of("plan", planId));
    }

    private List<PlanVersion> versions(String where, Map<String, Object> params) {
        List<PlanVersion> versions = jdbc.sql("""
                        SELECT v.*, p.citizen_id FROM care_plan_version v JOIN care_plan p ON p.id = v.plan_id
                        WHERE\s""" + where + " ORDER BY v.plan_id, v.version")
                .params(params)
                .query((rs, row) -> version(rs, List.of(), List.of())).list();
        if (versions.isEmpty()) {
            return versions;
        }
        List<Long> ids = versions.stream().map(PlanVersion::id).toList();
        Map<Long, List<String>> outcomes = new java.util.HashMap<>();
        jdbc.sql("SELECT * FROM plan_outcome WHERE plan_version_id IN (:ids) ORDER BY plan_version_id, position")
                .param("ids", ids)
                .query(rs -> {
                    outcomes.computeIfAbsent(rs.getLong("plan_version_id"), k -> new ArrayList<>()).add(rs.getString("text"));
                });
        Map<Long, Map<Integer, List<java.util.UUID>>> terms = new java.util.HashMap<>();
        jdbc.sql("SELECT * FROM plan_outcome_term WHERE plan_version_id IN (:ids) ORDER BY plan_version_id, position, term_id")
                .param("ids", ids)
                .query(rs -> {
                    terms.computeIfAbsent(rs.getLong("plan_version_id"), k -> new java.util.HashMap<>())
                            .computeIfAbsent(rs.getInt("position"), k -> new ArrayList<>()).add(rs.getObject("term_id", java.util.UUID.class));
                });
        Map<Long, List<BudgetLine>> lines = new java.util.HashMap<>();
        jdbc.sql("SELECT * FROM plan_budget_line WHERE plan_version_id IN (:ids) ORDER BY plan_version_id, position")
                .param("ids", ids)
                .query(rs -> {
                    lines.computeIfAbsent(rs.getLong("plan_version_id"), k -> new ArrayList<>()).add(line(rs));
                });
        return versions.stream().map(v -> new PlanVersion(v.id(), v.planId(), v.citizenId(), v.councilId(), v.version(),
                v.startDate(), v.endDate(), v.eligibleNeeds(), v.howNeedsMet(), v.paymentFrequency(), v.weeklyContribution(),
                v.contingencyPlan(), v.changeReason(), outcomes.getOrDefault(v.id(), List.of()),
                lines.getOrDefault(v.id(), List.of()), v.weeklyBudget(), v.annualBudget(), v.regularPayment(),
                v.createdBy(), v.createdAt(), termLists(outcomes.getOrDefault(v.id(), List.of()).size(),
                terms.getOrDefault(v.id(), Map.of())))).toList();
    }

    private static List<List<java.util.UUID>> termLists(int outcomes, Map<Integer, List<java.util.UUID>> byPosition) {
        List<List<java.util.UUID>> lists = new ArrayList<>();
        for (int n = 1; n <= outcomes; n++) {
            lists.add(byPosition.getOrDefault(n, List.of()));
        }
        return lists;
    }

    /** A term a live plan's outcome is tagged with, and whose plan it is. */
    public record LiveOutcomeTerm(long citizenId, java.util.UUID termId) {
    }

    /**
     * The terms of the outcomes of each plan version in force today behind an active direct payment
     * in the council: the newest version covering today, else the newest permanent one already started.
     */
    public List<LiveOutcomeTerm> liveOutcomeTerms(long councilId, java.time.LocalDate today) {
        return jdbc.sql("""
                        WITH live AS (
                            SELECT DISTINCT dp.plan_id, dp.citizen_id FROM direct_payment dp
                            WHERE dp.council_id = :council AND dp.status = 'ACTIVE'),
                        in_force AS (
                            SELECT DISTINCT ON (v.plan_id) v.id, live.citizen_id
                            FROM care_plan_version v JOIN live ON live.plan_id = v.plan_id
                            WHERE v.council_id = :council AND v.start_date <= :today
                              AND (v.end_date IS NULL OR v.end_date >= :today)
                            ORDER BY v.plan_id, v.version DESC)
                        SELECT DISTINCT f.citizen_id, t.term_id FROM in_force f
                        JOIN plan_outcome_term t ON t.plan_version_id = f.id
                        ORDER BY f.citizen_id, t.term_id""")
                .param("council", councilId).param("today", today)
                .query((rs, row) -> new LiveOutcomeTerm(rs.getLong("citizen_id"), rs.getObject("term_id", java.util.UUID.class)))
                .list();
    }

    private static PlanVersion version(ResultSet rs, List<String> outcomes, List<BudgetLine> lines) throws SQLException {
        return new PlanVersion(rs.getLong("id"), rs.getLong("plan_id"), rs.getLong("citizen_id"), rs.getLong("council_id"),
                rs.getInt("version"), rs.getObject("start_date", java.time.LocalDate.class),
                rs.getObject("end_date", java.time.LocalDate.class), rs.getString("eligible_needs"),
                HowNeedsMet.valueOf(rs.getString("how_needs_met")), PaymentFrequency.valueOf(rs.getString("payment_frequency")),
                Money.ofPence(rs.getLong("weekly_contribution_pence")), rs.getString("contingency_plan"),
                rs.getString("change_reason"), outcomes, lines, Money.ofPence(rs.getLong("weekly_budget_pence")),
                Money.ofPence(rs.getLong("annual_budget_pence")), Money.ofPence(rs.getLong("regular_payment_pence")),
                rs.getString("created_by"), rs.getTimestamp("created_at").toInstant());
    }

    private static BudgetLine line(ResultSet rs) throws SQLException {
        Array positions = rs.getArray("outcome_positions");
        List<Integer> outcomes = positions == null ? List.of() : Arrays.stream((Integer[]) positions.getArray()).toList();
        BigDecimal hours = rs.getBigDecimal("hours_per_week");
        return new BudgetLine(rs.getString("description"), BudgetLineKind.valueOf(rs.getString("kind")), hours,
                money(rs, "hourly_rate_pence"), money(rs, "weekly_amount_pence"), money(rs, "amount_pence"), outcomes,
                DeliveryMechanism.valueOf(rs.getString("delivery_mechanism")));
    }

    private static Money money(ResultSet rs, String column) throws SQLException {
        Long pence = rs.getObject(column, Long.class);
        return pence == null ? null : Money.ofPence(pence);
    }

    private static Long pence(Money money) {
        return money == null ? null : money.pence();
    }
}
