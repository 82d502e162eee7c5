package org.dphub.employment;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import org.dphub.support.Http;
import org.dphub.support.IntegrationTest;
import org.dphub.support.MoneyApi;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Employing a PA: the employer records the employment (minimum wage, tax code and insurance
 * checked), the PA sends timesheets from their own sign-in (24 hours a day at most, nothing
 * before the start, nothing twice), the employer approves or queries. Refusals tested as much as
 * permissions.
 */
@IntegrationTest
class EmploymentsIT {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    String employment(String dob, long ratePence, String taxCode, LocalDate insuranceEnds, LocalDate start) {
        return """
                {"paGivenName": "Sam", "paFamilyName": "Jones", "paDateOfBirth": "%s", "paEmail": "pa@demo-england",
                 "startedOn": "%s", "hourlyRatePence": %d, "hoursKind": "CONTRACTED", "contractedHoursPerWeek": "20",
                 "payFrequency": "MONTHLY", "taxCode": "%s", "pension": "ASSESS", "elInsurer": "Mutual Care Cover",
                 "elPolicyNumber": "EL-123", "elExpiresOn": "%s"}""".formatted(dob, start, ratePence, taxCode, insuranceEnds);
    }

    long citizen(String username) {
        return jdbc.sql("""
                        SELECT ca.citizen_id FROM citizen_access ca JOIN app_user u ON u.id = ca.user_id
                        WHERE u.username = :u AND ca.relationship = 'SELF'""").param("u", username).query(Long.class).single();
    }

