package org.dphub.help;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;
import org.dphub.employment.MinimumWagePolicy;
import org.dphub.employment.PayFrequency;
import org.dphub.employment.PayPeriod;
import org.dphub.identity.NewUserAccount;
import org.dphub.identity.UserAccounts;
import org.dphub.people.Citizens;
import org.dphub.shared.Role;
import org.dphub.support.Http;
import org.dphub.support.IntegrationTest;
import org.dphub.support.MoneyApi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 18, contingency and cover, through the API: a contingency plan saved in a new plan version
 * and shown to the person; cover PAs found only among live PAs who opted in with notice and times
 * that fit, soonest first; cover asked for yesterday, after tomorrow and other bad input refused with
 * nothing saved; a PA who accepts is employed for the shift, sends a timesheet for it and is paid by
 * the next payroll; and the refusals. Each test makes its own person, employer's insurance and PAs
 * (all in SY1, with the demo England council) and never assumes it is alone in the database.
 */
@IntegrationTest
class CoverIT {

    static final String P = Http.DEMO_PASSWORD;
    static final String PA_PASSWORD = "a long pa password 2026";
    static final String PRACTITIONER = "practitioner@demo-england";
    static final String TEAM = "dp-team@demo-england";
    static final ZoneId UK = ZoneId.of("Europe/London");

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Citizens citizens;
    @Autowired
    UserAccounts accounts;

    Http http;
    final JsonMapper json = JsonMapper.builder().build();

    @BeforeEach
    void client() {
        http = new Http(port);
    }

    long england() {
        return jdbc.sql("SELECT id FROM council WHERE code = 'demo-england'").query(Long.class).single();
    }

    /** A person with a plan, a direct payment and an online account; returns {username, citizenId, planId}. */
    record Person(String username, long citizenId, long planId) {
    }

    Person person(boolean insured) {
        MoneyApi.Active active = new MoneyApi(http).activeWeekly(PRACTITIONER, "Nia", LocalDate.now(UK).minusDays(30), "PREPAID_CARD",
                60000, "en");
        String username = "nia" + UUID.randomUUID() + "@example.com";
        long user = accounts.create(new NewUserAccount(username, P, "Nia Test", england(), EnumSet.of(Role.CITIZEN), "en"));
        citizens.linkExistingAccount(accounts.findByUsername(PRACTITIONER).orElseThrow(), active.citizenId(), user);
        if (insured) {
            // their own PA, with the employer's liability insurance a cover PA's employment uses
            MoneyApi.ok(http.postJsonAs(username, P, "/api/v1/citizens/" + active.citizenId() + "/employments", """
                    {"paGivenName": "Rhian", "paFamilyName": "Evans", "paDateOfBirth": "1988-02-03", "startedOn": "%s",
                     "hourlyRatePence": 1350, "hoursKind": "IRREGULAR", "payFrequency": "MONTHLY", "taxCode": "1257L",
                     "pension": "ASSESS", "elInsurer": "Mutual Care Cover", "elPolicyNumber": "EL-9", "elExpiresOn": "%s"}"""
                    .formatted(LocalDate.now(UK).minusDays(30), LocalDate.now(UK).plusYears(1))), 201);
        }
        return new Person(username, active.citizenId(), active.planId());
    }

    record Pa(String username, long profileId, String phone, long userId) {
    }

