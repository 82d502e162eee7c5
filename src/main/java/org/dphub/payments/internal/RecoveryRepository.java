package org.dphub.payments.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.dphub.payments.SurplusRecovery;
import org.dphub.shared.Money;
import org.dphub.shared.database.Read;
import org.dphub.shared.database.Reads;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class RecoveryRepository {

    private final JdbcClient jdbc;
    private final Reads reads;

    RecoveryRepository(JdbcClient jdbc, Reads reads) {
        this.jdbc = jdbc;
        this.reads = reads;
    }

    public long insert(long councilId, long accountId, Money amount, Money surplus, String reason, String locale, String letter,
                       LocalDate recoveredOn, String proposedBy, String requestKey) {
        return jdbc.sql("""
                        INSERT INTO surplus_recovery (council_id, account_id, amount_pence, surplus_pence, reason, letter_locale,
                                                      letter, recovered_on, proposed_by, request_key)
                        VALUES (:council, :account, :amount, :surplus, :reason, :locale, :letter, :on, :by, :key) RETURNING id""")
                .param("council", councilId).param("account", accountId).param("amount", amount.pence())
                .param("surplus", surplus.pence()).param("reason", reason).param("locale", locale).param("letter", letter)
                .param("on", recoveredOn).param("by", proposedBy).param("key", requestKey)
                .query(Long.class).single();
    }

    public Optional<SurplusRecovery> find(long id) {
        return jdbc.sql("SELECT * FROM surplus_recovery WHERE id = :id").param("id", id).query(RecoveryRepository::row).optional();
    }

    public Optional<SurplusRecovery> byRequestKey(String key) {
        return jdbc.sql("SELECT * FROM surplus_recovery WHERE request_key = :key").param("key", key)
                .query(RecoveryRepository::row).optional();
    }

    public List<SurplusRecovery> forAccount(long accountId) {
        return reads.get(forAccountRead(accountId));
    }

    private record ForAccount(long accountId) {
    }

    /** The account's letters of money given back, newest first, as a read to send with others ("Your money"). */
    public Read<List<SurplusRecovery>> forAccountRead(long accountId) {
        return Read.list(new ForAccount(accountId), "SELECT * FROM surplus_recovery WHERE account_id = :account ORDER BY id DESC",
                java.util.Map.of("account", accountId), RecoveryRepository::row);
    }

    private static SurplusRecovery row(ResultSet rs, int row) throws SQLException {
        return new SurplusRecovery(rs.getLong("id"), rs.getLong("council_id"), rs.getLong("account_id"),
                Money.ofPence(rs.getLong("amount_pence")), Money.ofPence(rs.getLong("surplus_pence")), rs.getString("reason"),
                Locale.forLanguageTag(rs.getString("letter_locale")), rs.getString("letter"),
                rs.getObject("recovered_on", LocalDate.class), rs.getString("proposed_by"),
                rs.getTimestamp("created_at").toInstant());
    }
}
