package org.dphub.rights;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.dphub.identity.NewUserAccount;
import org.dphub.identity.UserAccounts;
import org.dphub.people.Citizens;
import org.dphub.shared.Role;
import org.dphub.shared.personaldata.PersonalDataSource;
import org.dphub.support.Http;
import org.dphub.support.IntegrationTest;
import org.dphub.support.MoneyApi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Issue 17, personal-data rights through the real API: subject access as JSON and PDF, with the
 * person's data in every section and nothing of another person; the refusals; erasure refused while
 * money is held, and carried out for a person whose direct payment has ended (details gone, money
 * records kept, both recorded and audited); the retention job anonymising only what is past its
 * time; the append-only tables refusing any change that is not a recorded step; and every table
 * with a {@code citizen_id} covered by a source.
 */
@IntegrationTest
class RightsIT {

    static final String P = Http.DEMO_PASSWORD;
    static final String PRACTITIONER = "practitioner@demo-england";
    static final String TEAM = "dp-team@demo-england";

    /** Tables with a citizen_id that no source reads, each with why: none today. */
    static final Map<String, String> EXCLUDED = Map.of(
            "plan_version_support", "what each plan version's budget lines add up to, kept by triggers for insights: derived from"
                    + " care_plan_version and plan_budget_line, which the plans source reads",
            "payslip_paid_work", "each WORK line of an approved payslip, kept by triggers for insights: ids, minutes and pence copied"
                    + " from payslip and payslip_line, which the employment source reads; no names, so kept as the payslips are");

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Citizens citizens;
    @Autowired
    UserAccounts accounts;
    @Autowired
    PersonalDataRights rights;
    @Autowired
    org.springframework.transaction.PlatformTransactionManager transactions;

    Http http;
    MoneyApi money;
    final Random random = new Random();

    @BeforeEach
    void client() {
        http = new Http(port);
        money = new MoneyApi(http);
    }

    /** A made-up name nobody else in the data has. */
    String name(String start) {
        StringBuilder s = new StringBuilder(start);
        for (int i = 0; i < 8; i++) {
            s.append((char) ('a' + random.nextInt(26)));
        }
        return s.toString();
    }

    long england() {
        return jdbc.sql("SELECT id FROM council WHERE code = 'demo-england'").query(Long.class).single();
    }

    /** A person with an active direct payment starting in 20 days (nothing paid yet), and their own sign-in. */
    record Person(long citizenId, long directPaymentId, long accountId, String givenName, String username) {
    }

    Person person(String start) {
        String given = name(start);
        MoneyApi.Active active = money.activeWeekly(PRACTITIONER, given, LocalDate.now().plusDays(20), "BANK_ACCOUNT", 6000, "en");
        String username = given.toLowerCase() + "@example.com";
        long user = accounts.create(new NewUserAccount(username, P, given + " Test", england(), EnumSet.of(Role.CITIZEN), "en"));
        citizens.linkExistingAccount(accounts.findByUsername(PRACTITIONER).orElseThrow(), active.citizenId(), user);
        MoneyApi.ok(http.postJsonAs(PRACTITIONER, P, "/api/v1/citizens/" + active.citizenId() + "/household-members",
                "{\"name\": \"" + given + " Senior\", \"relationship\": \"PARENT\", \"livesInSameHousehold\": true}"), 201);
        MoneyApi.ok(http.putJsonAs("finance@demo-england", P, "/api/v1/accounts/" + active.accountId() + "/bank-details",
                "{\"accountName\": \"" + given + " Test\", \"sortCode\": \"123456\", \"accountNumber\": \"12345678\"}"), 200);
        MoneyApi.ok(http.postJsonAs(username, P, "/api/v1/help-requests",
                "{\"kind\": \"MONEY\", \"text\": \"" + given + " worries about the money\"}"), 201);
        MoneyApi.ok(http.postJsonAs(TEAM, P, "/api/v1/citizens/" + active.citizenId() + "/letters",
                "{\"kind\": \"QUESTION\", \"values\": {\"question\": \"What was the payment to " + given + "?\"}}"), 201);
        return new Person(active.citizenId(), active.directPaymentId(), active.accountId(), given, username);
    }

    void end(Person p) {
        MoneyApi.ok(http.postJsonAs(PRACTITIONER, P, "/api/v1/direct-payments/" + p.directPaymentId() + "/status-changes",
                "{\"event\": \"ENDED\", \"effectiveOn\": \"" + LocalDate.now() + "\", \"reason\": \"Moved away\"}"), 200);
    }