    @Test
    void anEmployerRecordsAPaWhoSendsTimesheetsThatTheEmployerApproves() {
        Http http = new Http(port);
        long citizen = citizen("citizen@demo-england");
        LocalDate start = LocalDate.now().minusDays(20);
        LocalDate insured = LocalDate.now().plusYears(1);
        String path = "/api/v1/citizens/" + citizen + "/employments";
        long before = jdbc.sql("SELECT count(*) FROM pa_employment").query(Long.class).single();

        HttpResponse<String> low = http.postJsonAs("citizen@demo-england", Http.DEMO_PASSWORD, path, employment("1990-05-01", 1200, "1257L", insured, start));
        assertThat(low.statusCode()).isEqualTo(422);
        assertThat(low.body()).contains("hourlyRate", "at least £12.71");
        assertThat(http.postJsonAs("citizen@demo-england", Http.DEMO_PASSWORD, path,
                employment(LocalDate.now().minusYears(19).toString(), 1100, "12X57L", insured, start)).body())
                .as("£11.00 is above the 18 to 20 rate, so only the tax code is wrong").contains("12X57L").doesNotContain("hourlyRate");
        HttpResponse<String> code = http.postJsonAs("citizen@demo-england", Http.DEMO_PASSWORD, path, employment("1990-05-01", 1350, "12X57L", insured, start));
        assertThat(code.statusCode()).isEqualTo(422);
        assertThat(code.body()).contains("taxCode", "\\\"12X57L\\\" is not a tax code");
        HttpResponse<String> expired = http.postJsonAs("citizen@demo-england", Http.DEMO_PASSWORD, path,
                employment("1990-05-01", 1350, "1257L", LocalDate.now().minusDays(1), start));
        assertThat(expired.statusCode()).isEqualTo(422);
        assertThat(expired.body()).contains("elExpiresOn", "insurance has ended");
        assertThat(http.postJsonAs("citizen@demo-england", Http.DEMO_PASSWORD, path, "{\"paGivenName\": \"<script>alert(1)</script>\"}").body())
                .contains("paGivenName", "without the characters");
        assertThat(http.postJsonAs("finance@demo-england", Http.DEMO_PASSWORD, path, employment("1990-05-01", 1350, "1257L", insured, start))
                .statusCode()).as("finance does not employ PAs for people").isEqualTo(403);
        assertThat(http.postJsonAs("dp-team@demo-wales", Http.DEMO_PASSWORD, path, employment("1990-05-01", 1350, "1257L", insured, start))
                .statusCode()).as("another council's person").isEqualTo(404);
        assertThat(http.postJsonAs("pa@demo-england", Http.DEMO_PASSWORD, path, employment("1990-05-01", 1350, "1257L", insured, start))
                .statusCode()).as("a PA is not the employer").isIn(403, 404);
        assertThat(jdbc.sql("SELECT count(*) FROM pa_employment").query(Long.class).single()).as("nothing saved").isEqualTo(before);

        JsonNode made = MoneyApi.ok(http.postJsonAs("citizen@demo-england", Http.DEMO_PASSWORD, path,
                employment("1990-05-01", 1350, "1257l", insured, start)), 201);
        long id = made.get("id").asLong();
        assertThat(made.get("terms").get("taxCode").asString()).isEqualTo("1257L");
        // no P45: a blank tax code and a starter checklist statement give HMRC's code for it; blank and no statement is refused
        assertThat(http.postJsonAs("citizen@demo-england", Http.DEMO_PASSWORD, path, employment("1990-05-01", 1350, "", insured, start))
                .body()).contains("taxCode", "starter checklist");
        JsonNode starterC = MoneyApi.ok(http.postJsonAs("citizen@demo-england", Http.DEMO_PASSWORD, path,
                employment("1990-05-01", 1350, "", insured, start).replace("\"taxCode\": \"\"", "\"taxCode\": \"\", \"starterDeclaration\": \"C\"")), 201);
        assertThat(starterC.get("terms").get("taxCode").asString()).as("another job: 0T").isEqualTo("0T");
        assertThat(starterC.get("terms").get("week1Month1").asBoolean()).as("on a week 1/month 1 basis").isTrue();
        JsonNode starterA = MoneyApi.ok(http.postJsonAs("citizen@demo-england", Http.DEMO_PASSWORD, path,
                employment("1990-05-01", 1350, "", insured, start).replace("\"taxCode\": \"\"", "\"taxCode\": \"\", \"starterDeclaration\": \"A\"")), 201);
        assertThat(starterA.get("terms").get("taxCode").asString()).as("first job this tax year: the emergency code").isEqualTo("1257L");
        assertThat(starterA.get("terms").get("week1Month1").asBoolean()).as("cumulative").isFalse();
        JsonNode starterB = MoneyApi.ok(http.postJsonAs("citizen@demo-england", Http.DEMO_PASSWORD, path,
                employment("1990-05-01", 1350, "", insured, start).replace("\"taxCode\": \"\"", "\"taxCode\": \"\", \"starterDeclaration\": \"B\"")), 201);
        assertThat(starterB.get("terms").get("taxCode").asString()).as("now their only job: the emergency code").isEqualTo("1257L");
        assertThat(starterB.get("terms").get("week1Month1").asBoolean()).as("on a week 1/month 1 basis").isTrue();
        JsonNode withP45 = MoneyApi.ok(http.postJsonAs("citizen@demo-england", Http.DEMO_PASSWORD, path,
                employment("1990-05-01", 1350, "K100", insured, start).replace("\"taxCode\": \"K100\"", "\"taxCode\": \"K100\", \"starterDeclaration\": \"C\"")), 201);
        assertThat(withP45.get("terms").get("taxCode").asString()).as("a code typed from a P45 wins over the checklist").isEqualTo("K100");
        assertThat(made.get("paUserId").isNull()).as("linked to the PA's sign-in by email").isFalse();
        assertThat(MoneyApi.ok(http.getAs("pa@demo-england", Http.DEMO_PASSWORD, "/api/v1/my-employments"), 200).toString())
                .contains("\"id\":" + id);
        assertThat(http.getAs("pa@demo-wales", Http.DEMO_PASSWORD, "/api/v1/employments/" + id).statusCode()).isEqualTo(404);
        assertThat(http.getAs("dp-team@demo-wales", Http.DEMO_PASSWORD, "/api/v1/employments/" + id).statusCode()).isEqualTo(404);
        assertThat(http.getAs("dp-team@demo-england", Http.DEMO_PASSWORD, "/api/v1/employments/" + id).statusCode()).isEqualTo(200);

        // --- timesheets from the PA
        String sheets = "/api/v1/employments/" + id + "/timesheets";
        LocalDate d1 = LocalDate.now().minusDays(3);
        LocalDate d2 = LocalDate.now().minusDays(2);
        HttpResponse<String> tooLong = http.postJsonAs("pa@demo-england", Http.DEMO_PASSWORD, sheets,
                "{\"days\": [{\"date\": \"" + d1 + "\", \"hours\": \"25\"}]}");
        assertThat(tooLong.statusCode()).isEqualTo(422);
        assertThat(tooLong.body()).contains("only 24 hours in a day");
        assertThat(http.postJsonAs("pa@demo-england", Http.DEMO_PASSWORD, sheets,
                "{\"days\": [{\"date\": \"" + start.minusDays(1) + "\", \"hours\": \"4\"}]}").body()).contains("is before that");
        assertThat(http.postJsonAs("pa@demo-england", Http.DEMO_PASSWORD, sheets,
                "{\"days\": [{\"date\": \"" + LocalDate.now().plusDays(1) + "\", \"hours\": \"4\"}]}").body()).contains("has not happened yet");
        assertThat(http.postJsonAs("pa@demo-england", Http.DEMO_PASSWORD, sheets, "{\"days\": []}").body()).contains("at least one day");
        assertThat(jdbc.sql("SELECT count(*) FROM timesheet WHERE employment_id = :e").param("e", id).query(Long.class).single()).isZero();

        JsonNode sheet = MoneyApi.ok(http.postJsonAs("pa@demo-england", Http.DEMO_PASSWORD, sheets, """
                {"days": [{"date": "%s", "hours": "7.5", "note": "Football at Wrexham"}, {"date": "%s", "hours": "3:15"}]}"""
                .formatted(d1, d2)), 201);
        assertThat(sheet.get("status").asString()).isEqualTo("SUBMITTED");
        assertThat(sheet.get("days").get(0).get("minutes").asInt() + sheet.get("days").get(1).get("minutes").asInt()).isEqualTo(450 + 195);
        assertThat(http.postJsonAs("pa@demo-england", Http.DEMO_PASSWORD, sheets,
                "{\"days\": [{\"date\": \"" + d1 + "\", \"hours\": \"2\"}]}").body()).as("a day sent twice").contains("already on a timesheet");

        long sheetId = sheet.get("id").asLong();
        assertThat(http.postJsonAs("pa@demo-england", Http.DEMO_PASSWORD, "/api/v1/timesheets/" + sheetId + "/approval", "{}").statusCode())
                .as("a PA cannot approve their own timesheet").isEqualTo(403);
        assertThat(http.postJsonAs("citizen@demo-england", Http.DEMO_PASSWORD, "/api/v1/timesheets/" + sheetId + "/query", "{}").statusCode())
                .as("a query says what to check").isEqualTo(422);
        assertThat(MoneyApi.ok(http.postJsonAs("citizen@demo-england", Http.DEMO_PASSWORD, "/api/v1/timesheets/" + sheetId + "/approval", "{}"), 200)
                .get("status").asString()).isEqualTo("APPROVED");
        assertThat(http.postJsonAs("citizen@demo-england", Http.DEMO_PASSWORD, "/api/v1/timesheets/" + sheetId + "/approval", "{}").statusCode())
                .isEqualTo(409);
    }
}
