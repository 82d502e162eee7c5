package org.dphub.payments.internal;

import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.dphub.payments.Account;
import org.dphub.payments.ProviderPayments;
import org.dphub.shared.Money;
import org.dphub.shared.database.Read;
import org.dphub.shared.database.Reads;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Charges to providers and refunds of them (issue 15). */
@Repository
public class ProviderChargeRepository {

    private final JdbcClient jdbc;
    private final Reads reads;

    ProviderChargeRepository(JdbcClient jdbc, Reads reads) {
        this.jdbc = jdbc;
        this.reads = reads;
    }

    private static final String CHARGE = """
            SELECT c.id, c.idempotency_key, c.council_id, c.account_id, c.organization_id, c.organization_name, c.amount_pence,
                   c.charged_on, c.description, c.remittance_reference, c.refunded_pence,
                   EXISTS (SELECT 1 FROM provider_payout p JOIN payment_run r ON r.id = p.run_id
                           WHERE p.id = c.payout_id AND r.status = 'APPROVED') AS paid
            FROM provider_charge c""";

    public Optional<ProviderPayments.ProviderCharge> findCharge(String key) {
        return reads.get(findChargeRead(key));
    }

    private record ChargeOf(String key) {
    }

    /** The charge made with this key ({@link #findCharge}), as a read to send with others ("Your money"). */
    public Read<Optional<ProviderPayments.ProviderCharge>> findChargeRead(String key) {
        return Read.optional(new ChargeOf(key), CHARGE + " WHERE c.idempotency_key = :k", Map.of("k", key), (rs, row) ->
                new ProviderPayments.ProviderCharge(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getLong(4),
                        rs.getObject(5, UUID.class), rs.getString(6), Money.ofPence(rs.getLong(7)),
                        rs.getObject(8, LocalDate.class), rs.getString(9), rs.getString(10), Money.ofPence(rs.getLong(11)),
                        rs.getBoolean(12), false));
    }

    public void lockAccount(long accountId) {
        jdbc.sql("SELECT id FROM dp_account WHERE id = :a FOR UPDATE").param("a", accountId).query(Long.class).single();
    }

    public void lockCharge(long chargeId) {
        jdbc.sql("SELECT id FROM provider_charge WHERE id = :c FOR UPDATE").param("c", chargeId).query(Long.class).single();
    }

    /**
     * The plan version in force on the day for the account's person: the direct payment's plan, or
     * (an account opened for a one-off) the person's newest plan; the latest version that covers the day,
     * else (spending before the plan starts, or after a temporary one ends) the newest version.
     */
    public Optional<Long> planVersionOn(Account account, LocalDate day) {
        return jdbc.sql("""
                        SELECT v.id FROM care_plan_version v JOIN care_plan p ON p.id = v.plan_id
                        WHERE p.citizen_id = :citizen AND p.council_id = :council
                          AND (CAST(:dp AS bigint) IS NULL OR p.id = (SELECT d.plan_id FROM direct_payment d WHERE d.id = CAST(:dp AS bigint)))
                        ORDER BY (v.start_date <= :day AND (v.end_date IS NULL OR v.end_date >= :day)) DESC,
                                 v.version DESC, v.id DESC LIMIT 1""")
                .param("citizen", account.citizenId()).param("council", account.councilId())
                .param("dp", account.directPaymentId()).param("day", day).query(Long.class).optional();
    }

    public boolean budgetLineExists(long planVersionId, int position) {
        return jdbc.sql("SELECT count(*) FROM plan_budget_line WHERE plan_version_id = :v AND position = :p")
                .param("v", planVersionId).param("p", position).query(Long.class).single() > 0;
    }

