package org.dphub.directory.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.dphub.directory.PaymentRequests;
import org.dphub.directory.RegularPayments;
import org.dphub.shared.Money;
import org.dphub.shared.SignedInUser;
import org.dphub.shared.database.Read;
import org.dphub.shared.database.Reads;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Regular payments to a listed provider and their instalments (issue 15): the directory's own tables. */
@Repository
public class RegularPaymentRepository {

    private final JdbcClient jdbc;
    private final Reads reads;

    RegularPaymentRepository(JdbcClient jdbc, Reads reads) {
        this.jdbc = jdbc;
        this.reads = reads;
    }

    /** A service with its organisation, whatever its status. */
    public Optional<PaymentRequests.ServiceFacts> service(UUID serviceId) {
        return jdbc.sql("""
                        SELECT s.id, s.organization_id, o.name, s.name, s.status, s.cost_pence, s.cost_unit
                        FROM directory_service s JOIN directory_organization o ON o.id = s.organization_id WHERE s.id = :s""")
                .param("s", serviceId)
                .query((rs, row) -> new PaymentRequests.ServiceFacts(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
                        rs.getString(3), rs.getString(4), rs.getString(5), Money.ofPence(rs.getLong(6)), rs.getString(7)))
                .optional();
    }

    public long insert(PaymentRequests.ServiceFacts service, long councilId, long citizenId, long accountId,
                       RegularPayments.SetUp input, Integer line, String outcome, SignedInUser by, String createKey) {
        String reference = input.reference() == null || input.reference().isBlank() ? null : input.reference();
        long id = jdbc.sql("""
                        INSERT INTO directory_regular_payment (organization_id, service_id, council_id, citizen_id, account_id,
                            amount_pence, frequency, first_date, end_date, times, budget_line_position, outcome, reference,
                            created_by, created_by_user_id, create_key)
                        VALUES (:org, :service, :council, :citizen, :account, :amount, :frequency, :first, :end, :times, :line,
                                :outcome, :reference, :by, :userId, :key) RETURNING id""")
                .param("org", service.organizationId()).param("service", service.id()).param("council", councilId)
                .param("citizen", citizenId).param("account", accountId).param("amount", input.amount().pence())
                .param("frequency", input.frequency().name()).param("first", input.firstDate()).param("end", input.endDate())
                .param("times", input.times()).param("line", line).param("outcome", outcome)
                .param("reference", reference == null ? "pending" : reference).param("by", by.username())
                .param("userId", by.userId()).param("key", createKey).query(Long.class).single();
        if (reference == null) {
            jdbc.sql("UPDATE directory_regular_payment SET reference = 'REG-' || id WHERE id = :id").param("id", id).update();
        }
        return id;
    }

    private static final String SELECT = """
            SELECT r.id, r.organization_id, o.name AS org_name, r.service_id, s.name AS service_name, r.council_id, r.citizen_id,
                   r.account_id, r.amount_pence, r.frequency, r.first_date, r.end_date, r.times, r.budget_line_position, r.outcome,
                   r.reference, r.status, r.stopped_from, r.next_n, r.next_due, r.create_key, r.stop_key
            FROM directory_regular_payment r JOIN directory_organization o ON o.id = r.organization_id
            JOIN directory_service s ON s.id = r.service_id""";

    public Optional<RegularPayments.Row> find(long id) {
        return jdbc.sql(SELECT + " WHERE r.id = :id").param("id", id).query(RegularPaymentRepository::row).optional();
    }

    public Optional<RegularPayments.Row> lock(long id) {
        return jdbc.sql(SELECT + " WHERE r.id = :id FOR UPDATE OF r").param("id", id).query(RegularPaymentRepository::row).optional();
    }

    public Optional<RegularPayments.Row> findByCreateKey(long userId, String key) {
        return jdbc.sql(SELECT + " WHERE r.created_by_user_id = :u AND r.create_key = :k").param("u", userId).param("k", key)
                .query(RegularPaymentRepository::row).optional();
    }

