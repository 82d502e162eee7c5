package org.dphub.monitoring;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.dphub.audit.AuditAction;
import org.dphub.audit.AuditTrail;
import org.dphub.monitoring.internal.TransactionRepository;
import org.dphub.payments.Accounts;
import org.dphub.plans.CarePlans;
import org.dphub.plans.PlanVersion;
import org.dphub.shared.Money;
import org.dphub.shared.SignedInUser;
import org.dphub.web.NotFound;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * An account's imported transactions, each with what it was for — said by the person (or staff),
 * or suggested from how they tagged similar spending before — and the way to say it.
 */
@Service
public class Transactions {

    static final int SHOWN = 500;

    private final TransactionRepository repository;
    private final Accounts accounts;
    private final CarePlans plans;
    private final AuditTrail audit;

    Transactions(TransactionRepository repository, Accounts accounts, CarePlans plans, AuditTrail audit) {
        this.repository = repository;
        this.accounts = accounts;
        this.plans = plans;
        this.audit = audit;
    }

    /** The newest transactions first, for those who may see the account's person. */
    @Transactional(readOnly = true)
    public List<AccountTransaction> forAccount(SignedInUser user, long accountId) {
        Accounts.Summary summary = accounts.find(user, accountId).orElseThrow(NotFound::new);
        List<TransactionRepository.Row> rows = repository.forAccount(accountId, SHOWN);
        Map<Long, PlanVersion> versions = new HashMap<>();
        plans.plansOf(user, summary.account().citizenId()).forEach(p -> p.versions().forEach(v -> versions.put(v.id(), v)));
        // what similar spending was tagged as before: the payee's first words → the newest tag
        Map<String, TransactionRepository.Row> learned = new HashMap<>();
        for (TransactionRepository.Row row : rows) {
            if (row.taggedBy() != null) {
                learned.putIfAbsent(payee(row.description()), row);
            }
        }
        return rows.stream().map(row -> {
            TransactionRepository.Row source = row;
            boolean suggested = false;
            if (row.taggedBy() == null && row.amountPence() < 0) {
                TransactionRepository.Row similar = learned.get(payee(row.description()));
                if (similar != null) {
                    source = similar;
                    suggested = true;
                }
            }
            TransactionRepository.Row from = source;
            Long lineId = from.planVersionId() == null || from.position() == null ? null
                    : AccountTransaction.budgetLineId(from.planVersionId(), from.position());
            String lineName = lineId == null ? null : Optional.ofNullable(versions.get(from.planVersionId()))
                    .filter(v -> from.position() <= v.budgetLines().size())
                    .map(v -> v.budgetLines().get(from.position() - 1).description()).orElse(null);
            return new AccountTransaction(row.id(), row.accountId(), row.date(), row.description(), Money.ofPence(row.amountPence()),
                    lineId, lineName, source.taggedBy() == null ? null : source.outcome(), suggested ? null : row.note(), suggested,
                    suggested ? null : row.taggedBy());
        }).toList();
    }

    /** The first two words of a description, lower case, without numbers: "TESCO STORES 2231" → "tesco stores". */
    static String payee(String description) {
        String[] words = description.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L} ]", " ").strip().split("\\s+");
        return words.length == 0 ? "" : words.length == 1 ? words[0] : words[0] + " " + words[1];
    }

    /**
     * Says what a transaction was for: a budget line of the plan in force on its date (by position),
     * an outcome (one of that plan's, or the person's own words) and a note. A new tag each time;
     * the old ones stay.
     */
    @Transactional
    public void tag(SignedInUser user, long transactionId, Integer budgetLinePosition, String outcome, String note) {
        long accountId = repository.accountOf(transactionId).orElseThrow(NotFound::new);
        Accounts.Summary summary = accounts.find(user, accountId).orElseThrow(NotFound::new);
        TransactionRepository.Row row = repository.find(transactionId).orElseThrow(NotFound::new);
        Long versionId = null;
        if (budgetLinePosition != null) {
            PlanVersion version = planInForce(user, summary.account().citizenId(), row.date())
                    .orElseThrow(() -> new org.dphub.web.ValidationProblem(List.of(new org.dphub.web.FormError("budgetLine",
                            "There is no plan in force on that date to link the spending to"))));
            if (budgetLinePosition < 1 || budgetLinePosition > version.budgetLines().size()) {
                throw new org.dphub.web.ValidationProblem(List.of(new org.dphub.web.FormError("budgetLine",
                        "Choose one of the plan's budget lines")));
            }
            versionId = version.id();
        }
        repository.tag(transactionId, versionId, budgetLinePosition, outcome, note, user.username());
        audit.record(summary.account().councilId(), "account_transaction", transactionId, AuditAction.UPDATE, null,
                AuditTrail.values("budgetLinePosition", budgetLinePosition, "outcome", outcome, "note", note));
    }

    /** The plan in force on a day for the account's person, with its budget lines (for the tagging form). */
    @Transactional(readOnly = true)
    public Optional<PlanVersion> planInForce(SignedInUser user, long citizenId, java.time.LocalDate day) {
        return plans.plansOf(user, citizenId).stream().map(p -> CarePlans.inForce(p.versions(), day))
                .filter(v -> !v.startDate().isAfter(day)).findFirst();
    }

    /** One transaction, with the plan in force on its date (its budget lines and outcomes to choose from). */
    public record ForTagging(AccountTransaction transaction, long citizenId, Optional<PlanVersion> plan) {
    }

    @Transactional(readOnly = true)
    public Optional<ForTagging> forTagging(SignedInUser user, long transactionId) {
        Optional<Long> accountId = repository.accountOf(transactionId);
        if (accountId.isEmpty()) {
            return Optional.empty();
        }
        Optional<Accounts.Summary> summary = accounts.find(user, accountId.get());
        if (summary.isEmpty()) {
            return Optional.empty();
        }
        long citizenId = summary.get().account().citizenId();
        return forAccount(user, accountId.get()).stream().filter(t -> t.id() == transactionId).findFirst()
                .map(t -> new ForTagging(t, citizenId, planInForce(user, citizenId, t.date())));
    }
}
