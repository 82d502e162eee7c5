package org.dphub.payments;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;
import org.dphub.support.Http;
import org.dphub.support.MoneyApi;
import org.dphub.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;
import tools.jackson.databind.JsonNode;

/**
 * Bank details and the bank file: accounts with nowhere to pay are exceptions, not payments; the
 * approved run's pain.001.001.03 validates against ISO 20022's schema and adds up to the run.
 */
@IntegrationTest
class BankFilesIT {

    static final String PRACTITIONER = "practitioner@demo-wales";
    static final String FINANCE = "finance@demo-wales";
    static final String FINANCE2 = "finance2@demo-wales";
    static final Path XSD = Path.of(System.getProperty("dphub.shared.dir", "../shared"), "reference", "iso20022",
            "pain.001.001.03.xsd");

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    Http http;

    @BeforeEach
    void client() {
        http = new Http(port);
    }

    JsonNode ok(HttpResponse<String> response, int status) {
        return MoneyApi.ok(response, status);
    }

    long weeklyAccount(LocalDate start, String accountType) {
        return new MoneyApi(http).activeWeekly(PRACTITIONER, "Gwen", start, accountType, 5000, "en").accountId();
    }

    JsonNode runFor(String finance, LocalDate date) throws InterruptedException {
        return new MoneyApi(http).runFor(finance, date);
    }

    long payments(long accountId) {
        return jdbc.sql("SELECT count(*) FROM payment WHERE account_id = :a").param("a", accountId).query(Long.class).single();
    }

