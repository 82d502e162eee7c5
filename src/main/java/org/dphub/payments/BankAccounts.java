package org.dphub.payments;

import java.util.Optional;
import org.dphub.audit.AuditAction;
import org.dphub.audit.AuditTrail;
import org.dphub.payments.internal.BankDetailsRepository;
import org.dphub.shared.Role;
import org.dphub.shared.SignedInUser;
import org.dphub.web.NotFound;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Where each account is paid, and the council's own account the payments come from. Every change
 * is a new row (the old details stay, for the trail); the audit records who changed them.
 */
@Service
public class BankAccounts {

    private final BankDetailsRepository repository;
    private final Accounts accounts;
    private final AuditTrail audit;

    BankAccounts(BankDetailsRepository repository, Accounts accounts, AuditTrail audit) {
        this.repository = repository;
        this.accounts = accounts;
        this.audit = audit;
    }

    /** Finance or the direct payments team records where an account of their council is paid. */
    @Transactional
    public BankDetails record(SignedInUser staff, long accountId, BankDetails details) {
        Account account = accounts.find(staff, accountId).orElseThrow(NotFound::new).account();
        if (!staff.isStaffOf(account.councilId()) || !(staff.has(Role.FINANCE) || staff.has(Role.DP_TEAM))) {
            throw new AccessDeniedException("Only finance officers and the direct payments team change bank details");
        }
        Optional<BankDetails> before = repository.current(accountId);
        if (before.isPresent() && before.get().equals(details)) {
            return details; // the same details again: nothing to record
        }
        long id = repository.insert(account.councilId(), "PAYEE", accountId, details, staff.username());
        audit.record(account.councilId(), "bank_details", id, AuditAction.CREATE,
                before.map(BankAccounts::auditValues).orElse(null),
                auditValues(details));
        return details;
    }

    @Transactional(readOnly = true)
    public Optional<BankDetails> current(SignedInUser user, long accountId) {
        accounts.find(user, accountId).orElseThrow(NotFound::new);
        return repository.current(accountId);
    }

    /** The council's own accounts: the one payments come from, and where prepaid cards are loaded. */
    public enum CouncilAccount { COUNCIL_ACCOUNT, CARD_PROVIDER }

    /** A finance officer records one of the council's own accounts. */
    @Transactional
    public BankDetails recordCouncilAccount(SignedInUser finance, CouncilAccount which, BankDetails details) {
        if (!finance.has(Role.FINANCE) || finance.councilId() == null) {
            throw new AccessDeniedException("Only finance officers change the council's bank accounts");
        }
        Optional<BankDetails> before = repository.councilAccount(finance.councilId(), which.name());
        if (before.isPresent() && before.get().equals(details)) {
            return details;
        }
        long id = repository.insert(finance.councilId(), which.name(), null, details, finance.username());
        audit.record(finance.councilId(), "bank_details", id, AuditAction.CREATE,
                before.map(BankAccounts::auditValues).orElse(null), auditValues(details));
        return details;
    }

    @Transactional(readOnly = true)
    public Optional<BankDetails> councilAccount(SignedInUser staff, CouncilAccount which) {
        return staff.isStaff() ? repository.councilAccount(staff.councilId(), which.name()) : Optional.empty();
    }

    /**
     * Where the account is paid: its own details, or for a prepaid card with none, the council's
     * card provider with the account's number as the reference.
     */
    @Transactional(readOnly = true)
    public Optional<BankDetails> payee(SignedInUser user, long accountId) {
        Account account = accounts.find(user, accountId).orElseThrow(NotFound::new).account();
        return repository.current(accountId).or(() -> account.type() == org.dphub.plans.AccountType.PREPAID_CARD
                ? repository.councilAccount(account.councilId(), CouncilAccount.CARD_PROVIDER.name())
                        .map(d -> new BankDetails(d.accountName(), d.sortCode(), d.accountNumber(), cardReference(accountId)))
                : Optional.empty());
    }

    /** The prepaid card's reference at the card provider. */
    public static String cardReference(long accountId) {
        return "DPHUB " + accountId;
    }

    /**
     * A provider's bank account, where the council's payment runs pay it (issue 15), keyed by its
     * directory organisation. The directory has checked that {@code provider} runs that organisation;
     * {@code councilId} is the organisation's council. Checked as the council's own accounts are.
     */
    @Transactional
    public BankDetails recordProviderAccount(SignedInUser provider, long councilId, java.util.UUID organizationId,
                                             String organizationName, BankDetails details) {
        if (!provider.has(Role.PROVIDER)) {
            throw new AccessDeniedException("Only the provider records where it is paid");
        }
        Optional<BankDetails> before = repository.providerAccount(organizationId);
        if (before.isPresent() && before.get().equals(details)) {
            return details;
        }
        long id = repository.insertForProvider(councilId, organizationId, details, provider.username());
        java.util.Map<String, Object> after = new java.util.LinkedHashMap<>(auditValues(details));
        after.put("provider", organizationName);
        after.put("organizationId", organizationId.toString());
        audit.record(councilId, "bank_details", id, AuditAction.CREATE,
                before.map(BankAccounts::auditValues).orElse(null), after);
        return details;
    }

    /** Where the provider is paid, if it has said (pages show the last four digits only). */
    @Transactional(readOnly = true)
    public Optional<BankDetails> providerAccount(java.util.UUID organizationId) {
        return repository.providerAccount(organizationId);
    }

    /** Details recorded while loading data (demo, benchmarks), with no one signed in. */
    @Transactional
    public void recordAtSetUp(long councilId, String purpose, Long accountId, BankDetails details) {
        repository.insert(councilId, purpose, accountId, details, "set-up");
    }

    /** A directory organisation's bank account recorded while loading data (demo, benchmarks), with no one signed in. */
    @Transactional
    public void recordProviderAtSetUp(long councilId, java.util.UUID organizationId, BankDetails details) {
        repository.insertForProvider(councilId, organizationId, details, "set-up");
    }

    /** The whole account number is not written into the audit trail; the last four digits say which one. */
    private static java.util.Map<String, Object> auditValues(BankDetails d) {
        return AuditTrail.values("accountName", d.accountName(), "sortCode", d.sortCodeForPeople(),
                "accountNumberEnding", d.accountNumberEnding(), "reference", d.reference());
    }
}
