package org.dphub.help;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.junit.jupiter.api.Assumptions.assumingThat;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
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
    static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm");

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

    /** A PA near SY1 1AA; live when {@code live}; offering cover with this notice and part of every day when {@code part} is not null. */
    Pa pa(boolean live, String notice, String part) {
        return pa(live, notice, part == null ? List.of() : List.of(part));
    }

    /** A live PA offering cover at any time of any day, with this notice. */
    Pa paAnyTime(String notice) {
        return pa(true, notice, List.of("NIGHT", "MORNING", "AFTERNOON", "EVENING"));
    }

    Pa pa(boolean live, String notice, List<String> parts) {
        String username = "cover-pa-" + UUID.randomUUID() + "@example.org";
        // sign-ups are limited per address an hour, and the whole suite signs PAs up from this one address:
        // this test is not about that limit, so its PAs start a fresh hour
        jdbc.sql("DELETE FROM address_limit_use WHERE kind = 'pa-sign-up'").update();
        MoneyApi.ok(http.postJson("/api/v1/pa-registrations", """
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
        if (!parts.isEmpty()) {
            StringBuilder times = new StringBuilder();
            for (String day : List.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY", "SUNDAY")) {
                for (String part : parts) {
                    times.append(times.isEmpty() ? "" : ",").append("{\"day\": \"").append(day).append("\", \"slot\": \"").append(part)
                            .append("\"}");
                }
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

    /**
     * An hour's shift starting later today, {start, end} as 09:00: from the quarter hour after next
     * (so it has not begun by the time the test asks), ending the next day when it starts after
     * 23:00 (as a night's cover does); null in the last half hour of the day, when the quarter hour
     * after next is tomorrow's.
     */
    static String[] laterToday() {
        java.time.LocalDateTime now = java.time.LocalDateTime.now(UK);
        java.time.LocalDateTime start = now.truncatedTo(ChronoUnit.HOURS).plusMinutes((now.getMinute() / 15 + 2) * 15L);
        if (!start.toLocalDate().equals(now.toLocalDate())) {
            return null;
        }
        return new String[] {start.toLocalTime().format(HH_MM), start.plusHours(1).toLocalTime().format(HH_MM)};
    }

    /** The booking's status once it is {@code wanted}, waiting up to 20 seconds (a listener changes it after a commit). */
    String awaitStatus(Person person, long bookingId, String wanted) throws InterruptedException {
        String status = null;
        for (int i = 0; i < 200; i++) {
            status = MoneyApi.ok(http.getAs(person.username(), P, "/api/v1/cover-bookings/" + bookingId), 200).get("status").asString();
            if (wanted.equals(status)) {
                break;
            }
            Thread.sleep(100);
        }
        return status;
    }

    static String accept(String given) {
        return """
                {"givenName": "%s", "familyName": "Cover", "dateOfBirth": "1990-03-27", "starterDeclaration": "C"}""".formatted(given);
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
        Pa notOffering = pa(true, null, List.of());
        Pa notLive = pa(false, "SAME_DAY", "MORNING");
        Pa evenings = pa(true, "SAME_DAY", "EVENING");
        LocalDate today = LocalDate.now(UK);
        LocalDate tomorrow = today.plusDays(1);

        // (tomorrow: a shift today may already have begun, whatever time the test runs)
        List<Long> forTomorrow = candidates(nia, tomorrow, "10:00", "15:00");
        assertThat(forTomorrow).contains(mornings.profileId(), afternoons.profileId(), nextDay.profileId())
                .doesNotContain(notOffering.profileId(), notLive.profileId(), evenings.profileId());
        assertThat(forTomorrow.indexOf(mornings.profileId())).as("from 10:00 before from 12:00")
                .isLessThan(forTomorrow.indexOf(afternoons.profileId()));
        assertThat(forTomorrow.indexOf(nextDay.profileId())).isLessThan(forTomorrow.indexOf(afternoons.profileId()));

        JsonNode first = MoneyApi.ok(http.getAs(nia.username(), P, "/api/v1/citizens/" + nia.citizenId()
                + "/cover-candidates?date=" + tomorrow + "&startTime=10:00&endTime=15:00"), 200);
        for (JsonNode c : first) {
            if (c.get("profileId").asLong() == afternoons.profileId()) {
                assertThat(c.get("availableFrom").asString()).isEqualTo("12:00");
                assertThat(c.has("phone")).as("never contact details").isFalse();
            }
        }

        // today: only PAs who can come the same day
        assumingThat(laterToday() != null, () -> {
            Pa sameDay = paAnyTime("SAME_DAY");
            Pa dayAhead = paAnyTime("NEXT_DAY");
            String[] shift = laterToday();
            assertThat(candidates(nia, today, shift[0], shift[1])).contains(sameDay.profileId()).doesNotContain(dayAhead.profileId(),
                    notOffering.profileId(), notLive.profileId());
            assertThat(candidates(nia, tomorrow, shift[0], shift[1])).contains(sameDay.profileId(), dayAhead.profileId());
        });

        // a PA who stops offering cover leaves the search at once
        MoneyApi.ok(http.putJsonAs(mornings.username(), PA_PASSWORD, "/api/v1/pa-profiles/" + mornings.profileId() + "/cover",
                "{\"offersCover\": false}"), 200);
        assertThat(candidates(nia, tomorrow, "10:00", "15:00")).doesNotContain(mornings.profileId());

        // bad search input names the field
        refusedOn(http.getAs(nia.username(), P, "/api/v1/citizens/" + nia.citizenId() + "/cover-candidates?date="
                + today.minusDays(1) + "&startTime=10:00&endTime=15:00"), "date");
        refusedOn(http.getAs(nia.username(), P, "/api/v1/citizens/" + nia.citizenId() + "/cover-candidates?date="
                + tomorrow + "&startTime=15:00&endTime=15:00"), "endTime");
        refusedOn(http.putJsonAs(afternoons.username(), PA_PASSWORD, "/api/v1/pa-profiles/" + afternoons.profileId() + "/cover",
                "{\"offersCover\": true, \"notice\": \"SAME_DAY\", \"times\": []}"), "times");
        assertThat(http.putJsonAs(afternoons.username(), PA_PASSWORD, "/api/v1/pa-profiles/" + mornings.profileId() + "/cover",
                "{\"offersCover\": false}").statusCode()).as("another PA's profile").isEqualTo(404);
        // refusals: another person, another council's staff, a PA
        assertThat(http.getAs("citizen@demo-england", P, "/api/v1/citizens/" + nia.citizenId() + "/cover-candidates?date="
                + tomorrow + "&startTime=10:00&endTime=15:00").statusCode()).isEqualTo(404);
        assertThat(http.getAs("dp-team@demo-wales", P, "/api/v1/citizens/" + nia.citizenId() + "/cover-candidates?date="
                + tomorrow + "&startTime=10:00&endTime=15:00").statusCode()).isEqualTo(404);
        assertThat(http.getAs(afternoons.username(), PA_PASSWORD, "/api/v1/citizens/" + nia.citizenId() + "/cover-candidates?date="
                + tomorrow + "&startTime=10:00&endTime=15:00").statusCode()).isIn(403, 404);
    }

    @Test
    void coverForYesterdayOrAfterTomorrowAndOtherBadBookingsAreRefusedWithNothingSaved() {
        Person nia = person(true);
        Person uninsured = person(false);
        Pa cover = pa(true, "SAME_DAY", "MORNING");
        Pa notOffering = pa(true, null, List.of());
        LocalDate today = LocalDate.now(UK);
        LocalDate tomorrow = today.plusDays(1);

        refusedOn(http.postJsonAs(nia.username(), P, "/api/v1/cover-bookings",
                booking(nia, cover.profileId(), today.minusDays(1), "09:00", "12:00", 1400)), "date");
        HttpResponse<String> yesterday = http.postJsonAs(nia.username(), P, "/api/v1/cover-bookings",
                booking(nia, cover.profileId(), today.minusDays(1), "09:00", "12:00", 1400));
        assertThat(yesterday.body()).contains("today or tomorrow");
        refusedOn(http.postJsonAs(nia.username(), P, "/api/v1/cover-bookings",
                booking(nia, cover.profileId(), today.plusDays(2), "09:00", "12:00", 1400)), "date");
        refusedOn(http.postJsonAs(nia.username(), P, "/api/v1/cover-bookings",
                booking(nia, cover.profileId(), tomorrow, "12:00", "12:00", 1400)), "endTime");
        refusedOn(http.postJsonAs(nia.username(), P, "/api/v1/cover-bookings",
                booking(nia, cover.profileId(), tomorrow, "9 o'clock", "12:00", 1400)), "startTime");
        refusedOn(http.postJsonAs(nia.username(), P, "/api/v1/cover-bookings",
                booking(nia, cover.profileId(), tomorrow, "09:00", "12:00", 500)), "hourlyRatePence");
        refusedOn(http.postJsonAs(nia.username(), P, "/api/v1/cover-bookings",
                booking(nia, notOffering.profileId(), tomorrow, "09:00", "12:00", 1400)), "profileId");
        refusedOn(http.postJsonAs(nia.username(), P, "/api/v1/cover-bookings",
                booking(nia, cover.profileId(), tomorrow, "09:00", "12:00", 1400).replace("Help getting up and dressed, and lunch",
                        "<script>alert(1)</script>")), "needs");
        refusedOn(http.postJsonAs(uninsured.username(), P, "/api/v1/cover-bookings",
                booking(uninsured, cover.profileId(), tomorrow, "09:00", "12:00", 1400)), "insurance");
        // a shift today whose start has passed: found too late to help, so refused (the rest of it can be asked for)
        assumingThat(LocalTime.now(UK).isAfter(LocalTime.of(0, 5)), () -> {
            String passed = LocalTime.now(UK).minusMinutes(1).format(HH_MM);
            HttpResponse<String> begun = http.postJsonAs(nia.username(), P, "/api/v1/cover-bookings",
                    booking(nia, cover.profileId(), today, passed, "23:59", 1400));
            refusedOn(begun, "startTime");
            assertThat(begun.body()).contains("That time has passed");
            refusedOn(http.getAs(nia.username(), P, "/api/v1/citizens/" + nia.citizenId() + "/cover-candidates?date=" + today
                    + "&startTime=" + passed + "&endTime=23:59"), "startTime");
        });
        assertThat(bookings(nia)).as("nothing saved").isZero();
        assertThat(bookings(uninsured)).isZero();
    }

    @Test
    void aPaWhoAcceptsIsEmployedForTheShiftSendsATimesheetAndIsPaidByTheNextPayroll() throws InterruptedException {
        // the shift is today, so that its timesheet can be sent: later today, whatever time the test runs (not in the last half hour)
        String[] shift = laterToday();
        assumeTrue(shift != null, "too late in the day for a shift still to come today");
        Person nia = person(true);
        Pa cover = paAnyTime("SAME_DAY");
        Pa otherPa = paAnyTime("SAME_DAY");
        LocalDate today = LocalDate.now(UK);

        // refusals before anything is asked: another person, another council's staff, a PA, the council's practitioner
        String body = booking(nia, cover.profileId(), today, shift[0], shift[1], 1400);
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
        // approving the timesheet with work on the cover day is the employer's word that the cover was worked
        assertThat(awaitStatus(nia, id, "WORKED")).isEqualTo("WORKED");
        JsonNode worked = MoneyApi.ok(http.getAs(nia.username(), P, "/api/v1/cover-bookings/" + id), 200);
        assertThat(worked.get("history").get(2).get("by").asString()).as("marked by whoever approved the timesheet").isEqualTo("Nia Test");
        assertThat(http.postJsonAs(nia.username(), P, "/api/v1/cover-bookings/" + id + "/worked", "{}").statusCode())
                .as("worked already: nothing to mark by hand").isEqualTo(409);
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

        JsonNode mine = MoneyApi.ok(http.getAs(cover.username(), PA_PASSWORD, "/api/v1/cover-bookings"), 200);
        assertThat(mine.toString()).contains("\"status\":\"WORKED\"");
    }

    @Test
    void aPaAlreadyBookedForCoverAtThatTimeIsNotOfferedAskedOrAccepted() {
        Person nia = person(true);
        Person owen = person(true);
        Pa cover = paAnyTime("SAME_DAY");
        LocalDate tomorrow = LocalDate.now(UK).plusDays(1);

        // two employers ask the same PA for overlapping shifts; asking is fine until the PA accepts one
        long forNia = MoneyApi.ok(http.postJsonAs(nia.username(), P, "/api/v1/cover-bookings",
                booking(nia, cover.profileId(), tomorrow, "10:00", "14:00", 1400)), 201).get("id").asLong();
        long forOwen = MoneyApi.ok(http.postJsonAs(owen.username(), P, "/api/v1/cover-bookings",
                booking(owen, cover.profileId(), tomorrow, "12:00", "16:00", 1400)), 201).get("id").asLong();
        assertThat(candidates(owen, tomorrow, "13:00", "15:00")).as("asked, not booked").contains(cover.profileId());
        MoneyApi.ok(http.postJsonAs(cover.username(), PA_PASSWORD, "/api/v1/cover-bookings/" + forNia + "/accept", accept("Gwen")), 200);

        // now booked from 10:00 to 14:00: not offered for a shift that overlaps it, offered from 14:00
        assertThat(candidates(owen, tomorrow, "13:00", "15:00")).doesNotContain(cover.profileId());
        assertThat(candidates(owen, tomorrow, "08:00", "10:30")).doesNotContain(cover.profileId());
        assertThat(candidates(owen, tomorrow, "14:00", "16:00")).contains(cover.profileId());
        assertThat(candidates(owen, tomorrow, "08:00", "10:00")).contains(cover.profileId());

        // not asked either, with words that say why
        long owensBefore = bookings(owen);
        HttpResponse<String> asked = http.postJsonAs(owen.username(), P, "/api/v1/cover-bookings",
                booking(owen, cover.profileId(), tomorrow, "11:00", "13:00", 1400));
        refusedOn(asked, "profileId");
        assertThat(asked.body()).contains("already booked for cover at that time");
        assertThat(bookings(owen)).as("nothing saved").isEqualTo(owensBefore);

        // the request asked before cannot be accepted now: 409, and nothing changes
        HttpResponse<String> second = http.postJsonAs(cover.username(), PA_PASSWORD, "/api/v1/cover-bookings/" + forOwen + "/accept",
                accept("Gwen"));
        assertThat(second.statusCode()).as(second.body()).isEqualTo(409);
        assertThat(second.body()).contains("You have already accepted cover from 10:00 to 14:00 that day");
        assertThat(MoneyApi.ok(http.getAs(owen.username(), P, "/api/v1/cover-bookings/" + forOwen), 200).get("status").asString())
                .isEqualTo("REQUESTED");
        assertThat(jdbc.sql("SELECT count(*) FROM pa_employment WHERE pa_user_id = :u AND citizen_id = :c")
                .param("u", cover.userId()).param("c", owen.citizenId()).query(Long.class).single()).as("not employed by Owen").isZero();

        // once the first is called off, the PA is free again
        MoneyApi.ok(http.postJsonAs(nia.username(), P, "/api/v1/cover-bookings/" + forNia + "/cancel", "{}"), 200);
        assertThat(candidates(owen, tomorrow, "13:00", "15:00")).contains(cover.profileId());
        assertThat(MoneyApi.ok(http.postJsonAs(cover.username(), PA_PASSWORD, "/api/v1/cover-bookings/" + forOwen + "/accept",
                accept("Gwen")), 200).get("status").asString()).isEqualTo("ACCEPTED");
    }

    @Test
    void aShiftThatHasEndedCanNoLongerBeAccepted() {
        Person nia = person(true);
        Pa cover = paAnyTime("SAME_DAY");
        LocalDate tomorrow = LocalDate.now(UK).plusDays(1);
        long id = MoneyApi.ok(http.postJsonAs(nia.username(), P, "/api/v1/cover-bookings",
                booking(nia, cover.profileId(), tomorrow, "09:00", "10:00", 1400)), 201).get("id").asLong();
        // the test cannot wait for the clock: the shift is moved to earlier today, so it is over
        assumeTrue(LocalTime.now(UK).isAfter(LocalTime.of(0, 2)), "the first minutes of the day have no shift that is over");
        jdbc.sql("UPDATE cover_booking SET cover_date = :d, starts_at = '00:00', ends_at = '00:01' WHERE id = :id")
                .param("d", LocalDate.now(UK)).param("id", id).update();

        HttpResponse<String> late = http.postJsonAs(cover.username(), PA_PASSWORD, "/api/v1/cover-bookings/" + id + "/accept",
                accept("Gwen"));
        assertThat(late.statusCode()).as(late.body()).isEqualTo(409);
        assertThat(late.body()).contains("This cover shift has ended");
        assertThat(MoneyApi.ok(http.getAs(nia.username(), P, "/api/v1/cover-bookings/" + id), 200).get("status").asString())
                .isEqualTo("REQUESTED");
        assertThat(jdbc.sql("SELECT count(*) FROM pa_employment WHERE pa_user_id = :u").param("u", cover.userId())
                .query(Long.class).single()).as("nobody employed").isZero();
    }

    @Test
    void aNightShiftEndsTheNextMorningAndKeepsThePaBusyUntilThen() {
        Person nia = person(true);
        Person owen = person(true);
        Pa nights = pa(true, "SAME_DAY", List.of("NIGHT", "MORNING"));
        LocalDate tomorrow = LocalDate.now(UK).plusDays(1);

        assertThat(candidates(nia, tomorrow, "22:00", "07:00")).contains(nights.profileId());
        HttpResponse<String> asked = http.postJsonAs(nia.username(), P, "/api/v1/cover-bookings",
                booking(nia, nights.profileId(), tomorrow, "22:00", "07:00", 1400));
        JsonNode booking = MoneyApi.ok(asked, 201);
        long id = booking.get("id").asLong();
        assertThat(booking.get("endsNextDay").asBoolean()).isTrue();
        assertThat(booking.get("startTime").asString()).startsWith("22:00");
        assertThat(booking.get("endTime").asString()).startsWith("07:00");
        assertThat((String) lettersToPa(nights).get(0).get("body")).contains("22:00 to 07:00, ending the next day");

        // the page says so, and counts 9 hours
        String session = http.signIn(nia.username(), P);
        String page = http.get("/cover-bookings/" + id, "Cookie", session).body();
        assertThat(page).contains("22:00–07:00 (ends the next day)").contains("for 9 hours");
        String welsh = http.get("/cover-bookings/" + id + "?lang=cy", "Cookie", session).body();
        assertThat(welsh).contains("(yn gorffen y diwrnod wedyn)");

        MoneyApi.ok(http.postJsonAs(nights.username(), PA_PASSWORD, "/api/v1/cover-bookings/" + id + "/accept", accept("Gwen")), 200);
        // busy from 22:00 to 07:00 the next morning: not offered for a shift in that time, offered earlier that day
        assertThat(candidates(owen, tomorrow, "23:00", "23:30")).doesNotContain(nights.profileId());
        assertThat(candidates(owen, tomorrow, "21:00", "22:30")).doesNotContain(nights.profileId());
        assertThat(candidates(owen, tomorrow, "05:00", "06:00")).as("that morning, before the night").contains(nights.profileId());

        // a night shift from today runs into tomorrow morning (moved to today: the test cannot wait for the clock)
        jdbc.sql("UPDATE cover_booking SET cover_date = :d WHERE id = :id").param("d", LocalDate.now(UK)).param("id", id).update();
        assertThat(candidates(owen, tomorrow, "05:00", "08:00")).as("until 07:00 tomorrow").doesNotContain(nights.profileId());
        assertThat(candidates(owen, tomorrow, "07:00", "09:00")).as("free from 07:00").contains(nights.profileId());
        HttpResponse<String> again = http.postJsonAs(owen.username(), P, "/api/v1/cover-bookings",
                booking(owen, nights.profileId(), tomorrow, "06:00", "09:00", 1400));
        refusedOn(again, "profileId");
        assertThat(again.body()).contains("already booked for cover at that time");
        // moved to yesterday, the night ended at 07:00 today: it no longer keeps the PA from tomorrow's shifts
        jdbc.sql("UPDATE cover_booking SET cover_date = :d WHERE id = :id").param("d", LocalDate.now(UK).minusDays(1)).param("id", id)
                .update();
        assertThat(candidates(owen, tomorrow, "05:00", "08:00")).contains(nights.profileId());
    }

    /** The letters written to this PA, oldest first: {kind, channel, recipient, subject, body}. */
    List<java.util.Map<String, Object>> lettersToPa(Pa pa) {
        return jdbc.sql("SELECT id, kind, channel, recipient, subject, body, citizen_id FROM letter WHERE pa_profile_id = :p ORDER BY id")
                .param("p", pa.profileId()).query().listOfRows();
    }

    /** The cover letters written to this person, oldest first. */
    List<java.util.Map<String, Object>> coverLettersTo(Person person) {
        return jdbc.sql("SELECT id, kind, channel, recipient, subject, body FROM letter WHERE citizen_id = :c AND kind LIKE 'COVER%' ORDER BY id")
                .param("c", person.citizenId()).query().listOfRows();
    }

    @Test
    void aPaAskedForCoverIsToldAtOnceWithoutTheEmployersContactAndTheEmployerIsToldTheAnswer() throws Exception {
        Person nia = person(true);
        Pa cover = paAnyTime("SAME_DAY");
        LocalDate tomorrow = LocalDate.now(UK).plusDays(1);
        String body = booking(nia, cover.profileId(), tomorrow, "10:00", "14:00", 1400);
        long id = MoneyApi.ok(http.postJsonAs(nia.username(), P, "/api/v1/cover-bookings", body), 201).get("id").asLong();

        List<java.util.Map<String, Object>> toPa = lettersToPa(cover);
        assertThat(toPa).as("one letter to the PA, at once").hasSize(1);
        java.util.Map<String, Object> asked = toPa.get(0);
        assertThat(asked.get("kind")).isEqualTo("COVER_REQUESTED");
        assertThat(asked.get("citizen_id")).isNull();
        assertThat(asked.get("channel")).isEqualTo("EMAIL");
        assertThat(asked.get("recipient")).as("the PA's own email").isEqualTo(cover.username());
        String text = (String) asked.get("body");
        assertThat(text).contains("Dear Cover P.", "near SY1", DateTimeFormatter.ofPattern("d MMMM yyyy", java.util.Locale.UK).format(tomorrow)
                        + ", 10:00 to 14:00", "Help getting up and dressed, and lunch", "£14.00 an hour", "/cover-bookings/" + id)
                .doesNotContain("ending the next day");
        java.util.Map<String, Object> employer = jdbc.sql("SELECT employer_name, employer_contact FROM cover_booking WHERE id = :id")
                .param("id", id).query().singleRow();
        String postcode = jdbc.sql("SELECT postcode FROM citizen WHERE id = :c").param("c", nia.citizenId()).query(String.class).single();
        assertThat(text + asked.get("subject")).as("no employer name, contact or address before the PA says yes")
                .doesNotContain((String) employer.get("employer_name"), (String) employer.get("employer_contact"), nia.username(),
                        postcode, "Nia");

        // asked again (a retry, a double click): refused, and nothing more written
        assertThat(http.postJsonAs(nia.username(), P, "/api/v1/cover-bookings", body).statusCode()).isEqualTo(409);
        assertThat(lettersToPa(cover)).hasSize(1);
        assertThat(coverLettersTo(nia)).as("nothing to the employer before an answer").isEmpty();

        // staff of the council see the letter to the PA; another council's staff do not
        long letter = ((Number) asked.get("id")).longValue();
        JsonNode seen = MoneyApi.ok(http.getAs(TEAM, P, "/api/v1/letters/" + letter), 200);
        assertThat(seen.get("paProfileId").asLong()).isEqualTo(cover.profileId());
        assertThat(seen.get("citizenId").isNull()).isTrue();
        assertThat(http.getAs("dp-team@demo-wales", P, "/api/v1/letters/" + letter).statusCode()).isEqualTo(404);
        assertThat(http.getAs(nia.username(), P, "/api/v1/letters/" + letter).statusCode()).as("not the employer's letter").isEqualTo(404);
        String session = http.signIn(TEAM, P);
        String outbox = http.get("/outbox", "Cookie", session).body();
        assertThat(outbox).contains("/outbox/" + letter).contains("Can you cover a shift?");
        HttpResponse<String> page = http.get("/outbox/" + letter, "Cookie", session);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains(cover.username()).contains("Help getting up and dressed, and lunch");

        // the PA says yes: the employer is told, with how to reach the PA
        MoneyApi.ok(http.postJsonAs(cover.username(), PA_PASSWORD, "/api/v1/cover-bookings/" + id + "/accept", accept("Gwen")), 200);
        List<java.util.Map<String, Object>> toEmployer = coverLettersTo(nia);
        assertThat(toEmployer).hasSize(1);
        assertThat(toEmployer.get(0).get("kind")).isEqualTo("COVER_ACCEPTED");
        assertThat((String) toEmployer.get(0).get("subject")).isEqualTo("Cover P. can cover your shift");
        assertThat((String) toEmployer.get(0).get("body")).contains("Cover P. has said yes", "Phone: " + cover.phone(),
                "Email: " + cover.username(), "10:00 to 14:00");
        // an answer given twice is refused and tells nobody again
        assertThat(http.postJsonAs(cover.username(), PA_PASSWORD, "/api/v1/cover-bookings/" + id + "/decline", "{}").statusCode())
                .isEqualTo(409);
        assertThat(coverLettersTo(nia)).hasSize(1);
        assertThat(lettersToPa(cover)).hasSize(1);
    }

    @Test
    void aPaWhoSaysNoIsNotNamedWithContactsAndTheEmployerIsToldWhereToFindSomeoneElse() {
        Person nia = person(true);
        Pa cover = paAnyTime("NEXT_DAY");
        LocalDate tomorrow = LocalDate.now(UK).plusDays(1);
        long id = MoneyApi.ok(http.postJsonAs(nia.username(), P, "/api/v1/cover-bookings",
                booking(nia, cover.profileId(), tomorrow, "09:00", "12:00", 1400)), 201).get("id").asLong();
        MoneyApi.ok(http.postJsonAs(cover.username(), PA_PASSWORD, "/api/v1/cover-bookings/" + id + "/decline", "{}"), 200);

        List<java.util.Map<String, Object>> toEmployer = coverLettersTo(nia);
        assertThat(toEmployer).hasSize(1);
        assertThat(toEmployer.get(0).get("kind")).isEqualTo("COVER_DECLINED");
        String text = (String) toEmployer.get(0).get("body");
        assertThat(text).contains("Cover P. has said no", "/cover?citizen=" + nia.citizenId(), "find another PA")
                .doesNotContain(cover.phone(), cover.username());
        // the booking's page says where to look again, for the same shift
        String page = http.get("/cover-bookings/" + id, "Cookie", http.signIn(nia.username(), P)).body();
        assertThat(page).contains("id=\"find-someone-else\"").contains("/cover?citizen=" + nia.citizenId() + "&amp;date=" + tomorrow);
        assertThat(http.postJsonAs(cover.username(), PA_PASSWORD, "/api/v1/cover-bookings/" + id + "/decline", "{}").statusCode())
                .isEqualTo(409);
        assertThat(coverLettersTo(nia)).hasSize(1);
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
