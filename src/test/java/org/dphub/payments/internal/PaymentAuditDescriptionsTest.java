package org.dphub.payments.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dphub.support.AuditEvents.english;
import static org.dphub.support.AuditEvents.event;
import static org.dphub.support.AuditEvents.welsh;

import java.util.List;
import java.util.Map;
import org.dphub.audit.AuditAction;
import org.junit.jupiter.api.Test;

/** Money changes said in words: amounts in pounds, dates as people read them, the account's person. */
class PaymentAuditDescriptionsTest {

    final PaymentAuditDescriptions describe = new PaymentAuditDescriptions();

    @Test
    void spendingSaysHowMuchFromWhoseAccountAndWhat() {
        var spending = event("ledger_transaction", "demo-spending:56:7", AuditAction.CREATE, null, Map.of("kind", "SPENDING",
                "legs", List.of("ACCOUNT:56 -£300.39", "SPENDING:56 £300.39"), "postedOn", "2026-11-30",
                "description", "Personal assistant wages"));

        assertThat(describe.describe(spending, english())).hasValue(
                "Priya Shah recorded spending of £300.39 from Emily Smith's account on 30 November 2026: “Personal assistant wages”");
        assertThat(describe.describe(spending, welsh())).hasValue(
                "Cofnodwyd gwariant o £300.39 o gyfrif Emily Smith gan Priya Shah ar 30 Tachwedd 2026: ‘Personal assistant wages’");
    }

    @Test
    void anAccountOpenedSaysTheRegularPaymentInWords() {
        var opened = event("dp_account", 56, AuditAction.CREATE, null, Map.of("type", "MANAGED_ACCOUNT",
                "regularPayment", "£385.12", "directPaymentId", 58, "firstPaymentDate", "2026-05-11", "paymentFrequency", "FOUR_WEEKLY"));

        assertThat(describe.describe(opened, english("The system"))).hasValue(
                "The system opened someone's account for their direct payment (a managed account): £385.12 every 4 weeks, the first on 11 May 2026");
    }

    @Test
    void bankDetailsKeepOnlyTheLastFourDigitsAndTheCouncilsOwnAccountHasNoPerson() {
        Map<String, Object> details = Map.of("accountName", "E SMITH", "sortCode", "12-34-56", "accountNumberEnding", "5678");

        assertThat(describe.describe(event("bank_details", 4, AuditAction.CREATE, details, details), english())).hasValue(
                "Priya Shah changed the bank details for Emily Smith's direct payment to E SMITH, account number ending 5678");
        assertThat(describe.describe(event("bank_details", 5, AuditAction.CREATE, null, details), english("Priya Shah"))).hasValue(
                "Priya Shah recorded one of the council's own bank accounts: E SMITH, account number ending 5678");
    }

    @Test
    void anApprovedRunCountsItsPayments() {
        var approved = event("payment_run", 3, AuditAction.UPDATE, Map.of("status", "READY_FOR_APPROVAL"),
                Map.of("status", "APPROVED", "approvedBy", "finance2@demo-england", "paymentsPosted", 42, "total", "£12,345.60"));

        assertThat(describe.describe(approved, english("Sam Jones"))).hasValue(
                "Sam Jones approved a payment run: 42 payments, £12,345.60 in total");
        assertThat(describe.describe(approved, welsh())).hasValue(
                "Cymeradwywyd rhediad taliadau gan Priya Shah: 42 taliad, £12,345.60 i gyd");
    }

    @Test
    void statementLinesBroughtIntoTheLedgerSayHowManyAndHowMuch() {
        var posted = event("ledger_statement_lines", "transaction-import:9", AuditAction.CREATE, null, Map.of("lines", 12,
                "spending", 9, "spent", "£640.10", "moneyIn", 1, "paidIn", "£20.00", "matchedToCouncilPayments", 1,
                "matchedToPayroll", 1, "matchedToRecoveries", 0));

        assertThat(describe.describe(posted, english("Sam Jones"))).hasValue(
                "Sam Jones brought 12 statement lines into the ledger: 9 spent (£640.10), 1 paid in (£20.00), 2 matched to payments already there");
        assertThat(describe.describe(posted, welsh())).hasValue(
                "Daethpwyd â 12 llinell datganiad i mewn i'r cyfriflyfr gan Priya Shah: 9 wedi'u gwario (£640.10), 1 wedi'u talu i mewn (£20.00), 2 yn cyfateb i daliadau a oedd yno'n barod");
    }
}