    long count(String sql, Object... params) {
        return jdbc.sql(sql).params(params).query(Long.class).single();
    }

    @Test
    void subjectAccessHasEverySectionOfThePersonAndNothingOfAnother() {
        Person rhian = person("Rhian");
        Person other = person("Zeb");
        String askedByTeam = "SELECT count(*) FROM audit_event WHERE entity_type = 'subject_access' AND entity_id = ? AND actor = ?";
        long asked = count(askedByTeam, String.valueOf(rhian.citizenId()), TEAM);

        HttpResponse<String> response = http.getAs(TEAM, P, "/api/v1/citizens/" + rhian.citizenId() + "/subject-access");
        JsonNode body = MoneyApi.ok(response, 200);
        JsonNode sections = body.get("sections");
        assertThat(body.get("kind").asString()).isEqualTo("citizen");
        assertThat(sections.get("person").get("citizen").get(0).get("given_name").asString()).isEqualTo(rhian.givenName());
        assertThat(sections.get("person").get("household_member").get(0).get("name").asString()).isEqualTo(rhian.givenName() + " Senior");
        assertThat(sections.get("account").get("app_user").get(0).get("username").asString()).isEqualTo(rhian.username());
        assertThat(sections.get("account").get("app_user").get(0).has("password_hash")).as("no secrets").isFalse();
        assertThat(sections.get("plans").get("direct_payment").get(0).get("id").asLong()).isEqualTo(rhian.directPaymentId());
        assertThat(sections.get("plans").get("plan_outcome").get(0).get("text").asString()).isEqualTo("Get out and about");
        assertThat(sections.get("money").get("dp_account").get(0).get("id").asLong()).isEqualTo(rhian.accountId());
        assertThat(sections.get("money").get("dp_account").get(0).get("balance_pence").asLong()).isZero();
        assertThat(sections.get("money").get("bank_details").get(0).get("account_name").asString()).isEqualTo(rhian.givenName() + " Test");
        assertThat(sections.get("letters").get("letter").get(0).get("body").asString()).contains(rhian.givenName());
        assertThat(sections.get("help").get("help_request").get(0).get("text").asString()).contains(rhian.givenName());
        assertThat(sections.get("audit").get("audit_event").size()).isPositive();
        assertThat(response.body()).as("nothing of the other person").doesNotContain(other.givenName())
                .doesNotContain(other.username());
        assertThat(count(askedByTeam, String.valueOf(rhian.citizenId()), TEAM)).as("audited: who asked, for whom").isEqualTo(asked + 1);

        // the person themself, by their id and as "me"
        JsonNode own = MoneyApi.ok(http.getAs(rhian.username(), P, "/api/v1/citizens/" + rhian.citizenId() + "/subject-access"), 200);
        assertThat(own.get("sections").get("person").get("citizen").get(0).get("id").asLong()).isEqualTo(rhian.citizenId());
        JsonNode me = MoneyApi.ok(http.getAs(rhian.username(), P, "/api/v1/me/subject-access"), 200);
        assertThat(me.get("kind").asString()).isEqualTo("citizen");
        assertThat(me.get("id").asLong()).isEqualTo(rhian.citizenId());
        JsonNode staffMe = MoneyApi.ok(http.getAs(TEAM, P, "/api/v1/me/subject-access"), 200);
        assertThat(staffMe.get("kind").asString()).isEqualTo("user");
        assertThat(staffMe.get("sections").get("account").get("app_user").get(0).get("username").asString()).isEqualTo(TEAM);

        // refusals: another citizen, another council, a role that needs no whole record, nobody
        String path = "/api/v1/citizens/" + rhian.citizenId() + "/subject-access";
        assertThat(http.getAs(other.username(), P, path).statusCode()).as("another citizen").isEqualTo(404);
        assertThat(http.getAs("dp-team@demo-wales", P, path).statusCode()).as("another council").isEqualTo(404);
        assertThat(http.getAs("admin@demo-wales", P, path).statusCode()).as("another council").isEqualTo(404);
        assertThat(http.getAs("finance@demo-england", P, path).statusCode()).as("finance").isEqualTo(403);
        assertThat(http.getAs("pa@demo-england", P, path).statusCode()).as("a PA").isEqualTo(404);
        assertThat(http.get(path, "Accept", "application/json").statusCode()).as("nobody signed in").isEqualTo(401);
        assertThat(http.getAs(TEAM, P, "/api/v1/citizens/999999999/subject-access").statusCode()).isEqualTo(404);
        assertThat(count("SELECT count(*) FROM audit_event WHERE entity_type = 'subject_access' AND entity_id = ? AND actor IN (?, ?, ?)",
                String.valueOf(rhian.citizenId()), other.username(), "dp-team@demo-wales", "finance@demo-england"))
                .as("a refusal is not a request answered").isZero();
    }

