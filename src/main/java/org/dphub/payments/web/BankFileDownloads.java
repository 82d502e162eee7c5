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

    BankFileDownloads(BankFiles bankFiles) {
        this.bankFiles = bankFiles;
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
