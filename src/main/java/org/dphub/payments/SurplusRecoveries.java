package org.dphub.payments;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.dphub.audit.AuditAction;
import org.dphub.audit.AuditTrail;
import org.dphub.letters.LetterDraft;
import org.dphub.letters.LetterKind;
import org.dphub.letters.Letters;
import org.dphub.payments.internal.AccountRepository;
import org.dphub.payments.internal.RecoveryRepository;
import org.dphub.shared.Money;
import org.dphub.shared.Role;
import org.dphub.shared.SignedInUser;
import org.dphub.shared.database.Reads;
import org.dphub.web.FormError;
import org.dphub.web.NotFound;
import org.dphub.web.ValidationProblem;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A finance officer takes back money left over (never more than the surplus, worked out while the
 * account is locked so two officers cannot both take the same money). The person gets a plain,
 * friendly SURPLUS_RECOVERED letter (from {@code letters}) in their language, by their channel,
 * that shows the working and says how to ask for it back; the recovery keeps the letter's text as
 * it was written, and the letter is written once per recovery ({@code surplus-recovery:{id}}).
 */
@Service
public class SurplusRecoveries {

    private final Accounts accounts;
    private final AccountRepository accountRows;
    private final RecoveryRepository recoveries;
    private final Ledger ledger;
    private final Letters letters;
    private final AuditTrail audit;
    private final Clock clock;

    SurplusRecoveries(Accounts accounts, AccountRepository accountRows, RecoveryRepository recoveries, Ledger ledger,
                      Letters letters, AuditTrail audit, Clock clock) {
        this.accounts = accounts;
        this.accountRows = accountRows;
        this.recoveries = recoveries;
        this.ledger = ledger;
        this.letters = letters;
        this.audit = audit;
        this.clock = clock;
    }

    public record Recovered(SurplusRecovery recovery, boolean created) {
    }

    /**
     * Recovers {@code amount} from the account: at most its surplus, by a finance officer of its
     * council. With a request key, the same request again returns the first recovery and changes nothing.
     */
    @Transactional
    public Recovered recover(SignedInUser finance, long accountId, Money amount, String reason, String requestKey) {
        if (!finance.has(Role.FINANCE)) {
            throw new AccessDeniedException("Only finance officers recover money left over");
        }
        Account account = accounts.find(finance, accountId).orElseThrow(NotFound::new).account();
        if (!finance.isStaffOf(account.councilId())) {
            throw new NotFound();
        }
        if (requestKey != null) {
            Optional<SurplusRecovery> before = recoveries.byRequestKey(account.councilId() + ":" + requestKey);
            if (before.isPresent()) {
                if (before.get().accountId() != accountId || !before.get().amount().equals(amount)) {
                    throw new org.dphub.web.Conflict("This Idempotency-Key was used for a different recovery");
                }
                return new Recovered(before.get(), false);
            }
        }
        // one writer at a time per account: the surplus cannot be taken twice by two officers at once
        accountRows.lock(accountId);
        Accounts.Summary summary = accounts.find(finance, accountId).orElseThrow(NotFound::new);
        Money surplus = summary.surplus().surplus();
        if (amount.isNegative() || amount.isZero()) {
            throw new ValidationProblem(List.of(new FormError("amountPence", "Enter an amount more than £0")));
        }
        if (amount.compareTo(surplus) > 0) {
            throw new ValidationProblem(List.of(new FormError("amountPence", surplus.isZero()
                    ? "There is no money left over in this account, so nothing can be recovered"
                    : "Enter " + surplus.formatWithPence() + " or less: that is the money left over in this account")));
        }
        LocalDate today = LocalDate.now(clock);
        LetterDraft letter = letters.draft(finance, account.citizenId(), LetterKind.SURPLUS_RECOVERED, letterValues(summary, amount,
                reason, today));
        Locale locale = Locale.forLanguageTag(letter.language());
        long id = recoveries.insert(account.councilId(), accountId, amount, surplus, reason, locale.getLanguage(), letter.body(),
                today, finance.username(), requestKey == null ? null : account.councilId() + ":" + requestKey);
        SurplusRecovery recovery = recoveries.find(id).orElseThrow();
        letters.write(finance, letter, "surplus-recovery:" + id);
        ledger.post(Posting.recovery(account.councilId(), recovery.idempotencyKey(), accountId, amount, today,
                "Money left over given back to the council"));
        audit.record(account.councilId(), "surplus_recovery", id, AuditAction.CREATE, null, AuditTrail.values(
                "accountId", accountId, "amount", amount.formatWithPence(), "surplus", surplus.formatWithPence(),
                "reason", reason, "letterLanguage", locale.getLanguage()));
        return new Recovered(recovery, true);
    }

    @Transactional(readOnly = true)
    public List<SurplusRecovery> forAccount(SignedInUser user, long accountId) {
        accounts.visibleAccount(user, accountId).orElseThrow(NotFound::new);
        return recoveries.forAccount(accountId);
    }

    /**
     * What {@link #forAccount} will read, to send with a page's other reads; who may see it is
     * checked as {@link #forAccount} reads it.
     */
    public void readAhead(long accountId, Reads.Together reads) {
        reads.add(recoveries.forAccountRead(accountId));
    }

    /** What the SURPLUS_RECOVERED letter fills in: the working, what was taken back and when, and why. */
    private static Map<String, String> letterValues(Accounts.Summary summary, Money amount, String reason, LocalDate today) {
        SurplusCalculation s = summary.surplus();
        return Map.of("balance", s.balance().formatWithPence(), "committed", s.committed().formatWithPence(),
                "weeks", String.valueOf(s.surplusWeeks()), "keep", s.keep().formatWithPence(), "surplus", s.surplus().formatWithPence(),
                "amount", amount.formatWithPence(), "date", today.toString(), "reason", reason);
    }
}