    @Test
    void thePdfIsATaggedPdfOfThePersonsRecordInEnglishAndWelsh() throws Exception {
        Person ffion = person("Ffion");
        HttpResponse<byte[]> english = pdf(TEAM, "/api/v1/citizens/" + ffion.citizenId() + "/subject-access");
        assertThat(english.statusCode()).isEqualTo(200);
        assertThat(english.headers().firstValue("Content-Type").orElse("")).startsWith("application/pdf");
        try (PDDocument document = Loader.loadPDF(english.body())) {
            assertThat(document.getDocumentCatalog().getMarkInfo().isMarked()).as("tagged").isTrue();
            assertThat(document.getDocumentCatalog().getStructureTreeRoot()).isNotNull();
            assertThat(document.getDocumentCatalog().getLanguage()).isEqualTo("en");
            assertThat(document.getDocumentInformation().getTitle()).contains(ffion.givenName());
            String text = new PDFTextStripper().getText(document);
            assertThat(text).contains("Your details", "Care and support plans", "Money", ffion.givenName(), "Get out and about");
        }
        HttpResponse<byte[]> welsh = pdf(ffion.username(), "/api/v1/citizens/" + ffion.citizenId() + "/subject-access?lang=cy");
        try (PDDocument document = Loader.loadPDF(welsh.body())) {
            assertThat(document.getDocumentCatalog().getLanguage()).isEqualTo("cy");
            assertThat(new PDFTextStripper().getText(document)).contains("Eich manylion", "Arian", ffion.givenName());
        }
        assertThat(pdf("dp-team@demo-wales", "/api/v1/citizens/" + ffion.citizenId() + "/subject-access").statusCode()).isEqualTo(404);
    }

