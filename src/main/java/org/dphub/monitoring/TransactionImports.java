package org.dphub.monitoring;

import java.io.InputStream;
import java.util.List;
import org.dphub.audit.AuditAction;
import org.dphub.audit.AuditTrail;
import org.dphub.monitoring.internal.TransactionImportRepository;
import org.dphub.payments.Account;
import org.dphub.payments.Accounts;
import org.dphub.payments.StatementPostings;
import org.dphub.shared.Role;
import org.dphub.shared.SignedInUser;
import org.dphub.web.FileProblem;
import org.dphub.web.NotFound;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Statements come in without paperwork: a finance officer imports a bank or card statement for
 * one account, or a provider's file for many. Whole or not at all; transactions already there
 * are skipped and counted; every bad line is named. Each new line reaches the account's ledger in
 * the same transaction ({@link StatementPostings}): spending is posted, the council's own payment
 * and payroll already in the ledger are matched, not counted twice.
 */
@Service
public class TransactionImports {

    private final TransactionImportRepository repository;
    private final Accounts accounts;
    private final AuditTrail audit;
    private final StatementPostings statementPostings;

    TransactionImports(TransactionImportRepository repository, Accounts accounts, AuditTrail audit,
                       StatementPostings statementPostings) {
        this.statementPostings = statementPostings;
        this.repository = repository;
        this.accounts = accounts;
        this.audit = audit;
    }

    public record Result(long importId, int imported, int duplicates) {
    }

    /** A statement of one account (a finance officer of its council). */
    @Transactional
    public Result importStatement(SignedInUser finance, long accountId, StatementFormat format, String mappingName,
                                  String filename, InputStream file) {
        requireFinance(finance);
        Account account = accounts.find(finance, accountId).map(Accounts.Summary::account)
                .filter(a -> finance.isStaffOf(a.councilId())).orElseThrow(NotFound::new);
        return run(finance, account.councilId(), account.id(), format, mappingName, filename, file);
    }

    /** A provider's file for many accounts of the finance officer's council (CSV with an account column). */
    @Transactional
    public Result importProviderFile(SignedInUser finance, StatementFormat format, String mappingName, String filename,
                                     InputStream file) {
        requireFinance(finance);
        if (format != StatementFormat.CSV) {
            throw FileProblem.of(0, "A provider's file for many accounts must be CSV with an account column.");
        }
        return run(finance, finance.councilId(), null, format, mappingName, filename, file);
    }

    private Result run(SignedInUser finance, long councilId, Long accountId, StatementFormat format, String mappingName,
                       String filename, InputStream file) {
        CsvMapping mapping = mappingName == null || mappingName.isBlank() || mappingName.equals(CsvMapping.GENERIC.name())
                ? CsvMapping.GENERIC
                : repository.mapping(councilId, mappingName).orElseThrow(() -> FileProblem.of(0,
                        "There is no saved column layout called \"" + mappingName + "\"."));
        long importId = repository.startImport(councilId, accountId, format.name(), mapping.name(), filename, finance.username());
        TransactionImportRepository.Staging staging = repository.stage();
        int lines;
        try {
            lines = switch (format) {
                case CSV -> CsvStatements.read(file, mapping, accountId == null, staging);
                case CAMT_053 -> Camt053Statements.read(file, staging);
            };
            staging.close();
        } catch (RuntimeException refused) {
            staging.cancel();
            throw refused;
        }
        if (accountId == null) {
            List<Object[]> unknown = repository.unknownAccounts(councilId, CsvStatements.MAX_ERRORS);
            if (!unknown.isEmpty()) {
                throw new FileProblem(unknown.stream().map(u -> new FileProblem.LineError((Integer) u[0],
                        "The account \"" + u[1] + "\" is not one of this council's direct payment accounts.")).toList());
            }
        }
        TransactionImportRepository.Inserted inserted = repository.insertStaged(councilId, importId, accountId);
        int imported = inserted.count();
        repository.finishImport(importId, lines, imported);
        // the new lines reach the ledger in the same transaction: the import and its postings are whole or nothing
        StatementPostings.Batch ledger = statementPostings.batch(councilId, finance.username());
        repository.forEachInserted(importId, inserted, line -> ledger.accept(new StatementPostings.Line(line.id(),
                line.accountId(), line.bookedOn(), line.amountPence(), line.description())));
        StatementPostings.Result posted = ledger.post("transaction-import:" + importId);
        audit.record(councilId, "transaction_import", importId, AuditAction.CREATE, null, AuditTrail.values(
                "accountId", accountId, "format", format.name(), "mapping", mapping.name(), "filename", filename,
                "lines", lines, "imported", imported, "duplicates", lines - imported,
                "postedToLedger", posted.posted(), "matchedInLedger", posted.matched()));
        return new Result(importId, imported, lines - imported);
    }

    /** A finance officer saves (a new version of) a bank's or provider's CSV layout. */
    @Transactional
    public void saveMapping(SignedInUser finance, CsvMapping mapping) {
        requireFinance(finance);
        repository.saveMapping(finance.councilId(), mapping, finance.username());
        audit.record(finance.councilId(), "csv_mapping", mapping.name(), AuditAction.CREATE, null, mapping);
    }

    private static void requireFinance(SignedInUser user) {
        if (!user.has(Role.FINANCE) || user.councilId() == null) {
            throw new AccessDeniedException("Only finance officers import statements");
        }
    }
}