    HttpResponse<String> anonymousPost(String path, String body) {
        try {
            return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                    .header("Content-Type", "application/json").header("Accept", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A PA near SY1 1AA; live when {@code live}; offering cover with this notice and part of every day when {@code part} is not null. */
    Pa pa(boolean live, String notice, String part) {
        String username = "cover-pa-" + UUID.randomUUID() + "@example.org";
        // sign-ups are limited per address an hour, and the whole suite signs PAs up from this one address:
        // this test is not about that limit, so its PAs start a fresh hour
        jdbc.sql("DELETE FROM pa_registration_attempt").update();
        MoneyApi.ok(anonymousPost("/api/v1/pa-registrations", """
                {"email": "%s", "password": "%s", "displayName": "Cover P."}""".formatted(username, PA_PASSWORD)), 201);
        String phone = "07700 9" + String.format("%05d", Math.floorMod(username.hashCode(), 100000));
        long profile = MoneyApi.ok(http.postJsonAs(username, PA_PASSWORD, "/api/v1/pa-profiles", """
                {"displayName": "Cover P.", "about": "Happy to help at short notice.", "skills": ["personal-care"],
                 "interests": ["football"], "languages": ["en"], "availability": [{"day": "MONDAY", "slot": "MORNING"}],
                 "postcode": "SY1 1AA", "travelRadiusKm": 20, "hourlyRatePence": 1300, "visible": true,
                 "phone": "%s", "email": "%s", "codeOfConductAccepted": true}""".formatted(phone, username)), 201).get("id").asLong();
        if (live) {
            MoneyApi.ok(http.postJsonAs(TEAM, P, "/api/v1/pa-profiles/" + profile + "/checks", """
                    {"identityChecked": true, "referencesChecked": true, "dbsCheckedOn": "2026-10-01"}"""), 200);
        }
        if (part != null) {
            StringBuilder times = new StringBuilder();
            for (String day : List.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY", "SUNDAY")) {
                times.append(times.isEmpty() ? "" : ",").append("{\"day\": \"").append(day).append("\", \"slot\": \"").append(part).append("\"}");
            }
            JsonNode saved = MoneyApi.ok(http.putJsonAs(username, PA_PASSWORD, "/api/v1/pa-profiles/" + profile + "/cover",
                    "{\"offersCover\": true, \"notice\": \"" + notice + "\", \"times\": [" + times + "]}"), 200);
            assertThat(saved.get("offersCover").asBoolean()).isTrue();
        }
        long userId = jdbc.sql("SELECT id FROM app_user WHERE username = :u").param("u", username).query(Long.class).single();
        return new Pa(username, profile, phone, userId);
    }

    List<Long> candidates(Person person, LocalDate day, String start, String end) {
        JsonNode found = MoneyApi.ok(http.getAs(person.username(), P, "/api/v1/citizens/" + person.citizenId()
                + "/cover-candidates?date=" + day + "&startTime=" + start + "&endTime=" + end), 200);
        List<Long> ids = new ArrayList<>();
        found.forEach(c -> ids.add(c.get("profileId").asLong()));
        return ids;
    }

    static void refusedOn(HttpResponse<String> response, String field) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(422);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).contains("application/problem+json");
        assertThat(response.body()).contains("\"field\":\"" + field + "\"");
    }

    static String booking(Person person, long profileId, LocalDate day, String start, String end, long ratePence) {
        return """
                {"citizenId": %d, "profileId": %d, "date": "%s", "startTime": "%s", "endTime": "%s",
                 "needs": "Help getting up and dressed, and lunch", "hourlyRatePence": %d}"""
                .formatted(person.citizenId(), profileId, day, start, end, ratePence);
    }

    long bookings(Person person) {
        return jdbc.sql("SELECT count(*) FROM cover_booking WHERE citizen_id = :c").param("c", person.citizenId()).query(Long.class).single();
    }

    @Test
    void aContingencyPlanIsSavedInANewPlanVersionAndShownToThePerson() {
        Person nia = person(false);
        String plan = "/api/v1/plans/" + nia.planId();
        JsonNode before = MoneyApi.ok(http.getAs(nia.username(), P, plan), 200);
        assertThat(before.get("contingency").size()).as("none yet").isZero();
        int versions = before.get("versions").size();
        String change = """
                {"startDate": "%s", "outcomes": [{"text": "Get out and about"}], "paymentFrequency": "WEEKLY",
                 "budgetLines": [{"description": "PA", "kind": "WEEKLY", "weeklyAmountPence": 60000}],
                 "changeReason": "Contingency agreed", "contingencyPlan": "Call the first who can come.",
                 "contingency": [%s]}""";
        String arrangements = """
                {"kind": "BACKUP_PA", "name": "Rhian Evans", "notes": "Works Tuesdays already"},
                {"kind": "FAMILY_OR_FRIEND", "name": "Dai (brother)", "contact": "07700 900111"},
                {"kind": "AGENCY", "name": "Severn Care", "contact": "01743 000000"},
                {"kind": "FIND_COVER"}""";

        // bad input: an agency with no phone, a kind we do not know: refused by field, no new version
        refusedOn(http.postJsonAs(PRACTITIONER, P, plan + "/versions", change.formatted(LocalDate.now(UK),
                "{\"kind\": \"AGENCY\", \"name\": \"Severn Care\"}")), "contingency[0].contact");
        refusedOn(http.postJsonAs(PRACTITIONER, P, plan + "/versions", change.formatted(LocalDate.now(UK),
                "{\"kind\": \"NEIGHBOUR\", \"name\": \"Ann\"}")), "contingency[0].kind");
        refusedOn(http.postJsonAs(PRACTITIONER, P, plan + "/versions", change.formatted(LocalDate.now(UK),
                "{\"kind\": \"BACKUP_PA\", \"name\": \"<script>alert(1)</script>\"}")), "contingency[0].name");
        assertThat(MoneyApi.ok(http.getAs(nia.username(), P, plan), 200).get("versions").size()).isEqualTo(versions);

        JsonNode changed = MoneyApi.ok(http.postJsonAs(PRACTITIONER, P, plan + "/versions",
                change.formatted(LocalDate.now(UK), arrangements)), 201);
        assertThat(changed.get("versions").size()).as("a new version").isEqualTo(versions + 1);

        JsonNode seen = MoneyApi.ok(http.getAs(nia.username(), P, plan), 200);
        JsonNode contingency = seen.get("contingency");
        assertThat(contingency.size()).isEqualTo(4);
        assertThat(contingency.get(0).get("kind").asString()).isEqualTo("BACKUP_PA");
        assertThat(contingency.get(0).get("name").asString()).isEqualTo("Rhian Evans");
        assertThat(contingency.get(1).get("contact").asString()).isEqualTo("07700 900111");
        assertThat(contingency.get(3).get("kind").asString()).isEqualTo("FIND_COVER");
        assertThat(seen.get("contingencyPlan").asString()).isEqualTo("Call the first who can come.");
        JsonNode versionsSeen = seen.get("versions");
        assertThat(versionsSeen.get(versionsSeen.size() - 2).get("contingency").size()).as("the earlier version keeps none").isZero();
        assertThat(versionsSeen.get(versionsSeen.size() - 1).get("contingency").size()).isEqualTo(4);
        assertThat(http.getAs("dp-team@demo-wales", P, plan).statusCode()).as("another council").isEqualTo(404);
        assertThat(http.getAs("citizen@demo-england", P, plan).statusCode()).as("another person").isEqualTo(404);
    }

    @Test
    void coverSearchFindsOnlyLivePasWhoOptedInWithNoticeAndTimesThatFitSoonestFirst() {
        Person nia = person(true);
        Pa mornings = pa(true, "SAME_DAY", "MORNING");
        Pa afternoons = pa(true, "SAME_DAY", "AFTERNOON");
        Pa nextDay = pa(true, "NEXT_DAY", "MORNING");
        Pa notOffering = pa(true, null, null);
        Pa notLive = pa(false, "SAME_DAY", "MORNING");
        Pa evenings = pa(true, "SAME_DAY", "EVENING");
        LocalDate today = LocalDate.now(UK);

        List<Long> forToday = candidates(nia, today, "10:00", "15:00");
        assertThat(forToday).contains(mornings.profileId(), afternoons.profileId())
                .doesNotContain(nextDay.profileId(), notOffering.profileId(), notLive.profileId(), evenings.profileId());
        assertThat(forToday.indexOf(mornings.profileId())).as("from 10:00 before from 12:00")
                .isLessThan(forToday.indexOf(afternoons.profileId()));

        List<Long> forTomorrow = candidates(nia, today.plusDays(1), "10:00", "15:00");
        assertThat(forTomorrow).contains(mornings.profileId(), afternoons.profileId(), nextDay.profileId())
                .doesNotContain(notOffering.profileId(), notLive.profileId());
        assertThat(forTomorrow.indexOf(nextDay.profileId())).isLessThan(forTomorrow.indexOf(afternoons.profileId()));

        JsonNode first = MoneyApi.ok(http.getAs(nia.username(), P, "/api/v1/citizens/" + nia.citizenId()
                + "/cover-candidates?date=" + today + "&startTime=10:00&endTime=15:00"), 200);
        for (JsonNode c : first) {
            if (c.get("profileId").asLong() == afternoons.profileId()) {
                assertThat(c.get("availableFrom").asString()).isEqualTo("12:00");
                assertThat(c.has("phone")).as("never contact details").isFalse();
            }
        }

        // a PA who stops offering cover leaves the search at once
        MoneyApi.ok(http.putJsonAs(mornings.username(), PA_PASSWORD, "/api/v1/pa-profiles/" + mornings.profileId() + "/cover",
                "{\"offersCover\": false}"), 200);
        assertThat(candidates(nia, today, "10:00", "15:00")).doesNotContain(mornings.profileId());

        // bad search input names the field
        refusedOn(http.getAs(nia.username(), P, "/api/v1/citizens/" + nia.citizenId() + "/cover-candidates?date="
                + today.minusDays(1) + "&startTime=10:00&endTime=15:00"), "date");
        refusedOn(http.getAs(nia.username(), P, "/api/v1/citizens/" + nia.citizenId() + "/cover-candidates?date="
                + today + "&startTime=15:00&endTime=10:00"), "endTime");
        refusedOn(http.putJsonAs(afternoons.username(), PA_PASSWORD, "/api/v1/pa-profiles/" + afternoons.profileId() + "/cover",
                "{\"offersCover\": true, \"notice\": \"SAME_DAY\", \"times\": []}"), "times");
        assertThat(http.putJsonAs(afternoons.username(), PA_PASSWORD, "/api/v1/pa-profiles/" + mornings.profileId() + "/cover",
                "{\"offersCover\": false}").statusCode()).as("another PA's profile").isEqualTo(404);
        // refusals: another person, another council's staff, a PA
        assertThat(http.getAs("citizen@demo-england", P, "/api/v1/citizens/" + nia.citizenId() + "/cover-candidates?date="
                + today + "&startTime=10:00&endTime=15:00").statusCode()).isEqualTo(404);
        assertThat(http.getAs("dp-team@demo-wales", P, "/api/v1/citizens/" + nia.citizenId() + "/cover-candidates?date="
                + today + "&startTime=10:00&endTime=15:00").statusCode()).isEqualTo(404);
        assertThat(http.getAs(afternoons.username(), PA_PASSWORD, "/api/v1/citizens/" + nia.citizenId() + "/cover-candidates?date="
                + today + "&startTime=10:00&endTime=15:00").statusCode()).isIn(403, 404);
    }

    @Test
    void coverForYesterdayOrAfterTomorrowAndOtherBadBookingsAreRefusedWithNothingSaved() {
        Person nia = person(true);
        Person uninsured = person(false);
        Pa cover = pa(true, "SAME_DAY", "MORNING");
        Pa notOffering = pa(true, null, null);
        LocalDate today = LocalDate.now(UK);

        refusedOn(http.postJsonAs(nia.username(), P, "/api/v1/cover-bookings",
                booking(nia, cover.profileId(), today.minusDays(1), "09:00", "12:00", 1400)), "date");
        HttpResponse<String> yesterday = http.postJsonAs(nia.username(), P, "/api/v1/cover-bookings",
                booking(nia, cover.profileId(), today.minusDays(1), "09:00", "12:00", 1400));
        assertThat(yesterday.body()).contains("today or tomorrow");
        refusedOn(http.postJsonAs(nia.username(), P, "/api/v1/cover-bookings",
                booking(nia, cover.profileId(), today.plusDays(2), "09:00", "12:00", 1400)), "date");
        refusedOn(http.postJsonAs(nia.username(), P, "/api/v1/cover-bookings",
                booking(nia, cover.profileId(), today, "12:00", "09:00", 1400)), "endTime");
        refusedOn(http.postJsonAs(nia.username(), P, "/api/v1/cover-bookings",
                booking(nia, cover.profileId(), today, "9 o'clock", "12:00", 1400)), "startTime");
        refusedOn(http.postJsonAs(nia.username(), P, "/api/v1/cover-bookings",
                booking(nia, cover.profileId(), today, "09:00", "12:00", 500)), "hourlyRatePence");
        refusedOn(http.postJsonAs(nia.username(), P, "/api/v1/cover-bookings",
                booking(nia, notOffering.profileId(), today, "09:00", "12:00", 1400)), "profileId");
        refusedOn(http.postJsonAs(nia.username(), P, "/api/v1/cover-bookings",
                booking(nia, cover.profileId(), today, "09:00", "12:00", 1400).replace("Help getting up and dressed, and lunch",
                        "<script>alert(1)</script>")), "needs");
        refusedOn(http.postJsonAs(uninsured.username(), P, "/api/v1/cover-bookings",
                booking(uninsured, cover.profileId(), today, "09:00", "12:00", 1400)), "insurance");
        assertThat(bookings(nia)).as("nothing saved").isZero();
        assertThat(bookings(uninsured)).isZero();
    }

    @Test
    void aPaWhoAcceptsIsEmployedForTheShiftSendsATimesheetAndIsPaidByTheNextPayroll() {
        Person nia = person(true);
        Pa cover = pa(true, "SAME_DAY", "MORNING");
        Pa otherPa = pa(true, "SAME_DAY", "MORNING");
        LocalDate today = LocalDate.now(UK);

        // refusals before anything is asked: another person, another council's staff, a PA, the council's practitioner
        String body = booking(nia, cover.profileId(), today, "09:00", "14:00", 1400);
        assertThat(http.postJsonAs("citizen@demo-england", P, "/api/v1/cover-bookings", body).statusCode()).isEqualTo(404);
        assertThat(http.postJsonAs("dp-team@demo-wales", P, "/api/v1/cover-bookings", body).statusCode()).isEqualTo(404);
        assertThat(http.postJsonAs(otherPa.username(), PA_PASSWORD, "/api/v1/cover-bookings", body).statusCode()).isIn(403, 404);
        assertThat(http.postJsonAs(PRACTITIONER, P, "/api/v1/cover-bookings", body).statusCode()).isEqualTo(403);
        assertThat(bookings(nia)).isZero();

        HttpResponse<String> asked = http.postJsonAs(nia.username(), P, "/api/v1/cover-bookings", body);
        JsonNode booking = MoneyApi.ok(asked, 201);
        long id = booking.get("id").asLong();
        assertThat(asked.headers().firstValue("Location").orElseThrow()).endsWith("/api/v1/cover-bookings/" + id);
        assertThat(booking.get("status").asString()).isEqualTo("REQUESTED");
        assertThat(booking.get("paPhone").isNull()).as("no contact details before the PA accepts").isTrue();
        assertThat(http.postJsonAs(nia.username(), P, "/api/v1/cover-bookings", body).statusCode()).as("asked already").isEqualTo(409);

        JsonNode forPa = MoneyApi.ok(http.getAs(cover.username(), PA_PASSWORD, "/api/v1/cover-bookings/" + id), 200);
        assertThat(forPa.get("employerContact").isNull()).isTrue();
        assertThat(forPa.get("employerName").isNull()).isTrue();
        assertThat(forPa.get("history").get(0).get("by").isNull()).as("nor who asked").isTrue();
        assertThat(forPa.get("district").asString()).isEqualTo("SY1");
        // the booking is seen by neither another PA nor another council's staff nor another person
        assertThat(http.getAs(otherPa.username(), PA_PASSWORD, "/api/v1/cover-bookings/" + id).statusCode()).isEqualTo(404);
        assertThat(http.getAs("dp-team@demo-wales", P, "/api/v1/cover-bookings/" + id).statusCode()).isEqualTo(404);
        assertThat(http.getAs("citizen@demo-england", P, "/api/v1/cover-bookings/" + id).statusCode()).isEqualTo(404);
        assertThat(http.postJsonAs(otherPa.username(), PA_PASSWORD, "/api/v1/cover-bookings/" + id + "/accept", "{}").statusCode())
                .isEqualTo(404);
        assertThat(http.postJsonAs(nia.username(), P, "/api/v1/cover-bookings/" + id + "/accept", "{}").statusCode())
                .as("the employer cannot accept for the PA").isEqualTo(404);

        // the PA accepts, giving what the employment needs; bad input first
        refusedOn(http.postJsonAs(cover.username(), PA_PASSWORD, "/api/v1/cover-bookings/" + id + "/accept", """
                {"givenName": "Gwen", "familyName": "Cover", "dateOfBirth": "1990-03-27", "starterDeclaration": "D"}"""),
                "starterDeclaration");
        assertThat(jdbc.sql("SELECT count(*) FROM pa_employment WHERE pa_user_id = :u").param("u", cover.userId())
                .query(Long.class).single()).isZero();
        JsonNode accepted = MoneyApi.ok(http.postJsonAs(cover.username(), PA_PASSWORD, "/api/v1/cover-bookings/" + id + "/accept", """
                {"givenName": "Gwen", "familyName": "Cover", "dateOfBirth": "1990-03-27", "starterDeclaration": "C"}"""), 200);
        assertThat(accepted.get("status").asString()).isEqualTo("ACCEPTED");
        long employment = accepted.get("employmentId").asLong();
        assertThat(accepted.get("employerName").asString()).isEqualTo("Nia Test");
        JsonNode forEmployer = MoneyApi.ok(http.getAs(nia.username(), P, "/api/v1/cover-bookings/" + id), 200);
        assertThat(forEmployer.get("paPhone").asString()).isEqualTo(cover.phone());
        assertThat(forEmployer.get("history").size()).isEqualTo(2);
        assertThat(http.postJsonAs(cover.username(), PA_PASSWORD, "/api/v1/cover-bookings/" + id + "/decline", "{}").statusCode())
                .as("accepted already").isEqualTo(409);

        JsonNode employed = MoneyApi.ok(http.getAs(nia.username(), P, "/api/v1/employments/" + employment), 200);
        assertThat(employed.toString()).contains("Gwen").contains("1400");

        // the shift's timesheet through the existing timesheets, approved, and paid by the next payroll
        long sheet = MoneyApi.ok(http.postJsonAs(cover.username(), PA_PASSWORD, "/api/v1/employments/" + employment + "/timesheets",
                "{\"days\": [{\"date\": \"" + today + "\", \"hours\": \"5\"}]}"), 201).get("id").asLong();
        MoneyApi.ok(http.postJsonAs(nia.username(), P, "/api/v1/timesheets/" + sheet + "/approval", "{}"), 200);
        PayPeriod period = periodOf(today);
        JsonNode run = MoneyApi.ok(http.postJsonAs(nia.username(), P, "/api/v1/citizens/" + nia.citizenId() + "/payroll-runs",
                "{\"taxYear\": \"%s\", \"frequency\": \"MONTHLY\", \"period\": %d}".formatted(period.taxYear(), period.period())), 201);
        Long payslip = null;
        for (JsonNode s : run.get("payslips")) {
            if (s.get("employmentId").asLong() == employment) {
                payslip = s.get("id").asLong();
            }
        }
        assertThat(payslip).as("the cover PA is paid in the run").isNotNull();
        JsonNode slip = MoneyApi.ok(http.getAs(cover.username(), PA_PASSWORD, "/api/v1/payslips/" + payslip), 200);
        assertThat(slip.get("workPayPence").asLong()).as("5 hours at £14.00").isEqualTo(7000);

        MoneyApi.ok(http.postJsonAs(nia.username(), P, "/api/v1/cover-bookings/" + id + "/worked", "{}"), 200);
        JsonNode mine = MoneyApi.ok(http.getAs(cover.username(), PA_PASSWORD, "/api/v1/cover-bookings"), 200);
        assertThat(mine.toString()).contains("\"status\":\"WORKED\"");
    }

    static PayPeriod periodOf(LocalDate day) {
        String taxYear = MinimumWagePolicy.taxYearOf(day);
        for (int p = 1; p <= PayFrequency.MONTHLY.lastPeriod(); p++) {
            PayPeriod period = PayPeriod.of(taxYear, PayFrequency.MONTHLY, p);
            if (!day.isAfter(period.end())) {
                return period;
            }
        }
        throw new IllegalStateException();
    }
}
