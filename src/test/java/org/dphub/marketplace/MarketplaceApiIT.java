package org.dphub.marketplace;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.dphub.support.Http;
import org.dphub.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The marketplace contract of issue 5 over real HTTP: sign-up, profiles and checks, vacancies and
 * the National Living Wage rule, ranked matches with reasons, introductions, messages and hiring —
 * with contact details never in any answer before CONNECTED, and every refusal naming its field.
 */
@IntegrationTest
@org.springframework.test.context.event.RecordApplicationEvents
class MarketplaceApiIT {

    static final String PASSWORD = Http.DEMO_PASSWORD;
    static final String PA_PASSWORD = "a long pa password 2026";
    static final String CITIZEN = "citizen@demo-england";
    static final String REPRESENTATIVE = "representative@demo-england";
    static final String PRACTITIONER = "practitioner@demo-england";
    static final String WALES_PRACTITIONER = "practitioner@demo-wales";
    static final String DP_TEAM = "dp-team@demo-england";
    static final AtomicInteger PAS = new AtomicInteger();

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    org.springframework.test.context.event.ApplicationEvents events;
    @Autowired
    Introductions introductions;
    @Autowired
    org.dphub.identity.UserAccounts accounts;

    Http http;
    final JsonMapper json = JsonMapper.builder().build();

    @BeforeEach
    void client() {
        http = new Http(port);
    }

    JsonNode body(HttpResponse<String> response) {
        return json.readTree(response.body());
    }

    JsonNode status(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        return response.body().isEmpty() ? null : body(response);
    }

    List<String> errorFields(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(422);
        List<String> fields = new ArrayList<>();
        body(response).get("errors").forEach(e -> fields.add(e.get("field").asString()));
        return fields;
    }

    long citizenOf(String username) {
        return jdbc.sql("""
                        SELECT a.citizen_id FROM citizen_access a JOIN app_user u ON u.id = a.user_id
                        WHERE u.username = :u ORDER BY a.citizen_id LIMIT 1""")
                .param("u", username).query(Long.class).single();
    }

    /** A PA who signed up and has the contact details {@code phone} and {@code email}. */
    record Pa(String username, long profileId, String phone, String email) {
    }

    String register() {
        String email = "pa" + PAS.incrementAndGet() + "-" + System.nanoTime() + "@example.org";
        status(http.postJson("/api/v1/pa-registrations", """
                {"email": "%s", "password": "%s", "displayName": "Rhys P."}""".formatted(email, PA_PASSWORD)), 201);
        return email;
    }

    String profileJson(String phone, String email, boolean visible, String extra) {
        return """
                {"displayName": "Rhys P.", "about": "I love football & Saturdays at the match.",
                 "skills": ["personal-care", "driving"], "interests": ["football", "Gardening"], "languages": ["en", "cy"],
                 "availability": [{"day": "SATURDAY", "slot": "MORNING"}, {"day": "SATURDAY", "slot": "AFTERNOON"},
                                  {"day": "MONDAY", "slot": "EVENING"}],
                 "postcode": "sy1 1aa", "travelRadiusKm": 25, "hourlyRatePence": 1350, "visible": %s,
                 "phone": "%s", "email": "%s", "codeOfConductAccepted": true %s}"""
                .formatted(visible, phone, email, extra);
    }

    Pa paWithProfile(boolean visible) {
        String username = register();
        int n = PAS.get();
        String phone = "07700 9%05d".formatted(50_000 + n);
        String email = "contact-" + n + "-" + System.nanoTime() + "@pa.example.org";
        JsonNode created = status(http.postJsonAs(username, PA_PASSWORD, "/api/v1/pa-profiles",
                profileJson(phone, email, visible, "")), 201);
        assertThat(created.get("status").asString()).isEqualTo("AWAITING_CHECKS");
        return new Pa(username, created.get("id").asLong(), phone, email);
    }

    Pa paWithProfile(boolean visible, String extra) {
        String username = register();
        int n = PAS.get();
        String phone = "07700 9%05d".formatted(50_000 + n);
        String email = "contact-" + n + "-" + System.nanoTime() + "@pa.example.org";
        JsonNode created = status(http.postJsonAs(username, PA_PASSWORD, "/api/v1/pa-profiles",
                profileJson(phone, email, visible, extra)), 201);
        return new Pa(username, created.get("id").asLong(), phone, email);
    }

    Pa livePa(String extra) {
        Pa pa = paWithProfile(true, extra);
        assertThat(status(http.postJsonAs(DP_TEAM, PASSWORD, "/api/v1/pa-profiles/" + pa.profileId() + "/checks", """
                {"identityChecked": true, "referencesChecked": true, "dbsCheckedOn": "2026-10-01"}"""), 200)
                .get("status").asString()).isEqualTo("LIVE");
        return pa;
    }

    List<Long> vacancyIdsFor(Pa pa) {
        List<Long> ids = new ArrayList<>();
        status(http.getAs(pa.username(), PA_PASSWORD, "/api/v1/pa-profiles/" + pa.profileId() + "/matches?limit=100"), 200)
                .forEach(m -> ids.add(m.get("vacancyId").asLong()));
        return ids;
    }

    Pa livePa(boolean visible) {
        Pa pa = paWithProfile(visible);
        assertThat(status(http.postJsonAs(DP_TEAM, PASSWORD, "/api/v1/pa-profiles/" + pa.profileId() + "/checks", """
                {"identityChecked": true, "referencesChecked": true, "dbsCheckedOn": "2026-10-01"}"""), 200)
                .get("status").asString()).isEqualTo("LIVE");
        return pa;
    }

    String vacancyJson(long citizenId, long ratePence, String extra) {
        return """
                {"citizenId": %d, "title": "Support me to get to Shrewsbury Town matches",
                 "outcomes": ["Keep going to matches with my brother", "Share my love of gardening"],
                 "interests": ["football", "gardening"], "skillsWanted": ["driving", "cooking"], "mustHaves": ["driving"],
                 "availability": [{"day": "SATURDAY", "slot": "MORNING"}, {"day": "SATURDAY", "slot": "AFTERNOON"}],
                 "postcode": "SY1 1AA", "maxDistanceKm": 20, "hoursPerWeek": 6.5, "hourlyRatePence": %d,
                 "startDate": "2027-01-04" %s}""".formatted(citizenId, ratePence, extra);
    }