    @Test
    void accountsWithNowhereToPayAreExceptionsAndTheApprovedBankFileValidatesAndAddsUp() throws Exception {
        LocalDate today = LocalDate.now();
        long bank = weeklyAccount(today.minusWeeks(1), "BANK_ACCOUNT");
        long card = weeklyAccount(today.minusWeeks(1), "PREPAID_CARD");
        long managed = weeklyAccount(today.minusWeeks(1), "MANAGED_ACCOUNT");
        ok(http.putJsonAs(FINANCE, Http.DEMO_PASSWORD, "/api/v1/accounts/" + managed + "/bank-details", """
                {"accountName": "Community Accounts CIC", "sortCode": "30 99 50", "accountNumber": "733445", "reference": "MA-GWEN"}"""), 200);

        JsonNode run = runFor(FINANCE, today.plusDays(3));
        long runId = run.get("id").asLong();
        assertThat(run.get("status").asString()).isEqualTo("READY_FOR_APPROVAL");
        assertThat(payments(bank)).as("no bank details: not paid").isZero();
        assertThat(payments(card)).as("a prepaid card is loaded at the council's card provider").isEqualTo(2);
        assertThat(payments(managed)).isEqualTo(2);
        JsonNode exceptions = ok(http.getAs(FINANCE, Http.DEMO_PASSWORD, "/api/v1/payment-runs/" + runId + "/exceptions"), 200);
        assertThat(exceptions.findValuesAsString("accountId")).isNotNull();
        assertThat(exceptions.valueStream().filter(e -> e.get("accountId").asLong() == bank).map(e -> e.get("reason").asString()).toList())
                .containsExactly("MISSING_BANK_DETAILS");
        JsonNode totals = ok(http.getAs(FINANCE, Http.DEMO_PASSWORD, "/api/v1/payment-runs/" + runId + "/totals"), 200);
        assertThat(totals.valueStream().mapToLong(t -> t.get("totalPence").asLong()).sum()).isEqualTo(run.get("totalPence").asLong());

        // bad bank details change nothing
        for (String bad : List.of(
                "{\"accountName\": \"G Hughes\", \"sortCode\": \"12-34\", \"accountNumber\": \"12345678\"}",
                "{\"accountName\": \"G Hughes\", \"sortCode\": \"123456\", \"accountNumber\": \"12ab5678\"}",
                "{\"accountName\": \"<script>alert(1)</script>\", \"sortCode\": \"123456\", \"accountNumber\": \"12345678\"}",
                "{\"accountName\": \"G Hughes\", \"sortCode\": \"123456\", \"accountNumber\": \"12345678\", \"reference\": \"far too long a reference here\"}",
                "{\"sortCode\": \"123456\", \"accountNumber\": \"12345678\"}")) {
            assertThat(http.putJsonAs(FINANCE, Http.DEMO_PASSWORD, "/api/v1/accounts/" + bank + "/bank-details", bad).statusCode())
                    .as(bad).isEqualTo(422);
        }
        assertThat(http.putJsonAs(PRACTITIONER, Http.DEMO_PASSWORD, "/api/v1/accounts/" + bank + "/bank-details",
                "{\"accountName\": \"G Hughes\", \"sortCode\": \"123456\", \"accountNumber\": \"12345678\"}").statusCode())
                .as("a practitioner does not change bank details").isEqualTo(403);
        assertThat(http.putJsonAs("finance@demo-england", Http.DEMO_PASSWORD, "/api/v1/accounts/" + bank + "/bank-details",
                "{\"accountName\": \"G Hughes\", \"sortCode\": \"123456\", \"accountNumber\": \"12345678\"}").statusCode())
                .as("another council's account").isEqualTo(404);
        assertThat(http.getAs(FINANCE, Http.DEMO_PASSWORD, "/api/v1/accounts/" + bank + "/bank-details").statusCode()).isEqualTo(404);

        assertThat(http.getAs(FINANCE, Http.DEMO_PASSWORD, "/api/v1/payment-runs/" + runId + "/bank-file").statusCode())
                .as("no bank file before approval").isEqualTo(409);
        ok(http.postJsonAs(FINANCE2, Http.DEMO_PASSWORD, "/api/v1/payment-runs/" + runId + "/approval", "{}"), 200);
        assertThat(http.getAs(PRACTITIONER, Http.DEMO_PASSWORD, "/api/v1/payment-runs/" + runId + "/bank-file").statusCode())
                .isEqualTo(403);
        assertThat(http.getAs("finance@demo-england", Http.DEMO_PASSWORD, "/api/v1/payment-runs/" + runId + "/bank-file").statusCode())
                .isEqualTo(404);

        HttpResponse<String> file = http.getAs(FINANCE, Http.DEMO_PASSWORD, "/api/v1/payment-runs/" + runId + "/bank-file");
        assertThat(file.statusCode()).isEqualTo(200);
        assertThat(file.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/xml");
        validate(file.body());
        Document xml = parse(file.body());
        NodeList amounts = xml.getElementsByTagNameNS(BankFiles.PAIN_001, "InstdAmt");
        assertThat(amounts.getLength()).isEqualTo(run.get("paymentsCount").asInt());
        BigDecimal sum = BigDecimal.ZERO;
        for (int i = 0; i < amounts.getLength(); i++) {
            sum = sum.add(new BigDecimal(amounts.item(i).getTextContent()));
        }
        assertThat(sum.movePointRight(2).longValueExact()).isEqualTo(run.get("totalPence").asLong());
        assertThat(text(xml, "CtrlSum")).isEqualTo(sum.toPlainString());
        assertThat(file.body()).contains("<Ustrd>DPHUB " + card + "</Ustrd>").contains("<Ustrd>MA-GWEN</Ustrd>")
                .contains("<Id>00733445</Id>");
        assertThat(http.getAs(FINANCE2, Http.DEMO_PASSWORD, "/api/v1/payment-runs/" + runId + "/bank-file").body())
                .as("the same file every time").isEqualTo(file.body());

        HttpResponse<String> csv = http.getAs(FINANCE, Http.DEMO_PASSWORD, "/api/v1/payment-runs/" + runId + "/summary.csv");
        assertThat(csv.statusCode()).isEqualTo(200);
        List<String> lines = csv.body().lines().toList();
        assertThat(lines).hasSize(run.get("paymentsCount").asInt() + 2);
        assertThat(lines.get(0)).startsWith("payment_id,account_id,account_type");
        assertThat(lines.get(lines.size() - 1)).startsWith("TOTAL,").contains(BankFiles.pounds(run.get("totalPence").asLong()));

        // put right, the next run pays the bank account what it is owed
        ok(http.putJsonAs(FINANCE, Http.DEMO_PASSWORD, "/api/v1/accounts/" + bank + "/bank-details",
                "{\"accountName\": \"Gwen Hughes\", \"sortCode\": \"40-47-84\", \"accountNumber\": \"7034 6812\"}"), 200);
        JsonNode next = runFor(FINANCE2, today.plusDays(4));
        assertThat(payments(bank)).isEqualTo(2);
        ok(http.postJsonAs(FINANCE, Http.DEMO_PASSWORD, "/api/v1/payment-runs/" + next.get("id").asLong() + "/approval", "{}"), 200);
        String nextFile = http.getAs(FINANCE, Http.DEMO_PASSWORD, "/api/v1/payment-runs/" + next.get("id").asLong() + "/bank-file").body();
        validate(nextFile);
        assertThat(nextFile).contains("<MmbId>404784</MmbId>").contains("<Id>70346812</Id>").contains("<Nm>Gwen Hughes</Nm>");
    }

    static void validate(String xml) throws Exception {
        SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
        factory.newSchema(XSD.toFile()).newValidator().validate(new StreamSource(new StringReader(xml)));
    }

    static Document parse(String xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        return factory.newDocumentBuilder().parse(new InputSource(new StringReader(xml)));
    }

    static String text(Document xml, String element) {
        return xml.getElementsByTagNameNS(BankFiles.PAIN_001, element).item(0).getTextContent();
    }
}
