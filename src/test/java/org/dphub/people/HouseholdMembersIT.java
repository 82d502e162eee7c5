package org.dphub.people;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import org.dphub.identity.UserAccounts;
import org.dphub.shared.SignedInUser;
import org.dphub.support.HeldOpen;
import org.dphub.support.Http;
import org.dphub.support.IntegrationTest;
import org.dphub.support.MoneyApi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * Someone in a person's household was recorded wrongly, or has moved in or out: a practitioner corrects
 * it, and only what changed is audited. Who they are and whether they live with the person decide whether
 * a direct payment may pay them (England regulation 3), so a change that would make a payment to them need
 * the council's decision that it is necessary is refused, with nothing changed, while such a payment has
 * not ended; a payment being set up to pay them makes the change wait, then refuse. Wales's rule is its
 * own (regulation 6). Someone recorded by mistake, or who has died, is taken off the household with the
 * reason once no direct payment pays them, and kept on record. Bad input, another council and another
 * person's member are refused too. (Every other role's refusal is in {@code PageMatrixIT} and
 * {@code AuthorisationMatrixIT}.)
 */
@IntegrationTest
class HouseholdMembersIT {

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
        return newCitizen(PRACTITIONER, "sy3 8xx", "en");
    }

    long newCitizen(String staff, String postcode, String language) {
        return created(http.postJsonAs(staff, PASSWORD, "/api/v1/citizens", """
                {"givenName": "Gwenllian", "familyName": "Owen", "dateOfBirth": "1950-03-14", "postcode": "%s",
                 "preferredLanguage": "%s"}""".formatted(postcode, language)));
    }

    long newMember(long citizenId, String name, String relationship, boolean together) {
        return newMember(PRACTITIONER, citizenId, name, relationship, together);
    }

    long newMember(String staff, long citizenId, String name, String relationship, boolean together) {
        return created(http.postJsonAs(staff, PASSWORD, "/api/v1/citizens/" + citizenId + "/household-members",
                "{\"name\": \"" + name + "\", \"relationship\": \"" + relationship + "\", \"livesInSameHousehold\": " + together + "}"));
    }

    String member(long memberId) {
        return jdbc.sql("SELECT name || ' ' || relationship || ' ' || lives_in_same_household FROM household_member WHERE id = :id")
                .param("id", memberId).query(String.class).single();
    }

    /** The correction form sent by the practitioner's session. */
    HttpResponse<String> correct(String staff, long citizenId, long memberId, String name, String relationship, String together) {
        return correct(staff, citizenId, memberId, name, relationship, together, "");
    }

    /** The same, with what follows the path (e.g. "?lang=cy" for the page in Welsh). */
    HttpResponse<String> correct(String staff, long citizenId, long memberId, String name, String relationship, String together,
                                 String query) {
        String path = "/citizens/" + citizenId + "/household-members/" + memberId + "/details" + query;
        HttpResponse<String> form = http.get(path, "Cookie", staff);
        assertThat(form.statusCode()).isEqualTo(200);
        return http.postForm(path, "name=" + Http.encode(name) + "&relationship=" + relationship + "&livesInSameHousehold=" + together
                + "&_csrf=" + Http.encode(Http.csrfToken(form.body())), "Cookie", staff);
    }

    long newPlan(long citizenId) {
        return newPlan(PRACTITIONER, citizenId);
    }

    long newPlan(String staff, long citizenId) {
        return created(http.postJsonAs(staff, PASSWORD, "/api/v1/citizens/" + citizenId + "/plans", """
                {"startDate": "2026-12-01", "outcomes": [{"text": "Stay in my own home"}],
                 "budgetLines": [{"description": "PA support", "kind": "HOURLY", "hoursPerWeek": 7, "hourlyRatePence": 1328, "outcomes": [1]}],
                 "paymentFrequency": "FOUR_WEEKLY", "weeklyContributionPence": 0}"""));
    }

    /** A direct payment to pay a brother, set up through the module's own face (the race tests). */
    Object requestPaying(long citizenId, long planId, long memberId) {
        return directPayments.request(practitioner, citizenId, new org.dphub.plans.DirectPaymentRequest(planId, true, null, false,
                java.util.List.of(memberId), "", org.dphub.plans.AccountType.PREPAID_CARD, LocalDate.now().minusDays(1),
                LocalDate.now().plusDays(7)), new org.dphub.web.FormErrors(messages, java.util.Locale.ENGLISH));
    }

    long newDirectPaymentPaying(long citizenId, long memberId) {
        return newDirectPaymentPaying(PRACTITIONER, citizenId, memberId, null);
    }

    /** A direct payment paying them, with the council's decision that it is necessary when {@code necessity} is given. */
    long newDirectPaymentPaying(String staff, long citizenId, long memberId, String necessity) {
        return created(requestDirectPaymentPaying(staff, citizenId, newPlan(staff, citizenId), memberId, necessity));
    }

    /** Asks for a direct payment under the plan paying this member, through the API, and returns the answer as it is. */
    HttpResponse<String> requestDirectPaymentPaying(String staff, long citizenId, long planId, long memberId, String necessity) {
        return http.postJsonAs(staff, PASSWORD, "/api/v1/citizens/" + citizenId + "/direct-payments", """
                {"planId": %d, "hasCapacity": true, "excludedPerson": false, "accountType": "PREPAID_CARD",
                 "paysHouseholdMemberIds": [%d], "requestedOn": "%s", "startDate": "%s"%s}""".formatted(planId, memberId,
                LocalDate.now().minusDays(2), LocalDate.now().plusDays(7),
                necessity == null ? "" : ", \"necessityDecision\": {\"reason\": \"" + necessity + "\"}"));
    }

    @Test
    void aPractitionerCorrectsAHouseholdMemberAndOnlyWhatChangedIsAudited() {
        long citizenId = newCitizen();
        long brother = newMember(citizenId, "Dafyd Owen", "SIBLING", false);
        String staff = http.signIn(PRACTITIONER, PASSWORD);
        String path = "/citizens/" + citizenId + "/household-members/" + brother + "/details";
        assertThat(http.get("/citizens/" + citizenId, "Cookie", staff).body()).contains("href=\"" + path + "\"");
        assertThat(http.get(path, "Cookie", staff).body()).contains("Correct what is recorded about Dafyd Owen")
                .contains("value=\"Dafyd Owen\"");

        // bad input: each field says what to fix, and nothing changes
        HttpResponse<String> bad = correct(staff, citizenId, brother, "<script>alert(1)</script>", "ROBOT", "maybe");
        assertThat(bad.statusCode()).isEqualTo(200);
        assertThat(bad.body()).contains("govuk-error-summary").doesNotContain("<script>alert(1)</script>");
        assertThat(bad.body().split("govuk-error-summary__list")[1].split("</ul>")[0].split("<li").length - 1).isEqualTo(3);
        assertThat(member(brother)).isEqualTo("Dafyd Owen SIBLING false");

        // the name was misspelt: only the name is audited, with what it was
        HttpResponse<String> done = correct(staff, citizenId, brother, "Dafydd Owen", "SIBLING", "false");
        assertThat(done.statusCode()).isEqualTo(302);
        assertThat(done.headers().firstValue("Location").orElse("")).endsWith("/citizens/" + citizenId + "#household");
        assertThat(member(brother)).isEqualTo("Dafydd Owen SIBLING false");
        assertThat(jdbc.sql("""
                        SELECT before_state::text || ' ' || after_state::text FROM audit_event
                        WHERE entity_type = 'household_member' AND entity_id = :id AND action = 'UPDATE'""")
                .param("id", Long.toString(brother)).query(String.class).single())
                .contains("\"name\": \"Dafyd Owen\"").contains("\"name\": \"Dafydd Owen\"").doesNotContain("relationship");
        assertThat(http.get("/council/audit-trail", "Cookie", http.signIn("admin@demo-england", PASSWORD)).body())
                .contains("corrected the details of someone in Gwenllian Owen&#39;s household: name");

        // he moves in (no direct payment pays him): through the API
        HttpResponse<String> moved = http.putJsonAs(PRACTITIONER, PASSWORD, "/api/v1/citizens/" + citizenId + "/household-members/" + brother,
                "{\"name\": \"Dafydd Owen\", \"relationship\": \"SIBLING\", \"livesInSameHousehold\": true}");
        assertThat(moved.statusCode()).as(moved.body()).isEqualTo(200);
        assertThat(moved.body()).contains("\"livesInSameHousehold\":true");
        assertThat(member(brother)).isEqualTo("Dafydd Owen SIBLING true");
        assertThat(http.putJsonAs(PRACTITIONER, PASSWORD, "/api/v1/citizens/" + citizenId + "/household-members/" + brother,
                "{\"name\": \"\", \"relationship\": \"SIBLING\"}").statusCode()).isEqualTo(422);

        // not another council's, not someone else's member
        assertThat(http.get(path, "Cookie", http.signIn("practitioner@demo-wales", PASSWORD)).statusCode()).isEqualTo(404);
        assertThat(http.putJsonAs("practitioner@demo-wales", PASSWORD, "/api/v1/citizens/" + citizenId + "/household-members/" + brother,
                "{\"name\": \"Someone Else\", \"relationship\": \"FRIEND\", \"livesInSameHousehold\": false}").statusCode()).isEqualTo(404);
        long someoneElse = newCitizen();
        assertThat(http.putJsonAs(PRACTITIONER, PASSWORD, "/api/v1/citizens/" + someoneElse + "/household-members/" + brother,
                "{\"name\": \"Someone Else\", \"relationship\": \"FRIEND\", \"livesInSameHousehold\": false}").statusCode())
                .as("a member of another person's household").isEqualTo(404);
        assertThat(member(brother)).isEqualTo("Dafydd Owen SIBLING true");
    }

    @Test
    void aChangeThatWouldNeedTheCouncilsDecisionWaitsUntilNoPaymentWithoutOnePaysThem() {
        long citizenId = newCitizen();
        // a brother who lives elsewhere may be paid without the council's decision (regulation 3(3)(c) needs the same household)
        long brother = newMember(citizenId, "Iolo Owen", "SIBLING", false);
        long dp = newDirectPaymentPaying(citizenId, brother);
        String staff = http.signIn(PRACTITIONER, PASSWORD);

        HttpResponse<String> refused = correct(staff, citizenId, brother, "Iolo Owen", "SIBLING", "true");
        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(refused.body()).contains("Iolo Owen&#39;s details cannot change like this yet: a direct payment pays them")
                .contains("withdraw the direct payment waiting to be agreed").contains("href=\"/direct-payments/" + dp + "\"");
        HttpResponse<String> api = http.putJsonAs(PRACTITIONER, PASSWORD, "/api/v1/citizens/" + citizenId + "/household-members/" + brother,
                "{\"name\": \"Iolo Owen\", \"relationship\": \"SIBLING\", \"livesInSameHousehold\": true}");
        assertThat(api.statusCode()).isEqualTo(409);
        assertThat(json.readTree(api.body()).get("stillNeeded").get(0).asLong()).isEqualTo(dp);
        assertThat(member(brother)).as("nothing changed").isEqualTo("Iolo Owen SIBLING false");

        // what leaves the payment lawful is not refused: his name, a relationship the rules do not name
        assertThat(correct(staff, citizenId, brother, "Iolo Rhys Owen", "SIBLING", "false").statusCode()).isEqualTo(302);
        assertThat(correct(staff, citizenId, brother, "Iolo Rhys Owen", "FRIEND", "true").statusCode()).isEqualTo(302);
        assertThat(member(brother)).isEqualTo("Iolo Rhys Owen FRIEND true");

        // once the payment is withdrawn, the change is made
        assertThat(http.postJsonAs(PRACTITIONER, PASSWORD, "/api/v1/direct-payments/" + dp + "/status-changes",
                "{\"event\": \"WITHDRAWN\", \"reason\": \"Set up before we knew he had moved in\"}").statusCode()).isEqualTo(200);
        assertThat(correct(staff, citizenId, brother, "Iolo Rhys Owen", "SIBLING", "true").statusCode()).isEqualTo(302);
        assertThat(member(brother)).isEqualTo("Iolo Rhys Owen SIBLING true");
    }

    /** A direct payment being set up to pay him while someone records that he moved in: the change waits for it, then refuses. */
    @Test
    void aDirectPaymentBeingWrittenToPayThemMakesTheChangeWaitAndThenRefuse() throws Exception {
        long citizenId = newCitizen();
        long brother = newMember(citizenId, "Owain Owen", "SIBLING", false);
        long planId = newPlan(citizenId);
        assertThat(HeldOpen.secondWaitsForFirst(transactions, () -> requestPaying(citizenId, planId, brother),
                () -> citizens.correctHouseholdMember(practitioner, citizenId, brother, "Owain Owen", Relationship.SIBLING, true),
                "waits for the direct payment being written")).isInstanceOf(HouseholdChangeRefused.class);
        assertThat(member(brother)).isEqualTo("Owain Owen SIBLING false");
    }

    /**
     * The other way round: he is recorded as moving in, not yet committed, while a direct payment to pay him
     * is set up. The payment waits for the change, then reads it, and is refused (paying a brother who lives
     * with the person needs the council's decision), rather than passing the rules on what was true before.
     */
    @Test
    void aChangeBeingWrittenMakesADirectPaymentToPayThemWaitAndThenCheckTheRulesOnIt() throws Exception {
        long citizenId = newCitizen();
        long brother = newMember(citizenId, "Rhodri Owen", "SIBLING", false);
        long planId = newPlan(citizenId);
        assertThat(HeldOpen.secondWaitsForFirst(transactions,
                () -> citizens.correctHouseholdMember(practitioner, citizenId, brother, "Rhodri Owen", Relationship.SIBLING, true),
                () -> requestPaying(citizenId, planId, brother), "waits for the change being written"))
                .as("refused on what is true now")
                .isInstanceOf(org.dphub.web.RuleRefusal.class);
        assertThat(jdbc.sql("SELECT count(*) FROM direct_payment WHERE citizen_id = :c").param("c", citizenId).query(Long.class).single())
                .isZero();
    }

    /**
     * Wales asks the council's decision for family who live with the person only (regulation 6): a husband who
     * lives elsewhere may be paid without it, as he could not in England. Once he is recorded as moving in he
     * would need it, so the change is refused while the payment set up without it has not ended, in Welsh for
     * a practitioner who reads Welsh.
     */
    @Test
    void inWalesAHusbandWhoLivesElsewhereIsPaidWithoutTheDecisionUntilHeMovesIn() {
        String welsh = "practitioner@demo-wales";
        long citizenId = newCitizen(welsh, "CH7 1XY", "cy");
        long husband = newMember(welsh, citizenId, "Huw Owen", "SPOUSE", false);
        long dp = newDirectPaymentPaying(welsh, citizenId, husband, null);
        String staff = http.signIn(welsh, PASSWORD);

        HttpResponse<String> refused = correct(staff, citizenId, husband, "Huw Owen", "SPOUSE", "true", "?lang=cy");
        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(refused.body()).contains("Ni all manylion Huw Owen newid fel hyn eto: mae taliad uniongyrchol yn eu talu")
                .contains("dynnu&#39;n ôl y taliad uniongyrchol sy&#39;n aros i gael ei gytuno")
                .contains("href=\"/direct-payments/" + dp + "\"").doesNotContain("cannot change like this yet");
        assertThat(member(husband)).as("nothing changed").isEqualTo("Huw Owen SPOUSE false");

        // the same husband, in England, needs the decision wherever he lives (regulation 3(3)(a)): not set up without it
        long english = newCitizen();
        long englishHusband = newMember(english, "Huw Owen", "SPOUSE", false);
        HttpResponse<String> englandRefuses = requestDirectPaymentPaying(PRACTITIONER, english, newPlan(english), englishHusband, null);
        assertThat(englandRefuses.statusCode()).as(englandRefuses.body()).isEqualTo(422);
    }

    /** Taking someone off the household: the form on the page, the reason, where they are then listed. */
    HttpResponse<String> remove(String staff, long citizenId, long memberId, String reason) {
        String path = "/citizens/" + citizenId + "/household-members/" + memberId + "/remove";
        HttpResponse<String> form = http.get(path, "Cookie", staff);
        assertThat(form.statusCode()).isEqualTo(200);
        return http.postForm(path, "reason=" + Http.encode(reason) + "&_csrf=" + Http.encode(Http.csrfToken(form.body())), "Cookie", staff);
    }

    String removal(long memberId) {
        return jdbc.sql("SELECT coalesce(removed_on::text, '-') || ' ' || coalesce(removed_by, '-') || ' ' || coalesce(removal_reason, '-')"
                + " FROM household_member WHERE id = :id").param("id", memberId).query(String.class).single();
    }

    /**
     * Someone recorded by mistake, or who has died, is taken off the household with the reason: not while a
     * direct payment pays them (even with the council's decision), then from today, kept on record and listed
     * as removed, audited, out of the household's list and of whom a new direct payment may pay.
     */
    @Test
    void aPractitionerTakesSomeoneOffTheHouseholdOnceNoDirectPaymentPaysThem() {
        long citizenId = newCitizen();
        long partner = newMember(citizenId, "Alun Price", "PARTNER", true);
        long dp = newDirectPaymentPaying(PRACTITIONER, citizenId, partner, "He is the only one who can give her care at night");
        String staff = http.signIn(PRACTITIONER, PASSWORD);
        String path = "/citizens/" + citizenId + "/household-members/" + partner + "/remove";
        assertThat(http.get("/citizens/" + citizenId, "Cookie", staff).body()).contains("href=\"" + path + "\"");
        assertThat(http.get(path, "Cookie", staff).body()).contains("Take Alun Price off Gwenllian Owen&#39;s household")
                .contains("If Alun Price has only moved out, change their details instead");

        // bad input: the reason is needed, and mark-up is refused; nothing changes
        for (String bad : new String[] {"", "  ", "<script>alert(1)</script>", "a".repeat(501)}) {
            HttpResponse<String> refused = remove(staff, citizenId, partner, bad);
            assertThat(refused.statusCode()).isEqualTo(200);
            assertThat(refused.body()).contains("govuk-error-summary").contains("href=\"#reason\"").doesNotContain("<script>alert(1)");
        }
        assertThat(removal(partner)).isEqualTo("- - -");

        // a direct payment pays him, with the council's decision: still refused, on the page and the API
        HttpResponse<String> paid = remove(staff, citizenId, partner, "Recorded by mistake");
        assertThat(paid.statusCode()).isEqualTo(409);
        assertThat(paid.body()).contains("Alun Price cannot be taken off the household yet: a direct payment pays them")
                .contains("withdraw the direct payment waiting to be agreed").contains("href=\"/direct-payments/" + dp + "\"");
        String api = "/api/v1/citizens/" + citizenId + "/household-members/" + partner + "/remove";
        HttpResponse<String> apiPaid = http.postJsonAs(PRACTITIONER, PASSWORD, api, "{\"reason\": \"Recorded by mistake\"}");
        assertThat(apiPaid.statusCode()).isEqualTo(409);
        assertThat(json.readTree(apiPaid.body()).get("stillNeeded").get(0).asLong()).isEqualTo(dp);
        assertThat(http.postJsonAs(PRACTITIONER, PASSWORD, api, "{\"reason\": \"\"}").statusCode()).isEqualTo(422);
        // not another council's, not someone else's member
        assertThat(http.get(path, "Cookie", http.signIn("practitioner@demo-wales", PASSWORD)).statusCode()).isEqualTo(404);
        assertThat(http.postJsonAs("practitioner@demo-wales", PASSWORD, api, "{\"reason\": \"Recorded by mistake\"}").statusCode())
                .isEqualTo(404);
        long someoneElse = newCitizen();
        assertThat(http.postJsonAs(PRACTITIONER, PASSWORD, "/api/v1/citizens/" + someoneElse + "/household-members/" + partner + "/remove",
                "{\"reason\": \"Recorded by mistake\"}").statusCode()).as("a member of another person's household").isEqualTo(404);
        assertThat(removal(partner)).isEqualTo("- - -");

        // once the payment is withdrawn, he is taken off, from today, with the reason
        assertThat(http.postJsonAs(PRACTITIONER, PASSWORD, "/api/v1/direct-payments/" + dp + "/status-changes",
                "{\"event\": \"WITHDRAWN\", \"reason\": \"He is a neighbour, not her partner\"}").statusCode()).isEqualTo(200);
        HttpResponse<String> done = remove(staff, citizenId, partner, "Recorded by mistake: he is a neighbour");
        assertThat(done.statusCode()).isEqualTo(302);
        assertThat(done.headers().firstValue("Location").orElse("")).endsWith("/citizens/" + citizenId + "#household");
        java.time.LocalDate today = java.time.LocalDate.now(java.time.ZoneId.of("Europe/London"));
        assertThat(removal(partner)).isEqualTo(today + " " + PRACTITIONER + " Recorded by mistake: he is a neighbour");
        String page = http.get("/citizens/" + citizenId, "Cookie", staff).body();
        assertThat(page).contains("Taken off the household").contains("Recorded by mistake: he is a neighbour")
                .doesNotContain("href=\"" + path + "\"").doesNotContain("id=\"change-household-" + partner + "\"");
        assertThat(http.getAs(PRACTITIONER, PASSWORD, "/api/v1/citizens/" + citizenId + "/household-members").body())
                .doesNotContain("Alun Price");
        assertThat(http.get("/citizens/" + citizenId + "/household-members/" + partner + "/details", "Cookie", staff).statusCode())
                .as("nothing more to correct").isEqualTo(404);
        assertThat(http.get(path, "Cookie", staff).statusCode()).as("taken off already: back to the person").isEqualTo(302);
        assertThat(http.postJsonAs(PRACTITIONER, PASSWORD, api, "{\"reason\": \"Again\"}").statusCode()).isEqualTo(409);
        assertThat(removal(partner)).as("not changed again").endsWith(" Recorded by mistake: he is a neighbour");

        // audited with what was recorded about him; the trail says it in words
        assertThat(jdbc.sql("""
                        SELECT before_state::text || ' ' || after_state::text FROM audit_event
                        WHERE entity_type = 'household_member' AND entity_id = :id AND action = 'DELETE'""")
                .param("id", Long.toString(partner)).query(String.class).single())
                .contains("\"relationship\": \"PARTNER\"").contains("\"reason\": \"Recorded by mistake: he is a neighbour\"");
        assertThat(http.get("/council/audit-trail", "Cookie", http.signIn("admin@demo-england", PASSWORD)).body())
                .contains("took Alun Price off Gwenllian Owen&#39;s household, from");

        // a new direct payment cannot pay him
        HttpResponse<String> paying = requestDirectPaymentPaying(PRACTITIONER, citizenId, newPlan(citizenId), partner, null);
        assertThat(paying.statusCode()).isEqualTo(422);
        assertThat(paying.body()).contains("Select only people recorded in the person's household");

        // the person's records include it; erasing them removes the reason with the name
        assertThat(http.getAs(PRACTITIONER, PASSWORD, "/api/v1/citizens/" + citizenId + "/subject-access").body())
                .contains("Recorded by mistake: he is a neighbour");
        HttpResponse<String> erased = http.postJsonAs("admin@demo-england", PASSWORD, "/api/v1/citizens/" + citizenId + "/erasure", "");
        assertThat(erased.statusCode()).as(erased.body()).isEqualTo(200);
        assertThat(removal(partner)).isEqualTo(today + " " + PRACTITIONER + " Erased");
    }

    /** He is being taken off, not yet committed, while a direct payment to pay him is set up: it waits, then finds him gone. */
    @Test
    void someoneBeingTakenOffMakesADirectPaymentToPayThemWaitAndThenRefuse() throws Exception {
        long citizenId = newCitizen();
        long brother = newMember(citizenId, "Gethin Owen", "SIBLING", false);
        long planId = newPlan(citizenId);
        assertThat(HeldOpen.secondWaitsForFirst(transactions,
                () -> citizens.removeHouseholdMember(practitioner, citizenId, brother, "Has died"),
                () -> requestPaying(citizenId, planId, brother), "waits for him being taken off"))
                .as("refused: he is not in the household now")
                .isInstanceOf(org.dphub.web.ValidationProblem.class);
        assertThat(jdbc.sql("SELECT count(*) FROM direct_payment WHERE citizen_id = :c").param("c", citizenId).query(Long.class).single())
                .isZero();
    }
}