    long vacancy(String username, long citizenId) {
        return status(http.postJsonAs(username, PASSWORD, "/api/v1/vacancies", vacancyJson(citizenId, 1400, "")), 201)
                .get("id").asLong();
    }

    List<Long> matchIds(String username, long vacancyId) {
        HttpResponse<String> response = http.getAs(username, PASSWORD, "/api/v1/vacancies/" + vacancyId + "/matches?limit=100");
        List<Long> ids = new ArrayList<>();
        status(response, 200).forEach(m -> ids.add(m.get("profileId").asLong()));
        return ids;
    }

    JsonNode matchFor(String username, long vacancyId, long profileId) {
        for (JsonNode m : status(http.getAs(username, PASSWORD, "/api/v1/vacancies/" + vacancyId + "/matches?limit=100"), 200)) {
            if (m.get("profileId").asLong() == profileId) {
                return m;
            }
        }
        return null;
    }

    /** The introductions a person's home page asks them to answer (what HomeMarketplace lists). */
    List<Long> waitingForAnswerOf(String username) {
        return introductions.waitingForAnswer(accounts.findByUsername(username).orElseThrow()).stream()
                .map(org.dphub.marketplace.internal.IntroductionRepository.Waiting::id).toList();
    }

    /** The introductions a person is part of, on either side (their introductions page). */
    List<Long> introductionsOf(String username) {
        return introductions.forUser(accounts.findByUsername(username).orElseThrow()).stream().map(v -> v.introduction().id()).toList();
    }

    static void assertNoContact(HttpResponse<String> response, Pa pa) {
        assertThat(response.body()).as("contact details before CONNECTED")
                .doesNotContain(pa.phone()).doesNotContain(pa.email()).doesNotContain("\"phone\"").doesNotContain("\"email\"");
    }

