package org.dphub.payments;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.dphub.audit.AuditAction;
import org.dphub.audit.AuditTrail;
import org.dphub.councils.Council;
import org.dphub.councils.Councils;
import org.dphub.payments.internal.AccountRepository;
import org.dphub.payments.internal.RecoveryRepository;
import org.dphub.people.Citizen;
import org.dphub.people.Citizens;
import org.dphub.shared.Money;
import org.dphub.shared.Role;
import org.dphub.shared.SignedInUser;
import org.dphub.web.FormError;
import org.dphub.web.NotFound;
import org.dphub.web.ValidationProblem;
import org.springframework.context.MessageSource;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A finance officer takes back money left over (never more than the surplus, worked out while the
 * account is locked so two officers cannot both take the same money). The person gets a plain,
 * friendly letter in their language that shows the working and says how to ask for it back.
 */
@Service
public class SurplusRecoveries {

    private final Accounts accounts;
    private final AccountRepository accountRows;
    private final RecoveryRepository recoveries;
    private final Ledger ledger;
    private final Citizens citizens;
    private final Councils councils;
    private final MessageSource messages;
    private final AuditTrail audit;
    private final Clock clock;

    SurplusRecoveries(Accounts accounts, AccountRepository accountRows, RecoveryRepository recoveries, Ledger ledger,
                      Citizens citizens, Councils councils, MessageSource messages, AuditTrail audit, Clock clock) {
        this.accounts = accounts;
        this.accountRows = accountRows;
        this.recoveries = recoveries;
        this.ledger = ledger;
        this.citizens = citizens;
        this.councils = councils;
        this.messages = messages;
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
        Citizen citizen = citizens.find(finance, account.citizenId()).orElseThrow(NotFound::new);
        Council council = councils.findById(account.councilId()).orElseThrow();
        Locale locale = "cy".equals(citizen.preferredLanguage()) ? Locale.forLanguageTag("cy") : Locale.ENGLISH;
        LocalDate today = LocalDate.now(clock);
        String letter = letter(locale, citizen, council, summary, amount, reason, today);
        long id = recoveries.insert(account.councilId(), accountId, amount, surplus, reason, locale.getLanguage(), letter,
                today, finance.username(), requestKey == null ? null : account.councilId() + ":" + requestKey);
        SurplusRecovery recovery = recoveries.find(id).orElseThrow();
        ledger.post(Posting.recovery(account.councilId(), recovery.idempotencyKey(), accountId, amount, today,
                "Money left over given back to the council"));
        audit.record(account.councilId(), "surplus_recovery", id, AuditAction.CREATE, null, AuditTrail.values(
                "accountId", accountId, "amount", amount.formatWithPence(), "surplus", surplus.formatWithPence(),
                "reason", reason, "letterLanguage", locale.getLanguage()));
        return new Recovered(recovery, true);
    }

    @Transactional(readOnly = true)
    public List<SurplusRecovery> forAccount(SignedInUser user, long accountId) {
        accounts.find(user, accountId).orElseThrow(NotFound::new);
        return recoveries.forAccount(accountId);
    }

    private String letter(Locale locale, Citizen citizen, Council council, Accounts.Summary summary, Money amount,
                          String reason, LocalDate today) {
        SurplusCalculation s = summary.surplus();
        String councilName = locale.getLanguage().equals("cy") ? council.nameCy() : council.name();
        DateTimeFormatter date = DateTimeFormatter.ofPattern("d MMMM yyyy", locale);
        StringBuilder text = new StringBuilder();
        text.append(message(locale, "recovery.letter.dear", citizen.givenName())).append("\n\n");
        text.append(message(locale, "recovery.letter.why", s.balance().formatWithPence(), s.committed().formatWithPence(),
                s.surplusWeeks(), s.keep().formatWithPence(), s.surplus().formatWithPence())).append("\n\n");
        text.append(message(locale, "recovery.letter.what", amount.formatWithPence(), date.format(today))).append("\n\n");
        text.append(message(locale, "recovery.letter.reason", reason)).append("\n\n");
        text.append(message(locale, "recovery.letter.plan")).append("\n\n");
        text.append(message(locale, "recovery.letter.wrong")).append("\n\n");
        text.append(message(locale, "recovery.letter.thanks")).append("\n");
        text.append(message(locale, "recovery.letter.from", councilName));
        return text.toString();
    }

    private String message(Locale locale, String key, Object... args) {
        return messages.getMessage(key, args, locale);
    }
}
