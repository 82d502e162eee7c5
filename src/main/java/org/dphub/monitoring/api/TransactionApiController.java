package org.dphub.monitoring.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.dphub.monitoring.AccountTransaction;
import org.dphub.monitoring.CsvMapping;
import org.dphub.monitoring.StatementFormat;
import org.dphub.monitoring.TransactionImports;
import org.dphub.monitoring.Transactions;
import org.dphub.shared.SignedInUser;
import org.dphub.web.FileProblem;
import org.dphub.web.FormErrors;
import org.springframework.context.MessageSource;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

@RestController
@Tag(name = "Monitoring")
class TransactionApiController {

    record ImportJson(long importId, int imported, int duplicates) {
    }

    record TransactionJson(long id, LocalDate date, String description, long amountPence, Long budgetLineId, String budgetLine,
                           String outcome, String note, boolean suggested) {
        static TransactionJson of(AccountTransaction t) {
            return new TransactionJson(t.id(), t.date(), t.description(), t.amount().pence(), t.budgetLineId(), t.budgetLine(),
                    t.outcome(), t.note(), t.suggested());
        }
    }

    record TagJson(Integer budgetLinePosition, String outcome, String note) {
    }

    record MappingJson(String date, String description, String amount, String transactionId, String account) {
    }

    private final TransactionImports imports;
    private final Transactions transactions;
    private final MessageSource messages;

    TransactionApiController(TransactionImports imports, Transactions transactions, MessageSource messages) {
        this.imports = imports;
        this.transactions = transactions;
        this.messages = messages;
    }

    @PostMapping(path = "/api/v1/accounts/{id}/transaction-imports", consumes = "multipart/form-data")
    @PreAuthorize("hasRole('FINANCE')")
    @Operation(summary = "Import a statement for one account: format CSV (header row: date, description, amount, optional "
            + "transaction_id; or a saved mapping) or CAMT_053. Whole or nothing; duplicates skipped and counted.")
    ResponseEntity<ImportJson> importStatement(SignedInUser finance, @PathVariable long id, @RequestParam(required = false) MultipartFile file,
                                               @RequestParam(required = false) String format,
                                               @RequestParam(required = false) String mapping) throws IOException {
        StatementFormat kind = format(format);
        try (InputStream in = file(file).getInputStream()) {
            TransactionImports.Result result = imports.importStatement(finance, id, kind, mapping, file.getOriginalFilename(), in);
            return ResponseEntity.created(URI.create("/api/v1/accounts/" + id + "/transactions"))
                    .body(new ImportJson(result.importId(), result.imported(), result.duplicates()));
        }
    }

    @PostMapping(path = "/api/v1/transaction-imports", consumes = "multipart/form-data")
    @PreAuthorize("hasRole('FINANCE')")
    @Operation(summary = "Import a provider's CSV for many accounts: as the statement layout plus an account column "
            + "(the account number, or the card reference DPHUB 123)")
    ResponseEntity<ImportJson> importProviderFile(SignedInUser finance, @RequestParam(required = false) MultipartFile file,
                                                  @RequestParam(required = false) String format,
                                                  @RequestParam(required = false) String mapping) throws IOException {
        StatementFormat kind = format == null ? StatementFormat.CSV : format(format);
        try (InputStream in = file(file).getInputStream()) {
            TransactionImports.Result result = imports.importProviderFile(finance, kind, mapping, file.getOriginalFilename(), in);
            return ResponseEntity.status(201).body(new ImportJson(result.importId(), result.imported(), result.duplicates()));
        }
    }

    @PutMapping("/api/v1/csv-mappings/{name}")
    @PreAuthorize("hasRole('FINANCE')")
    @Operation(summary = "Save a bank's or provider's CSV layout: which header holds the date, description, amount, "
            + "transaction id and account")
    MappingJson saveMapping(SignedInUser finance, @PathVariable String name, @RequestBody MappingJson body) {
        FormErrors errors = new FormErrors(messages, Locale.ENGLISH);
        if (!name.matches("[a-z0-9][a-z0-9-]{0,39}")) {
            errors.reject("name", "monitoring.error.mapping-name");
        }
        String date = errors.text("date", body.date(), 100, true, "monitoring.label.column.date");
        String description = errors.text("description", body.description(), 100, true, "monitoring.label.column.description");
        String amount = errors.text("amount", body.amount(), 100, true, "monitoring.label.column.amount");
        String transactionId = errors.text("transactionId", body.transactionId(), 100, false, "monitoring.label.column.transaction-id");
        String account = errors.text("account", body.account(), 100, false, "monitoring.label.column.account");
        errors.throwIfAny();
        imports.saveMapping(finance, new CsvMapping(name, date, description, amount, emptyToNull(transactionId), emptyToNull(account)));
        return body;
    }

    @GetMapping("/api/v1/accounts/{id}/transactions")
    @Operation(summary = "The account's imported transactions, newest first, with what each was for (or a suggestion)")
    List<TransactionJson> list(SignedInUser user, @PathVariable long id) {
        return transactions.forAccount(user, id).stream().map(TransactionJson::of).toList();
    }

    @PostMapping("/api/v1/transactions/{id}/tags")
    @Operation(summary = "Say what a transaction was for: a budget line of the plan (its position), an outcome, a note")
    ResponseEntity<Void> tag(SignedInUser user, @PathVariable long id, @RequestBody TagJson body) {
        FormErrors errors = new FormErrors(messages, Locale.ENGLISH);
        String outcome = errors.text("outcome", body.outcome(), 1000, false, "monitoring.label.outcome");
        String note = errors.text("note", body.note(), 1000, false, "monitoring.label.note");
        errors.throwIfAny();
        transactions.tag(user, id, body.budgetLinePosition(), emptyToNull(outcome), emptyToNull(note));
        return ResponseEntity.noContent().build();
    }

    private static MultipartFile file(MultipartFile file) {
        if (file == null || file.isEmpty()) {
            throw FileProblem.of(0, "Choose a file to import. The file sent was empty.");
        }
        return file;
    }

    private static StatementFormat format(String format) {
        try {
            return StatementFormat.valueOf(format == null ? "" : format.strip());
        } catch (IllegalArgumentException e) {
            throw FileProblem.of(0, "Say which format the file is: CSV or CAMT_053.");
        }
    }

    private static String emptyToNull(String text) {
        return text == null || text.isEmpty() ? null : text;
    }
}
