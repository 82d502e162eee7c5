package org.dphub.monitoring.internal;

import java.time.LocalDate;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Imported transactions with their newest tag. */
@Repository
public class TransactionRepository {

    /** A row as stored: the tag fields are null when nobody has tagged it. */
    public record Row(long id, long accountId, LocalDate date, String description, long amountPence, Long planVersionId,
                      Integer position, String outcome, String note, String taggedBy) {
    }

    private final JdbcClient jdbc;

    TransactionRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<Row> forAccount(long accountId, int limit) {
        return jdbc.sql("""
                        SELECT t.id, t.account_id, t.booked_on, t.description, t.amount_pence,
                               g.plan_version_id, g.budget_line_position, g.outcome, g.note, g.tagged_by
                        FROM account_transaction t
                        LEFT JOIN LATERAL (SELECT * FROM transaction_tag g WHERE g.transaction_id = t.id ORDER BY g.id DESC LIMIT 1) g ON true
                        WHERE t.account_id = :a ORDER BY t.booked_on DESC, t.id DESC LIMIT :limit""")
                .param("a", accountId).param("limit", limit)
                .query((rs, n) -> new Row(rs.getLong(1), rs.getLong(2), rs.getObject(3, LocalDate.class), rs.getString(4),
                        rs.getLong(5), rs.getObject(6, Long.class), rs.getObject(7, Integer.class), rs.getString(8),
                        rs.getString(9), rs.getString(10)))
                .list();
    }

    /** One transaction with its newest tag. */
    public java.util.Optional<Row> find(long transactionId) {
        return jdbc.sql("""
                        SELECT t.id, t.account_id, t.booked_on, t.description, t.amount_pence,
                               g.plan_version_id, g.budget_line_position, g.outcome, g.note, g.tagged_by
                        FROM account_transaction t
                        LEFT JOIN LATERAL (SELECT * FROM transaction_tag g WHERE g.transaction_id = t.id ORDER BY g.id DESC LIMIT 1) g ON true
                        WHERE t.id = :id""")
                .param("id", transactionId)
                .query((rs, n) -> new Row(rs.getLong(1), rs.getLong(2), rs.getObject(3, LocalDate.class), rs.getString(4),
                        rs.getLong(5), rs.getObject(6, Long.class), rs.getObject(7, Integer.class), rs.getString(8),
                        rs.getString(9), rs.getString(10)))
                .optional();
    }

    public java.util.Optional<Long> accountOf(long transactionId) {
        return jdbc.sql("SELECT account_id FROM account_transaction WHERE id = :id").param("id", transactionId)
                .query(Long.class).optional();
    }

    public void tag(long transactionId, Long planVersionId, Integer position, String outcome, String note, String by) {
        jdbc.sql("""
                        INSERT INTO transaction_tag (transaction_id, plan_version_id, budget_line_position, outcome, note, tagged_by)
                        VALUES (:t, :v, :p, :o, :n, :by)""")
                .param("t", transactionId).param("v", planVersionId).param("p", position).param("o", outcome)
                .param("n", note).param("by", by).update();
    }
}
