package org.dphub.directory.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.dphub.directory.PaymentRequests;
import org.dphub.shared.Money;
import org.dphub.shared.database.Read;
import org.dphub.shared.database.Reads;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Requests for payment from providers (issue 15), with the little of the
 * directory's organisations and services they need: read here, never through payments.
 */
@Repository
public class PaymentRequestRepository {

    private final JdbcClient jdbc;
    private final Reads reads;

    PaymentRequestRepository(JdbcClient jdbc, Reads reads) {
        this.jdbc = jdbc;
        this.reads = reads;
    }

    /** The organisation this provider user runs: {id, name, council}. */
    public Optional<PaymentRequests.Provider> organizationOf(long userId) {
        return jdbc.sql("SELECT id, name, council_id FROM directory_organization WHERE user_id = :u")
                .param("u", userId)
                .query((rs, row) -> new PaymentRequests.Provider(rs.getObject(1, UUID.class), rs.getString(2), rs.getLong(3)))
                .optional();
    }

    /** A service: {organisation, name, status, cost pence, cost unit}. */
    public Optional<PaymentRequests.ServiceFacts> service(UUID serviceId) {
        return jdbc.sql("""
                        SELECT s.id, s.organization_id, o.name, s.name, s.status, s.cost_pence, s.cost_unit
                        FROM directory_service s JOIN directory_organization o ON o.id = s.organization_id WHERE s.id = :s""")
                .param("s", serviceId)
                .query((rs, row) -> new PaymentRequests.ServiceFacts(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
                        rs.getString(3), rs.getString(4), rs.getString(5), Money.ofPence(rs.getLong(6)), rs.getString(7)))
                .optional();
    }

    /** The organisation's published services: {id, name}, by name. */
    public List<String[]> publishedServices(UUID organizationId) {
        return jdbc.sql("SELECT id, name FROM directory_service WHERE organization_id = :o AND status = 'PUBLISHED' ORDER BY name, id")
                .param("o", organizationId).query((rs, row) -> new String[] {rs.getString(1), rs.getString(2)}).list();
    }

    public long insert(UUID organizationId, UUID serviceId, long councilId, long citizenId, Money amount, String description,
                       String reference, List<LocalDate> dates, String sentBy) {
        long id = jdbc.sql("""
                        INSERT INTO directory_payment_request (organization_id, service_id, council_id, citizen_id, amount_pence,
                            description, reference, service_dates, sent_by)
                        VALUES (:org, :service, :council, :citizen, :amount, :description, :reference, :dates, :by) RETURNING id""")
                .param("org", organizationId).param("service", serviceId).param("council", councilId).param("citizen", citizenId)
                .param("amount", amount.pence()).param("description", description)
                .param("reference", reference == null ? "pending" : reference)
                .param("dates", new org.springframework.jdbc.support.SqlArrayValue("date",
                        dates.stream().map(java.sql.Date::valueOf).toArray())).param("by", sentBy).query(Long.class).single();
        if (reference == null) {
            jdbc.sql("UPDATE directory_payment_request SET reference = 'REQ-' || id WHERE id = :id").param("id", id).update();
        }
        return id;
    }

    private static final String SELECT = """
            SELECT r.id, r.organization_id, o.name AS org_name, r.service_id, s.name AS service_name, r.council_id, r.citizen_id,
                   r.amount_pence, r.description, r.reference, r.service_dates, r.status, r.query_message, r.created_at,
                   r.agreed_at, r.account_id, r.agreement_key, r.budget_line_position, r.outcome
            FROM directory_payment_request r JOIN directory_organization o ON o.id = r.organization_id
            JOIN directory_service s ON s.id = r.service_id""";

    public Optional<PaymentRequests.Row> find(long id) {
        return jdbc.sql(SELECT + " WHERE r.id = :id").param("id", id).query(PaymentRequestRepository::row).optional();
    }

    public Optional<PaymentRequests.Row> lock(long id) {
        return jdbc.sql(SELECT + " WHERE r.id = :id FOR UPDATE OF r").param("id", id).query(PaymentRequestRepository::row).optional();
    }

    public List<PaymentRequests.Row> forOrganization(UUID organizationId) {
        return jdbc.sql(SELECT + " WHERE r.organization_id = :org ORDER BY r.id DESC LIMIT 200").param("org", organizationId)
                .query(PaymentRequestRepository::row).list();
    }

    public List<PaymentRequests.Row> forCitizen(long councilId, long citizenId) {
        return reads.get(forCitizenRead(councilId, citizenId));
    }

    private record ForCitizen(long councilId, long citizenId) {
    }

    public Read<List<PaymentRequests.Row>> forCitizenRead(long councilId, long citizenId) {
        return Read.list(new ForCitizen(councilId, citizenId),
                SELECT + " WHERE r.citizen_id = :c AND r.council_id = :council ORDER BY r.id DESC LIMIT 200",
                java.util.Map.of("c", citizenId, "council", councilId), PaymentRequestRepository::row);
    }

    public void change(long id, Money amount, String description) {
        jdbc.sql("""
                        UPDATE directory_payment_request SET amount_pence = :amount, description = :description, status = 'WAITING',
                            updated_at = now() WHERE id = :id""")
                .param("amount", amount.pence()).param("description", description).param("id", id).update();
    }

    public void setStatus(long id, String status) {
        jdbc.sql("UPDATE directory_payment_request SET status = :s, updated_at = now() WHERE id = :id")
                .param("s", status).param("id", id).update();
    }

    public void query(long id, String message) {
        jdbc.sql("""
                        UPDATE directory_payment_request SET status = 'QUERIED', query_message = :m, queried_at = now(), updated_at = now()
                        WHERE id = :id""")
                .param("m", message).param("id", id).update();
    }

    public void agree(long id, long accountId, Integer line, String outcome, String by, String key) {
        jdbc.sql("""
                        UPDATE directory_payment_request SET status = 'AGREED', account_id = :account, budget_line_position = :line,
                            outcome = :outcome, agreed_by = :by, agreed_at = now(), agreement_key = :key, updated_at = now()
                        WHERE id = :id""")
                .param("account", accountId).param("line", line).param("outcome", outcome).param("by", by).param("key", key)
                .param("id", id).update();
    }

    private static PaymentRequests.Row row(ResultSet rs, int n) throws SQLException {
        List<LocalDate> days = SqlDates.days(rs.getArray("service_dates"));
        java.sql.Timestamp agreed = rs.getTimestamp("agreed_at");
        return new PaymentRequests.Row(rs.getLong("id"), rs.getObject("organization_id", UUID.class), rs.getString("org_name"),
                rs.getObject("service_id", UUID.class), rs.getString("service_name"), rs.getLong("council_id"),
                rs.getLong("citizen_id"), Money.ofPence(rs.getLong("amount_pence")), rs.getString("description"),
                rs.getString("reference"), days, rs.getString("status"), rs.getString("query_message"),
                rs.getTimestamp("created_at").toInstant(), agreed == null ? null : agreed.toInstant(),
                (Long) rs.getObject("account_id"), rs.getString("agreement_key"), (Integer) rs.getObject("budget_line_position"),
                rs.getString("outcome"));
    }
}