    @Test
    void fromSignUpToHire_contactDetailsOnlyOnceConnected() {
        long citizenId = citizenOf(CITIZEN);
        Pa pa = paWithProfile(true);
        assertThat(status(http.getAs(pa.username(), PA_PASSWORD, "/api/v1/me"), 200).get("roles").toString())
                .contains("PERSONAL_ASSISTANT");
        assertThat(http.postJsonAs(pa.username(), PA_PASSWORD, "/api/v1/pa-profiles", profileJson("07700 900000", "x@example.org",
                true, "")).statusCode()).as("one profile each").isEqualTo(409);

        HttpResponse<String> posted = http.postJsonAs(CITIZEN, PASSWORD, "/api/v1/vacancies", vacancyJson(citizenId, 1400, ""));
        JsonNode vacancy = status(posted, 201);
        assertThat(posted.headers().firstValue("Location")).isPresent();
        assertThat(vacancy.get("warnings")).isEmpty();
        long vacancyId = vacancy.get("id").asLong();

        assertThat(matchIds(CITIZEN, vacancyId)).as("not checked yet").doesNotContain(pa.profileId());

        HttpResponse<String> incomplete = http.postJsonAs(DP_TEAM, PASSWORD, "/api/v1/pa-profiles/" + pa.profileId() + "/checks", """
                {"identityChecked": true, "referencesChecked": false, "dbsCheckedOn": "2026-10-01"}""");
        assertThat(status(incomplete, 422).get("rule").asString()).isEqualTo("CHECKS_INCOMPLETE");
        assertThat(http.postJsonAs(pa.username(), PA_PASSWORD, "/api/v1/pa-profiles/" + pa.profileId() + "/checks", """
                {"identityChecked": true, "referencesChecked": true, "dbsCheckedOn": "2026-10-01"}""").statusCode())
                .as("a PA cannot check themself").isEqualTo(403);
        assertThat(status(http.postJsonAs(DP_TEAM, PASSWORD, "/api/v1/pa-profiles/" + pa.profileId() + "/checks", """
                {"identityChecked": true, "referencesChecked": true, "dbsCheckedOn": "2026-10-01"}"""), 200)
                .get("status").asString()).isEqualTo("LIVE");

        HttpResponse<String> matches = http.getAs(CITIZEN, PASSWORD, "/api/v1/vacancies/" + vacancyId + "/matches?limit=100");
        assertNoContact(matches, pa);
        JsonNode match = matchFor(CITIZEN, vacancyId, pa.profileId());
        assertThat(match).as(matches.body()).isNotNull();
        assertThat(match.get("displayName").asString()).isEqualTo("Rhys P.");
        assertThat(match.get("distanceKm").asDouble()).isEqualTo(0.0);
        JsonNode reasons = match.get("reasons");
        assertThat(reasons.get("availabilityOverlap").asInt()).isEqualTo(2);
        assertThat(reasons.get("sharedInterests").toString()).isEqualTo("[\"football\",\"gardening\"]");
        assertThat(reasons.get("skillsMet").toString()).isEqualTo("[\"driving\"]");
        assertThat(reasons.get("rateFits").asBoolean()).isTrue();
        // all times, interests, rate and distance; half the wanted skills: 100 − 20 × 0.5
        assertThat(match.get("score").asInt()).isEqualTo(90);
        JsonNode all = status(matches, 200);
        for (int i = 1; i < all.size(); i++) {
            int before = all.get(i - 1).get("score").asInt();
            int now = all.get(i).get("score").asInt();
            assertThat(before > now || (before == now && all.get(i - 1).get("profileId").asLong() < all.get(i).get("profileId").asLong()))
                    .as("best first, ties by profile id").isTrue();
        }
        assertThat(status(http.getAs(CITIZEN, PASSWORD, "/api/v1/vacancies/" + vacancyId + "/matches?limit=1&offset=0"), 200)).hasSize(1);

        // hiding is seen by the next request
        assertThat(http.putJsonAs(pa.username(), PA_PASSWORD, "/api/v1/pa-profiles/" + pa.profileId(),
                profileJson(pa.phone(), pa.email(), false, "")).statusCode()).isEqualTo(200);
        assertThat(matchIds(CITIZEN, vacancyId)).doesNotContain(pa.profileId());
        assertThat(http.putJsonAs(pa.username(), PA_PASSWORD, "/api/v1/pa-profiles/" + pa.profileId(),
                profileJson(pa.phone(), pa.email(), true, "")).statusCode()).isEqualTo(200);
        assertThat(matchIds(CITIZEN, vacancyId)).contains(pa.profileId());

        // the PA sees the vacancy among their matches, with the district only
        HttpResponse<String> paMatches = http.getAs(pa.username(), PA_PASSWORD, "/api/v1/pa-profiles/" + pa.profileId() + "/matches");
        JsonNode forPa = null;
        for (JsonNode m : status(paMatches, 200)) {
            if (m.get("vacancyId").asLong() == vacancyId) {
                forPa = m;
            }
        }
        assertThat(forPa).as(paMatches.body()).isNotNull();
        assertThat(forPa.get("district").asString()).isEqualTo("SY1");
        assertThat(paMatches.body()).doesNotContain("SY1 1AA");

        // invitation: the person's side invites, only the PA accepts
        HttpResponse<String> invited = http.postJsonAs(CITIZEN, PASSWORD, "/api/v1/vacancies/" + vacancyId + "/invitations",
                "{\"profileId\": " + pa.profileId() + "}");
        JsonNode invitation = status(invited, 201);
        assertThat(invitation.get("status").asString()).isEqualTo("INVITED");
        long introductionId = invitation.get("id").asLong();
        assertThat(http.postJsonAs(CITIZEN, PASSWORD, "/api/v1/vacancies/" + vacancyId + "/invitations",
                "{\"profileId\": " + pa.profileId() + "}").statusCode()).isEqualTo(409);
        // the invited PA's home asks for an answer, the side that invited has nothing to answer; both list it
        assertThat(waitingForAnswerOf(pa.username())).as("the PA's home").contains(introductionId);
        assertThat(waitingForAnswerOf(CITIZEN)).as("the inviting side's home").doesNotContain(introductionId);
        assertThat(introductionsOf(pa.username())).containsOnlyOnce(introductionId);
        assertThat(introductionsOf(CITIZEN)).containsOnlyOnce(introductionId);

        HttpResponse<String> before = http.getAs(CITIZEN, PASSWORD, "/api/v1/introductions/" + introductionId);
        assertThat(status(before, 200).get("status").asString()).isEqualTo("INVITED");
        assertThat(before.body()).doesNotContain(pa.phone()).doesNotContain(pa.email());
        HttpResponse<String> paBefore = http.getAs(pa.username(), PA_PASSWORD, "/api/v1/introductions/" + introductionId);
        assertThat(status(paBefore, 200).get("employer").isNull()).isTrue();
        assertThat(http.getAs(CITIZEN, PASSWORD, "/api/v1/introductions/" + introductionId + "/messages").statusCode()).isEqualTo(409);
        assertThat(http.postJsonAs(CITIZEN, PASSWORD, "/api/v1/introductions/" + introductionId + "/hire",
                "{\"agreedHourlyRatePence\": 1400, \"startDate\": \"2027-01-04\"}").statusCode()).as("not connected").isEqualTo(409);
        assertThat(http.postJsonAs(CITIZEN, PASSWORD, "/api/v1/introductions/" + introductionId + "/acceptance", "{}").statusCode())
                .as("the side that invited cannot accept").isEqualTo(403);
        assertThat(status(http.postJsonAs(pa.username(), PA_PASSWORD, "/api/v1/introductions/" + introductionId + "/acceptance", "{}"),
                200).get("status").asString()).isEqualTo("CONNECTED");

        JsonNode connected = status(http.getAs(CITIZEN, PASSWORD, "/api/v1/introductions/" + introductionId), 200);
        assertThat(connected.get("pa").get("phone").asString()).isEqualTo(pa.phone());
        assertThat(connected.get("pa").get("email").asString()).isEqualTo(pa.email());
        JsonNode paSees = status(http.getAs(pa.username(), PA_PASSWORD, "/api/v1/introductions/" + introductionId), 200);
        assertThat(paSees.get("employer").get("name").asString()).isNotBlank();

        // messages stay in the app; free text kept as typed
        assertThat(status(http.postJsonAs(pa.username(), PA_PASSWORD, "/api/v1/introductions/" + introductionId + "/messages",
                "{\"body\": \"Hello! Saturday suits me <3\"}"), 201).get("from").asString()).isEqualTo("PA");
        JsonNode thread = status(http.getAs(CITIZEN, PASSWORD, "/api/v1/introductions/" + introductionId + "/messages"), 200);
        assertThat(thread).hasSize(1);
        assertThat(thread.get(0).get("body").asString()).isEqualTo("Hello! Saturday suits me <3");

        // hiring: the employer's side, at least the National Living Wage; records the rate
        assertThat(http.postJsonAs(pa.username(), PA_PASSWORD, "/api/v1/introductions/" + introductionId + "/hire",
                "{\"agreedHourlyRatePence\": 1400, \"startDate\": \"2027-01-04\"}").statusCode()).isEqualTo(403);
        HttpResponse<String> tooLow = http.postJsonAs(CITIZEN, PASSWORD, "/api/v1/introductions/" + introductionId + "/hire",
                "{\"agreedHourlyRatePence\": 1200, \"startDate\": \"2027-01-04\"}");
        assertThat(status(tooLow, 422).get("rule").asString()).isEqualTo("BELOW_NATIONAL_LIVING_WAGE");
        JsonNode hire = status(http.postJsonAs(CITIZEN, PASSWORD, "/api/v1/introductions/" + introductionId + "/hire",
                "{\"agreedHourlyRatePence\": 1425, \"startDate\": \"2027-01-04\"}"), 201);
        assertThat(hire.get("agreedHourlyRatePence").asLong()).isEqualTo(1425);
        assertThat(jdbc.sql("SELECT agreed_hourly_rate_pence FROM pa_hire WHERE introduction_id = :i").param("i", introductionId)
                .query(Long.class).single()).isEqualTo(1425);
        assertThat(status(http.getAs(CITIZEN, PASSWORD, "/api/v1/vacancies/" + vacancyId), 200).get("status").asString())
                .isEqualTo("FILLED");

        JsonNode rates = status(http.getAs(PRACTITIONER, PASSWORD, "/api/v1/marketplace/pay-rates"), 200);
        assertThat(rates.toString()).contains("\"district\":\"SY1\"").contains("\"area\":\"SY\"");
        assertThat(http.getAs(CITIZEN, PASSWORD, "/api/v1/marketplace/pay-rates").statusCode()).isEqualTo(403);
        assertThat(status(http.getAs(WALES_PRACTITIONER, PASSWORD, "/api/v1/marketplace/pay-rates"), 200).toString())
                .as("another council's rates are its own").doesNotContain("SY1");
    }

