package org.dphub.employment;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.dphub.shared.Money;
import org.dphub.support.Http;
import org.dphub.support.IntegrationTest;
import org.dphub.support.MoneyApi;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Paying PAs: approved timesheets → a payroll run (the same period again does nothing) → the
 * employer approves → net pay, HMRC and pension are spending in the ledger, once. Payslips as
 * JSON and PDF in English and Welsh; refusals: insurance ended, another PA's payslip, another council.
 */
@IntegrationTest
class PayrollRunsIT {

    static final String CITIZEN = "citizen@demo-england";
    static final String PA = "pa@demo-england";
    static final String PW = Http.DEMO_PASSWORD;

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    long citizen(String username) {
        return jdbc.sql("""
                        SELECT ca.citizen_id FROM citizen_access ca JOIN app_user u ON u.id = ca.user_id
                        WHERE u.username = :u AND ca.relationship = 'SELF'""").param("u", username).query(Long.class).single();
    }

    static String employment(String frequency, LocalDate start, LocalDate insuredUntil) {
        return """
                {"paGivenName": "Rhian", "paFamilyName": "Evans", "paDateOfBirth": "1988-02-03", "paEmail": "pa@demo-england",
                 "startedOn": "%s", "hourlyRatePence": 1350, "hoursKind": "IRREGULAR", "payFrequency": "%s", "taxCode": "1257L",
                 "pension": "ASSESS", "elInsurer": "Mutual Care Cover", "elPolicyNumber": "EL-9", "elExpiresOn": "%s"}"""
                .formatted(start, frequency, insuredUntil);
    }

    /** The period of this frequency that contains the day. */
    static PayPeriod periodOf(PayFrequency frequency, LocalDate day) {
        String taxYear = MinimumWagePolicy.taxYearOf(day);
        for (int p = 1; p <= frequency.lastPeriod(); p++) {
            PayPeriod period = PayPeriod.of(taxYear, frequency, p);
            if (!day.isAfter(period.end())) {
                return period;
            }
        }
        throw new IllegalStateException();
    }

    static String run(PayPeriod p) {
        return "{\"taxYear\": \"%s\", \"frequency\": \"%s\", \"period\": %d}".formatted(p.taxYear(), p.frequency(), p.period());
    }

    HttpResponse<byte[]> pdf(String user, long payslip, String lang) throws Exception {
        return get(user, "/api/v1/payslips/" + payslip + "/pdf?lang=" + lang);
    }

