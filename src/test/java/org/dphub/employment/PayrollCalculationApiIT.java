package org.dphub.employment;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.dphub.support.Http;
import org.dphub.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The payroll calculation contract over real HTTP, with rows from HMRC's 2026/27 test data. */
@IntegrationTest
class PayrollCalculationApiIT {

    static final String PATH = "/api/v1/payroll/calculations";
    static final String CITIZEN = "citizen@demo-england";

    @LocalServerPort
    int port;

    Http http;
    final JsonMapper json = JsonMapper.builder().build();

    @BeforeEach
    void client() {
        http = new Http(port);
    }

    static String body(String frequency, Object period, String taxCode, boolean week1Month1, Object gross, Object previousPay,
                       Object previousTax, String niCategory) {
        return body("2026-27", frequency, period, taxCode, week1Month1, gross, previousPay, previousTax, niCategory);
    }

    static String body(String taxYear, String frequency, Object period, String taxCode, boolean week1Month1, Object gross,
                       Object previousPay, Object previousTax, String niCategory) {
        return """
                {"taxYear": "%s", "frequency": "%s", "period": %s, "taxCode": "%s", "week1Month1": %s, "grossPayPence": %s,
                 "previousTaxablePayToDatePence": %s, "previousTaxToDatePence": %s, "niCategory": "%s"}"""
                .formatted(taxYear, frequency, period, taxCode, week1Month1, gross, previousPay, previousTax, niCategory);
    }

    HttpResponse<String> post(String user, String body) {
        return http.postJsonAs(user, Http.DEMO_PASSWORD, PATH, body);
    }

    JsonNode ok(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json.readTree(response.body());
    }

    /** The 422 problem+json, and the fields its errors name. */
    List<String> invalid(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(422);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        JsonNode problem = json.readTree(response.body());
        assertThat(problem.get("status").asInt()).isEqualTo(422);
        List<String> fields = new ArrayList<>();
        for (JsonNode error : problem.get("errors")) {
            assertThat(error.get("message").asString()).isNotBlank();
            fields.add(error.get("field").asString());
        }
        return fields;
    }

    @Test
    void month1_1257L_1156_25_isTaxed21_40AsHmrcsTestDataSays() {
        JsonNode result = ok(post(CITIZEN, body("MONTHLY", 1, "1257L", false, 115_625, 0, 0, "A")));
        assertThat(result.get("taxPence").asLong()).isEqualTo(2_140);
        assertThat(result.get("taxToDatePence").asLong()).isEqualTo(2_140);
        assertThat(result.get("freePayPence").asLong()).isEqualTo(104_826);
        assertThat(result.get("taxablePayToDatePence").asLong()).isEqualTo(115_625);
        assertThat(result.get("employeeNiPence").asLong()).as("8% of £108.25").isEqualTo(866);
        assertThat(result.get("employerNiPence").asLong()).as("15% of £739.25, 0.75p rounded up").isEqualTo(11_089);
    }

    @Test
    void aCumulativeRefundIsNegativeTax() {
        // rUK weekly, week 7: £242.84 after £28,241.45 and £10,463.08 tax to date
        JsonNode result = ok(post("finance@demo-wales", body("WEEKLY", 7, "1257L", false, 24_284, 2_824_145, 1_046_308, "A")));
        assertThat(result.get("taxPence").asLong()).isEqualTo(-26_487);
        assertThat(result.get("taxToDatePence").asLong()).isEqualTo(1_019_821);
    }

    @Test
    void aWelshCodeRow() {
        // Welsh cumulative monthly, month 2
        JsonNode result = ok(post("representative@demo-england", body("MONTHLY", 2, "C1257L", false, 115_626, 115_625, 2_140, "A")));
        assertThat(result.get("taxPence").asLong()).isEqualTo(2_160);
        assertThat(result.get("taxToDatePence").asLong()).isEqualTo(4_300);
    }

    @Test
    void aScottishCodeRow() {
        // Scottish cumulative monthly, month 3: starter, basic, intermediate and higher rates
        JsonNode result = ok(post("practitioner@demo-england",
                body("MONTHLY", 3, "S1257L", false, 3_112_326, 231_251, 4_085, "A")));
        assertThat(result.get("taxPence").asLong()).isEqualTo(1_143_678);
        assertThat(result.get("taxToDatePence").asLong()).isEqualTo(1_147_763);
        JsonNode month1 = ok(post(CITIZEN, body("MONTHLY", 1, "s1257l", false, 115_625, 0, 0, "A")));
        assertThat(month1.get("taxPence").asLong()).as("19% starter rate on £107").isEqualTo(2_033);
    }

