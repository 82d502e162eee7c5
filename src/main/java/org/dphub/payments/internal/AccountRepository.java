package org.dphub.payments.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.dphub.councils.PaymentFrequency;
import org.dphub.payments.Account;
import org.dphub.payments.AccountStatus;
import org.dphub.payments.PaymentSchedule;
import org.dphub.plans.AccountType;
import org.dphub.shared.Money;
import org.dphub.shared.database.Read;
import org.dphub.shared.database.ReadOnlyMemo;
import org.dphub.shared.database.Reads;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class AccountRepository {

    private final JdbcClient jdbc;
    private final Reads reads;

    AccountRepository(JdbcClient jdbc, Reads reads) {
        this.jdbc = jdbc;
        this.reads = reads;
    }

    /** Locks the account's row until the transaction ends: one writer of its money at a time. */
    public void lock(long accountId) {
        jdbc.sql("SELECT id FROM dp_account WHERE id = :id FOR UPDATE").param("id", accountId).query(Long.class).optional();
    }

    /** Opens the account for a direct payment once; a repeated event finds the one already there. */
    public Optional<Long> insertForDirectPayment(long councilId, long citizenId, long directPaymentId, AccountType type,
                                                 LocalDate openedOn) {
        return jdbc.sql("""
                        INSERT INTO dp_account (council_id, citizen_id, direct_payment_id, type, status, opened_on)
                        VALUES (:council, :citizen, :dp, :type, 'OPEN', :opened)
                        ON CONFLICT (direct_payment_id) DO NOTHING RETURNING id""")
                .param("council", councilId).param("citizen", citizenId).param("dp", directPaymentId)
                .param("type", type.name()).param("opened", openedOn)
                .query(Long.class).optional();
    }

    /** An account opened for a one-off payment when the person has no open account yet. */
    public long insertWithoutDirectPayment(long councilId, long citizenId, AccountType type, LocalDate openedOn) {
        return jdbc.sql("""
                        INSERT INTO dp_account (council_id, citizen_id, type, status, opened_on)
                        VALUES (:council, :citizen, :type, 'OPEN', :opened) RETURNING id""")
                .param("council", councilId).param("citizen", citizenId).param("type", type.name())
                .param("opened", openedOn).query(Long.class).single();
    }

    /** Records an approved one-off for the next run; false if it was recorded before. */
    public boolean insertOneOffDue(long oneOffId, long councilId, long accountId, long amountPence, LocalDate approvedOn,
                                   String description) {
        return jdbc.sql("""
                        INSERT INTO one_off_due (one_off_id, council_id, account_id, amount_pence, approved_on, description)
                        VALUES (:id, :council, :account, :amount, :approved, :description)
                        ON CONFLICT (one_off_id) DO NOTHING""")
                .param("id", oneOffId).param("council", councilId).param("account", accountId).param("amount", amountPence)
                .param("approved", approvedOn).param("description", description).update() == 1;
    }

    public Optional<Long> accountForOneOff(long oneOffId) {
        return jdbc.sql("SELECT account_id FROM one_off_due WHERE one_off_id = :id").param("id", oneOffId)
                .query(Long.class).optional();
    }

    public void insertSchedule(long councilId, long accountId, PaymentFrequency frequency, Money regular, Money weekly,
                               LocalDate firstPaymentDate) {
        jdbc.sql("""
                        INSERT INTO payment_schedule (council_id, account_id, frequency, regular_payment_pence,
                            weekly_budget_pence, first_payment_date)
                        VALUES (:council, :account, :frequency, :regular, :weekly, :first)""")
                .param("council", councilId).param("account", accountId).param("frequency", frequency.name())
                .param("regular", regular.pence()).param("weekly", weekly.pence()).param("first", firstPaymentDate)
                .update();
    }

    // In a read-only transaction (a page), an account's row and a person's accounts are read once
    // (ReadOnlyMemo): the money page's balance, letters, statement story and provider-held funds each
    // ask for them. A person's accounts, once read, also answer for each account's row.
    private record AccountRow(long id) {
    }

    private record AccountsOf(long councilId, long citizenId) {
    }

    public Optional<Account> find(long id) {
        return ReadOnlyMemo.remember(new AccountRow(id),
                () -> jdbc.sql("SELECT * FROM dp_account WHERE id = :id").param("id", id).query(AccountRepository::account).optional());
    }

    public Optional<Account> forDirectPayment(long directPaymentId) {
        return jdbc.sql("SELECT * FROM dp_account WHERE direct_payment_id = :dp").param("dp", directPaymentId)
                .query(AccountRepository::account).optional();
    }

    public List<Account> forCitizen(long councilId, long citizenId) {
        return reads.get(forCitizenRead(councilId, citizenId));
    }

    public Read<List<Account>> forCitizenRead(long councilId, long citizenId) {
        return Read.list(new AccountsOf(councilId, citizenId),
                "SELECT * FROM dp_account WHERE council_id = :council AND citizen_id = :citizen ORDER BY id",
                Map.of("council", councilId, "citizen", citizenId), AccountRepository::account).map(found -> {
                    found.forEach(a -> ReadOnlyMemo.remember(new AccountRow(a.id()), () -> Optional.of(a)));
                    return found;
                });
    }

    public Optional<PaymentSchedule> schedule(long accountId) {
        return reads.get(scheduleRead(accountId));
    }

    private record ScheduleOf(long accountId) {
    }

    public Read<Optional<PaymentSchedule>> scheduleRead(long accountId) {
        // the schedule and its changes in one read: a row per change, or one row with none
        return Read.list(new ScheduleOf(accountId), """
                        SELECT s.id, s.frequency, s.regular_payment_pence, s.weekly_budget_pence, s.first_payment_date,
                               c.effective_from, c.regular_payment_pence AS change_regular, c.weekly_budget_pence AS change_weekly, c.reason
                        FROM payment_schedule s LEFT JOIN payment_schedule_change c ON c.schedule_id = s.id
                        WHERE s.account_id = :account ORDER BY c.effective_from, c.id""", Map.of("account", accountId),
                (rs, row) -> new ScheduleRow(
                        new PaymentSchedule(rs.getLong("id"), accountId, PaymentFrequency.valueOf(rs.getString("frequency")),
                                Money.ofPence(rs.getLong("regular_payment_pence")), Money.ofPence(rs.getLong("weekly_budget_pence")),
                                rs.getObject("first_payment_date", LocalDate.class)),
                        rs.getObject("effective_from", LocalDate.class) == null ? null
                                : new PaymentSchedule.Change(rs.getObject("effective_from", LocalDate.class),
                                        Money.ofPence(rs.getLong("change_regular")), Money.ofPence(rs.getLong("change_weekly")),
                                        rs.getString("reason")))).map(AccountRepository::scheduleOf);
    }

    private static Optional<PaymentSchedule> scheduleOf(List<ScheduleRow> rows) {
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        PaymentSchedule s = rows.get(0).schedule();
        List<PaymentSchedule.Change> changes = rows.stream().map(ScheduleRow::change).filter(java.util.Objects::nonNull).toList();
        return Optional.of(new PaymentSchedule(s.id(), s.accountId(), s.frequency(), s.regularPayment(), s.weeklyBudget(),
                s.firstPaymentDate(), changes));
    }

    /** A row of {@link #schedule}: the schedule, and one of its changes (null when it has none). */
    private record ScheduleRow(PaymentSchedule schedule, PaymentSchedule.Change change) {
    }

    public void insertScheduleChange(long scheduleId, LocalDate effectiveFrom, Money regular, Money weekly, String reason,
                                     String by) {
        jdbc.sql("""
                        INSERT INTO payment_schedule_change (schedule_id, effective_from, regular_payment_pence,
                            weekly_budget_pence, reason, created_by)
                        VALUES (:s, :from, :regular, :weekly, :reason, :by)""")
                .param("s", scheduleId).param("from", effectiveFrom).param("regular", regular.pence())
                .param("weekly", weekly.pence()).param("reason", reason.length() > 500 ? reason.substring(0, 500) : reason)
                .param("by", by).update();
    }

    /** The account's status (its history is in the audit trail); an end also sets the day it closed. */
    public void setStatus(long accountId, AccountStatus status, LocalDate closedOn) {
        jdbc.sql("UPDATE dp_account SET status = :status, closed_on = :closed WHERE id = :id")
                .param("status", status.name()).param("closed", closedOn).param("id", accountId).update();
    }

    private static Account account(ResultSet rs, int row) throws SQLException {
        return new Account(rs.getLong("id"), rs.getLong("council_id"), rs.getLong("citizen_id"),
                rs.getObject("direct_payment_id", Long.class), AccountType.valueOf(rs.getString("type")),
                AccountStatus.valueOf(rs.getString("status")), rs.getObject("opened_on", LocalDate.class),
                rs.getObject("closed_on", LocalDate.class), rs.getObject("isf_direct_payment_id", Long.class),
                rs.getObject("isf_organization_id", java.util.UUID.class), rs.getString("isf_organization_name"));
    }

    /** Issue 18: opens the individual service fund a provider holds for a direct payment once; empty if it is there. */
    public Optional<Long> insertServiceFund(long councilId, long citizenId, long directPaymentId, java.util.UUID organizationId,
                                            String organizationName, LocalDate openedOn) {
        return jdbc.sql("""
                        INSERT INTO dp_account (council_id, citizen_id, type, status, opened_on, isf_direct_payment_id,
                                                isf_organization_id, isf_organization_name)
                        VALUES (:council, :citizen, 'INDIVIDUAL_SERVICE_FUND', 'OPEN', :opened, :dp, :org, :name)
                        ON CONFLICT (isf_direct_payment_id, isf_organization_id) WHERE isf_direct_payment_id IS NOT NULL
                        DO NOTHING RETURNING id""")
                .param("council", councilId).param("citizen", citizenId).param("opened", openedOn).param("dp", directPaymentId)
                .param("org", organizationId).param("name", organizationName)
                .query(Long.class).optional();
    }

    /** Issue 18: the individual service funds a direct payment agreement funds, oldest first. */
    public List<Account> serviceFundsOf(long directPaymentId) {
        return jdbc.sql("SELECT * FROM dp_account WHERE isf_direct_payment_id = :dp ORDER BY id").param("dp", directPaymentId)
                .query(AccountRepository::account).list();
    }

    /** Issue 18: the open individual service funds a provider holds in a council, oldest first. */
    public List<Account> serviceFundsHeldBy(long councilId, java.util.UUID organizationId) {
        return jdbc.sql("""
                        SELECT * FROM dp_account WHERE council_id = :council AND isf_organization_id = :org ORDER BY id""")
                .param("council", councilId).param("org", organizationId).query(AccountRepository::account).list();
    }
}
