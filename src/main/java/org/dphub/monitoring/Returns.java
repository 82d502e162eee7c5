package org.dphub.monitoring;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.dphub.audit.AuditAction;
import org.dphub.audit.AuditTrail;
import org.dphub.councils.CouncilSettings;
import org.dphub.councils.Councils;
import org.dphub.letters.LetterKind;
import org.dphub.letters.Letters;
import org.dphub.payments.Accounts;
import org.dphub.shared.Money;
import org.dphub.shared.Role;
import org.dphub.shared.SignedInUser;
import org.dphub.shared.database.Read;
import org.dphub.shared.database.Reads;
import org.dphub.web.Conflict;
import org.dphub.web.NotFound;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Online returns, only where needed: holders of a bank account get one for the council's period,
 * already filled in from their imported statements. They look, confirm, or ask for more time.
 * Prepaid-card and managed accounts never get one (the council sees those transactions anyway).
 */
@Service
public class Returns {

    /** A return with where it is, and the period's transactions totalled. */
    public record FinancialReturn(long id, long accountId, long citizenId, LocalDate periodStart, LocalDate periodEnd, LocalDate dueOn,
                                  String status, Money moneyIn, Money moneyOut, int transactions, Money receiptsThreshold) {
        public boolean confirmed() {
            return "CONFIRMED".equals(status);
        }
    }

    private final JdbcClient jdbc;
    private final Accounts accounts;
    private final Councils councils;
    private final Letters letters;
    private final Transactions transactions;
    private final AuditTrail audit;
    private final Clock clock;
    private final Reads reads;

    Returns(JdbcClient jdbc, Accounts accounts, Councils councils, Letters letters, Transactions transactions, AuditTrail audit,
            Clock clock, Reads reads) {
        this.jdbc = jdbc;
        this.reads = reads;
        this.accounts = accounts;
        this.councils = councils;
        this.letters = letters;
        this.transactions = transactions;
        this.audit = audit;
        this.clock = clock;
    }

    /** The council's last full period before today: for QUARTERLY on 23 November, 1 July to 30 September. */
    public static LocalDate[] lastFullPeriod(org.dphub.councils.ReturnPeriod period, LocalDate today) {
        int months = switch (period) {
            case MONTHLY -> 1;
            case QUARTERLY -> 3;
            case HALF_YEARLY -> 6;
            case YEARLY -> 12;
        };
        int monthIndex = (today.getMonthValue() - 1) / months * months; // start month (0-based) of the current period
        LocalDate currentStart = LocalDate.of(today.getYear(), monthIndex + 1, 1);
        LocalDate start = currentStart.minusMonths(months);
        return new LocalDate[] {start, currentStart.minusDays(1)};
    }

    /**
     * Finance asks every open bank-account holder of the council for a return for the last full
     * period, due in 28 days, with a friendly letter each. Asking again for the same period does
     * nothing more. Returns how many were asked.
     */
    @Transactional
    public int requestForLastPeriod(SignedInUser finance) {
        if (!finance.has(Role.FINANCE) || finance.councilId() == null) {
            throw new AccessDeniedException("Only finance officers ask for returns");
        }
        CouncilSettings settings = councils.settings(finance.councilId()).settings();
        LocalDate today = LocalDate.now(clock);
        LocalDate[] period = lastFullPeriod(settings.returnPeriod(), today);
        List<long[]> created = jdbc.sql("""
                        INSERT INTO financial_return (council_id, account_id, period_start, period_end, due_on, requested_by)
                        SELECT a.council_id, a.id, :start, :end, :due, :by
                        FROM dp_account a LEFT JOIN direct_payment dp ON dp.id = a.direct_payment_id
                        WHERE a.council_id = :c AND a.type = 'BANK_ACCOUNT' AND a.status = 'OPEN'
                          AND coalesce(dp.start_date, a.opened_on) <= :end
                        ON CONFLICT (account_id, period_start, period_end) DO NOTHING
                        RETURNING id, account_id""")
                .param("start", period[0]).param("end", period[1]).param("due", today.plusDays(28)).param("by", finance.username())
                .param("c", finance.councilId()).query((rs, row) -> new long[] {rs.getLong(1), rs.getLong(2)}).list();
        for (long[] made : created) {
            long citizenId = accounts.find(finance, made[1]).orElseThrow().account().citizenId();
            letters.send(finance, citizenId, LetterKind.RETURN_DUE, Map.of(
                    "period", settings.returnPeriod().name(), "from", period[0].toString(), "to", period[1].toString(),
                    "threshold", settings.receiptsThreshold().formatWithPence()));
        }
        audit.record(finance.councilId(), "financial_return", period[0] + "/" + period[1], AuditAction.CREATE, null,
                AuditTrail.values("periodStart", period[0].toString(), "periodEnd", period[1].toString(), "returns", created.size()));
        return created.size();
    }

    @Transactional(readOnly = true)
    public List<FinancialReturn> forCitizen(SignedInUser user, long citizenId) {
        // someone the user may not see is "not found", the same as someone who does not exist
        accounts.forCitizen(user, citizenId);
        return reads.get(forCitizenRead(citizenId)).stream().filter(r -> accounts.find(user, r.accountId()).isPresent()).toList();
    }

