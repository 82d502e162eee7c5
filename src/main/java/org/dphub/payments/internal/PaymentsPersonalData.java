package org.dphub.payments.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.dphub.shared.personaldata.PersonalDataRows;
import org.dphub.shared.personaldata.PersonalDataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The person's accounts, each with its ledger entries and balance, payments, the bank account paid
 * into and money recovered (issue 17). Money records are kept for 6 years after the direct payment
 * ends; then the bank details are blanked by the retention job.
 */
@Component
class PaymentsPersonalData implements PersonalDataSource {

    private static final String ACCOUNTS = " JOIN dp_account a ON a.id = x.account_id WHERE a.council_id = :council AND a.citizen_id = :citizen";

    private final JdbcClient jdbc;

    PaymentsPersonalData(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String section() {
        return "money";
    }

    @Override
    public Set<String> tables() {
        return Set.of("dp_account", "ledger_leg", "ledger_transaction", "payment", "payment_schedule", "bank_details",
                "surplus_recovery", "one_off_due", "isf_spending");
    }

    @Override
    public Optional<Section> forCitizen(long councilId, long citizenId) {
        Map<String, String> q = new LinkedHashMap<>();
        q.put("dp_account", "SELECT x.*, (SELECT coalesce(sum(l.amount_pence), 0) FROM ledger_leg l WHERE l.book = 'ACCOUNT'"
                + " AND l.account_id = x.id) AS balance_pence FROM dp_account x WHERE x.council_id = :council AND x.citizen_id = :citizen"
                + " ORDER BY x.id");
        q.put("ledger_leg", "SELECT x.account_id, t.id AS transaction_id, t.kind, t.posted_on, t.description, x.amount_pence"
                + " FROM ledger_leg x JOIN ledger_transaction t ON t.id = x.transaction_id" + ACCOUNTS
                + " AND x.book = 'ACCOUNT' ORDER BY t.posted_on, t.id");
        q.put("payment", "SELECT x.id, x.account_id, x.due_date, x.amount_pence, x.created_at FROM payment x" + ACCOUNTS + " ORDER BY x.id");
        q.put("payment_schedule", "SELECT x.* FROM payment_schedule x" + ACCOUNTS + " ORDER BY x.id");
        q.put("bank_details", "SELECT x.id, x.account_id, x.account_name, x.sort_code, x.account_number, x.reference, x.recorded_at"
                + " FROM bank_details x" + ACCOUNTS + " ORDER BY x.id");
        q.put("surplus_recovery", "SELECT x.id, x.account_id, x.amount_pence, x.surplus_pence, x.reason, x.recovered_on"
                + " FROM surplus_recovery x" + ACCOUNTS + " ORDER BY x.id");
        q.put("one_off_due", "SELECT x.* FROM one_off_due x" + ACCOUNTS + " ORDER BY x.one_off_id");
        q.put("isf_spending", "SELECT x.* FROM isf_spending x" + ACCOUNTS + " ORDER BY x.id");
        return PersonalDataRows.section(jdbc, section(), Map.of("council", councilId, "citizen", citizenId), q);
    }

    /** Money still held: any of the person's accounts whose ledger does not add up to nothing. */
    @Override
    public List<String> blocksErasure(long councilId, long citizenId) {
        boolean held = jdbc.sql("""
                        SELECT EXISTS (SELECT 1 FROM dp_account a JOIN ledger_leg l ON l.account_id = a.id AND l.book = 'ACCOUNT'
                                       WHERE a.council_id = :council AND a.citizen_id = :citizen
                                       GROUP BY a.id HAVING sum(l.amount_pence) <> 0)""")
                .param("council", councilId).param("citizen", citizenId).query(Boolean.class).single();
        return held ? List.of("rights.block.balance") : List.of();
    }

    @Override
    public Redacted erase(Redaction r) {
        return Redacted.kept("rights.kept.money", "rights.why.money");
    }

    /** The bank account paid into is the one thing in the money records that names the person. */
    @Override
    public Redacted anonymiseMoneyRecords(Redaction r) {
        jdbc.sql("UPDATE bank_details x SET account_name = 'Erased', sort_code = '000000', account_number = '00000000', reference = NULL"
                        + " FROM dp_account a WHERE a.id = x.account_id AND a.council_id = :council AND a.citizen_id = :citizen"
                        + " AND x.account_name <> 'Erased'")
                .param("council", r.councilId()).param("citizen", r.citizenId()).update();
        return Redacted.removed("rights.removed.bank-details");
    }

    /** Money a person paid a provider that a payment run has not yet paid on to them: it needs their bank details. */
    @Override
    public List<String> blocksProviderErasure(java.util.UUID organizationId, java.time.LocalDate today) {
        boolean owed = jdbc.sql("SELECT EXISTS (SELECT 1 FROM provider_charge WHERE organization_id = :org AND payout_id IS NULL"
                        + " AND refunded_pence < amount_pence)")
                .param("org", organizationId).query(Boolean.class).single();
        return owed ? List.of("rights.block.provider-unpaid") : List.of();
    }

    /** The payments to the provider, their bank details and their name on them are money records: kept. */
    @Override
    public Redacted eraseProvider(ProviderRedaction r) {
        return Redacted.kept("rights.kept.provider-bank", "rights.why.provider-money");
    }

    /** The day of the last payment to the provider; empty when none was ever made. */
    @Override
    public Optional<java.time.LocalDate> providerMoneyRecordsFrom(java.util.UUID organizationId) {
        return jdbc.sql("SELECT due_date FROM provider_payout WHERE organization_id = :org ORDER BY due_date DESC LIMIT 1")
                .param("org", organizationId).query(java.time.LocalDate.class).optional();
    }

    /** The provider's bank account, and their name on the charges and the payments to them, go. */
    @Override
    public Redacted anonymiseProviderMoneyRecords(ProviderRedaction r) {
        jdbc.sql("UPDATE bank_details SET account_name = 'Erased', sort_code = '000000', account_number = '00000000', reference = NULL"
                + " WHERE organization_id = :org AND account_name <> 'Erased'").param("org", r.organizationId()).update();
        jdbc.sql("UPDATE provider_charge SET organization_name = 'Erased provider' WHERE organization_id = :org")
                .param("org", r.organizationId()).update();
        jdbc.sql("UPDATE provider_payout SET organization_name = 'Erased provider' WHERE organization_id = :org")
                .param("org", r.organizationId()).update();
        return Redacted.removed("rights.removed.provider-bank");
    }
}