    @Test
    void hiringPublishesPaHiredWithTheAgreedRate() {
        long citizenId = citizenOf(CITIZEN);
        long vacancyId = vacancy(CITIZEN, citizenId);
        Pa pa = livePa(true);
        long id = status(http.postJsonAs(CITIZEN, PASSWORD, "/api/v1/vacancies/" + vacancyId + "/invitations",
                "{\"profileId\": " + pa.profileId() + "}"), 201).get("id").asLong();
        status(http.postJsonAs(pa.username(), PA_PASSWORD, "/api/v1/introductions/" + id + "/acceptance", "{}"), 200);

        introductions.hire(accounts.findByUsername(CITIZEN).orElseThrow(), id, org.dphub.shared.Money.ofPence(1500),
                java.time.LocalDate.of(2027, 2, 1));

        assertThat(events.stream(PaHired.class).filter(e -> e.profileId() == pa.profileId())).singleElement().satisfies(e -> {
            assertThat(e.agreedHourlyRatePence()).isEqualTo(1500);
            assertThat(e.startDate()).hasToString("2027-02-01");
            assertThat(e.citizenId()).isEqualTo(citizenId);
            assertThat(e.vacancyId()).isEqualTo(vacancyId);
            assertThat(e.hoursPerWeek()).isEqualByComparingTo("6.5");
        });
        assertThat(http.postJsonAs(CITIZEN, PASSWORD, "/api/v1/introductions/" + id + "/hire",
                "{\"agreedHourlyRatePence\": 1500, \"startDate\": \"2027-02-01\"}").statusCode()).as("hired once").isEqualTo(409);
    }

    @Test
    void theOpenApiDocumentHasTheMarketplace() {
        JsonNode paths = body(http.get("/v3/api-docs")).get("paths");
        for (String path : List.of("/api/v1/pa-registrations", "/api/v1/pa-profiles", "/api/v1/pa-profiles/{id}/checks",
                "/api/v1/vacancies", "/api/v1/vacancies/{id}/matches", "/api/v1/vacancies/{id}/invitations",
                "/api/v1/pa-profiles/{id}/matches", "/api/v1/pa-profiles/{id}/interests", "/api/v1/introductions/{id}",
                "/api/v1/introductions/{id}/acceptance", "/api/v1/introductions/{id}/hire", "/api/v1/marketplace/pay-rates")) {
            assertThat(paths.has(path)).as(path).isTrue();
        }
        assertThat(paths.get("/api/v1/vacancies/{id}/matches").get("get").get("parameters").toString())
                .contains("limit").contains("offset").doesNotContain("SignedInUser");
    }

    @Test
    void signUpRefusals() {
        String email = register();
        assertThat(http.postJson("/api/v1/pa-registrations", """
                {"email": "%s", "password": "%s", "displayName": "Again"}""".formatted(email.toUpperCase(), PA_PASSWORD))
                .statusCode()).isEqualTo(409);
        assertThat(errorFields(http.postJson("/api/v1/pa-registrations", """
                {"email": "weak-%d@example.org", "password": "short", "displayName": "Weak"}""".formatted(System.nanoTime()))))
                .containsExactly("password");
        assertThat(errorFields(http.postJson("/api/v1/pa-registrations", """
                {"email": "not an email", "password": "%s", "displayName": "<b>Bold</b>"}""".formatted(PA_PASSWORD))))
                .containsExactly("email", "displayName");
        assertThat(http.postJson("/api/v1/pa-registrations", "{\"email\": \"" + "a".repeat(5000) + "\"}").statusCode())
                .as("body limit").isEqualTo(413);
        assertThat(http.postJson("/api/v1/pa-profiles", "{}").statusCode()).as("only sign-up is open").isEqualTo(401);
    }

    @Test
    void theNationalLivingWageIsTheFloor_theCouncilsRateAWarning() {
        long citizenId = citizenOf(CITIZEN);
        long before = jdbc.sql("SELECT count(*) FROM vacancy").query(Long.class).single();
        HttpResponse<String> refused = http.postJsonAs(CITIZEN, PASSWORD, "/api/v1/vacancies", vacancyJson(citizenId, 1270, ""));
        JsonNode problem = status(refused, 422);
        assertThat(problem.get("rule").asString()).isEqualTo("BELOW_NATIONAL_LIVING_WAGE");
        assertThat(problem.get("detail").asString()).contains("£12.71");
        assertThat(jdbc.sql("SELECT count(*) FROM vacancy").query(Long.class).single()).isEqualTo(before);

        JsonNode warned = status(http.postJsonAs(CITIZEN, PASSWORD, "/api/v1/vacancies", vacancyJson(citizenId, 1300, "")), 201);
        assertThat(warned.get("warnings").get(0).get("code").asString()).isEqualTo("BELOW_COUNCIL_PA_RATE");
        assertThat(status(http.postJsonAs(CITIZEN, PASSWORD, "/api/v1/vacancies", vacancyJson(citizenId, 1271, "")), 201)
                .get("id").asLong()).isPositive();
    }

