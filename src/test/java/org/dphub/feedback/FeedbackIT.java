package org.dphub.feedback;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.dphub.councils.Council;
import org.dphub.councils.CouncilSettings;
import org.dphub.councils.Councils;
import org.dphub.councils.Nation;
import org.dphub.identity.NewUserAccount;
import org.dphub.identity.UserAccounts;
import org.dphub.shared.Role;
import org.dphub.support.Http;
import org.dphub.support.IntegrationTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Feedback survey rounds over real HTTP, in councils of their own: a round started by the DP team
 * (its invitation letter written to the holder with a direct payment), answers from a citizen with
 * their name, a citizen without it and a PA, the exact counts and averages, what the anonymous
 * answer's row holds, the comments masked, every refusal with nothing saved, and who may see what.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FeedbackIT {

    static final String CODE = "feedback-it";
    static final String OTHER = "feedback-it-other";
    static final String DP_TEAM = "dp-team@" + CODE;
    static final String PRACTITIONER = "practitioner@" + CODE;
    static final String ALYS = "alys@" + CODE;
    static final String BRYN = "bryn@" + CODE;
    static final String PA = "pa@" + CODE;
    static final String OTHER_DP_TEAM = "dp-team@" + OTHER;
    static final String OTHER_CITIZEN = "citizen@" + OTHER;
    static final String P = Http.DEMO_PASSWORD;

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Councils councils;
    @Autowired
    UserAccounts users;

    Http http;
    final JsonMapper json = JsonMapper.builder().build();
    long council;
    long alysCitizen;
    long alysUser;
    long brynUser;
    long paUser;

    @BeforeAll
    void councilsOfTheirOwn() {
        http = new Http(port);
        if (councils.findByCode(CODE).isPresent()) {
            council = councils.findByCode(CODE).get().id();
            alysUser = userId(ALYS);
            brynUser = userId(BRYN);
            paUser = userId(PA);
            alysCitizen = jdbc.sql("SELECT citizen_id FROM citizen_access WHERE user_id = :u").param("u", alysUser).query(Long.class).single();
            return;
        }
        Council created = councils.create(CODE, "Feedback Borough Council", "Cyngor Bwrdeistref Adborth", Nation.ENGLAND,
                CouncilSettings.defaults(false));
        council = created.id();
        users.create(new NewUserAccount(DP_TEAM, P, "Dee Feedback", council, EnumSet.of(Role.DP_TEAM), "en"));
        users.create(new NewUserAccount(PRACTITIONER, P, "Pat Feedback", council, EnumSet.of(Role.PRACTITIONER), "en"));
        alysUser = users.create(new NewUserAccount(ALYS, P, "Alys Feedback", council, EnumSet.of(Role.CITIZEN), "en"));
        brynUser = users.create(new NewUserAccount(BRYN, P, "Bryn Feedback", council, EnumSet.of(Role.CITIZEN), "cy"));
        paUser = users.create(new NewUserAccount(PA, P, "Sophie Feedback", council, EnumSet.of(Role.PERSONAL_ASSISTANT), "en"));
        alysCitizen = citizen("FB-ALYS", "Alys", alysUser);
        long bryn = citizen("FB-BRYN", "Bryn", brynUser);
        // Alys has a direct payment in force, so her invitation comes by email; Bryn is on the way to one
        jdbc.sql("INSERT INTO care_plan (council_id, citizen_id) VALUES (:c, :p)").param("c", council).param("p", alysCitizen).update();
        long plan = jdbc.sql("SELECT id FROM care_plan WHERE citizen_id = :p").param("p", alysCitizen).query(Long.class).single();
        jdbc.sql("""
                        INSERT INTO direct_payment (council_id, citizen_id, plan_id, status, has_capacity, account_type, requested_on,
                            start_date, agreed_at, agreed_by, agreement_method, created_by)
                        VALUES (:c, :p, :plan, 'ACTIVE', true, 'BANK_ACCOUNT', DATE '2026-01-05', DATE '2026-02-01',
                            TIMESTAMP '2026-01-20 12:00', 'test', 'ONLINE', 'test')""")
                .param("c", council).param("p", alysCitizen).param("plan", plan).update();
        // the PA works for Bryn
        long employment = jdbc.sql("""
                        INSERT INTO pa_employment (council_id, citizen_id, pa_user_id, pa_given_name, pa_family_name, pa_date_of_birth,
                            started_on, created_by)
                        VALUES (:c, :p, :u, 'Sophie', 'Feedback', DATE '1990-01-01', DATE '2026-01-01', 'test') RETURNING id""")
                .param("c", council).param("p", bryn).param("u", paUser).query(Long.class).single();
        jdbc.sql("""
                        INSERT INTO pa_employment_terms (employment_id, effective_from, hourly_rate_pence, hours_kind, contracted_minutes_per_week,
                            pay_frequency, tax_code, pension, el_insurer, el_policy_number, el_expires_on, created_by)
                        VALUES (:e, DATE '2026-01-01', 1400, 'CONTRACTED', 600, 'MONTHLY', '1257L', 'ASSESS', 'Insurer', 'POL-1',
                            DATE '2031-01-01', 'test')""").param("e", employment).update();

        long other = councils.create(OTHER, "Other Feedback Council", "Cyngor Adborth Arall", Nation.WALES, CouncilSettings.defaults(true)).id();
        users.create(new NewUserAccount(OTHER_DP_TEAM, P, "Other Team", other, EnumSet.of(Role.DP_TEAM), "en"));
        long otherUser = users.create(new NewUserAccount(OTHER_CITIZEN, P, "Other Citizen", other, EnumSet.of(Role.CITIZEN), "en"));
        jdbc.sql("""
                        INSERT INTO citizen (council_id, reference, given_name, family_name, date_of_birth, postcode)
                        VALUES (:c, 'FB-OTHER', 'Other', 'Citizen', DATE '1970-01-01', 'CF10 1EP')""").param("c", other).update();
        long otherCitizen = jdbc.sql("SELECT id FROM citizen WHERE council_id = :c AND reference = 'FB-OTHER'").param("c", other)
                .query(Long.class).single();
        jdbc.sql("INSERT INTO citizen_access (user_id, citizen_id, council_id, relationship) VALUES (:u, :p, :c, 'SELF')")
                .param("u", otherUser).param("p", otherCitizen).param("c", other).update();
    }

    long citizen(String reference, String name, long user) {
        long id = jdbc.sql("""
                        INSERT INTO citizen (council_id, reference, given_name, family_name, date_of_birth, postcode, contact_preference,
                            email, preferred_language)
                        VALUES (:c, :ref, :name, 'Feedback', DATE '1960-01-01', 'SY1 1AA', 'EMAIL', :email, 'en') RETURNING id""")
                .param("c", council).param("ref", reference).param("name", name).param("email", name.toLowerCase() + "@example.com")
                .query(Long.class).single();
        jdbc.sql("INSERT INTO citizen_access (user_id, citizen_id, council_id, relationship) VALUES (:u, :p, :c, 'SELF')")
                .param("u", user).param("p", id).param("c", council).update();
        return id;
    }

    long userId(String username) {
        return jdbc.sql("SELECT id FROM app_user WHERE username = :u").param("u", username).query(Long.class).single();
    }

    JsonNode ok(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        return json.readTree(response.body());
    }

    long startRound(String title, String invited) {
        LocalDate today = LocalDate.now();
        JsonNode round = ok(http.postJsonAs(DP_TEAM, P, "/api/v1/feedback/rounds", "{\"title\": \"" + title + "\", \"opensOn\": \""
                + today + "\", \"closesOn\": \"" + today.plusDays(30) + "\", \"invited\": [" + invited + "]}"), 201);
        return round.get("id").asLong();
    }

    HttpResponse<String> answer(String who, long round, String body) {
        return http.postJsonAs(who, P, "/api/v1/feedback/rounds/" + round + "/answers", body);
    }

    long answers(long round) {
        return jdbc.sql("SELECT count(*) FROM feedback_answer WHERE round_id = :r").param("r", round).query(Long.class).single();
    }

    @Test
    void aRoundIsAnsweredNamedAnonymouslyAndByAPaAndItsResultsAreExactAndMasked() throws InterruptedException {
        long round = startRound("Spring check-in", "\"HOLDER\", \"PA\"");

        // the invitation: a friendly email to Alys (a direct payment in force), written after the round committed
        Integer written = null;
        for (int i = 0; i < 100 && written == null; i++) {
            written = jdbc.sql("SELECT letters_written FROM feedback_round WHERE id = :r").param("r", round).query((rs, n) -> rs.getObject(1) == null ? -1 : rs.getInt(1)).single();
            written = written < 0 ? null : written;
            Thread.sleep(100);
        }
        assertThat(written).as("one holder has a direct payment").isEqualTo(1);
        assertThat(jdbc.sql("SELECT body FROM letter WHERE citizen_id = :p AND kind = 'FEEDBACK_INVITED'").param("p", alysCitizen)
                .query(String.class).list()).singleElement().satisfies(body -> assertThat(body)
                .startsWith("Dear Alys,").contains("/feedback/rounds/" + round, "without your name"));

        ok(answer(ALYS, round, """
                {"anonymous": false, "stages": [
                  {"stage": "planning", "rating": 4, "working": "My PA Sarah Jones is brilliant, call her on 07700 900123"},
                  {"stage": "getting-the-money", "rating": 2, "notWorking": "It took 9 weeks"},
                  {"stage": "reviews", "working": "Kind and quick"}]}"""), 201);
        JsonNode anonymous = ok(answer(BRYN, round, """
                {"anonymous": true, "stages": [
                  {"stage": "planning", "rating": 5},
                  {"stage": "getting-the-money", "rating": 3, "notWorking": "<script>alert(1)</script> and my email bryn@example.com"}]}"""),
                201);
        assertThat(anonymous.get("roleKind").asString()).isEqualTo("HOLDER");
        ok(answer(PA, round, "{\"anonymous\": \"no\", \"stages\": [{\"stage\": \"planning\", \"rating\": 3}]}"), 201);

        // anonymity: the anonymous row keeps no user id; the "has answered" rows name all three and hold nothing else
        List<String> rows = jdbc.sql("SELECT coalesce(user_id::text, '-') || ' ' || anonymous || ' ' || role_kind FROM feedback_answer "
                + "WHERE round_id = :r ORDER BY role_kind, user_id NULLS FIRST").param("r", round).query(String.class).list();
        assertThat(rows).containsExactlyInAnyOrder("- true HOLDER", alysUser + " false HOLDER", paUser + " false PA");
        assertThat(jdbc.sql("SELECT count(*) FROM feedback_answer WHERE user_id = :u").param("u", brynUser).query(Long.class).single())
                .as("Bryn's id is on no answer").isZero();
        assertThat(jdbc.sql("SELECT user_id FROM feedback_respondent WHERE round_id = :r").param("r", round).query(Long.class).list())
                .containsExactlyInAnyOrder(alysUser, brynUser, paUser);
        assertThat(jdbc.sql("SELECT column_name FROM information_schema.columns WHERE table_name = 'feedback_respondent'")
                .query(String.class).list()).containsExactlyInAnyOrder("round_id", "user_id");

        // each person once, anonymous or not: refused by name, nothing saved
        for (String who : List.of(ALYS, BRYN)) {
            HttpResponse<String> again = answer(who, round, "{\"anonymous\": true, \"stages\": [{\"stage\": \"planning\", \"rating\": 1}]}");
            assertThat(again.statusCode()).as(again.body()).isEqualTo(422);
            assertThat(again.body()).contains("\"field\":\"round\"", "already answered");
        }
        assertThat(answers(round)).isEqualTo(3);

        JsonNode results = ok(http.getAs(PRACTITIONER, P, "/api/v1/feedback/rounds/" + round + "/results"), 200);
        assertThat(results.get("answers").asLong()).isEqualTo(3);
        assertThat(results.get("anonymous").asLong()).isEqualTo(1);
        assertThat(results.get("byRole").get("HOLDER").asLong()).isEqualTo(2);
        assertThat(results.get("byRole").get("PA").asLong()).isEqualTo(1);
        assertThat(results.get("byRole").get("REPRESENTATIVE").asLong()).isZero();
        List<String> stages = new ArrayList<>();
        results.get("stages").forEach(s -> stages.add(s.get("stage").asString() + " " + s.get("answers").asLong() + " "
                + s.get("rated").asLong() + " " + (s.get("averageRating").isNull() ? "-" : s.get("averageRating").decimalValue().stripTrailingZeros().toPlainString())));
        assertThat(stages).containsExactly("planning 3 3 4", "getting-the-money 2 2 2.5", "finding-support 0 0 -", "employing 0 0 -",
                "monitoring 0 0 -", "reviews 1 0 -");
        String quarter = LocalDate.now().getYear() + "-Q" + ((LocalDate.now().getMonthValue() - 1) / 3 + 1);
        List<String> trend = new ArrayList<>();
        results.get("quarters").forEach(q -> trend.add(q.get("quarter").asString() + " " + q.get("stage").asString() + " "
                + q.get("rated").asLong() + " " + (q.get("averageRating").isNull() ? "-" : q.get("averageRating").decimalValue().stripTrailingZeros().toPlainString())));
        assertThat(trend).contains(quarter + " planning 3 4", quarter + " getting-the-money 2 2.5");
        List<String> comments = new ArrayList<>();
        results.get("comments").forEach(c -> comments.add(c.get("stage").asString() + "/" + c.get("about").asString() + "/"
                + c.get("roleKind").asString() + ": " + c.get("text").asString()));
        assertThat(comments).containsExactlyInAnyOrder(
                "planning/working/HOLDER: My PA [name] is brilliant, call her on [phone number]",
                "getting-the-money/notWorking/HOLDER: It took 9 weeks",
                "getting-the-money/notWorking/HOLDER: <script>alert(1)</script> and my email [email]",
                "reviews/working/HOLDER: Kind and quick");
        assertThat(results.toString()).doesNotContain("Sarah", "07700", "bryn@example.com");

        // the page and the comments' CSV: masked the same way, the script tag printed as text
        String cookie = http.signIn(PRACTITIONER, P);
        HttpResponse<String> page = http.get("/feedback/rounds/" + round + "/results", "Cookie", cookie);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("My PA [name] is brilliant", "&lt;script&gt;alert(1)&lt;/script&gt;", "<svg", "<title",
                "<desc").doesNotContain("<script>alert(1)", "Sarah", "07700");
        HttpResponse<String> csv = http.get("/feedback/rounds/" + round + "/results/comments.csv", "Cookie", cookie);
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.body()).contains("My PA [name] is brilliant", "[email]").doesNotContain("Sarah", "07700", "bryn@example.com");
        HttpResponse<String> stagesCsv = http.get("/feedback/rounds/" + round + "/results/stages.csv", "Cookie", cookie);
        assertThat(stagesCsv.body()).contains("Planning,3,3,4.00", "Getting the money,2,2,2.50");

        // who may see it: another council's staff never (404, and not in their list); citizens and PAs are refused (403)
        HttpResponse<String> otherCouncil = http.getAs(OTHER_DP_TEAM, P, "/api/v1/feedback/rounds/" + round + "/results");
        assertThat(otherCouncil.statusCode()).isEqualTo(404);
        assertThat(otherCouncil.body()).doesNotContain("Spring check-in");
        assertThat(ok(http.getAs(OTHER_DP_TEAM, P, "/api/v1/feedback/rounds"), 200).toString()).doesNotContain("Spring check-in");
        assertThat(http.get("/feedback/rounds/" + round + "/results", "Cookie", http.signIn(OTHER_DP_TEAM, P)).statusCode()).isEqualTo(404);
        assertThat(http.getAs(ALYS, P, "/api/v1/feedback/rounds/" + round + "/results").statusCode()).isEqualTo(403);
        assertThat(http.getAs(PA, P, "/api/v1/feedback/rounds").statusCode()).isEqualTo(403);
        assertThat(ok(http.getAs(DP_TEAM, P, "/api/v1/feedback/rounds"), 200).toString()).contains("Spring check-in");
    }

    @Test
    void badInputIsRefusedByNameAndNothingIsSaved() {
        long round = startRound("Refusals", "\"HOLDER\"");
        for (String rating : List.of("7", "0", "\"x\"", "4.5")) {
            HttpResponse<String> refused = answer(ALYS, round, "{\"anonymous\": false, \"stages\": [{\"stage\": \"employing\", \"rating\": "
                    + rating + "}]}");
            assertThat(refused.statusCode()).as(rating).isEqualTo(422);
            assertThat(refused.body()).contains("\"field\":\"employing.rating\"", "Employing: choose a rating from 1 to 5");
        }
        HttpResponse<String> tooLong = answer(ALYS, round, "{\"anonymous\": false, \"stages\": [{\"stage\": \"planning\", \"rating\": 3, "
                + "\"notWorking\": \"" + "a".repeat(5001) + "\"}]}");
        assertThat(tooLong.statusCode()).isEqualTo(422);
        assertThat(tooLong.body()).contains("\"field\":\"planning.notWorking\"", "5,000 characters or fewer (you used 5,001)");
        HttpResponse<String> noName = answer(ALYS, round, "{\"stages\": [{\"stage\": \"planning\", \"rating\": 3}]}");
        assertThat(noName.body()).contains("\"field\":\"anonymous\"");
        HttpResponse<String> nothing = answer(ALYS, round, "{\"anonymous\": true, \"stages\": []}");
        assertThat(nothing.body()).contains("\"field\":\"stages\"", "Answer at least one stage");
        HttpResponse<String> unknown = answer(ALYS, round, "{\"anonymous\": true, \"stages\": [{\"stage\": \"holidays\", \"rating\": 3}]}");
        assertThat(unknown.body()).contains("\"field\":\"stages\"", "holidays is not a stage");
        assertThat(answers(round)).isZero();
        assertThat(jdbc.sql("SELECT count(*) FROM feedback_respondent WHERE round_id = :r").param("r", round).query(Long.class).single())
                .as("a refused answer does not count as answered").isZero();
        ok(answer(ALYS, round, "{\"anonymous\": false, \"stages\": [{\"stage\": \"employing\", \"rating\": 5}]}"), 201);

        // not invited (a PA to a holders' round), another council's person: 404 naming the round
        HttpResponse<String> notInvited = answer(PA, round, "{\"anonymous\": true, \"stages\": [{\"stage\": \"planning\", \"rating\": 3}]}");
        assertThat(notInvited.statusCode()).isEqualTo(404);
        assertThat(notInvited.body()).contains("\"field\":\"round\"");
        assertThat(answer(OTHER_CITIZEN, round, "{\"anonymous\": true, \"stages\": [{\"stage\": \"planning\", \"rating\": 3}]}").statusCode())
                .isEqualTo(404);

        // a closed round
        long closed = jdbc.sql("""
                        INSERT INTO feedback_round (council_id, title, title_cy, opens_on, closes_on, invite_holders, invite_representatives,
                            invite_pas, invite_staff, created_by, letters_written)
                        VALUES (:c, 'Last year', 'Llynedd', DATE '2025-01-01', DATE '2025-01-31', true, false, false, false, 'test', 0)
                        RETURNING id""").param("c", council).query(Long.class).single();
        HttpResponse<String> late = answer(BRYN, closed, "{\"anonymous\": true, \"stages\": [{\"stage\": \"planning\", \"rating\": 3}]}");
        assertThat(late.statusCode()).isEqualTo(422);
        assertThat(late.body()).contains("\"field\":\"round\"", "This survey closed on 31 January 2025");
        assertThat(answers(closed)).isZero();

        // rounds: closing before opening, nobody invited, a bad date; a citizen may not start one
        long before = jdbc.sql("SELECT count(*) FROM feedback_round WHERE council_id = :c").param("c", council).query(Long.class).single();
        LocalDate today = LocalDate.now();
        HttpResponse<String> backwards = http.postJsonAs(DP_TEAM, P, "/api/v1/feedback/rounds", "{\"title\": \"Backwards\", \"opensOn\": \""
                + today.plusDays(10) + "\", \"closesOn\": \"" + today.plusDays(9) + "\", \"invited\": [\"HOLDER\"]}");
        assertThat(backwards.statusCode()).isEqualTo(422);
        assertThat(backwards.body()).contains("\"field\":\"closesOn\"", "must close on or after the day it opens");
        HttpResponse<String> nobody = http.postJsonAs(DP_TEAM, P, "/api/v1/feedback/rounds", "{\"title\": \"Nobody\", \"opensOn\": \""
                + today + "\", \"closesOn\": \"2026-13-01\", \"invited\": [\"EVERYONE\"]}");
        assertThat(nobody.body()).contains("\"field\":\"closesOn\"", "\"field\":\"invite\"", "EVERYONE is not someone");
        HttpResponse<String> script = http.postJsonAs(DP_TEAM, P, "/api/v1/feedback/rounds", "{\"title\": \"<script>x</script>\", "
                + "\"opensOn\": \"" + today + "\", \"closesOn\": \"" + today + "\", \"invited\": [\"STAFF\"]}");
        assertThat(script.body()).contains("\"field\":\"title\"");
        assertThat(http.postJsonAs(ALYS, P, "/api/v1/feedback/rounds", "{\"title\": \"Mine\", \"opensOn\": \"" + today
                + "\", \"closesOn\": \"" + today + "\", \"invited\": [\"HOLDER\"]}").statusCode()).isEqualTo(403);
        assertThat(jdbc.sql("SELECT count(*) FROM feedback_round WHERE council_id = :c").param("c", council).query(Long.class).single())
                .isEqualTo(before);
    }
}