    public List<RegularPayments.Row> forOrganization(UUID organizationId) {
        return jdbc.sql(SELECT + " WHERE r.organization_id = :org ORDER BY r.id DESC LIMIT 200").param("org", organizationId)
                .query(RegularPaymentRepository::row).list();
    }

    public List<RegularPayments.Row> forCitizen(long councilId, long citizenId) {
        return reads.get(forCitizenRead(councilId, citizenId));
    }

    private record ForCitizen(long councilId, long citizenId) {
    }

    public Read<List<RegularPayments.Row>> forCitizenRead(long councilId, long citizenId) {
        return Read.list(new ForCitizen(councilId, citizenId),
                SELECT + " WHERE r.citizen_id = :c AND r.council_id = :council ORDER BY r.id DESC LIMIT 200",
                java.util.Map.of("c", citizenId, "council", councilId), RegularPaymentRepository::row);
    }

    /** The regular payments with an instalment due by this day, oldest first. */
    public List<Long> dueIds(LocalDate today) {
        return jdbc.sql("SELECT id FROM directory_regular_payment WHERE next_due <= :today ORDER BY next_due, id")
                .param("today", today).query(Long.class).list();
    }

    public void setNext(long id, int n, LocalDate due) {
        jdbc.sql("UPDATE directory_regular_payment SET next_n = :n, next_due = :due, updated_at = now() WHERE id = :id")
                .param("n", n).param("due", due).param("id", id).update();
    }

    public void stop(long id, LocalDate from, String by, String key) {
        jdbc.sql("""
                        UPDATE directory_regular_payment SET status = 'STOPPED', stopped_from = :from, stopped_by = :by,
                            stopped_at = now(), stop_key = :key, updated_at = now() WHERE id = :id""")
                .param("from", from).param("by", by).param("key", key).param("id", id).update();
    }

    public void recordInstalment(long id, int n, LocalDate due, Money amount, String status, String chargeKey, String reason) {
        jdbc.sql("""
                        INSERT INTO directory_regular_instalment (regular_payment_id, n, due_on, amount_pence, status, charge_key,
                            missed_reason) VALUES (:id, :n, :due, :amount, :status, :key, :reason)""")
                .param("id", id).param("n", n).param("due", due).param("amount", amount.pence()).param("status", status)
                .param("key", chargeKey).param("reason", reason).update();
    }

    /** Its instalments that have fallen due, newest first. */
    public List<RegularPayments.Instalment> instalments(long id) {
        return reads.get(instalmentsRead(id));
    }

    private record InstalmentsOf(long id) {
    }

    public Read<List<RegularPayments.Instalment>> instalmentsRead(long id) {
        return Read.list(new InstalmentsOf(id), """
                        SELECT n, due_on, amount_pence, status, missed_reason FROM directory_regular_instalment
                        WHERE regular_payment_id = :id ORDER BY n DESC LIMIT 520""", java.util.Map.of("id", id),
                (rs, row) -> new RegularPayments.Instalment(rs.getInt(1), rs.getObject(2, LocalDate.class),
                        Money.ofPence(rs.getLong(3)), rs.getString(4), rs.getString(5)));
    }

    private static RegularPayments.Row row(ResultSet rs, int n) throws SQLException {
        return new RegularPayments.Row(rs.getLong("id"), rs.getObject("organization_id", UUID.class), rs.getString("org_name"),
                rs.getObject("service_id", UUID.class), rs.getString("service_name"), rs.getLong("council_id"),
                rs.getLong("citizen_id"), rs.getLong("account_id"), Money.ofPence(rs.getLong("amount_pence")),
                RegularPayments.Frequency.valueOf(rs.getString("frequency")), rs.getObject("first_date", LocalDate.class),
                rs.getObject("end_date", LocalDate.class), (Integer) rs.getObject("times"),
                (Integer) rs.getObject("budget_line_position"), rs.getString("outcome"), rs.getString("reference"),
                rs.getString("status"), rs.getObject("stopped_from", LocalDate.class), rs.getInt("next_n"),
                rs.getObject("next_due", LocalDate.class), rs.getString("create_key"), rs.getString("stop_key"));
    }
}
