package org.dphub.people;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.dphub.identity.UserAccounts;
import org.dphub.shared.SignedInUser;
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
 * Someone stops acting for a person (a lasting power of attorney ends, the person chooses someone
 * else): a practitioner records it, with the reason. From that moment their online account no longer
 * sees the person, on pages or the API, even in a session already open; their row stays on the
 * person's record, marked as stopped; it is audited. Refused, with nothing changed, while a direct
 * payment is made to them (until it is ended or, before agreement, withdrawn), for a blank, too long or
 * marked-up reason, for another council's practitioner and for a representative of someone else.
 * (Every other role's refusal is in {@code PageMatrixIT} and {@code AuthorisationMatrixIT}.)
 */
@IntegrationTest
class RepresentativesIT {

    static final String PRACTITIONER = "practitioner@demo-england";
    static final String PASSWORD = Http.DEMO_PASSWORD;

    @LocalServerPort
    int port;
    @Autowired
    Citizens citizens;
    @Autowired
    UserAccounts accounts;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    org.dphub.plans.DirectPayments directPayments;
    @Autowired
    org.springframework.transaction.support.TransactionTemplate transactions;
    @Autowired
    org.springframework.context.MessageSource messages;

    Http http;
    SignedInUser practitioner;
    final JsonMapper json = JsonMapper.builder().build();

    @BeforeEach
    void setUp() {
        http = new Http(port);
        practitioner = accounts.findByUsername(PRACTITIONER).orElseThrow();
    }

    long created(HttpResponse<String> response) {
        return MoneyApi.ok(response, 201).get("id").asLong();
    }

    long newCitizen() {
        return created(http.postJsonAs(PRACTITIONER, PASSWORD, "/api/v1/citizens", """
                {"givenName": "Eirlys", "familyName": "Morgan", "dateOfBirth": "1944-05-09", "postcode": "sy3 8xx",
                 "preferredLanguage": "en"}"""));
    }

    long newRepresentative(long citizenId, String name, String kind) {
        return created(http.postJsonAs(PRACTITIONER, PASSWORD, "/api/v1/citizens/" + citizenId + "/representatives",
                "{\"name\": \"" + name + "\", \"kind\": \"" + kind + "\"}"));
    }

    /** The end page's form sent with this reason by the practitioner's session. */
    HttpResponse<String> end(String staff, long citizenId, long representativeId, String reason) {
        String path = "/citizens/" + citizenId + "/representatives/" + representativeId + "/end";
        HttpResponse<String> form = http.get(path, "Cookie", staff);
        assertThat(form.statusCode()).isEqualTo(200);
        return http.postForm(path, "reason=" + Http.encode(reason) + "&_csrf=" + Http.encode(Http.csrfToken(form.body())),
                "Cookie", staff);
    }

    Object ended(long representativeId) {
        return jdbc.sql("SELECT ended_on FROM representative WHERE id = :id").param("id", representativeId)
                .query((rs, n) -> rs.getObject(1, LocalDate.class)).optional().orElse(null);
    }

    long access(String username, long citizenId) {
        return jdbc.sql("SELECT count(*) FROM citizen_access a JOIN app_user u ON u.id = a.user_id"
                        + " WHERE u.username = :u AND a.citizen_id = :c")
                .param("u", username).param("c", citizenId).query(Long.class).single();
    }

    @Test
    void aRepresentativeWhoNoLongerActsStopsSeeingThePersonAtOnceAndStaysOnTheirRecordAsStopped() {
        long citizenId = newCitizen();
        long daughter = newRepresentative(citizenId, "Catrin Morgan", "NOMINATED_PERSON");
        OnlineAccount account = citizens.giveRepresentativeAccount(practitioner, citizenId, daughter,
                "catrin" + UUID.randomUUID() + "@example.com");
        String password = http.choosesOwnPassword(account.username(), account.temporaryPassword());
        String phone = http.signIn(account.username(), password);
        assertThat(http.get("/citizens/" + citizenId, "Cookie", phone).statusCode()).as("while she acts").isEqualTo(200);
        assertThat(http.get("/home", "Cookie", phone).body()).contains("Eirlys Morgan");

        String staff = http.signIn(PRACTITIONER, PASSWORD);
        String endPath = "/citizens/" + citizenId + "/representatives/" + daughter + "/end";
        assertThat(http.get("/citizens/" + citizenId, "Cookie", staff).body()).contains(endPath);
        HttpResponse<String> form = http.get(endPath, "Cookie", staff);
        assertThat(form.body()).contains("Record that Catrin Morgan no longer acts for Eirlys Morgan")
                .contains("their online account stops showing Eirlys Morgan")
                .contains("can see this if they ask for their records");

        // what is refused, each with nothing changed
        HttpResponse<String> blank = end(staff, citizenId, daughter, "  ");
        assertThat(blank.statusCode()).isEqualTo(200);
        assertThat(blank.body()).contains("govuk-error-summary").contains("Enter why they no longer act");
        assertThat(end(staff, citizenId, daughter, "<script>alert(1)</script>").body())
                .contains("Enter why they no longer act without the characters &lt; and &gt;");
        assertThat(end(staff, citizenId, daughter, "x".repeat(501)).body())
                .contains("Enter why they no longer act in 500 characters or fewer");
        String wales = http.signIn("practitioner@demo-wales", PASSWORD);
        assertThat(http.get(endPath, "Cookie", wales).statusCode()).as("another council's practitioner").isEqualTo(404);
        assertThat(http.postJsonAs("practitioner@demo-wales", PASSWORD, "/api/v1/citizens/" + citizenId + "/representatives/"
                + daughter + "/end", "{\"reason\": \"Moved away\"}").statusCode()).isEqualTo(404);
        long someoneElse = newCitizen();
        assertThat(http.postJsonAs(PRACTITIONER, PASSWORD, "/api/v1/citizens/" + someoneElse + "/representatives/" + daughter
                + "/end", "{\"reason\": \"Moved away\"}").statusCode()).as("a representative of someone else").isEqualTo(404);
        assertThat(http.postJsonAs(account.username(), password, "/api/v1/citizens/" + citizenId + "/representatives/" + daughter
                + "/end", "{\"reason\": \"I want to stop\"}").statusCode()).as("not the representative themself").isEqualTo(403);
        assertThat(ended(daughter)).as("nothing changed").isNull();
        assertThat(access(account.username(), citizenId)).isEqualTo(1);

        HttpResponse<String> done = end(staff, citizenId, daughter, "Eirlys chose her son to act for her instead");
        assertThat(done.statusCode()).isEqualTo(302);
        assertThat(done.headers().firstValue("Location").orElse("")).endsWith("/citizens/" + citizenId + "#representatives");

        // at once, in the session she already had open: no page, no API
        assertThat(http.get("/citizens/" + citizenId, "Cookie", phone).statusCode()).isEqualTo(404);
        assertThat(http.getAs(account.username(), password, "/api/v1/citizens/" + citizenId).statusCode()).isEqualTo(404);
        HttpResponse<String> home = http.get("/home", "Cookie", phone);
        assertThat(home.statusCode()).as("her own account still works").isEqualTo(200);
        assertThat(home.body()).doesNotContain("Eirlys Morgan");
        assertThat(http.get("/your-data", "Cookie", phone).statusCode()).isEqualTo(200);
        assertThat(access(account.username(), citizenId)).isZero();

        LocalDate today = LocalDate.now(ZoneId.of("Europe/London"));
        assertThat(ended(daughter)).isEqualTo(today);
        String page = http.get("/citizens/" + citizenId, "Cookie", staff).body();
        assertThat(page).contains("Catrin Morgan").contains("No longer acts")
                .contains("Since " + today.format(java.time.format.DateTimeFormatter.ofPattern("d MMMM yyyy", java.util.Locale.ENGLISH))
                        + ": Eirlys chose her son to act for her instead")
                .as("nothing more to do for her here: no end link, no new password")
                .doesNotContain(endPath).doesNotContain("/representatives/" + daughter + "/account/new-password");
        JsonNode listed = json.readTree(http.getAs(PRACTITIONER, PASSWORD, "/api/v1/citizens/" + citizenId + "/representatives").body());
        assertThat(listed.get(0).get("endedOn").asString()).isEqualTo(today.toString());
        assertThat(listed.get(0).get("endReason").asString()).isEqualTo("Eirlys chose her son to act for her instead");

        // once only: the page goes back to the person, the API says so
        assertThat(http.get(endPath, "Cookie", staff).headers().firstValue("Location").orElse(""))
                .endsWith("/citizens/" + citizenId + "#representatives");
        HttpResponse<String> again = http.postJsonAs(PRACTITIONER, PASSWORD, "/api/v1/citizens/" + citizenId + "/representatives/"
                + daughter + "/end", "{\"reason\": \"Again\"}");
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(again.body()).contains("stopped acting for the person on " + today);
        assertThat(http.get("/citizens/" + citizenId + "/representatives/" + daughter + "/account/new-password", "Cookie", staff)
                .statusCode()).as("her account is no longer the council's to manage for this person").isEqualTo(404);

        assertThat(jdbc.sql("""
                        SELECT count(*) FROM audit_event WHERE entity_type = 'representative' AND entity_id = :id AND action = 'UPDATE'
                          AND actor = :actor AND after_state->>'reason' = 'Eirlys chose her son to act for her instead'""")
                .param("id", Long.toString(daughter)).param("actor", PRACTITIONER).query(Long.class).single())
                .as("audited, with the reason").isEqualTo(1);
        assertThat(jdbc.sql("""
                        SELECT count(*) FROM audit_event WHERE entity_type = 'citizen_access' AND action = 'DELETE'
                          AND before_state->>'citizenId' = :c AND before_state->>'relationship' = 'NOMINATED_PERSON'""")
                .param("c", Long.toString(citizenId)).query(Long.class).single())
                .as("the access removed, audited with what it was").isEqualTo(1);

        // Eirlys is told, by letter, once: who stopped, from when, and how to ask for someone else
        long until = System.currentTimeMillis() + 15_000;
        while (letters(citizenId).isEmpty() && System.currentTimeMillis() < until) {
            java.util.concurrent.locks.LockSupport.parkNanos(100_000_000);
        }
        List<String> told = letters(citizenId);
        assertThat(told).hasSize(1);
        assertThat(told.get(0)).startsWith("Catrin Morgan no longer acts for you").contains("Dear Eirlys")
                .contains("no longer acts for you. This is from " + today.format(java.time.format.DateTimeFormatter.ofPattern(
                        "d MMMM yyyy", java.util.Locale.ENGLISH))).contains("Ask for help");

        // and Catrin, by email, once, in her sign-in's language: from when, what she no longer sees, how to have her details erased
        until = System.currentTimeMillis() + 15_000;
        while (lettersToRepresentative(daughter).isEmpty() && System.currentTimeMillis() < until) {
            java.util.concurrent.locks.LockSupport.parkNanos(100_000_000);
        }
        List<String> toHer = lettersToRepresentative(daughter);
        assertThat(toHer).hasSize(1);
        assertThat(toHer.get(0)).startsWith("EMAIL " + account.username() + "\nYou no longer act for Eirlys Morgan")
                .contains("Dear Catrin Morgan").contains("This is from " + today.format(java.time.format.DateTimeFormatter.ofPattern(
                        "d MMMM yyyy", java.util.Locale.ENGLISH))).contains("You can no longer see their plan").contains("Your data")
                .doesNotContain("Rydym");
        assertThat(jdbc.sql("SELECT count(*) FROM letter WHERE representative_id = :r AND citizen_id IS NULL AND about_citizen_id = :c")
                .param("r", daughter).param("c", citizenId).query(Long.class).single()).as("about Eirlys, not on her record").isEqualTo(1);
        assertThat(http.get("/citizens/" + citizenId, "Cookie", staff).body()).as("the person's letters do not list it")
                .doesNotContain("You no longer act for Eirlys Morgan");
    }

    /** The letters written to a representative telling them they stopped: channel and recipient, subject, then body. */
    List<String> lettersToRepresentative(long representativeId) {
        return jdbc.sql("SELECT channel || ' ' || recipient || E'\\n' || subject || E'\\n' || body FROM letter"
                        + " WHERE representative_id = :r AND kind = 'REPRESENTATIVE_STOPPED'")
                .param("r", representativeId).query(String.class).list();
    }

    /** The letters written to the person telling them a representative stopped: subject, then body. */
    List<String> letters(long citizenId) {
        return jdbc.sql("SELECT subject || E'\\n' || body FROM letter WHERE citizen_id = :c AND kind = 'REPRESENTATIVE_ENDED'")
                .param("c", citizenId).query(String.class).list();
    }

    long newPlan(long citizenId) {
        return created(http.postJsonAs(PRACTITIONER, PASSWORD, "/api/v1/citizens/" + citizenId + "/plans", """
                {"startDate": "2026-12-01", "outcomes": [{"text": "Stay in my own home"}],
                 "budgetLines": [{"description": "PA support", "kind": "HOURLY", "hoursPerWeek": 7, "hourlyRatePence": 1328, "outcomes": [1]}],
                 "paymentFrequency": "FOUR_WEEKLY", "weeklyContributionPence": 0}"""));
    }

    @Test
    void aRepresentativeToWhomADirectPaymentIsMadeCannotStopUntilItIsWithdrawnAndNoFigureCountsAWithdrawnOne() {
        long citizenId = newCitizen();
        long planId = newPlan(citizenId);
        long authorised = newRepresentative(citizenId, "Huw Morgan", "AUTHORISED_PERSON");
        long dp = created(http.postJsonAs(PRACTITIONER, PASSWORD, "/api/v1/citizens/" + citizenId + "/direct-payments", """
                {"planId": %d, "hasCapacity": false, "representativeId": %d, "excludedPerson": false, "accountType": "PREPAID_CARD",
                 "requestedOn": "%s", "startDate": "%s"}""".formatted(planId, authorised, LocalDate.now().minusDays(2),
                LocalDate.now().plusDays(7))));

        String staff = http.signIn(PRACTITIONER, PASSWORD);
        HttpResponse<String> refused = end(staff, citizenId, authorised, "Lasting power of attorney revoked");
        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(refused.body()).contains("Huw Morgan cannot stop acting yet: a direct payment is made to them")
                .contains("withdraw the direct payment waiting for them to agree to it")
                .contains("href=\"/direct-payments/" + dp + "\"")
                .as("what they wrote is kept").contains("Lasting power of attorney revoked");
        HttpResponse<String> api = http.postJsonAs(PRACTITIONER, PASSWORD, "/api/v1/citizens/" + citizenId + "/representatives/"
                + authorised + "/end", "{\"reason\": \"Lasting power of attorney revoked\"}");
        assertThat(api.statusCode()).isEqualTo(409);
        assertThat(json.readTree(api.body()).get("stillNeeded").get(0).asLong()).isEqualTo(dp);
        assertThat(ended(authorised)).as("nothing changed").isNull();

        // the direct payment's page offers to withdraw it, and the practitioner does
        assertThat(http.get("/direct-payments/" + dp, "Cookie", staff).body())
                .contains("/direct-payments/" + dp + "/status-changes/new?event=WITHDRAWN").contains("Withdraw the direct payment");
        String withdrawPath = "/direct-payments/" + dp + "/status-changes/new?event=WITHDRAWN";
        HttpResponse<String> withdrawForm = http.get(withdrawPath, "Cookie", staff);
        assertThat(withdrawForm.body()).contains("nothing has been paid and nothing will be")
                .as("withdrawn today: no date to give").doesNotContain("effectiveOn-day");
        LocalDate today = LocalDate.now();
        HttpResponse<String> withdrawn = http.postForm(withdrawPath, "effectiveOn-day=" + today.getDayOfMonth() + "&effectiveOn-month="
                + today.getMonthValue() + "&effectiveOn-year=" + today.getYear() + "&reason=" + Http.encode("Made to the wrong person")
                + "&_csrf=" + Http.encode(Http.csrfToken(withdrawForm.body())), "Cookie", staff);
        assertThat(withdrawn.statusCode()).as(withdrawn.body()).isEqualTo(302);
        assertThat(jdbc.sql("SELECT status || ' ' || withdrawn || ' ' || (active_from IS NULL) FROM direct_payment WHERE id = :id")
                .param("id", dp).query(String.class).single()).as("ended, never in force for any figure").isEqualTo("ENDED true true");
        assertThat(jdbc.sql("SELECT count(*) FROM insights_direct_payment WHERE id = :id AND active_from IS NULL")
                .param("id", dp).query(Long.class).single()).isEqualTo(1);
        assertThat(http.postJsonAs(PRACTITIONER, PASSWORD, "/api/v1/direct-payments/" + dp + "/status-changes",
                "{\"event\": \"WITHDRAWN\", \"reason\": \"Again\"}").statusCode()).as("once only").isEqualTo(409);

        assertThat(end(staff, citizenId, authorised, "Lasting power of attorney revoked").statusCode()).isEqualTo(302);
        assertThat(ended(authorised)).isNotNull();
        HttpResponse<String> newRequest = http.get("/citizens/" + citizenId + "/direct-payments/new", "Cookie", staff);
        assertThat(newRequest.body()).as("no longer offered for a new direct payment").doesNotContain("Huw Morgan");
        HttpResponse<String> naming = http.postJsonAs(PRACTITIONER, PASSWORD, "/api/v1/citizens/" + citizenId + "/direct-payments", """
                {"planId": %d, "hasCapacity": false, "representativeId": %d, "excludedPerson": false, "accountType": "PREPAID_CARD",
                 "requestedOn": "%s", "startDate": "%s"}""".formatted(planId, authorised, LocalDate.now().minusDays(2),
                LocalDate.now().plusDays(7)));
        assertThat(naming.statusCode()).as("nor accepted").isEqualTo(422);
    }

    /**
     * A direct payment named to a representative while someone records that they stopped: whichever
     * commits first, the other sees it. Here the direct payment is written first and not yet committed;
     * recording the end waits for it, then refuses (a direct payment is made to them).
     */
    @Test
    void aDirectPaymentBeingWrittenForARepresentativeMakesTheirEndWaitAndThenRefuse() throws Exception {
        long citizenId = newCitizen();
        long planId = newPlan(citizenId);
        long authorised = newRepresentative(citizenId, "Ifan Morgan", "AUTHORISED_PERSON");
        java.util.concurrent.CountDownLatch written = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch commit = new java.util.concurrent.CountDownLatch(1);
        Thread setUp = new Thread(() -> transactions.executeWithoutResult(tx -> {
            directPayments.request(practitioner, citizenId, new org.dphub.plans.DirectPaymentRequest(planId, false, authorised, false,
                    java.util.List.of(), "", org.dphub.plans.AccountType.PREPAID_CARD, LocalDate.now().minusDays(1),
                    LocalDate.now().plusDays(7)), new org.dphub.web.FormErrors(messages, java.util.Locale.ENGLISH));
            written.countDown();
            try {
                commit.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }));
        setUp.start();
        assertThat(written.await(30, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        java.util.concurrent.CompletableFuture<Object> ending = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
            try {
                return citizens.endRepresentative(practitioner, citizenId, authorised, "Power of attorney revoked");
            } catch (RuntimeException e) {
                return e;
            }
        });
        Thread.sleep(1_000);
        assertThat(ending).as("waits for the direct payment being written").isNotDone();
        commit.countDown();
        setUp.join(30_000);
        assertThat(ending.get(30, java.util.concurrent.TimeUnit.SECONDS)).isInstanceOf(RepresentativeStillNeeded.class);
        assertThat(ended(authorised)).isNull();
    }

    String representativeRow(long id) {
        return jdbc.sql("SELECT name || '|' || kind || '|' || coalesce(email, '') FROM representative WHERE id = :id")
                .param("id", id).query(String.class).single();
    }

    @Test
    void aPractitionerCorrectsARepresentativesNameAndEmailButNotHowTheyAct() {
        long citizenId = newCitizen();
        long son = newRepresentative(citizenId, "Gethin Morgn", "NOMINATED_PERSON");
        String staff = http.signIn(PRACTITIONER, PASSWORD);
        String path = "/citizens/" + citizenId + "/representatives/" + son + "/details";
        assertThat(http.get("/citizens/" + citizenId, "Cookie", staff).body()).contains(path);
        HttpResponse<String> form = http.get(path, "Cookie", staff);
        assertThat(form.body()).contains("value=\"Gethin Morgn\"").contains("They act as: Nominated person");
        String csrf = "&_csrf=" + Http.encode(Http.csrfToken(form.body()));

        for (String bad : new String[] {"name=&email=", "name=" + Http.encode("<script>x</script>") + "&email=",
                "name=Gethin&email=not-an-email", "name=" + "x".repeat(201) + "&email="}) {
            HttpResponse<String> refused = http.postForm(path, bad + csrf, "Cookie", staff);
            assertThat(refused.statusCode()).as(bad).isEqualTo(200);
            assertThat(refused.body()).as(bad).contains("govuk-error-summary");
        }
        assertThat(representativeRow(son)).as("nothing changed").isEqualTo("Gethin Morgn|NOMINATED_PERSON|");

        HttpResponse<String> saved = http.postForm(path, "name=" + Http.encode("Gethin Morgan") + "&email=gethin%40example.com" + csrf,
                "Cookie", staff);
        assertThat(saved.statusCode()).isEqualTo(302);
        assertThat(representativeRow(son)).isEqualTo("Gethin Morgan|NOMINATED_PERSON|gethin@example.com");
        JsonNode audit = json.readTree(jdbc.sql("""
                        SELECT json_build_object('before', before_state, 'after', after_state)::text FROM audit_event
                        WHERE entity_type = 'representative' AND entity_id = :id AND action = 'UPDATE'""")
                .param("id", Long.toString(son)).query(String.class).single());
        assertThat(audit.get("before").get("name").asString()).isEqualTo("Gethin Morgn");
        assertThat(audit.get("after").get("email").asString()).isEqualTo("gethin@example.com");

        // the API: name and email only; a kind sent is not taken
        HttpResponse<String> api = http.putJsonAs(PRACTITIONER, PASSWORD, "/api/v1/citizens/" + citizenId + "/representatives/" + son,
                "{\"name\": \"Gethin Morgan\", \"email\": \"g.morgan@example.com\", \"kind\": \"AUTHORISED_PERSON\"}");
        assertThat(api.statusCode()).as(api.body()).isEqualTo(200);
        assertThat(representativeRow(son)).isEqualTo("Gethin Morgan|NOMINATED_PERSON|g.morgan@example.com");
        assertThat(http.putJsonAs("practitioner@demo-wales", PASSWORD, "/api/v1/citizens/" + citizenId + "/representatives/" + son,
                "{\"name\": \"X\"}").statusCode()).isEqualTo(404);
        assertThat(http.putJsonAs("dp-team@demo-england", PASSWORD, "/api/v1/citizens/" + citizenId + "/representatives/" + son,
                "{\"name\": \"X\"}").statusCode()).isEqualTo(403);

        // one who no longer acts is history, not corrected
        assertThat(end(staff, citizenId, son, "Moved abroad").statusCode()).isEqualTo(302);
        assertThat(http.get(path, "Cookie", staff).statusCode()).isEqualTo(404);
        assertThat(http.putJsonAs(PRACTITIONER, PASSWORD, "/api/v1/citizens/" + citizenId + "/representatives/" + son,
                "{\"name\": \"Someone Else\"}").statusCode()).isEqualTo(404);
        assertThat(representativeRow(son)).isEqualTo("Gethin Morgan|NOMINATED_PERSON|g.morgan@example.com");
    }
}
