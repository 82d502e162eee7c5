package org.dphub.peersupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;
import org.dphub.audit.AuditEvent;
import org.dphub.audit.AuditTrail;
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
 * Peer support through the real HTTP API, in two councils of its own: who may read and post on
 * each board (and the refusals: PAs and providers 403, citizens kept off the practitioners' board,
 * another council's practitioners' questions 404), every bad input refused with its field named
 * and nothing saved (personal data piece by piece, confirmable only for a name with a date),
 * "this helped me" once, and report → removed by the poster's council's DP team → others see
 * "removed" while the poster sees why; locking; the audit trail.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PeerSupportApiIT {

    static final String P = Http.DEMO_PASSWORD;
    static final String EMPLOYER_A = "employer@peer-a";
    static final String EMPLOYER_A2 = "employer2@peer-a";
    static final String REPRESENTATIVE_A = "representative@peer-a";
    static final String EMPLOYER_B = "employer@peer-b";
    static final String PRACTITIONER_A = "practitioner@peer-a";
    static final String BUDGET_HOLDER_A = "budget-holder@peer-a";
    static final String PRACTITIONER_B = "practitioner@peer-b";
    static final String DP_TEAM_A = "dp-team@peer-a";
    static final String DP_TEAM_B = "dp-team@peer-b";
    static final String PA = "pa@peer-a";
    static final String PROVIDER = "provider@peer-a";
    static final String FINANCE_A = "finance@peer-a";

    @LocalServerPort
    int port;
    @Autowired
    Councils councils;
    @Autowired
    UserAccounts users;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    AuditTrail audit;

    final JsonMapper json = JsonMapper.builder().build();
    Http http;
    Council a;
    Council b;

    @BeforeAll
    void twoCouncilsOfTheirOwn() {
        http = new Http(port);
        a = councils.findByCode("peer-a").orElseGet(() -> {
            Council c = councils.create("peer-a", "Peer A Borough Council", "Cyngor Bwrdeistref Cymheiriaid A", Nation.ENGLAND,
                    CouncilSettings.defaults(false));
            user(c, EMPLOYER_A, "Alys Jones", Role.CITIZEN);
            user(c, EMPLOYER_A2, "Bryn Evans", Role.CITIZEN);
            user(c, REPRESENTATIVE_A, "Ceri Lloyd", Role.REPRESENTATIVE);
            user(c, PRACTITIONER_A, "Priya Shah", Role.PRACTITIONER);
            user(c, BUDGET_HOLDER_A, "Bea Holt", Role.BUDGET_HOLDER);
            user(c, DP_TEAM_A, "Dee Team", Role.DP_TEAM);
            user(c, PA, "Sophie Hall", Role.PERSONAL_ASSISTANT);
            user(c, PROVIDER, "Good Care Ltd", Role.PROVIDER);
            user(c, FINANCE_A, "Fola Adeyemi", Role.FINANCE);
            return c;
        });
        b = councils.findByCode("peer-b").orElseGet(() -> {
            Council c = councils.create("peer-b", "Peer B County Council", "Cyngor Sir Cymheiriaid B", Nation.WALES,
                    CouncilSettings.defaults(true));
            user(c, EMPLOYER_B, "Dafydd Rees", Role.CITIZEN);
            user(c, PRACTITIONER_B, "Tom Reid", Role.PRACTITIONER);
            user(c, DP_TEAM_B, "Eira Team", Role.DP_TEAM);
            return c;
        });
    }

    void user(Council in, String username, String name, Role role) {
        users.create(new NewUserAccount(username, P, name, in.id(), EnumSet.of(role), "en"));
    }

    JsonNode body(HttpResponse<String> response) {
        return json.readTree(response.body());
    }

    HttpResponse<String> get(String user, String path) {
        return http.getAs(user, P, path);
    }

    HttpResponse<String> post(String user, String path, String body) {
        return http.postJsonAs(user, P, path, body);
    }

    static String q(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
    }

    long ask(String user, String board, String title, String text, String name) {
        HttpResponse<String> asked = post(user, "/api/v1/peer-support/boards/" + board + "/questions",
                "{\"title\":" + q(title) + ",\"text\":" + q(text) + (name == null ? "" : ",\"displayName\":" + q(name)) + "}");
        assertThat(asked.statusCode()).as(asked.body()).isEqualTo(201);
        return body(asked).get("id").asLong();
    }

    long answer(String user, long question, String text, String name) {
        HttpResponse<String> answered = post(user, "/api/v1/peer-support/questions/" + question + "/answers",
                "{\"text\":" + q(text) + (name == null ? "" : ",\"displayName\":" + q(name)) + "}");
        assertThat(answered.statusCode()).as(answered.body()).isEqualTo(201);
        return body(answered).get("id").asLong();
    }

    long posts() {
        return jdbc.sql("SELECT count(*) FROM peer_post").query(Long.class).single();
    }

    /** The messages of a 422's errors for one field. */
    List<String> errors(HttpResponse<String> response, String field) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(422);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        List<String> messages = new java.util.ArrayList<>();
        body(response).get("errors").forEach(e -> {
            if (e.get("field").asString().equals(field)) {
                messages.add(e.get("message").asString());
            }
        });
        return messages;
    }

    @Test
    void eachRoleSeesOnlyTheBoardsItsRoleAllows() {
        String unique = String.valueOf(10_000_000 + Math.floorMod(UUID.randomUUID().getMostSignificantBits(), 90_000_000L)); // digits: hex can read as a postcode
        long employers = ask(EMPLOYER_A, "employers", "Paying a PA for bank holidays " + unique, "How do other people do it?", "Alys");
        long practitioners = ask(PRACTITIONER_A, "practitioners", "Reviews of card accounts " + unique, "Light touch?", "Priya");

        // the employers' board is national: another council's employer reads it, with the poster's council shown
        HttpResponse<String> fromB = get(EMPLOYER_B, "/api/v1/peer-support/boards/employers/questions?q=" + unique);
        assertThat(fromB.statusCode()).isEqualTo(200);
        JsonNode listed = body(fromB).get("questions").get(0);
        assertThat(listed.get("id").asLong()).isEqualTo(employers);
        assertThat(listed.get("displayName").asString()).isEqualTo("Alys");
        assertThat(listed.get("area").asString()).isEqualTo("Peer A Borough Council");
        assertThat(fromB.body()).doesNotContain("Alys Jones").doesNotContain(EMPLOYER_A);
        assertThat(get(REPRESENTATIVE_A, "/api/v1/peer-support/questions/" + employers).statusCode()).isEqualTo(200);
        // in Welsh, the council's Welsh name
        assertThat(get(EMPLOYER_B, "/api/v1/peer-support/questions/" + employers + "?lang=cy").body())
                .contains("Cyngor Bwrdeistref Cymheiriaid A");

        // the practitioners' board is the council's own
        assertThat(get(BUDGET_HOLDER_A, "/api/v1/peer-support/questions/" + practitioners).statusCode()).isEqualTo(200);
        assertThat(get(DP_TEAM_A, "/api/v1/peer-support/boards/practitioners/questions").body()).contains("Reviews of card accounts " + unique);
        assertThat(get(PRACTITIONER_B, "/api/v1/peer-support/boards/practitioners/questions").body()).doesNotContain(unique);
        assertThat(get(PRACTITIONER_B, "/api/v1/peer-support/questions/" + practitioners).statusCode()).isEqualTo(404);
        assertThat(post(PRACTITIONER_B, "/api/v1/peer-support/questions/" + practitioners + "/answers",
                "{\"text\":\"Yes\",\"displayName\":\"Tom\"}").statusCode()).isEqualTo(404);

        // refusals by role
        for (String path : List.of("/api/v1/peer-support/boards/practitioners/questions", "/api/v1/peer-support/questions/" + practitioners)) {
            assertThat(get(EMPLOYER_A, path).statusCode()).as("a citizen reading " + path).isEqualTo(403);
            assertThat(get(REPRESENTATIVE_A, path).statusCode()).as("a representative reading " + path).isEqualTo(403);
        }
        for (String user : List.of(PA, PROVIDER, FINANCE_A)) {
            assertThat(get(user, "/api/v1/peer-support/boards/employers/questions").statusCode()).as(user).isEqualTo(403);
            assertThat(get(user, "/api/v1/peer-support/boards/practitioners/questions").statusCode()).as(user).isEqualTo(403);
            assertThat(get(user, "/api/v1/peer-support/questions/" + employers).statusCode()).as(user).isEqualTo(403);
        }
        assertThat(get(PRACTITIONER_A, "/api/v1/peer-support/boards/employers/questions").statusCode()).isEqualTo(403);
        long before = posts();
        assertThat(post(EMPLOYER_A, "/api/v1/peer-support/boards/practitioners/questions",
                "{\"title\":\"Hello\",\"text\":\"Can I post here?\",\"displayName\":\"Alys\"}").statusCode()).isEqualTo(403);
        assertThat(post(PA, "/api/v1/peer-support/boards/employers/questions",
                "{\"title\":\"Hello\",\"text\":\"Can I post here?\",\"displayName\":\"Sophie\"}").statusCode()).isEqualTo(403);
        // the DP team reads the employers' board to moderate it, and does not post there
        assertThat(get(DP_TEAM_A, "/api/v1/peer-support/boards/employers/questions").statusCode()).isEqualTo(200);
        assertThat(post(DP_TEAM_A, "/api/v1/peer-support/boards/employers/questions",
                "{\"title\":\"Hello\",\"text\":\"A post\",\"displayName\":\"Dee\"}").statusCode()).isEqualTo(403);
        assertThat(posts()).as("nothing saved").isEqualTo(before);
        assertThat(get(EMPLOYER_A, "/api/v1/peer-support/boards/no-such-board/questions").statusCode()).isEqualTo(404);
        assertThat(get(EMPLOYER_A, "/api/v1/peer-support/questions/999999999").statusCode()).isEqualTo(404);
    }

    @Test
    void badInputIsRefusedNamingTheFieldAndNothingIsSaved() {
        long before = posts();
        String newcomer = "newcomer-" + UUID.randomUUID().toString().substring(0, 8) + "@peer-a";
        user(a, newcomer, "Nia Newcomer", Role.CITIZEN);
        HttpResponse<String> empty = post(newcomer, "/api/v1/peer-support/boards/employers/questions", "{\"title\":\" \",\"text\":\"\"}");
        assertThat(errors(empty, "title")).containsExactly("Enter the title of your question");
        assertThat(errors(empty, "text")).containsExactly("Enter your question");
        // the first time, a name to show is needed; never the person's full name or an email address
        assertThat(errors(empty, "displayName")).containsExactly("Enter the name others will see: your first name or a nickname");
        assertThat(errors(post(EMPLOYER_A2, "/api/v1/peer-support/boards/employers/questions",
                "{\"title\":\"A question\",\"text\":\"Words\",\"displayName\":\"bryn evans\"}"), "displayName"))
                .containsExactly("Enter your first name or a nickname, not your full name");
        assertThat(errors(post(EMPLOYER_A2, "/api/v1/peer-support/boards/employers/questions",
                "{\"title\":\"A question\",\"text\":\"Words\",\"displayName\":\"bryn@example.org\"}"), "displayName"))
                .containsExactly("Enter a first name or a nickname, not an email address");

        HttpResponse<String> tooLong = post(EMPLOYER_A2, "/api/v1/peer-support/boards/employers/questions",
                "{\"title\":" + q("t".repeat(151)) + ",\"text\":" + q("w".repeat(5001)) + ",\"displayName\":\"Bryn\"}");
        assertThat(errors(tooLong, "title")).containsExactly("Enter the title of your question in 150 characters or fewer");
        assertThat(errors(tooLong, "text")).containsExactly("Enter your question in 5,000 characters or fewer");

        // numbers that reach one person must come out, whatever the poster says; each piece is named
        HttpResponse<String> phone = post(EMPLOYER_A2, "/api/v1/peer-support/boards/employers/questions",
                "{\"title\":\"My PA's number\",\"text\":\"Ring her on 07700 900123, NHS number 943 476 5919.\",\"displayName\":\"Bryn\","
                        + "\"confirmPersonalData\":true}");
        assertThat(errors(phone, "text")).singleElement().satisfies(m -> assertThat(m)
                .contains("This looks like a phone number: 07700 900123.", "This looks like an NHS number: 943 476 5919.",
                        "Take it out before you post."));
        HttpResponse<String> ni = post(EMPLOYER_A2, "/api/v1/peer-support/boards/employers/questions",
                "{\"title\":\"NI AB 12 34 56 C\",\"text\":\"Email me at bryn@example.org or come to SY1 1AA\",\"displayName\":\"Bryn\"}");
        assertThat(errors(ni, "title")).singleElement().satisfies(m -> assertThat(m).contains("National Insurance number: AB 12 34 56 C"));
        assertThat(errors(ni, "text")).singleElement().satisfies(m -> assertThat(m)
                .contains("email address: bryn@example.org", "full postcode: SY1 1AA"));
        // a wrong check digit is not an NHS number, and "£12.50 an hour" is not a phone number
        // (asserted below by posting them)

        // a name with a date of birth may be posted only once the poster confirms it is nobody's details
        String named = "{\"title\":\"Cover for my mum\",\"text\":\"My mum Jane Smith 12/03/1950 needs cover on Fridays.\","
                + "\"displayName\":\"Bryn\"";
        assertThat(errors(post(EMPLOYER_A2, "/api/v1/peer-support/boards/employers/questions", named + "}"), "text"))
                .containsExactly("This looks like a name with a date of birth: Jane Smith 12/03/1950. Change it, or confirm it is not "
                        + "anyone's personal details.");
        // in Welsh with lang=cy
        assertThat(errors(post(EMPLOYER_A2, "/api/v1/peer-support/boards/employers/questions?lang=cy", named + "}"), "text"))
                .singleElement().satisfies(m -> assertThat(m).startsWith("Mae hyn yn edrych fel enw gyda dyddiad geni: Jane Smith 12/03/1950."));
        assertThat(posts()).as("nothing saved").isEqualTo(before);

        HttpResponse<String> confirmed = post(EMPLOYER_A2, "/api/v1/peer-support/boards/employers/questions",
                named + ",\"confirmPersonalData\":true}");
        assertThat(confirmed.statusCode()).as(confirmed.body()).isEqualTo(201);
        assertThat(confirmed.headers().firstValue("Location").orElse("")).isEqualTo("/api/v1/peer-support/questions/"
                + body(confirmed).get("id").asLong());
        assertThat(jdbc.sql("SELECT personal_data_confirmed FROM peer_post WHERE id = :id").param("id", body(confirmed).get("id").asLong())
                .query(Boolean.class).single()).isTrue();

        // a script tag is kept as the words typed (and shown escaped on the page); the name is kept for next time
        long question = ask(EMPLOYER_A2, "employers", "Is <script>alert(1)</script> safe?",
                "I pay £12.50 an hour. My reference is 943 476 5918.", null);
        JsonNode thread = body(get(EMPLOYER_A, "/api/v1/peer-support/questions/" + question));
        assertThat(thread.get("question").get("title").asString()).isEqualTo("Is <script>alert(1)</script> safe?");
        assertThat(thread.get("question").get("displayName").asString()).isEqualTo("Bryn");

        // an answer: empty, too long, and to a question that does not exist
        assertThat(errors(post(EMPLOYER_A, "/api/v1/peer-support/questions/" + question + "/answers", "{\"text\":\"\"}"), "text"))
                .containsExactly("Enter your answer");
        assertThat(errors(post(EMPLOYER_A, "/api/v1/peer-support/questions/" + question + "/answers",
                "{\"text\":" + q("x".repeat(5001)) + "}"), "text")).containsExactly("Enter your answer in 5,000 characters or fewer");
        assertThat(post(EMPLOYER_A, "/api/v1/peer-support/questions/999999999/answers", "{\"text\":\"Hi\"}").statusCode()).isEqualTo(404);
    }

    @Test
    void anyReaderSaysAnAnswerHelpedOnceAndTheAskerIsShownApart() {
        long question = ask(EMPLOYER_A, "employers", "Holiday pay for irregular hours", "How much holiday does my PA get?", "Alys");
        long answer = answer(EMPLOYER_B, question, "12.07% of the hours worked, in my council's guide.", "Dafydd");

        HttpResponse<String> byAsker = post(EMPLOYER_A, "/api/v1/peer-support/posts/" + answer + "/helpful", "{}");
        assertThat(byAsker.statusCode()).as(byAsker.body()).isEqualTo(200);
        assertThat(body(byAsker).get("helpful").asLong()).isEqualTo(1);
        assertThat(errors(post(EMPLOYER_A, "/api/v1/peer-support/posts/" + answer + "/helpful", "{}"), "post"))
                .containsExactly("You have already said this answer helped you");
        assertThat(errors(post(EMPLOYER_B, "/api/v1/peer-support/posts/" + answer + "/helpful", "{}"), "post"))
                .containsExactly("You cannot mark your own answer as helpful");
        assertThat(errors(post(REPRESENTATIVE_A, "/api/v1/peer-support/posts/" + question + "/helpful", "{}"), "post"))
                .containsExactly("Only answers can be marked as helpful");
        assertThat(body(post(REPRESENTATIVE_A, "/api/v1/peer-support/posts/" + answer + "/helpful", "{}")).get("helpful").asLong()).isEqualTo(2);
        assertThat(post(PA, "/api/v1/peer-support/posts/" + answer + "/helpful", "{}").statusCode()).isEqualTo(403);
        assertThat(jdbc.sql("SELECT count(*) FROM peer_helpful WHERE post_id = :id").param("id", answer).query(Long.class).single()).isEqualTo(2);

        JsonNode seen = body(get(EMPLOYER_A2, "/api/v1/peer-support/questions/" + question)).get("answers").get(0);
        assertThat(seen.get("helpful").asLong()).isEqualTo(2);
        assertThat(seen.get("helpfulToAsker").asBoolean()).isTrue();
        assertThat(seen.get("area").asString()).isEqualTo("Peer B County Council");

        // most helpful first; unanswered leaves it out; words in an answer find the question
        String helpful = get(EMPLOYER_B, "/api/v1/peer-support/boards/employers/questions?view=helpful").body();
        assertThat(body(get(EMPLOYER_B, "/api/v1/peer-support/boards/employers/questions?view=helpful")).get("questions").get(0)
                .get("helpful").asLong()).isGreaterThanOrEqualTo(2);
        assertThat(helpful).contains("Holiday pay for irregular hours");
        assertThat(get(EMPLOYER_B, "/api/v1/peer-support/boards/employers/questions?view=unanswered").body())
                .doesNotContain("\"id\":" + question + ",");
        assertThat(get(EMPLOYER_B, "/api/v1/peer-support/boards/employers/questions?q=council+guide").body())
                .contains("\"id\":" + question + ",");
    }

    @Test
    void aReportedAnswerIsRemovedByThePostersCouncilAndOthersSeeItRemoved() {
        long question = ask(EMPLOYER_B, "employers", "Finding a PA who speaks Welsh", "Where did you look?", "Dafydd");
        long answer = answer(EMPLOYER_A2, question, "Call me and I will tell you, it's a long story.", "Bryn");

        assertThat(errors(post(EMPLOYER_A2, "/api/v1/peer-support/posts/" + answer + "/reports", "{\"reason\":\"Mine\"}"), "reason"))
                .containsExactly("You cannot report your own post. A moderator can remove it if you ask the direct payments team.");
        assertThat(errors(post(EMPLOYER_B, "/api/v1/peer-support/posts/" + answer + "/reports", "{\"reason\":\"\"}"), "reason"))
                .containsExactly("Enter why you are reporting this");
        HttpResponse<String> reported = post(EMPLOYER_B, "/api/v1/peer-support/posts/" + answer + "/reports",
                "{\"reason\":\"It asks people to ring them\"}");
        assertThat(reported.statusCode()).as(reported.body()).isEqualTo(201);
        assertThat(errors(post(EMPLOYER_B, "/api/v1/peer-support/posts/" + answer + "/reports", "{\"reason\":\"Again\"}"), "reason"))
                .containsExactly("You have already reported this post. The direct payments team will look at it.");

        // the poster's council's DP team sees it; the asker's council's does not, and may not act on it
        assertThat(get(DP_TEAM_A, "/api/v1/peer-support/moderation").body()).contains("It asks people to ring them");
        assertThat(get(DP_TEAM_B, "/api/v1/peer-support/moderation").body()).doesNotContain("It asks people to ring them");
        assertThat(post(DP_TEAM_B, "/api/v1/peer-support/posts/" + answer + "/moderation", "{\"action\":\"HIDE\",\"reason\":\"No\"}")
                .statusCode()).isEqualTo(404);
        assertThat(post(PRACTITIONER_A, "/api/v1/peer-support/posts/" + answer + "/moderation", "{\"action\":\"HIDE\",\"reason\":\"No\"}")
                .statusCode()).isEqualTo(403);
        assertThat(get(EMPLOYER_A, "/api/v1/peer-support/moderation").statusCode()).isEqualTo(403);
        assertThat(errors(post(DP_TEAM_A, "/api/v1/peer-support/posts/" + answer + "/moderation", "{\"action\":\"HIDE\",\"reason\":\"\"}"),
                "reason")).containsExactly("Enter the reason");
        assertThat(errors(post(DP_TEAM_A, "/api/v1/peer-support/posts/" + answer + "/moderation", "{\"action\":\"EXPLODE\",\"reason\":\"x\"}"),
                "action")).containsExactly("Choose what to do with the post");

        HttpResponse<String> hidden = post(DP_TEAM_A, "/api/v1/peer-support/posts/" + answer + "/moderation",
                "{\"action\":\"HIDE\",\"reason\":\"Please keep contact details off the board\"}");
        assertThat(hidden.statusCode()).as(hidden.body()).isEqualTo(200);
        assertThat(errors(post(DP_TEAM_A, "/api/v1/peer-support/posts/" + answer + "/moderation", "{\"action\":\"HIDE\",\"reason\":\"x\"}"),
                "action")).containsExactly("This post has already been removed");
        assertThat(get(DP_TEAM_A, "/api/v1/peer-support/moderation").body()).doesNotContain("It asks people to ring them");

        JsonNode toOthers = body(get(EMPLOYER_B, "/api/v1/peer-support/questions/" + question)).get("answers").get(0);
        assertThat(toOthers.get("removed").asBoolean()).isTrue();
        assertThat(toOthers.get("text").isNull()).isTrue();
        assertThat(toOthers.get("removedReason").isNull()).isTrue();
        assertThat(get(EMPLOYER_B, "/api/v1/peer-support/questions/" + question).body()).doesNotContain("long story");
        JsonNode toPoster = body(get(EMPLOYER_A2, "/api/v1/peer-support/questions/" + question)).get("answers").get(0);
        assertThat(toPoster.get("text").asString()).contains("long story");
        assertThat(toPoster.get("removedReason").asString()).isEqualTo("Please keep contact details off the board");
        assertThat(errors(post(EMPLOYER_B, "/api/v1/peer-support/posts/" + answer + "/helpful", "{}"), "post"))
                .containsExactly("A moderator removed this answer, so it cannot be marked as helpful");

        // restored, then the question locked: no new answers
        assertThat(post(DP_TEAM_A, "/api/v1/peer-support/posts/" + answer + "/moderation",
                "{\"action\":\"RESTORE\",\"reason\":\"They took the offer back\"}").statusCode()).isEqualTo(200);
        assertThat(body(get(EMPLOYER_B, "/api/v1/peer-support/questions/" + question)).get("answers").get(0).get("text").asString())
                .contains("long story");
        assertThat(errors(post(DP_TEAM_A, "/api/v1/peer-support/posts/" + answer + "/moderation", "{\"action\":\"LOCK\",\"reason\":\"x\"}"),
                "action")).containsExactly("Only a question that is not locked can be locked");
        assertThat(post(DP_TEAM_B, "/api/v1/peer-support/posts/" + question + "/moderation",
                "{\"action\":\"LOCK\",\"reason\":\"Answered enough\"}").statusCode()).isEqualTo(200);
        long before = posts();
        assertThat(errors(post(EMPLOYER_A, "/api/v1/peer-support/questions/" + question + "/answers",
                "{\"text\":\"Me too\",\"displayName\":\"Alys\"}"), "text")).containsExactly("This question is locked, so it cannot have new answers");
        assertThat(posts()).isEqualTo(before);

        // the history is append-only, and the audit trail says what was done and why
        assertThat(jdbc.sql("SELECT action FROM peer_moderation WHERE post_id = :id ORDER BY id").param("id", answer).query(String.class).list())
                .containsExactly("HIDDEN", "RESTORED");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> jdbc.sql("DELETE FROM peer_moderation WHERE post_id = :id").param("id", answer).update())
                .hasMessageContaining("append-only");
        List<AuditEvent> events = audit.forEntity(PeerSupport.POST_AUDIT, answer);
        assertThat(events).extracting(e -> String.valueOf(e.value("moderation"))).contains("HIDDEN", "RESTORED");
        assertThat(events).filteredOn(e -> "HIDDEN".equals(e.value("moderation"))).singleElement().satisfies(e -> {
            assertThat(e.councilId()).isEqualTo(a.id());
            assertThat(e.actor()).isEqualTo(DP_TEAM_A);
            assertThat(e.value("reason")).isEqualTo("Please keep contact details off the board");
        });
        assertThat(audit.forEntity(PeerSupport.REPORT_AUDIT, body(reported).get("id").asLong())).hasSize(1);
    }
}