    @Test
    void aKCodeAndWeek1Month1() {
        JsonNode result = ok(post(CITIZEN, body("MONTHLY", 1, "K401", true, 88_500, 0, 0, "A")));
        assertThat(result.get("taxPence").asLong()).isEqualTo(24_380);
        assertThat(result.get("additionalPayPence").asLong()).isEqualTo(33_492);
        assertThat(result.get("regulatoryLimitApplied").asBoolean()).isFalse();
    }

    @Test
    void categoryMPaysNoEmployersNationalInsuranceBelowTheUpperEarningsLimit() {
        JsonNode result = ok(post(CITIZEN, body("MONTHLY", 1, "1257L", false, 200_000, 0, 0, "M")));
        assertThat(result.get("employerNiPence").asLong()).isZero();
        assertThat(result.get("employeeNiPence").asLong()).as("8% of £952").isEqualTo(7_616);
        assertThat(ok(post(CITIZEN, body("MONTHLY", 1, "1257L", false, 200_000, 0, 0, "A"))).get("employerNiPence").asLong())
                .as("the same pay in category A").isEqualTo(23_745);
    }

    @Test
    void anInvalidTaxCodeIs422NamingTheCode() {
        HttpResponse<String> response = post(CITIZEN, body("MONTHLY", 1, "12X57L", false, 115_625, 0, 0, "A"));
        assertThat(invalid(response)).containsExactly("taxCode");
        assertThat(response.body()).contains("12X57L is not a tax code HMRC issues").contains("1257L");
        assertThat(invalid(post(CITIZEN, body("MONTHLY", 1, "D2", false, 115_625, 0, 0, "A")))).as("D2 is Scottish only")
                .containsExactly("taxCode");
    }

    @ParameterizedTest(name = "{0} period {1}")
    @CsvSource({"MONTHLY, 0", "WEEKLY, 0", "WEEKLY, 54", "MONTHLY, 54", "MONTHLY, 13", "FORTNIGHTLY, 28", "MONTHLY, 1.5",
            "MONTHLY, \"one\""})
    void aPeriodThatDoesNotExistIs422(String frequency, String period) {
        HttpResponse<String> response = post(CITIZEN, body(frequency, period, "1257L", false, 115_625, 0, 0, "A"));
        assertThat(invalid(response)).containsExactly("period");
    }

    @Test
    void week53IsAllowedForWeeklyPay() {
        ok(post(CITIZEN, body("WEEKLY", 53, "1257L", false, 50_000, 2_600_000, 400_000, "A")));
    }

    @Test
    void aTaxYearWithNoTablesIs422SayingWhichYearsThereAre() {
        HttpResponse<String> response = post(CITIZEN, body("2031-32", "MONTHLY", 1, "1257L", false, 115_625, 0, 0, "A"));
        assertThat(invalid(response)).containsExactly("taxYear");
        assertThat(response.body()).contains("2031-32").contains("2026-27");
    }

    @Test
    void negativeAbsurdAndUnknownInputsAre422() {
        assertThat(invalid(post(CITIZEN, body("MONTHLY", 1, "1257L", false, -1, 0, 0, "A")))).containsExactly("grossPayPence");
        assertThat(invalid(post(CITIZEN, body("MONTHLY", 1, "1257L", false, "1e12", 0, 0, "A")))).containsExactly("grossPayPence");
        assertThat(invalid(post(CITIZEN, body("MONTHLY", 1, "1257L", false, 100, "1e12", -5, "A"))))
                .containsExactly("previousTaxablePayToDatePence", "previousTaxToDatePence");
        assertThat(invalid(post(CITIZEN, body("MONTHLY", 1, "1257L", false, 100, 0, 0, "Q")))).containsExactly("niCategory");
        assertThat(invalid(post(CITIZEN, body("DAILY", 1, "1257L", false, 100, 0, 0, "A")))).containsExactly("frequency");
        assertThat(invalid(post(CITIZEN, "{}")))
                .containsExactly("taxYear", "frequency", "period", "taxCode", "grossPayPence");
    }

    @Test
    void withoutSignInIs401AndAPersonalAssistantMayNotUseIt() throws Exception {
        HttpResponse<String> anonymous = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + PATH))
                .header("Content-Type", "application/json").header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body("MONTHLY", 1, "1257L", false, 115_625, 0, 0, "A"))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(post("pa@demo-england", body("MONTHLY", 1, "1257L", false, 115_625, 0, 0, "A")).statusCode()).isEqualTo(403);
    }

    @Test
    void theOpenApiDocumentDescribesIt() {
        JsonNode document = json.readTree(http.get("/v3/api-docs").body());
        assertThat(document.get("paths").has(PATH)).isTrue();
    }
}