    @Test
    void badProfileInputIsRefusedByField_andNothingChanges() {
        String username = register();
        long before = jdbc.sql("SELECT count(*) FROM pa_profile").query(Long.class).single();
        String good = profileJson("07700 900001", "me@example.org", true, "");
        assertThat(errorFields(http.postJsonAs(username, PA_PASSWORD, "/api/v1/pa-profiles",
                good.replace("sy1 1aa", "ZZ9 9ZZ")))).containsExactly("postcode");
        assertThat(errorFields(http.postJsonAs(username, PA_PASSWORD, "/api/v1/pa-profiles",
                good.replace("sy1 1aa", "not a postcode")))).containsExactly("postcode");
        assertThat(errorFields(http.postJsonAs(username, PA_PASSWORD, "/api/v1/pa-profiles",
                good.replace("\"travelRadiusKm\": 25", "\"travelRadiusKm\": 0")))).containsExactly("travelRadiusKm");
        assertThat(errorFields(http.postJsonAs(username, PA_PASSWORD, "/api/v1/pa-profiles",
                good.replace("\"travelRadiusKm\": 25", "\"travelRadiusKm\": 10000")))).containsExactly("travelRadiusKm");
        StringBuilder many = new StringBuilder();
        for (int i = 0; i < 500; i++) {
            many.append(i == 0 ? "" : ", ").append("\"interest-").append(i).append('"');
        }
        assertThat(errorFields(http.postJsonAs(username, PA_PASSWORD, "/api/v1/pa-profiles",
                good.replace("[\"football\", \"Gardening\"]", "[" + many + "]")))).containsExactly("interests");
        assertThat(errorFields(http.postJsonAs(username, PA_PASSWORD, "/api/v1/pa-profiles",
                good.replace("\"slot\": \"MORNING\"", "\"slot\": \"BRUNCH\"")))).containsExactly("availability[0].slot");
        assertThat(errorFields(http.postJsonAs(username, PA_PASSWORD, "/api/v1/pa-profiles",
                good.replace("\"day\": \"MONDAY\"", "\"day\": \"FUNDAY\"")))).containsExactly("availability[2].day");
        assertThat(errorFields(http.postJsonAs(username, PA_PASSWORD, "/api/v1/pa-profiles",
                good.replace("I love football", "<script>alert(1)</script>")))).containsExactly("about");
        assertThat(errorFields(http.postJsonAs(username, PA_PASSWORD, "/api/v1/pa-profiles",
                good.replace("\"Rhys P.\"", "\"Rhys\\u0007 P.\"")))).containsExactly("displayName");
        assertThat(errorFields(http.postJsonAs(username, PA_PASSWORD, "/api/v1/pa-profiles",
                good.replace("\"driving\"]", "\"juggling\"]")))).containsExactly("skills");
        assertThat(errorFields(http.postJsonAs(username, PA_PASSWORD, "/api/v1/pa-profiles",
                good.replace("\"hourlyRatePence\": 1350", "\"hourlyRatePence\": 13.5")))).containsExactly("hourlyRatePence");
        assertThat(jdbc.sql("SELECT count(*) FROM pa_profile").query(Long.class).single()).isEqualTo(before);
        assertThat(http.postJsonAs(CITIZEN, PASSWORD, "/api/v1/pa-profiles", good).statusCode()).as("only PAs").isEqualTo(403);
    }

    @Test
    void whoMaySeeAndActIsChecked() {
        long citizenId = citizenOf(CITIZEN);
        long representedId = citizenOf(REPRESENTATIVE);
        long walesCitizen = jdbc.sql("""
                        SELECT z.id FROM citizen z JOIN council c ON c.id = z.council_id WHERE c.code = 'demo-wales' ORDER BY z.id LIMIT 1""")
                .query(Long.class).single();
        long before = jdbc.sql("SELECT count(*) FROM vacancy").query(Long.class).single();
        assertThat(errorFields(http.postJsonAs(PRACTITIONER, PASSWORD, "/api/v1/vacancies", vacancyJson(walesCitizen, 1400, ""))))
                .as("another council's person").containsExactly("citizenId");
        assertThat(errorFields(http.postJsonAs(CITIZEN, PASSWORD, "/api/v1/vacancies", vacancyJson(representedId, 1400, ""))))
                .as("another person").containsExactly("citizenId");
        assertThat(errorFields(http.postJsonAs(CITIZEN, PASSWORD, "/api/v1/vacancies",
                vacancyJson(citizenId, 1400, "").replace("\"mustHaves\": [\"driving\"]", "\"mustHaves\": [\"a-gender\"]"))))
                .containsExactly("mustHaves");
        assertThat(errorFields(http.postJsonAs(CITIZEN, PASSWORD, "/api/v1/vacancies",
                vacancyJson(citizenId, 1400, "").replace("\"maxDistanceKm\": 20", "\"maxDistanceKm\": 0"))))
                .containsExactly("maxDistanceKm");
        assertThat(jdbc.sql("SELECT count(*) FROM vacancy").query(Long.class).single()).isEqualTo(before);

        // the representative and a practitioner of the council post for the person; the citizen cannot use it
        long representativeVacancy = vacancy(REPRESENTATIVE, representedId);
        assertThat(vacancy(PRACTITIONER, citizenId)).isPositive();
        Pa pa = livePa(true);
        long introductions = jdbc.sql("SELECT count(*) FROM introduction").query(Long.class).single();
        assertThat(http.postJsonAs(CITIZEN, PASSWORD, "/api/v1/vacancies/" + representativeVacancy + "/invitations",
                "{\"profileId\": " + pa.profileId() + "}").statusCode()).as("another person's vacancy").isEqualTo(404);
        assertThat(http.getAs(CITIZEN, PASSWORD, "/api/v1/vacancies/" + representativeVacancy + "/matches").statusCode()).isEqualTo(404);
        assertThat(http.getAs(WALES_PRACTITIONER, PASSWORD, "/api/v1/vacancies/" + representativeVacancy + "/matches").statusCode())
                .isEqualTo(404);
        assertThat(http.getAs(pa.username(), PA_PASSWORD, "/api/v1/vacancies/" + representativeVacancy + "/matches").statusCode())
                .isEqualTo(404);
        assertThat(matchIds(PRACTITIONER, representativeVacancy)).contains(pa.profileId());
        assertThat(jdbc.sql("SELECT count(*) FROM introduction").query(Long.class).single()).isEqualTo(introductions);

        // a hidden profile: its PA and the DP team see it, another PA does not
        Pa hidden = paWithProfile(false);
        assertThat(http.getAs(pa.username(), PA_PASSWORD, "/api/v1/pa-profiles/" + hidden.profileId()).statusCode()).isEqualTo(404);
        assertThat(status(http.getAs(hidden.username(), PA_PASSWORD, "/api/v1/pa-profiles/" + hidden.profileId()), 200)
                .get("email").asString()).isEqualTo(hidden.email());
        assertThat(status(http.getAs(DP_TEAM, PASSWORD, "/api/v1/pa-profiles/" + hidden.profileId()), 200)
                .get("phone").asString()).isEqualTo(hidden.phone());
        assertThat(http.putJsonAs(pa.username(), PA_PASSWORD, "/api/v1/pa-profiles/" + hidden.profileId(),
                profileJson("07700 900002", "x@example.org", true, "")).statusCode()).as("another PA's profile").isEqualTo(404);
        // a live, visible profile: others see it without contact details
        HttpResponse<String> open = http.getAs(CITIZEN, PASSWORD, "/api/v1/pa-profiles/" + pa.profileId());
        assertThat(status(open, 200).get("district").asString()).isEqualTo("SY1");
        assertNoContact(open, pa);
        assertThat(open.body()).doesNotContain("SY1 1AA");
        assertThat(http.getAs(hidden.username(), PA_PASSWORD, "/api/v1/pa-profiles/" + pa.profileId() + "/matches").statusCode())
                .isEqualTo(404);
    }

