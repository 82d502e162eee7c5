package org.dphub.payments.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.dphub.payments.BankFiles;
import org.dphub.shared.SignedInUser;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** The approved run's files, downloaded from its page (the API has the same at /api/v1/payment-runs/{id}/...). */
@Controller
class BankFileDownloads {

    private final BankFiles bankFiles;
    private final org.dphub.payments.PaymentRuns runs;

    BankFileDownloads(BankFiles bankFiles, org.dphub.payments.PaymentRuns runs) {
        this.bankFiles = bankFiles;
        this.runs = runs;
    }

    /** A provider's remittance for the approved run: each person's part by reference (issue 15). */
    @GetMapping("/payment-runs/{id}/remittance/{payoutId}.csv")
    void remittance(SignedInUser finance, @PathVariable long id, @PathVariable long payoutId, HttpServletResponse response)
            throws IOException {
        BankFiles.Ready ready = bankFiles.ready(finance, id);
        org.dphub.payments.PaymentRuns.Remittance remittance = runs.remittance(finance, id, payoutId);
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + ready.baseName() + "-remittance-"
                + payoutId + ".csv\"");
        bankFiles.writeRemittanceCsv(remittance, remittance.payout().accountNumberEnding() == null ? ""
                : bankFiles.providerReference(remittance.payout()), response.getWriter());
    }

    @GetMapping("/payment-runs/{id}/bank-file.xml")
    void bankFile(SignedInUser finance, @PathVariable long id, HttpServletResponse response) throws IOException {
        BankFiles.Ready ready = bankFiles.ready(finance, id);
        response.setContentType("application/xml");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + ready.baseName() + ".xml\"");
        bankFiles.writePain001(ready, response.getOutputStream());
    }

    @GetMapping("/payment-runs/{id}/summary.csv")
    void summary(SignedInUser finance, @PathVariable long id, HttpServletResponse response) throws IOException {
        BankFiles.Ready ready = bankFiles.ready(finance, id);
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + ready.baseName() + ".csv\"");
        bankFiles.writeCsv(ready, response.getWriter());
    }
}
