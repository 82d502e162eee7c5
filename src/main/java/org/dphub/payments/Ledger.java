package org.dphub.payments;

import java.time.LocalDate;
import java.util.List;
import org.dphub.audit.AuditAction;
import org.dphub.audit.AuditTrail;
import org.dphub.payments.internal.LedgerRepository;
import org.dphub.shared.Money;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The append-only double-entry ledger. Every write is idempotent (by its key) and atomic (the
 * transaction and its legs commit together, and the database checks they add up to zero).
 */
@Service
public class Ledger {

    private final LedgerRepository repository;
    private final AuditTrail audit;

    Ledger(LedgerRepository repository, AuditTrail audit) {
        this.repository = repository;
        this.audit = audit;
    }

    /** Posts the transaction; returns false, and changes nothing, if its key was posted before. */
    @Transactional
    public boolean post(Posting posting) {
        boolean posted = repository.insert(posting, AuditTrail.currentActor());
        if (posted) {
            audit.record(posting.councilId(), "ledger_transaction", posting.idempotencyKey(), AuditAction.CREATE, null,
                    AuditTrail.values("kind", posting.kind().name(), "postedOn", posting.postedOn().toString(),
                            "description", posting.description(),
                            "legs", posting.legs().stream().map(l -> l.book() + (l.accountId() == null ? "" : ":" + l.accountId())
                                    + " " + l.amount().formatWithPence()).toList()));
        }
        return posted;
    }

    /** Everything ever posted to the account, including money on its way for a later day. */
    @Transactional(readOnly = true)
    public Money balance(long accountId) {
        return repository.balance(accountId);
    }

    /** The money in the account at the end of {@code day}: what was posted on or before it. */
    @Transactional(readOnly = true)
    public Money balanceOn(long accountId, LocalDate day) {
        return repository.balanceOn(accountId, day);
    }

    @Transactional(readOnly = true)
    public List<LedgerEntry> entries(long accountId) {
        return repository.entries(accountId);
    }

    /** The day the transaction with this key is posted on, if it is on the ledger. */
    @Transactional(readOnly = true)
    public java.util.Optional<LocalDate> paidOn(String idempotencyKey) {
        return repository.paidOn(idempotencyKey);
    }
}