    @Test
    void interestAcceptedByThePersonsSide_declineAndBlock() {
        long citizenId = citizenOf(CITIZEN);
        long vacancyId = vacancy(CITIZEN, citizenId);
        Pa waiting = paWithProfile(true);
        assertThat(http.postJsonAs(waiting.username(), PA_PASSWORD, "/api/v1/pa-profiles/" + waiting.profileId() + "/interests",
                "{\"vacancyId\": " + vacancyId + "}").statusCode()).as("not live yet").isEqualTo(409);

        Pa pa = livePa(true);
        JsonNode interest = status(http.postJsonAs(pa.username(), PA_PASSWORD, "/api/v1/pa-profiles/" + pa.profileId() + "/interests",
                "{\"vacancyId\": " + vacancyId + "}"), 201);
        assertThat(interest.get("status").asString()).isEqualTo("INTERESTED");
        long id = interest.get("id").asLong();
        // the person's home asks them to answer the PA; the PA who showed interest has nothing to answer
        assertThat(waitingForAnswerOf(CITIZEN)).as("the person's home").contains(id);
        assertThat(waitingForAnswerOf(pa.username())).as("the interested PA's home").doesNotContain(id);
        assertThat(introductionsOf(pa.username())).containsOnlyOnce(id);
        assertThat(introductionsOf(CITIZEN)).containsOnlyOnce(id);
        assertNoContact(http.getAs(CITIZEN, PASSWORD, "/api/v1/introductions/" + id), pa);
        assertThat(http.postJsonAs(pa.username(), PA_PASSWORD, "/api/v1/introductions/" + id + "/acceptance", "{}").statusCode())
                .isEqualTo(403);
        assertThat(http.postJsonAs(REPRESENTATIVE, PASSWORD, "/api/v1/introductions/" + id + "/acceptance", "{}").statusCode())
                .as("not on either side").isEqualTo(404);
        assertThat(status(http.postJsonAs(CITIZEN, PASSWORD, "/api/v1/introductions/" + id + "/acceptance", "{}"), 200)
                .get("status").asString()).isEqualTo("CONNECTED");
        assertThat(status(http.postJsonAs(pa.username(), PA_PASSWORD, "/api/v1/introductions/" + id + "/decline", "{}"), 200)
                .get("status").asString()).isEqualTo("DECLINED");
        assertThat(http.postJsonAs(pa.username(), PA_PASSWORD, "/api/v1/introductions/" + id + "/messages",
                "{\"body\": \"Still there?\"}").statusCode()).isEqualTo(409);

        // a block: the PA leaves the person's matches and cannot start again
        Pa blocked = livePa(true);
        long second = status(http.postJsonAs(CITIZEN, PASSWORD, "/api/v1/vacancies/" + vacancyId + "/invitations",
                "{\"profileId\": " + blocked.profileId() + "}"), 201).get("id").asLong();
        assertThat(matchIds(CITIZEN, vacancyId)).contains(blocked.profileId());
        assertThat(status(http.postJsonAs(CITIZEN, PASSWORD, "/api/v1/introductions/" + second + "/block", "{}"), 200)
                .get("status").asString()).isEqualTo("BLOCKED");
        assertThat(matchIds(CITIZEN, vacancyId)).doesNotContain(blocked.profileId());
        long otherVacancy = vacancy(CITIZEN, citizenId);
        assertThat(http.postJsonAs(blocked.username(), PA_PASSWORD, "/api/v1/pa-profiles/" + blocked.profileId() + "/interests",
                "{\"vacancyId\": " + otherVacancy + "}").statusCode()).isEqualTo(409);

        // suspended profiles leave matches; reinstated ones are checked again
        assertThat(status(http.postJsonAs(DP_TEAM, PASSWORD, "/api/v1/pa-profiles/" + pa.profileId() + "/suspension",
                "{\"reason\": \"Reported twice\"}"), 200).get("status").asString()).isEqualTo("SUSPENDED");
        assertThat(matchIds(CITIZEN, otherVacancy)).doesNotContain(pa.profileId());
        assertThat(status(http.postJsonAs(CITIZEN, PASSWORD, "/api/v1/pa-profiles/" + blocked.profileId() + "/reports",
                "{\"reason\": \"Did not turn up\"}"), 201).get("id").asLong()).isPositive();
        assertThat(status(http.getAs(DP_TEAM, PASSWORD, "/api/v1/marketplace/reports"), 200).toString()).contains("Did not turn up");
    }