    HttpResponse<byte[]> pdf(String username, String path) throws Exception {
        var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + port + path))
                .header("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString((username + ":" + P).getBytes()))
                .header("Accept", "application/pdf").GET().build();
        return java.net.http.HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofByteArray());
    }

    @Test
    void aPasOwnRecordIsTheirsAndTheirRegisteringDpTeams() {
        long profile = jdbc.sql("SELECT p.id FROM pa_profile p JOIN app_user u ON u.id = p.user_id WHERE u.username = 'pa@demo-england'")
                .query(Long.class).single();
        JsonNode own = MoneyApi.ok(http.getAs("pa@demo-england", P, "/api/v1/pa-profiles/" + profile + "/subject-access"), 200);
        assertThat(own.get("kind").asString()).isEqualTo("user");
        assertThat(own.get("sections").get("find-a-pa").get("pa_profile").get(0).get("id").asLong()).isEqualTo(profile);
        assertThat(http.getAs("citizen@demo-england", P, "/api/v1/pa-profiles/" + profile + "/subject-access").statusCode()).isEqualTo(404);
        assertThat(http.getAs("practitioner@demo-england", P, "/api/v1/pa-profiles/" + profile + "/subject-access").statusCode())
                .isEqualTo(404);
    }

    @Test
    void erasureIsRefusedWhileMoneyIsHeldAndNothingChanges() {
        Person held = person("Gwen");
        HttpResponse<String> refused = http.postJsonAs(TEAM, P, "/api/v1/citizens/" + held.citizenId() + "/erasure", "");
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(409);
        assertThat(refused.headers().firstValue("Content-Type").orElse("")).contains("application/problem+json");
        assertThat(refused.body()).contains("settleFirst", "End their direct payment first");
        assertThat(jdbc.sql("SELECT given_name FROM citizen WHERE id = ?").param(held.citizenId()).query(String.class).single())
                .isEqualTo(held.givenName());
        assertThat(count("SELECT count(*) FROM personal_data_redaction WHERE citizen_id = ?", held.citizenId())).isZero();

        // money in the account (a payment posted by hand to the ledger) is refused too, once the payment has ended
        end(held);
        jdbc.sql("""
                WITH t AS (INSERT INTO ledger_transaction (council_id, idempotency_key, kind, posted_on, description, created_by)
                           VALUES (:council, :key, 'CORRECTION', current_date, 'Test money held', 'test') RETURNING id)
                INSERT INTO ledger_leg (transaction_id, leg, book, account_id, amount_pence)
                SELECT id, 1, 'ACCOUNT', :account, 1500 FROM t UNION ALL SELECT id, 2, 'COUNCIL', NULL, -1500 FROM t""")
                .param("council", england()).param("key", "rights-test-" + held.accountId()).param("account", held.accountId()).update();
        HttpResponse<String> stillHeld = http.postJsonAs(TEAM, P, "/api/v1/citizens/" + held.citizenId() + "/erasure", "");
        assertThat(stillHeld.statusCode()).as(stillHeld.body()).isEqualTo(409);
        assertThat(stillHeld.body()).contains("Settle their account first").doesNotContain("End their direct payment");

        // who may not: a practitioner (403), another council (404), the person themself (404: they ask through the DP team)
        String path = "/api/v1/citizens/" + held.citizenId() + "/erasure";
        assertThat(http.postJsonAs(PRACTITIONER, P, path, "").statusCode()).isEqualTo(403);
        assertThat(http.postJsonAs("dp-team@demo-wales", P, path, "").statusCode()).isEqualTo(404);
        assertThat(http.postJsonAs(held.username(), P, path, "").statusCode()).isEqualTo(404);
        assertThat(count("SELECT count(*) FROM personal_data_redaction WHERE citizen_id = ?", held.citizenId())).isZero();
        assertThat(count("SELECT count(*) FROM citizen c JOIN household_member h ON h.citizen_id = c.id WHERE c.id = ? AND c.given_name = ?"
                + " AND h.name = ?", held.citizenId(), held.givenName(), held.givenName() + " Senior")).as("nothing erased").isEqualTo(1);
        assertThat(count("SELECT count(*) FROM help_request WHERE citizen_id = ? AND text LIKE ?", held.citizenId(), held.givenName() + "%"))
                .isEqualTo(1);
        assertThat(count("SELECT count(*) FROM audit_event WHERE entity_type = 'personal_data_erasure'"
                + " AND after_state ->> 'citizenId' = ?", String.valueOf(held.citizenId()))).isZero();
    }

    /**
     * Two of the DP team erase the same person at the same moment (or a form sent twice without JavaScript):
     * the second waits for the first, then is told it was done (409), not a 500 from the step's unique key.
     */
    @Test
    void twoErasuresOfOnePersonAtOnceMakeOneStepAndAClearRefusal() throws Exception {
        Person ffion = person("Ffion");
        end(ffion);
        org.dphub.shared.SignedInUser team = accounts.findByUsername(TEAM).orElseThrow();
        Object second = org.dphub.support.HeldOpen.secondWaitsForFirst(new org.springframework.transaction.support.TransactionTemplate(transactions),
                () -> rights.erase(team, ffion.citizenId()),
                () -> http.postJsonAs(TEAM, P, "/api/v1/citizens/" + ffion.citizenId() + "/erasure", ""), "waits for the first erasure");
        assertThat(((HttpResponse<?>) second).statusCode()).isEqualTo(409);
        assertThat(((HttpResponse<?>) second).body().toString()).contains("Their data has already been erased");
        assertThat(count("SELECT count(*) FROM personal_data_redaction WHERE citizen_id = ?", ffion.citizenId())).isEqualTo(1);
    }

    @Test
    void erasureRemovesTheDetailsKeepsTheMoneyRecordsAndSaysWhy() {
        Person cai = person("Cai");
        end(cai);
        long ledgerRows = count("SELECT count(*) FROM ledger_leg WHERE account_id = ?", cai.accountId());
        long letters = count("SELECT count(*) FROM letter WHERE citizen_id = ?", cai.citizenId());
        int born = jdbc.sql("SELECT extract(year FROM date_of_birth)::int FROM citizen WHERE id = ?").param(cai.citizenId())
                .query(Integer.class).single();

        String session = http.signIn(cai.username(), P);
        assertThat(http.get("/home", "Cookie", session).statusCode()).isEqualTo(200);
        JsonNode erased = MoneyApi.ok(http.postJsonAs("admin@demo-england", P, "/api/v1/citizens/" + cai.citizenId() + "/erasure", ""), 200);
        assertThat(erased.get("step").asString()).isEqualTo("ERASURE");
        assertThat(erased.get("removed").toString()).contains("Their name, contact details");
        assertThat(erased.get("kept").toString()).contains("Money records", "Limitation Act 1980", "PAYE");

        var row = jdbc.sql("SELECT given_name, family_name, email, phone, date_of_birth, postcode FROM citizen WHERE id = ?")
                .param(cai.citizenId()).query().singleRow();
        assertThat(row.get("given_name")).isEqualTo("Erased");
        assertThat(row.get("email")).isNull();
        assertThat(row.get("date_of_birth").toString()).isEqualTo(born + "-01-01");
        assertThat((String) row.get("postcode")).isEqualTo("SY1 9ZZ");
        assertThat(jdbc.sql("SELECT name FROM household_member WHERE citizen_id = ?").param(cai.citizenId()).query(String.class).list())
                .containsOnly("Erased");
        assertThat(jdbc.sql("SELECT text FROM help_request WHERE citizen_id = ?").param(cai.citizenId()).query(String.class).list())
                .containsOnly("Erased");
        assertThat(jdbc.sql("SELECT enabled FROM app_user WHERE username = ?").param(cai.username()).query(Boolean.class).optional())
                .as("their sign-in is renamed and closed").isEmpty();
        // and the session they had open ends (after the commit: identity's SessionsOfClosedSignIns)
        long until = System.currentTimeMillis() + 15_000;
        while (http.get("/home", "Cookie", session).statusCode() == 200 && System.currentTimeMillis() < until) {
            java.util.concurrent.locks.LockSupport.parkNanos(100_000_000);
        }
        assertThat(http.get("/home", "Cookie", session).statusCode()).as("their session has ended").isEqualTo(302);
        // money records kept as they were
        assertThat(count("SELECT count(*) FROM ledger_leg WHERE account_id = ?", cai.accountId())).isEqualTo(ledgerRows);
        assertThat(count("SELECT count(*) FROM letter WHERE citizen_id = ? AND body LIKE ?", cai.citizenId(), "%" + cai.givenName() + "%"))
                .isEqualTo(letters);
        assertThat(jdbc.sql("SELECT account_name FROM bank_details WHERE account_id = ?").param(cai.accountId()).query(String.class).single())
                .isEqualTo(cai.givenName() + " Test");
        // the audit trail keeps its entries, without the person's details
        assertThat(count("SELECT count(*) FROM audit_event e JOIN audit_event_subject s ON s.event_id = e.id WHERE s.citizen_id = ?"
                + " AND e.entity_type IN ('citizen', 'household_member', 'help_request') AND (e.after_state::text LIKE ?)",
                cai.citizenId(), "%" + cai.givenName() + "%")).isZero();
        assertThat(count("SELECT count(*) FROM audit_event WHERE entity_type = 'personal_data_erasure' AND actor = 'admin@demo-england'"
                + " AND after_state ->> 'citizenId' = ?", String.valueOf(cai.citizenId()))).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM personal_data_redaction WHERE citizen_id = ? AND step = 'ERASURE'"
                + " AND jsonb_array_length(kept) > 0", cai.citizenId())).isEqualTo(1);

        // a second erasure is refused; staff still see the record (now without the name), and what was kept
        assertThat(http.postJsonAs(TEAM, P, "/api/v1/citizens/" + cai.citizenId() + "/erasure", "").statusCode()).isEqualTo(409);
        HttpResponse<String> after = http.getAs(TEAM, P, "/api/v1/citizens/" + cai.citizenId() + "/subject-access");
        assertThat(after.body()).doesNotContain(cai.givenName() + " Senior").contains("\"rights\"", "rights.kept.money");
    }

    @Test
    void theRetentionJobAnonymisesMoneyRecordsPastTheirTimeAndNotYoungerOnes() {
        Person old = person("Olwen");
        Person young = person("Iolo");
        end(old);
        end(young);
        MoneyApi.ok(http.postJsonAs(TEAM, P, "/api/v1/citizens/" + old.citizenId() + "/erasure", ""), 200);
        MoneyApi.ok(http.postJsonAs(TEAM, P, "/api/v1/citizens/" + young.citizenId() + "/erasure", ""), 200);
        LocalDate today = LocalDate.now();
        jdbc.sql("UPDATE direct_payment SET ended_on = ? WHERE id = ?").param(today.minusYears(6).minusDays(1)).param(old.directPaymentId()).update();
        jdbc.sql("UPDATE direct_payment SET ended_on = ? WHERE id = ?").param(today.minusYears(6).plusDays(1)).param(young.directPaymentId()).update();

        rights.applyRetention(today);

        assertThat(jdbc.sql("SELECT account_name FROM bank_details WHERE account_id = ?").param(old.accountId()).query(String.class).single())
                .isEqualTo("Erased");
        assertThat(jdbc.sql("SELECT body FROM letter WHERE citizen_id = ?").param(old.citizenId()).query(String.class).list()).containsOnly("Erased");
        assertThat(count("SELECT count(*) FROM plan_outcome o JOIN care_plan_version v ON v.id = o.plan_version_id JOIN care_plan p"
                + " ON p.id = v.plan_id WHERE p.citizen_id = ? AND o.text <> 'Erased'", old.citizenId())).isZero();
        assertThat(count("SELECT count(*) FROM personal_data_redaction WHERE citizen_id = ? AND step = 'RETENTION'", old.citizenId())).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM audit_event WHERE entity_type = 'personal_data_erasure' AND actor = 'system'"
                + " AND after_state ->> 'citizenId' = ? AND after_state ->> 'step' = 'RETENTION'", String.valueOf(old.citizenId()))).isEqualTo(1);
        // the money itself is still there
        assertThat(count("SELECT count(*) FROM payment_schedule WHERE account_id = ?", old.accountId())).isPositive();

        // a day short of 6 years: untouched, and not recorded
        assertThat(jdbc.sql("SELECT account_name FROM bank_details WHERE account_id = ?").param(young.accountId()).query(String.class).single())
                .isEqualTo(young.givenName() + " Test");
        assertThat(jdbc.sql("SELECT body FROM letter WHERE citizen_id = ?").param(young.citizenId()).query(String.class).list())
                .allMatch(b -> b.contains(young.givenName()));
        assertThat(count("SELECT count(*) FROM personal_data_redaction WHERE citizen_id = ? AND step = 'RETENTION'", young.citizenId())).isZero();

        // run again: nothing more for the first
        rights.applyRetention(today);
        assertThat(count("SELECT count(*) FROM personal_data_redaction WHERE citizen_id = ? AND step = 'RETENTION'", old.citizenId())).isEqualTo(1);
    }

    @Test
    void appendOnlyRowsChangeOnlyInsideARecordedStep() {
        Person bryn = person("Bryn");
        assertThatThrownBy(() -> jdbc.sql("UPDATE bank_details SET account_name = 'Someone else' WHERE account_id = ?")
                .param(bryn.accountId()).update()).hasMessageContaining("append-only");
        // naming a step that is not this transaction's is refused too
        long other = jdbc.sql("SELECT coalesce(max(id), 0) FROM personal_data_redaction").query(Long.class).single();
        assertThatThrownBy(() -> new TransactionTemplate(transactions).executeWithoutResult(s -> {
            jdbc.sql("SELECT set_config('dphub.redaction', ?, true)").param(String.valueOf(other)).query(String.class).single();
            jdbc.sql("UPDATE bank_details SET account_name = 'Someone else' WHERE account_id = ?").param(bryn.accountId()).update();
        })).hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("UPDATE audit_event SET after_state = NULL WHERE id = (SELECT max(id) FROM audit_event)").update())
                .hasMessageContaining("append-only");
        assertThat(jdbc.sql("SELECT account_name FROM bank_details WHERE account_id = ?").param(bryn.accountId()).query(String.class).single())
                .isEqualTo(bryn.givenName() + " Test");
    }

    @Test
    void everyTableWithACitizenIdIsReadBySomeSource() {
        Set<String> covered = new HashSet<>();
        for (PersonalDataSource source : rights.sources()) {
            covered.addAll(source.tables());
        }
        List<String> withCitizenId = jdbc.sql("""
                        SELECT c.table_name FROM information_schema.columns c
                        JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
                        WHERE c.table_schema = current_schema() AND c.column_name = 'citizen_id' AND t.table_type = 'BASE TABLE'
                        ORDER BY 1""").query(String.class).list();
        Set<String> missing = new TreeSet<>(withCitizenId);
        missing.removeAll(covered);
        missing.removeAll(EXCLUDED.keySet());
        assertThat(missing).as("tables with a citizen_id that no PersonalDataSource reads (add them to a source, or to EXCLUDED with why)")
                .isEmpty();
        // and every table a source names exists (a typo would make the check above pass for nothing)
        Set<String> tables = new HashSet<>(jdbc.sql("SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema()")
                .query(String.class).list());
        List<String> unknown = new ArrayList<>(covered);
        unknown.removeAll(tables);
        assertThat(unknown).isEmpty();
        assertThat(withCitizenId).contains("citizen_access", "dp_account", "letter", "help_request", "personal_data_redaction");
    }
}
