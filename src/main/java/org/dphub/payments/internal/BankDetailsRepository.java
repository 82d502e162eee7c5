package org.dphub.payments.internal;

import java.util.Optional;
import org.dphub.payments.BankDetails;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Bank details: inserts only; the newest row is the one in use. */
@Repository
public class BankDetailsRepository {

    private final JdbcClient jdbc;

    BankDetailsRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** purpose PAYEE with an account; COUNCIL_ACCOUNT or CARD_PROVIDER without. */
    public long insert(long councilId, String purpose, Long accountId, BankDetails d, String recordedBy) {
        return jdbc.sql("""
                        INSERT INTO bank_details (council_id, purpose, account_id, account_name, sort_code, account_number, reference,
                                                  recorded_by)
                        VALUES (:council, :purpose, :account, :name, :sort, :number, :reference, :by) RETURNING id""")
                .param("council", councilId).param("purpose", purpose).param("account", accountId).param("name", d.accountName())
                .param("sort", d.sortCode()).param("number", d.accountNumber()).param("reference", d.reference())
                .param("by", recordedBy).query(Long.class).single();
    }

    public long insertForProvider(long councilId, java.util.UUID organizationId, BankDetails d, String recordedBy) {
        return jdbc.sql("""
                        INSERT INTO bank_details (council_id, purpose, organization_id, account_name, sort_code, account_number,
                                                  reference, recorded_by)
                        VALUES (:council, 'PROVIDER', :org, :name, :sort, :number, :reference, :by) RETURNING id""")
                .param("council", councilId).param("org", organizationId).param("name", d.accountName())
                .param("sort", d.sortCode()).param("number", d.accountNumber()).param("reference", d.reference())
                .param("by", recordedBy).query(Long.class).single();
    }

    public Optional<BankDetails> providerAccount(java.util.UUID organizationId) {
        return jdbc.sql("""
                        SELECT account_name, sort_code, account_number, reference FROM bank_details
                        WHERE organization_id = :org ORDER BY id DESC LIMIT 1""")
                .param("org", organizationId).query(BankDetailsRepository::details).optional();
    }

    public Optional<BankDetails> current(long accountId) {
        return jdbc.sql("""
                        SELECT account_name, sort_code, account_number, reference FROM bank_details
                        WHERE account_id = :account ORDER BY id DESC LIMIT 1""")
                .param("account", accountId).query(BankDetailsRepository::details).optional();
    }

    /** The council's COUNCIL_ACCOUNT or CARD_PROVIDER details in use. */
    public Optional<BankDetails> councilAccount(long councilId, String purpose) {
        return jdbc.sql("""
                        SELECT account_name, sort_code, account_number, reference FROM bank_details
                        WHERE council_id = :council AND account_id IS NULL AND purpose = :purpose ORDER BY id DESC LIMIT 1""")
                .param("council", councilId).param("purpose", purpose).query(BankDetailsRepository::details).optional();
    }

    static BankDetails details(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new BankDetails(rs.getString("account_name"), rs.getString("sort_code"), rs.getString("account_number"),
                rs.getString("reference"));
    }
}