    @Test
    void aWomanOrAManOnlyForIntimateCare_andAPaOfAnotherOrNoGenderNeverMatchesEitherWay() {
        long citizenId = citizenOf(CITIZEN);
        long before = jdbc.sql("SELECT count(*) FROM vacancy").query(Long.class).single();
        String base = vacancyJson(citizenId, 1400, "");
        JsonNode refused = status(http.postJsonAs(CITIZEN, PASSWORD, "/api/v1/vacancies",
                base.replace("\"mustHaves\": [\"driving\"]", "\"mustHaves\": [\"driving\", \"gender:female\"]")), 422);
        assertThat(refused.get("rule").asString()).isEqualTo("GENDER_ONLY_FOR_INTIMATE_CARE");
        assertThat(refused.get("detail").asString()).contains("intimate personal care");
        assertThat(status(http.postJsonAs(CITIZEN, PASSWORD, "/api/v1/vacancies",
                base.replace("\"mustHaves\": [\"driving\"]", "\"mustHaves\": [\"personal-care\", \"gender:female\", \"gender:male\"]")),
                422).get("rule").asString()).as("one gender at most").isEqualTo("GENDER_ONLY_FOR_INTIMATE_CARE");
        assertThat(errorFields(http.postJsonAs(CITIZEN, PASSWORD, "/api/v1/vacancies",
                base.replace("\"mustHaves\": [\"driving\"]", "\"mustHaves\": [\"personal-care\", \"gender:non-binary\"]"))))
                .containsExactly("mustHaves");
        assertThat(jdbc.sql("SELECT count(*) FROM vacancy").query(Long.class).single()).isEqualTo(before);

        // personal care is a must-have here; "skillsWanted": ["personal-care"] would do as well
        JsonNode posted = status(http.postJsonAs(CITIZEN, PASSWORD, "/api/v1/vacancies",
                base.replace("\"mustHaves\": [\"driving\"]", "\"mustHaves\": [\"personal-care\", \"GENDER:FEMALE\"]")), 201);
        long vacancyId = posted.get("id").asLong();
        assertThat(status(http.getAs(CITIZEN, PASSWORD, "/api/v1/vacancies/" + vacancyId), 200).get("mustHaves").toString())
                .isEqualTo("[\"personal-care\",\"gender:female\"]");
        assertThat(status(http.postJsonAs(CITIZEN, PASSWORD, "/api/v1/vacancies", base.replace("\"skillsWanted\": [\"driving\", \"cooking\"]",
                "\"skillsWanted\": [\"personal-care\"]").replace("\"mustHaves\": [\"driving\"]", "\"mustHaves\": [\"gender:male\"]")), 201)
                .get("id").asLong()).as("personal care wanted, not a must-have").isPositive();

        Pa woman = livePa(", \"gender\": \"FEMALE\"");
        Pa man = livePa(", \"gender\": \"male\"");
        Pa notSaid = livePa("");
        Pa nonBinary = livePa(", \"gender\": \"NON_BINARY\"");
        HttpResponse<String> matches = http.getAs(CITIZEN, PASSWORD, "/api/v1/vacancies/" + vacancyId + "/matches?limit=100");
        assertThat(matchIds(CITIZEN, vacancyId)).contains(woman.profileId())
                .doesNotContain(man.profileId(), notSaid.profileId(), nonBinary.profileId());
        assertThat(matches.body()).as("the gender is implied by the filter, never shown").doesNotContain("FEMALE", "\"gender\"");
        assertNoContact(matches, woman);
        assertThat(vacancyIdsFor(woman)).contains(vacancyId);
        assertThat(vacancyIdsFor(man)).doesNotContain(vacancyId);
        assertThat(vacancyIdsFor(notSaid)).doesNotContain(vacancyId);
        assertThat(vacancyIdsFor(nonBinary)).doesNotContain(vacancyId);

        // the PA sees their own gender; others never
        assertThat(status(http.getAs(woman.username(), PA_PASSWORD, "/api/v1/pa-profiles/" + woman.profileId()), 200)
                .get("gender").asString()).isEqualTo("FEMALE");
        assertThat(status(http.getAs(notSaid.username(), PA_PASSWORD, "/api/v1/pa-profiles/" + notSaid.profileId()), 200)
                .get("gender").isNull()).isTrue();
        HttpResponse<String> seenByOthers = http.getAs(CITIZEN, PASSWORD, "/api/v1/pa-profiles/" + woman.profileId());
        assertThat(status(seenByOthers, 200).has("gender")).isFalse();
        assertThat(seenByOthers.body()).doesNotContain("FEMALE");

        // a change of gender is seen by the next match (the trigger-kept candidates), both ways; and audited
        assertThat(http.putJsonAs(man.username(), PA_PASSWORD, "/api/v1/pa-profiles/" + man.profileId(),
                profileJson(man.phone(), man.email(), true, ", \"gender\": \"FEMALE\"")).statusCode()).isEqualTo(200);
        assertThat(matchIds(CITIZEN, vacancyId)).contains(man.profileId());
        assertThat(vacancyIdsFor(man)).contains(vacancyId);
        assertThat(http.putJsonAs(man.username(), PA_PASSWORD, "/api/v1/pa-profiles/" + man.profileId(),
                profileJson(man.phone(), man.email(), true, "")).statusCode()).isEqualTo(200);
        assertThat(matchIds(CITIZEN, vacancyId)).doesNotContain(man.profileId());
        assertThat(vacancyIdsFor(man)).doesNotContain(vacancyId);
        assertThat(jdbc.sql("""
                        SELECT before_state ->> 'gender' FROM audit_event WHERE entity_type = 'pa_profile' AND entity_id = :id
                        AND action = 'UPDATE' ORDER BY id DESC LIMIT 1""").param("id", Long.toString(man.profileId()))
                .query(String.class).single()).isEqualTo("FEMALE");

        String username = register();
        long profiles = jdbc.sql("SELECT count(*) FROM pa_profile").query(Long.class).single();
        assertThat(errorFields(http.postJsonAs(username, PA_PASSWORD, "/api/v1/pa-profiles",
                profileJson("07700 900003", "g@example.org", true, ", \"gender\": \"robot\"")))).containsExactly("gender");
        assertThat(jdbc.sql("SELECT count(*) FROM pa_profile").query(Long.class).single()).isEqualTo(profiles);
    }

    static final String CARE_CERTIFICATE = """
            , "training": [{"title": "Care Certificate", "completedOn": "2025-03-12",
                            "modules": ["Duty of care", "Privacy & dignity"]}]""";

