package org.dphub.payments;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.dphub.audit.AuditAction;
import org.dphub.audit.AuditTrail;
import org.dphub.payments.internal.StatementPostingRepository;
import org.dphub.payments.internal.StatementPostingRepository.MatchedAs;
import org.dphub.shared.Money;
import org.dphub.shared.SignedInUser;
import org.dphub.shared.database.Reads;
import org.dphub.web.NotFound;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Lines of bank and card statements reach the ledger, many at once, so an account's balance is
 * always the ledger's sum (STYLE.md, how data flows 4). A line that is money the ledger already
 * holds is matched to it, not posted again:
 * <ul>
 *   <li>money in: the account's council payment (FUNDING) of the same amount, dated within
 *       {@value StatementPostingRepository#FUNDING_DAYS} days either side of the line;</li>
 *   <li>money out: payroll posted from dphub (a PA's net pay, HMRC, the pension scheme) or a
 *       recovery, of the same account and amount, the line dated from
 *       {@value StatementPostingRepository#PAID_EARLY_DAYS} days before to
 *       {@value StatementPostingRepository#PAID_LATE_DAYS} days after it.</li>
 * </ul>
 * Every other line is posted once, by the key {@code statement:{line id}}: money out as SPENDING,
 * money in (a refund, the person's own contribution) as MONEY_IN. A match is a row of its own
 * ({@code ledger_statement_match}); nothing in the ledger is ever changed.
 *
 * <p>Built for a provider's file of a million lines: lines go to the database by {@code COPY} as
 * they come, matching and posting are a few set-based statements, and the whole import is one
 * audit record, not one per posting.
 */
@Service
public class StatementPostings {

    /** How many bytes of lines are copied at a time. */
    static final int CHUNK = 1 << 20;

    private final StatementPostingRepository repository;
    private final Accounts accounts;
    private final AuditTrail audit;

    StatementPostings(StatementPostingRepository repository, Accounts accounts, AuditTrail audit) {
        this.repository = repository;
        this.accounts = accounts;
        this.audit = audit;
    }

    /**
     * One statement line: {@code statementLineId} is the importing module's own id for it (it
     * makes the ledger key), money out is negative.
     */
    public record Line(long statementLineId, long accountId, LocalDate bookedOn, long amountPence, String description) {
    }

    /** What became of the lines. */
    public record Result(int spending, Money spent, int moneyIn, Money paidIn, int matchedFunding, int matchedPayroll,
                         int matchedRecovery) {

        static final Result NOTHING = new Result(0, Money.ZERO, 0, Money.ZERO, 0, 0, 0);

        public int posted() {
            return spending + moneyIn;
        }

        public int matched() {
            return matchedFunding + matchedPayroll + matchedRecovery;
        }
    }

    /**
     * Starts a batch in the caller's transaction: give it every line, then {@link Batch#post}. The
     * lines are posted with the transaction or not at all.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Batch batch(long councilId, String postedBy) {
        repository.prepare();
        return new Batch(councilId, postedBy);
    }

    /** Lines for one council's accounts; used on one thread, inside the transaction that made it. */
    public final class Batch implements Consumer<Line> {
        private final long councilId;
        private final String postedBy;
        private final StringBuilder rows = new StringBuilder(CHUNK + 4096);
        private int lines;

        private Batch(long councilId, String postedBy) {
            this.councilId = councilId;
            this.postedBy = postedBy;
        }

        @Override
        public void accept(Line line) {
            rows.append(line.statementLineId()).append('\t').append(line.accountId()).append('\t').append(line.bookedOn())
                    .append('\t').append(line.amountPence()).append('\t');
            escape(line.description());
            rows.append('\n');
            lines++;
            if (rows.length() >= CHUNK) {
                repository.copy(rows);
                rows.setLength(0);
            }
        }

        private void escape(String text) {
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                switch (c) {
                    case '\\' -> rows.append("\\\\");
                    case '\t' -> rows.append("\\t");
                    case '\n' -> rows.append("\\n");
                    case '\r' -> rows.append("\\r");
                    default -> rows.append(c);
                }
            }
        }

        /**
         * Matches and posts every line given; {@code source} names where they came from in the audit
         * trail (for example {@code transaction-import:42}). Refuses a line on another council's account.
         */
        public Result post(String source) {
            if (!TransactionSynchronizationManager.isActualTransactionActive()) {
                throw new IllegalStateException("Statement lines are posted inside the import's transaction");
            }
            repository.copy(rows);
            rows.setLength(0);
            if (lines == 0) {
                return Result.NOTHING;
            }
            repository.lineOnAnotherCouncilsAccount(councilId).ifPresent(line -> {
                throw new IllegalArgumentException("Statement line " + line + " is not on one of council " + councilId + "'s accounts");
            });
            Map<MatchedAs, Integer> matched = repository.match(councilId);
            StatementPostingRepository.Posted posted = repository.postUnmatched(councilId, postedBy);
            Result result = new Result(posted.spending(), Money.ofPence(posted.spendingPence()), posted.moneyIn(),
                    Money.ofPence(posted.moneyInPence()), matched.get(MatchedAs.FUNDING), matched.get(MatchedAs.PAYROLL),
                    matched.get(MatchedAs.RECOVERY));
            audit.record(councilId, "ledger_statement_lines", source, AuditAction.CREATE, null, AuditTrail.values(
                    "lines", lines, "spending", result.spending(), "spent", result.spent().formatWithPence(),
                    "moneyIn", result.moneyIn(), "paidIn", result.paidIn().formatWithPence(),
                    "matchedToCouncilPayments", result.matchedFunding(), "matchedToPayroll", result.matchedPayroll(),
                    "matchedToRecoveries", result.matchedRecovery()));
            return result;
        }
    }

    /**
     * How an account's ledger and its statements tell one story: whether any statement has come in,
     * and the payroll dphub posted that no statement line shows yet (newest first).
     */
    public record Story(boolean statementsIn, List<LedgerEntry> payrollNotOnAStatement) {

        public Money payrollNotOnAStatementTotal() {
            return payrollNotOnAStatement.stream().map(e -> e.amount().negate()).reduce(Money.ZERO, Money::plus);
        }
    }

    /** The story of an account its person's side or the council's staff may see; else 404. */
    @Transactional(readOnly = true)
    public Story story(SignedInUser user, long accountId) {
        Account account = accounts.visibleAccount(user, accountId).orElseThrow(NotFound::new);
        return new Story(repository.anyStatementLine(account.id()), repository.payrollNotOnAStatement(account.id()));
    }

    /**
     * What {@link #story} will read for this account, to send with a page's other reads; who may see
     * it is checked as {@link #story} reads it.
     */
    public void readAhead(long accountId, Reads.Together reads) {
        reads.add(repository.anyStatementLineRead(accountId)).add(repository.payrollNotOnAStatementRead(accountId));
    }
}