    private record ReturnsOf(long citizenId) {
    }

    private Read<List<FinancialReturn>> forCitizenRead(long citizenId) {
        return Read.list(new ReturnsOf(citizenId), SELECT + " WHERE a.citizen_id = :p ORDER BY r.period_start DESC", Map.of("p", citizenId),
                this::row);
    }

    /**
     * What the home page will read here for a person, to send with the other modules' reads: the rows
     * only; who may see them is checked as {@link #forCitizen} reads them.
     */
    public void readAhead(long citizenId, Reads.Together reads) {
        reads.add(forCitizenRead(citizenId));
    }

    @Transactional(readOnly = true)
    public Optional<FinancialReturn> find(SignedInUser user, long id) {
        return jdbc.sql(SELECT + " WHERE r.id = :id").param("id", id).query(this::row).optional()
                .filter(r -> accounts.find(user, r.accountId()).isPresent());
    }

    /** The period's transactions, newest first, to look over before confirming. */
    @Transactional(readOnly = true)
    public List<AccountTransaction> transactions(SignedInUser user, FinancialReturn r) {
        return transactions.forAccount(user, r.accountId()).stream()
                .filter(t -> !t.date().isBefore(r.periodStart()) && !t.date().isAfter(r.periodEnd())).toList();
    }

    /** The person (or someone acting for them) confirms the return. Once. */
    @Transactional
    public FinancialReturn confirm(SignedInUser user, long id) {
        FinancialReturn r = find(user, id).orElseThrow(NotFound::new);
        if (user.isStaff()) {
            throw new AccessDeniedException("The person confirms their own return");
        }
        if (r.confirmed()) {
            throw new Conflict("This return was confirmed already");
        }
        jdbc.sql("INSERT INTO financial_return_event (return_id, event, by_user) VALUES (:r, 'CONFIRMED', :by)")
                .param("r", id).param("by", user.username()).update();
        audit.record(accounts.find(user, r.accountId()).orElseThrow().account().councilId(), "financial_return", id,
                AuditAction.UPDATE, AuditTrail.values("status", r.status()), AuditTrail.values("status", "CONFIRMED"));
        return find(user, id).orElseThrow();
    }

    /** More time: 28 days from the current due date, with a reason if they want to give one. Always fine. */
    @Transactional
    public FinancialReturn moreTime(SignedInUser user, long id, String note) {
        FinancialReturn r = find(user, id).orElseThrow(NotFound::new);
        if (r.confirmed()) {
            throw new Conflict("This return was confirmed already");
        }
        LocalDate newDue = r.dueOn().plusDays(28);
        jdbc.sql("INSERT INTO financial_return_event (return_id, event, new_due_on, note, by_user) VALUES (:r, 'MORE_TIME', :d, :n, :by)")
                .param("r", id).param("d", newDue).param("n", note).param("by", user.username()).update();
        audit.record(accounts.find(user, r.accountId()).orElseThrow().account().councilId(), "financial_return", id,
                AuditAction.UPDATE, AuditTrail.values("dueOn", r.dueOn().toString()), AuditTrail.values("dueOn", newDue.toString(), "note", note));
        return find(user, id).orElseThrow();
    }

    private static final String SELECT = """
            SELECT r.id, r.account_id, a.citizen_id, r.council_id, r.period_start, r.period_end,
                   coalesce((SELECT e.new_due_on FROM financial_return_event e WHERE e.return_id = r.id AND e.event = 'MORE_TIME'
                             ORDER BY e.id DESC LIMIT 1), r.due_on) AS due_on,
                   CASE WHEN EXISTS (SELECT 1 FROM financial_return_event e WHERE e.return_id = r.id AND e.event = 'CONFIRMED')
                        THEN 'CONFIRMED' ELSE 'DUE' END AS status,
                   (SELECT coalesce(sum(t.amount_pence), 0) FROM account_transaction t WHERE t.account_id = r.account_id
                      AND t.amount_pence > 0 AND t.booked_on BETWEEN r.period_start AND r.period_end) AS money_in,
                   (SELECT coalesce(-sum(t.amount_pence), 0) FROM account_transaction t WHERE t.account_id = r.account_id
                      AND t.amount_pence < 0 AND t.booked_on BETWEEN r.period_start AND r.period_end) AS money_out,
                   (SELECT count(*) FROM account_transaction t WHERE t.account_id = r.account_id
                      AND t.booked_on BETWEEN r.period_start AND r.period_end) AS transactions
            FROM financial_return r JOIN dp_account a ON a.id = r.account_id""";

    private FinancialReturn row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new FinancialReturn(rs.getLong("id"), rs.getLong("account_id"), rs.getLong("citizen_id"),
                rs.getObject("period_start", LocalDate.class), rs.getObject("period_end", LocalDate.class),
                rs.getObject("due_on", LocalDate.class), rs.getString("status"), Money.ofPence(rs.getLong("money_in")),
                Money.ofPence(rs.getLong("money_out")), rs.getInt("transactions"),
                councils.settings(rs.getLong("council_id")).settings().receiptsThreshold());
    }
}
