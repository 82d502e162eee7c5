package org.dphub.approvals.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import org.dphub.approvals.OneOffPayment;
import org.dphub.approvals.OneOffReason;
import org.dphub.approvals.OneOffStatus;
import org.dphub.plans.AccountType;
import org.dphub.shared.Money;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class OneOffRepository {

    private final JdbcClient jdbc;

    OneOffRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public long insert(long councilId, long citizenId, Money amount, String purpose, String outcome, OneOffReason reason,
                       AccountType type, OneOffStatus status, Money limit, String requestedBy, String decidedBy) {
        return jdbc.sql("""
                        INSERT INTO one_off_payment (council_id, citizen_id, amount_pence, purpose, outcome, reason, account_type,
                            status, limit_pence, requested_by, decided_by, decided_at)
                        VALUES (:council, :citizen, :amount, :purpose, :outcome, :reason, :type, :status, :limit, :by,
                            :decidedBy, CASE WHEN :decided THEN now() END)
                        RETURNING id""")
                .param("council", councilId).param("citizen", citizenId).param("amount", amount.pence())
                .param("purpose", purpose).param("outcome", outcome).param("reason", reason.name()).param("type", type.name())
                .param("status", status.name()).param("limit", limit.pence()).param("by", requestedBy)
                .param("decidedBy", decidedBy).param("decided", decidedBy != null)
                .query(Long.class).single();
    }

    /** Records the budget holder's decision, only if it is still waiting for one. */
    public boolean decide(long id, OneOffStatus decision, String by, String reason) {
        return jdbc.sql("""
                        UPDATE one_off_payment SET status = :status, decided_by = :by, decided_at = now(), decision_reason = :reason
                        WHERE id = :id AND status = 'AWAITING_APPROVAL'""")
                .param("status", decision.name()).param("by", by).param("reason", reason).param("id", id).update() == 1;
    }

    public Optional<OneOffPayment> find(long id) {
        return jdbc.sql("SELECT * FROM one_off_payment WHERE id = :id").param("id", id).query(OneOffRepository::map).optional();
    }

    public List<OneOffPayment> forCitizen(long councilId, long citizenId) {
        return jdbc.sql("SELECT * FROM one_off_payment WHERE council_id = :c AND citizen_id = :p ORDER BY requested_at DESC, id DESC")
                .param("c", councilId).param("p", citizenId).query(OneOffRepository::map).list();
    }

    public List<OneOffPayment> awaiting(long councilId) {
        return jdbc.sql("SELECT * FROM one_off_payment WHERE council_id = :c AND status = 'AWAITING_APPROVAL' ORDER BY requested_at")
                .param("c", councilId).query(OneOffRepository::map).list();
    }

    /** {waiting for a budget holder in the council, of those asked for by this user}, counted in one query. */
    public long[] awaitingCounts(long councilId, String username) {
        return jdbc.sql("""
                        SELECT count(*), count(*) FILTER (WHERE requested_by = :by) FROM one_off_payment
                        WHERE council_id = :c AND status = 'AWAITING_APPROVAL'""")
                .param("c", councilId).param("by", username)
                .query((rs, row) -> new long[] {rs.getLong(1), rs.getLong(2)}).single();
    }

    /** The one-off payments this user asked for in the council, newest first, a page at a time. */
    public List<OneOffPayment> requestedBy(long councilId, String username, int limit, int offset) {
        return jdbc.sql("""
                        SELECT * FROM one_off_payment WHERE council_id = :c AND requested_by = :by
                        ORDER BY requested_at DESC, id DESC LIMIT :limit OFFSET :offset""")
                .param("c", councilId).param("by", username).param("limit", limit).param("offset", offset)
                .query(OneOffRepository::map).list();
    }

    public long countRequestedBy(long councilId, String username) {
        return jdbc.sql("SELECT count(*) FROM one_off_payment WHERE council_id = :c AND requested_by = :by")
                .param("c", councilId).param("by", username).query(Long.class).single();
    }

    private static OneOffPayment map(ResultSet rs, int row) throws SQLException {
        Timestamp decided = rs.getTimestamp("decided_at");
        return new OneOffPayment(rs.getLong("id"), rs.getLong("council_id"), rs.getLong("citizen_id"),
                Money.ofPence(rs.getLong("amount_pence")), rs.getString("purpose"), rs.getString("outcome"),
                OneOffReason.valueOf(rs.getString("reason")), AccountType.valueOf(rs.getString("account_type")),
                OneOffStatus.valueOf(rs.getString("status")), Money.ofPence(rs.getLong("limit_pence")),
                rs.getString("requested_by"), rs.getTimestamp("requested_at").toInstant(), rs.getString("decided_by"),
                decided == null ? null : decided.toInstant(), rs.getString("decision_reason"));
    }
}
