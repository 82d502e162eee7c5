package org.dphub.monitoring.web;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.dphub.monitoring.AccountTransaction;
import org.dphub.monitoring.StatementFormat;
import org.dphub.monitoring.TransactionImports;
import org.dphub.monitoring.Transactions;
import org.dphub.payments.Accounts;
import org.dphub.shared.SignedInUser;
import org.dphub.web.FileProblem;
import org.dphub.web.NotFound;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * Staff see an account's imported transactions; finance imports a statement for it. A refused
 * file shows every bad line, and nothing was imported.
 */
@Controller
class StatementPages {

    private final TransactionImports imports;
    private final Transactions transactions;
    private final Accounts accounts;

    StatementPages(TransactionImports imports, Transactions transactions, Accounts accounts) {
        this.imports = imports;
        this.transactions = transactions;
        this.accounts = accounts;
    }

    private Accounts.Summary summary(SignedInUser staff, long id) {
        return accounts.find(staff, id).filter(s -> staff.isStaffOf(s.account().councilId())).orElseThrow(NotFound::new);
    }

    @GetMapping("/accounts/{id}/transactions")
    String list(SignedInUser staff, @PathVariable long id, @RequestParam(defaultValue = "-1") int imported,
                @RequestParam(defaultValue = "-1") int duplicates, Model model) {
        model.addAttribute("s", summary(staff, id));
        List<AccountTransaction> list = transactions.forAccount(staff, id);
        model.addAttribute("transactions", list);
        model.addAttribute("imported", imported);
        model.addAttribute("duplicates", duplicates);
        return "monitoring/transactions";
    }

    @GetMapping("/accounts/{id}/statements/new")
    String form(SignedInUser finance, @PathVariable long id, Model model) {
        return showForm(model, summary(finance, id), "CSV", "", List.of());
    }

    @PostMapping("/accounts/{id}/statements/new")
    String upload(SignedInUser finance, @PathVariable long id, @RequestParam(required = false) MultipartFile file,
                  @RequestParam(defaultValue = "") String format, @RequestParam(defaultValue = "") String mapping, Model model)
            throws IOException {
        Accounts.Summary summary = summary(finance, id);
        StatementFormat kind;
        try {
            kind = StatementFormat.valueOf(format);
        } catch (IllegalArgumentException e) {
            return showForm(model, summary, format, mapping, List.of(new FileProblem.LineError(0, "Choose the kind of file: CSV or camt.053.")));
        }
        if (file == null || file.isEmpty()) {
            return showForm(model, summary, format, mapping, List.of(new FileProblem.LineError(0, "Choose a statement file to import.")));
        }
        try (InputStream in = file.getInputStream()) {
            TransactionImports.Result result = imports.importStatement(finance, id, kind, mapping.isBlank() ? null : mapping.strip(),
                    file.getOriginalFilename(), in);
            return "redirect:/accounts/" + id + "/transactions?imported=" + result.imported() + "&duplicates=" + result.duplicates();
        } catch (FileProblem refused) {
            return showForm(model, summary, format, mapping, refused.errors());
        }
    }

    private String showForm(Model model, Accounts.Summary summary, String format, String mapping, List<FileProblem.LineError> problems) {
        model.addAttribute("s", summary);
        model.addAttribute("format", format);
        model.addAttribute("mapping", mapping);
        model.addAttribute("problems", problems);
        model.addAttribute("formats", StatementFormat.values());
        return "monitoring/import";
    }
}