    @Test
    void trainingIsSavedReplacedAndShownBeforeConnecting_badTrainingChangesNothing() {
        Pa pa = livePa(CARE_CERTIFICATE);
        JsonNode own = status(http.getAs(pa.username(), PA_PASSWORD, "/api/v1/pa-profiles/" + pa.profileId()), 200);
        assertThat(own.get("training").toString()).isEqualTo(
                "[{\"title\":\"Care Certificate\",\"completedOn\":\"2025-03-12\",\"modules\":[\"Duty of care\",\"Privacy & dignity\"]}]");

        // replaced as a whole
        JsonNode updated = status(http.putJsonAs(pa.username(), PA_PASSWORD, "/api/v1/pa-profiles/" + pa.profileId(),
                profileJson(pa.phone(), pa.email(), true, """
                        , "training": [{"title": "Moving and handling", "completedOn": "2026-06-01"},
                                       {"title": "Care Certificate", "completedOn": "2025-03-12", "modules": ["Duty of care"]}]""")),
                200);
        assertThat(updated.get("training")).hasSize(2);
        assertThat(updated.get("training").get(0).get("title").asString()).isEqualTo("Moving and handling");
        assertThat(updated.get("training").get(0).get("modules")).isEmpty();
        assertThat(jdbc.sql("SELECT count(*) FROM pa_training WHERE profile_id = :p").param("p", pa.profileId())
                .query(Long.class).single()).isEqualTo(2);
        assertThat(jdbc.sql("""
                        SELECT after_state -> 'training' ->> 0 FROM audit_event WHERE entity_type = 'pa_profile' AND entity_id = :id
                        AND action = 'UPDATE' ORDER BY id DESC LIMIT 1""").param("id", Long.toString(pa.profileId()))
                .query(String.class).single()).contains("Moving and handling");

        // each refusal names its field, and nothing changes
        String good = profileJson(pa.phone(), pa.email(), true, "");
        String training = "[{\"title\": \"Care Certificate\", \"completedOn\": \"2025-03-12\", \"modules\": [\"Duty of care\"]}]";
        java.util.function.Function<String, List<String>> refused = t -> errorFields(http.putJsonAs(pa.username(), PA_PASSWORD,
                "/api/v1/pa-profiles/" + pa.profileId(), good.replace("\"codeOfConductAccepted\": true",
                        "\"codeOfConductAccepted\": true, \"training\": " + t)));
        String tomorrow = java.time.LocalDate.now().plusDays(2).toString();
        assertThat(refused.apply(training.replace("2025-03-12", tomorrow))).containsExactly("training[0].completedOn");
        assertThat(refused.apply(training.replace("2025-03-12", "1949-12-31"))).containsExactly("training[0].completedOn");
        assertThat(refused.apply(training.replace("2025-03-12", "2025-02-31"))).containsExactly("training[0].completedOn");
        assertThat(refused.apply(training.replace("\"completedOn\": \"2025-03-12\", ", ""))).containsExactly("training[0].completedOn");
        assertThat(refused.apply(training.replace("Care Certificate", ""))).containsExactly("training[0].title");
        assertThat(refused.apply(training.replace("Care Certificate", "C".repeat(121)))).containsExactly("training[0].title");
        assertThat(refused.apply(training.replace("Care Certificate", "<b>Care</b>"))).containsExactly("training[0].title");
        assertThat(refused.apply(training.replace("Duty of care", "D".repeat(81)))).containsExactly("training[0].modules[0]");
        StringBuilder modules = new StringBuilder();
        for (int i = 0; i < 31; i++) {
            modules.append(i == 0 ? "" : ", ").append("\"Module ").append(i).append('"');
        }
        assertThat(refused.apply(training.replace("\"Duty of care\"", modules))).containsExactly("training[0].modules");
        StringBuilder records = new StringBuilder("[");
        for (int i = 0; i < 21; i++) {
            records.append(i == 0 ? "" : ", ").append("{\"title\": \"Course ").append(i).append("\", \"completedOn\": \"2024-01-01\"}");
        }
        assertThat(refused.apply(records.append(']').toString())).containsExactly("training");
        assertThat(jdbc.sql("SELECT title FROM pa_training WHERE profile_id = :p ORDER BY position").param("p", pa.profileId())
                .query(String.class).list()).containsExactly("Moving and handling", "Care Certificate");

        // the person's side sees the training with a match and an introduction, still without contact details
        long citizenId = citizenOf(CITIZEN);
        long vacancyId = vacancy(CITIZEN, citizenId);
        HttpResponse<String> matches = http.getAs(CITIZEN, PASSWORD, "/api/v1/vacancies/" + vacancyId + "/matches?limit=100");
        JsonNode match = matchFor(CITIZEN, vacancyId, pa.profileId());
        assertThat(match).isNotNull();
        assertThat(match.get("training").get(1).get("modules").toString()).isEqualTo("[\"Duty of care\"]");
        assertNoContact(matches, pa);
        long introductionId = status(http.postJsonAs(CITIZEN, PASSWORD, "/api/v1/vacancies/" + vacancyId + "/invitations",
                "{\"profileId\": " + pa.profileId() + "}"), 201).get("id").asLong();
        HttpResponse<String> invited = http.getAs(CITIZEN, PASSWORD, "/api/v1/introductions/" + introductionId);
        assertThat(status(invited, 200).get("paTraining").get(0).get("title").asString()).isEqualTo("Moving and handling");
        assertThat(invited.body()).doesNotContain(pa.phone()).doesNotContain(pa.email());
    }

    @Test
    void matchesFilteredByEmployedOrSelfEmployed_aPaHappyWithEitherIsInBoth() {
        long citizenId = citizenOf(CITIZEN);
        long vacancyId = vacancy(CITIZEN, citizenId);
        Pa employed = livePa(", \"employmentBasis\": \"EMPLOYED\"");
        Pa selfEmployed = livePa(", \"employmentBasis\": \"SELF_EMPLOYED\"");
        Pa either = livePa(", \"employmentBasis\": \"EITHER\"");
        java.util.function.Function<String, List<Long>> ids = query -> {
            HttpResponse<String> response = http.getAs(CITIZEN, PASSWORD, "/api/v1/vacancies/" + vacancyId + "/matches?limit=100" + query);
            assertNoContact(response, employed);
            List<Long> found = new ArrayList<>();
            status(response, 200).forEach(m -> found.add(m.get("profileId").asLong()));
            return found;
        };
        assertThat(ids.apply("")).contains(employed.profileId(), selfEmployed.profileId(), either.profileId());
        assertThat(ids.apply("&basis=EMPLOYED")).contains(employed.profileId(), either.profileId())
                .doesNotContain(selfEmployed.profileId());
        assertThat(ids.apply("&basis=SELF_EMPLOYED")).contains(selfEmployed.profileId(), either.profileId())
                .doesNotContain(employed.profileId());
        JsonNode match = matchFor(CITIZEN, vacancyId, selfEmployed.profileId());
        assertThat(match.get("employmentBasis").asString()).isEqualTo("SELF_EMPLOYED");
        for (JsonNode m : status(http.getAs(CITIZEN, PASSWORD, "/api/v1/vacancies/" + vacancyId + "/matches?limit=100&basis=EMPLOYED"),
                200)) {
            assertThat(m.get("employmentBasis").asString()).isIn("EMPLOYED", "EITHER");
        }
        HttpResponse<String> unknown = http.getAs(CITIZEN, PASSWORD, "/api/v1/vacancies/" + vacancyId + "/matches?basis=freelance");
        assertThat(errorFields(unknown)).containsExactly("basis");
        assertThat(unknown.headers().firstValue("Content-Type").orElse("")).contains("application/problem+json");
        assertThat(body(unknown).get("errors").get(0).get("message").asString()).contains("EMPLOYED", "SELF_EMPLOYED");
        assertThat(http.getAs(PRACTITIONER, PASSWORD, "/api/v1/vacancies/" + vacancyId + "/matches?basis=EMPLOYED").statusCode())
                .as("a practitioner of the person's council").isEqualTo(200);
        assertThat(http.getAs(WALES_PRACTITIONER, PASSWORD, "/api/v1/vacancies/" + vacancyId + "/matches?basis=EMPLOYED").statusCode())
                .as("another council").isEqualTo(404);
    }
}