    public long insertCharge(ProviderPayments.ProviderChargeRequest r, Long planVersionId, String by) {
        return jdbc.sql("""
                        INSERT INTO provider_charge (council_id, idempotency_key, account_id, organization_id, organization_name,
                            amount_pence, charged_on, description, remittance_reference, plan_version_id, budget_line_position,
                            outcome, created_by)
                        VALUES (:council, :key, :account, :org, :name, :amount, :on, :description, :reference,
                                CAST(:plan AS bigint), CAST(:line AS int), :outcome, :by) RETURNING id""")
                .param("council", r.councilId()).param("key", r.idempotencyKey()).param("account", r.accountId())
                .param("org", r.organizationId()).param("name", r.organizationName()).param("amount", r.amount().pence())
                .param("on", r.on()).param("description", r.description()).param("reference", r.remittanceReference())
                .param("plan", planVersionId).param("line", planVersionId == null ? null : r.budgetLinePosition())
                .param("outcome", r.outcome()).param("by", by).query(Long.class).single();
    }

    /** {plan version, position} of the charge's budget line. */
    public Optional<long[]> budgetLine(long chargeId) {
        return jdbc.sql("SELECT plan_version_id, budget_line_position FROM provider_charge WHERE id = :c AND plan_version_id IS NOT NULL")
                .param("c", chargeId).query((rs, row) -> new long[] {rs.getLong(1), rs.getLong(2)}).optional();
    }

    /** True once a run has taken the charge off a person's payment (approved or not). */
    public boolean takenByRun(long chargeId) {
        return jdbc.sql("SELECT netted_payment_id IS NOT NULL FROM provider_charge WHERE id = :c").param("c", chargeId)
                .query(Boolean.class).single();
    }

    /**
     * What is promised against the account's next regular payment: charges (less refunds) that no
     * run has taken yet, or that a run not approved yet has taken (its payment is still the next one).
     */
    public long promisedPence(long accountId) {
        return reads.get(promisedPenceRead(accountId));
    }

    private record PromisedOf(long accountId) {
    }

    public Read<Long> promisedPenceRead(long accountId) {
        return Read.number(new PromisedOf(accountId), """
                        SELECT coalesce(sum(coalesce(c.netted_pence, c.amount_pence - c.refunded_pence)), 0)
                        FROM provider_charge c
                        LEFT JOIN payment p ON p.id = c.netted_payment_id
                        LEFT JOIN payment_run r ON r.id = p.run_id
                        WHERE c.account_id = :a
                          AND ((c.netted_payment_id IS NULL AND c.amount_pence > c.refunded_pence)
                               OR (c.netted_payment_id IS NOT NULL AND r.status <> 'APPROVED'))""", Map.of("a", accountId));
    }

    public Optional<ProviderPayments.ProviderRefund> findRefund(String key) {
        return jdbc.sql("""
                        SELECT f.id, f.idempotency_key, c.idempotency_key, c.account_id, f.amount_pence, f.refunded_on, f.settlement
                        FROM provider_refund f JOIN provider_charge c ON c.id = f.charge_id WHERE f.idempotency_key = :k""")
                .param("k", key).query((rs, row) -> new ProviderPayments.ProviderRefund(rs.getLong(1), rs.getString(2),
                        rs.getString(3), rs.getLong(4), Money.ofPence(rs.getLong(5)), rs.getObject(6, LocalDate.class),
                        ProviderPayments.Settlement.valueOf(rs.getString(7)), false)).optional();
    }

    public long insertRefund(ProviderPayments.ProviderRefundRequest r, long chargeId, ProviderPayments.Settlement settlement,
                             String by) {
        long id = jdbc.sql("""
                        INSERT INTO provider_refund (council_id, idempotency_key, charge_id, amount_pence, refunded_on, description,
                                                     settlement, created_by)
                        VALUES (:council, :key, :charge, :amount, :on, :description, :settlement, :by) RETURNING id""")
                .param("council", r.councilId()).param("key", r.idempotencyKey()).param("charge", chargeId)
                .param("amount", r.amount().pence()).param("on", r.on()).param("description", r.description())
                .param("settlement", settlement.name()).param("by", by).query(Long.class).single();
        jdbc.sql("UPDATE provider_charge SET refunded_pence = refunded_pence + :amount WHERE id = :c")
                .param("amount", r.amount().pence()).param("c", chargeId).update();
        return id;
    }
}