    HttpResponse<byte[]> get(String user, String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", Http.basic(user, PW)).build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    @Test
    void anEmployerRunsPayrollFromApprovedTimesheetsApprovesItAndTheMoneyIsSpentOnce() throws Exception {
        Http http = new Http(port);
        long citizen = citizen(CITIZEN);
        LocalDate today = LocalDate.now();
        PayPeriod period = periodOf(PayFrequency.MONTHLY, today);
        LocalDate start = period.start();
        long employment = MoneyApi.ok(http.postJsonAs(CITIZEN, PW, "/api/v1/citizens/" + citizen + "/employments",
                employment("MONTHLY", start, today.plusYears(1))), 201).get("id").asLong();
        // 7.5 hours worked, 4 hours of holiday, a day off sick: all on the first day of the period or after
        String days = """
                {"days": [{"date": "%s", "hours": "7.5"}, {"date": "%s", "hours": "4", "kind": "HOLIDAY"},
                          {"date": "%s", "hours": "6", "kind": "SICK"}]}""".formatted(start, start.plusDays(1).isAfter(today) ? start : start.plusDays(1),
                start.plusDays(2).isAfter(today) ? start : start.plusDays(2));
        if (!start.plusDays(2).isAfter(today)) {
            long sheet = MoneyApi.ok(http.postJsonAs(PA, PW, "/api/v1/employments/" + employment + "/timesheets", days), 201).get("id").asLong();
            MoneyApi.ok(http.postJsonAs(CITIZEN, PW, "/api/v1/timesheets/" + sheet + "/approval", "{}"), 200);
        } else {
            long sheet = MoneyApi.ok(http.postJsonAs(PA, PW, "/api/v1/employments/" + employment + "/timesheets",
                    "{\"days\": [{\"date\": \"" + start + "\", \"hours\": \"7.5\"}]}"), 201).get("id").asLong();
            MoneyApi.ok(http.postJsonAs(CITIZEN, PW, "/api/v1/timesheets/" + sheet + "/approval", "{}"), 200);
        }
        // a timesheet not yet approved waits for the next run
        String runs = "/api/v1/citizens/" + citizen + "/payroll-runs";

        // --- bad input names the field
        HttpResponse<String> bad = http.postJsonAs(CITIZEN, PW, runs, "{\"taxYear\": \"2031-32\", \"frequency\": \"MONTHLY\", \"period\": 13}");
        assertThat(bad.statusCode()).isEqualTo(422);
        assertThat(bad.body()).contains("taxYear", "period");
        assertThat(http.postJsonAs("dp-team@demo-wales", PW, runs, run(period)).statusCode()).as("another council").isEqualTo(404);
        assertThat(http.postJsonAs(PA, PW, runs, run(period)).statusCode()).as("the PA is not the employer").isIn(403, 404);

        // --- the run
        HttpResponse<String> first = http.postJsonAs(CITIZEN, PW, runs, run(period));
        JsonNode made = MoneyApi.ok(first, 201);
        assertThat(first.headers().firstValue("Location").orElseThrow()).endsWith("/api/v1/payroll-runs/" + made.get("id").asLong());
        long runId = made.get("id").asLong();
        JsonNode summary = null;
        for (JsonNode s : made.get("payslips")) {
            if (s.get("employmentId").asLong() == employment) {
                summary = s;
            }
        }
        assertThat(summary).as("a payslip for the new PA").isNotNull();
        long payslipId = summary.get("id").asLong();
        long rows = jdbc.sql("SELECT (SELECT count(*) FROM payslip) + (SELECT count(*) FROM payslip_timesheet) + (SELECT count(*) FROM payroll_run)")
                .query(Long.class).single();

        HttpResponse<String> again = http.postJsonAs(CITIZEN, PW, runs, run(period));
        assertThat(MoneyApi.ok(again, 200).get("id").asLong()).as("the same run").isEqualTo(runId);
        assertThat(jdbc.sql("SELECT (SELECT count(*) FROM payslip) + (SELECT count(*) FROM payslip_timesheet) + (SELECT count(*) FROM payroll_run)")
                .query(Long.class).single()).as("nothing new").isEqualTo(rows);

        // --- the payslip: the PA and the employer's side see it, nobody else
        JsonNode payslip = MoneyApi.ok(http.getAs(PA, PW, "/api/v1/payslips/" + payslipId), 200);
        assertThat(payslip.get("lines").get(0).get("kind").asString()).isEqualTo("WORK");
        assertThat(payslip.get("workPayPence").asLong()).as("7.5 hours at £13.50").isEqualTo(10125);
        long net = payslip.get("netPence").asLong();
        assertThat(net).isEqualTo(payslip.get("grossPence").asLong() - payslip.get("taxPence").asLong()
                - payslip.get("employeeNiPence").asLong() - payslip.get("employeePensionPence").asLong());
        assertThat(payslip.get("yearToDate").get("netPence").asLong()).isGreaterThanOrEqualTo(net);
        assertThat(payslip.get("holidayAccruedMinutes").asInt()).as("12.07% of 450 minutes").isEqualTo(54);
        assertThat(http.getAs(CITIZEN, PW, "/api/v1/payslips/" + payslipId).statusCode()).isEqualTo(200);
        assertThat(http.getAs("dp-team@demo-england", PW, "/api/v1/payroll-runs/" + runId).statusCode()).isEqualTo(200);
        assertThat(http.getAs("pa@demo-wales", PW, "/api/v1/payslips/" + payslipId).statusCode()).as("another PA").isEqualTo(404);
        assertThat(http.getAs("dp-team@demo-wales", PW, "/api/v1/payslips/" + payslipId).statusCode()).as("another council").isEqualTo(404);
        assertThat(http.getAs("dp-team@demo-wales", PW, "/api/v1/payroll-runs/" + runId).statusCode()).as("another council").isEqualTo(404);
        assertThat(MoneyApi.ok(http.getAs(PA, PW, "/api/v1/my-payslips"), 200).toString()).contains("\"id\":" + payslipId);

        // --- PDFs in English and Welsh
        HttpResponse<byte[]> english = pdf(PA, payslipId, "en");
        assertThat(english.statusCode()).isEqualTo(200);
        try (PDDocument document = Loader.loadPDF(english.body())) {
            String text = new PDFTextStripper().getText(document);
            assertThat(text).contains("Net pay", Money.ofPence(net).formatWithPence(), "Tax year to date", "Rhian Evans");
            assertThat(document.getDocumentCatalog().getMarkInfo().isMarked()).as("tagged").isTrue();
            assertThat(document.getDocumentCatalog().getLanguage()).isEqualTo("en");
            assertThat(document.getDocumentInformation().getTitle()).startsWith("Payslip for Rhian Evans");
        }
        try (PDDocument document = Loader.loadPDF(pdf(PA, payslipId, "cy").body())) {
            String text = new PDFTextStripper().getText(document);
            assertThat(text).contains("Cyflog net", "Y flwyddyn dreth hyd yma", Money.ofPence(net).formatWithPence());
            assertThat(document.getDocumentCatalog().getLanguage()).isEqualTo("cy");
        }
        assertThat(pdf("pa@demo-wales", payslipId, "en").statusCode()).isEqualTo(404);

        // --- the employer's summary as a PDF: what each PA gets, HMRC and the pension scheme, by when; the employer's side only
        JsonNode totals = made.get("totals");
        try (PDDocument document = Loader.loadPDF(get(CITIZEN, "/api/v1/payroll-runs/" + runId + "/pdf?lang=cy").body())) {
            String text = new PDFTextStripper().getText(document);
            assertThat(text).contains("Crynodeb y gyflogres", "Rhian Evans", "Llai'r Lwfans Cyflogaeth", "Cyfanswm i'w dalu",
                    Money.ofPence(totals.get("netPence").asLong()).formatWithPence(),
                    Money.ofPence(totals.get("hmrcPence").asLong()).formatWithPence());
            assertThat(document.getDocumentCatalog().getLanguage()).isEqualTo("cy");
            assertThat(document.getDocumentCatalog().getStructureTreeRoot()).as("tagged for screen readers").isNotNull();
        }
        try (PDDocument document = Loader.loadPDF(get(CITIZEN, "/api/v1/payroll-runs/" + runId + "/pdf").body())) {
            assertThat(new PDFTextStripper().getText(document)).contains("Payroll summary", "To HMRC (tax and National Insurance) by",
                    "Employment Allowance left this tax year");
        }
        assertThat(get(PA, "/api/v1/payroll-runs/" + runId + "/pdf").statusCode()).as("the PA").isIn(403, 404);
        assertThat(get("dp-team@demo-wales", "/api/v1/payroll-runs/" + runId + "/pdf").statusCode()).as("another council").isEqualTo(404);

        // --- approval: the employer's side, once; the ledger gets the spending once
        assertThat(http.postJsonAs(PA, PW, "/api/v1/payroll-runs/" + runId + "/approval", "{}").statusCode()).isIn(403, 404);
        JsonNode approved = MoneyApi.ok(http.postJsonAs(CITIZEN, PW, "/api/v1/payroll-runs/" + runId + "/approval", "{}"), 200);
        assertThat(approved.get("status").asString()).isEqualTo("APPROVED");
        assertThat(approved.get("totals").get("hmrcDueBy").asString()).endsWith("-22");
        assertThat(http.postJsonAs(CITIZEN, PW, "/api/v1/payroll-runs/" + runId + "/approval", "{}").statusCode()).isEqualTo(409);
        String key = "payslip:" + payslipId + ":net";
        long posted = 0;
        for (int i = 0; i < 100 && posted == 0; i++) {
            Thread.sleep(100);
            posted = jdbc.sql("SELECT count(*) FROM ledger_transaction WHERE idempotency_key = :k AND kind = 'SPENDING'").param("k", key)
                    .query(Long.class).single();
        }
        assertThat(posted).as("net pay is spending from the account, once").isEqualTo(1);
        assertThat(jdbc.sql("""
                        SELECT l.amount_pence FROM ledger_leg l JOIN ledger_transaction t ON t.id = l.transaction_id
                        WHERE t.idempotency_key = :k AND l.book = 'SPENDING'""").param("k", key).query(Long.class).single())
                .isEqualTo(net);
        // spending linked to the plan: the hourly line of the plan in force on the pay day, on every posting of the run
        assertThat(jdbc.sql("""
                        SELECT b.kind || ':' || b.description FROM ledger_transaction t
                        JOIN plan_budget_line b ON b.plan_version_id = t.plan_version_id AND b.position = t.budget_line_position
                        WHERE t.idempotency_key LIKE 'payslip:%' AND t.idempotency_key = :net""").param("net", key)
                .query(String.class).list()).as("net pay from the plan's PA hours")
                .containsExactly("HOURLY:Personal assistant support");
        long account = jdbc.sql("SELECT l.account_id FROM ledger_leg l JOIN ledger_transaction t ON t.id = l.transaction_id "
                + "WHERE t.idempotency_key = :k AND l.book = 'ACCOUNT'").param("k", key).query(Long.class).single();
        JsonNode ledger = MoneyApi.ok(http.getAs(CITIZEN, PW, "/api/v1/accounts/" + account + "/ledger"), 200);
        boolean shown = false;
        for (JsonNode e : ledger) {
            shown |= e.get("description").asString().startsWith("Net pay to Rhian Evans")
                    && "Personal assistant support".equals(e.get("budgetLine").asString());
        }
        assertThat(shown).as("the account's ledger says which part of the plan paid").isTrue();
        assertThat(MoneyApi.ok(http.postJsonAs(CITIZEN, PW, runs, run(period)), 200).get("status").asString())
                .as("running the period again still does nothing").isEqualTo("APPROVED");

        // --- a late timesheet for a day in the period already paid rolls into the next run, and is paid once
        LocalDate late = start.plusDays(3);
        if (!late.isAfter(today)) {
            long sheet = MoneyApi.ok(http.postJsonAs(PA, PW, "/api/v1/employments/" + employment + "/timesheets",
                    "{\"days\": [{\"date\": \"" + late + "\", \"hours\": \"2\"}]}"), 201).get("id").asLong();
            MoneyApi.ok(http.postJsonAs(CITIZEN, PW, "/api/v1/timesheets/" + sheet + "/approval", "{}"), 200);
            PayPeriod next = PayPeriod.of(period.taxYear(), PayFrequency.MONTHLY, period.period() + 1);
            JsonNode nextRun = MoneyApi.ok(http.postJsonAs(CITIZEN, PW, runs, run(next)), 201);
            long nextSlip = 0;
            for (JsonNode s : nextRun.get("payslips")) {
                if (s.get("employmentId").asLong() == employment) {
                    nextSlip = s.get("id").asLong();
                }
            }
            JsonNode rolled = MoneyApi.ok(http.getAs(PA, PW, "/api/v1/payslips/" + nextSlip), 200);
            assertThat(rolled.get("workPayPence").asLong()).as("only the late 2 hours at £13.50").isEqualTo(2700);
            assertThat(rolled.get("yearToDate").get("grossPence").asLong())
                    .isEqualTo(payslip.get("yearToDate").get("grossPence").asLong() + rolled.get("grossPence").asLong());
        }

        // --- the budget check against the plan
        JsonNode check = MoneyApi.ok(http.postJsonAs(CITIZEN, PW, "/api/v1/citizens/" + citizen + "/budget-check",
                "{\"hoursPerWeek\": \"20\", \"hourlyRatePence\": 1350}"), 200);
        assertThat(check.get("weeklyWagesPence").asLong()).isEqualTo(27000);
        assertThat(check.get("weeklyHolidayPence").asLong()).as("12.07%").isEqualTo(3259);
        assertThat(check.get("differencePence").asLong()).isEqualTo(check.get("annualBudgetPence").asLong() - check.get("annualCostPence").asLong());
        assertThat(check.get("fits").asBoolean()).isEqualTo(check.get("differencePence").asLong() >= 0);
        HttpResponse<String> badCheck = http.postJsonAs(CITIZEN, PW, "/api/v1/citizens/" + citizen + "/budget-check",
                "{\"hoursPerWeek\": \"lots\", \"hourlyRatePence\": 1350, \"age\": 12}");
        assertThat(badCheck.statusCode()).isEqualTo(422);
        assertThat(badCheck.body()).contains("hoursPerWeek", "age");
        assertThat(http.postJsonAs("dp-team@demo-wales", PW, "/api/v1/citizens/" + citizen + "/budget-check",
                "{\"hoursPerWeek\": \"20\", \"hourlyRatePence\": 1350}").statusCode()).isEqualTo(404);
    }

    @Test
    void aRunIsRefusedWhenTheInsuranceEndsBeforeThePayDayAndNothingIsPaid() {
        Http http = new Http(port);
        long citizen = citizen(CITIZEN);
        LocalDate today = LocalDate.now();
        PayPeriod period = periodOf(PayFrequency.WEEKLY, today);
        if (!period.end().isAfter(today)) {
            period = PayPeriod.of(period.taxYear(), PayFrequency.WEEKLY, period.period() + 1);
        }
        long employment = MoneyApi.ok(http.postJsonAs(CITIZEN, PW, "/api/v1/citizens/" + citizen + "/employments",
                employment("WEEKLY", today.minusDays(3), today)), 201).get("id").asLong();
        long sheet = MoneyApi.ok(http.postJsonAs(PA, PW, "/api/v1/employments/" + employment + "/timesheets",
                "{\"days\": [{\"date\": \"" + today.minusDays(1) + "\", \"hours\": \"3\"}]}"), 201).get("id").asLong();
        MoneyApi.ok(http.postJsonAs(CITIZEN, PW, "/api/v1/timesheets/" + sheet + "/approval", "{}"), 200);
        HttpResponse<String> refused = http.postJsonAs(CITIZEN, PW, "/api/v1/citizens/" + citizen + "/payroll-runs", run(period));
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).contains("liability insurance for Rhian Evans ended", "Nothing has been paid");
        assertThat(jdbc.sql("SELECT count(*) FROM payslip WHERE employment_id = :e").param("e", employment).query(Long.class).single()).isZero();
        assertThat(jdbc.sql("SELECT count(*) FROM payroll_run WHERE citizen_id = :c AND frequency = 'WEEKLY' AND period = :p")
                .param("c", citizen).param("p", period.period()).query(Long.class).single()).isZero();
    }
}
