package org.dphub.help;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.UUID;
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
 * Issue 18 through the API: a person's named contact (set, changed, audited, kept as history,
 * shown as {@code dpContact}; refused for anyone outside the council's DP team), and "Ask for help"
 * (the contract, the refusals, bad input that saves nothing). Each test makes its own people and
 * DP team members in the demo England council, and never assumes it is alone there.
 */
@IntegrationTest
class HelpRequestsIT {

    static final String P = Http.DEMO_PASSWORD;
    static final String PRACTITIONER = "practitioner@demo-england";
    static final String TEAM = "dp-team@demo-england";

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

    long userId(String username) {
        return jdbc.sql("SELECT id FROM app_user WHERE username = :u").param("u", username).query(Long.class).single();
    }

    /** A new DP team member of the England council, with this name; returns the username. */
    String teamMember(String name) {
        String username = "dp-" + UUID.randomUUID() + "@example.com";
        accounts.create(new NewUserAccount(username, P, name, england(), EnumSet.of(Role.DP_TEAM), "en"));
        return username;
    }

    /** A person of the test's own with a plan ("Get out and about") and a direct payment, with an online account. */
    Account person(MoneyApi.Active[] active) {
        active[0] = new MoneyApi(http).activeWeekly(PRACTITIONER, "Nia", LocalDate.now().plusDays(20), "PREPAID_CARD", 6000, "en");
        String username = "nia" + UUID.randomUUID() + "@example.com";
        long user = accounts.create(new NewUserAccount(username, P, "Nia", england(), EnumSet.of(Role.CITIZEN), "en"));
        citizens.linkExistingAccount(accounts.findByUsername(PRACTITIONER).orElseThrow(), active[0].citizenId(), user);
        return new Account(username);
    }

    /** The person's own sign-in (the demo password). */
    record Account(String username) {
        String password() {
            return P;
        }
    }

    JsonNode read(HttpResponse<String> response, int status) {
        return MoneyApi.ok(response, status);
    }

    static void refusedOn(HttpResponse<String> response, String field) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(422);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).contains("application/problem+json");
        assertThat(response.body()).contains("\"field\":\"" + field + "\"");
    }

    long contactRows(long citizenId) {
        return jdbc.sql("SELECT count(*) FROM dp_contact WHERE citizen_id = :c").param("c", citizenId).query(Long.class).single();
    }

    @Test
    void theNamedContactIsSetChangedAuditedKeptAndShownToThePerson() {
        MoneyApi.Active[] active = new MoneyApi.Active[1];
        Account nia = person(active);
        long citizen = active[0].citizenId();
        String sam = teamMember("Sam Jones");
        String ali = teamMember("Ali Khan");
        accounts.setWorkContact(userId(ali), "01632 960 999", "ali.khan@demo-england.example");

        assertThat(read(http.getAs(nia.username(), nia.password(), "/api/v1/citizens/" + citizen), 200).has("dpContact"))
                .as("left out while there is none").isFalse();

        JsonNode set = read(http.putJsonAs(TEAM, P, "/api/v1/citizens/" + citizen + "/dp-contact",
                "{\"userId\": " + userId(sam) + "}"), 200);
        assertThat(set.get("name").asString()).isEqualTo("Sam Jones");
        JsonNode shown = read(http.getAs(nia.username(), nia.password(), "/api/v1/citizens/" + citizen), 200).get("dpContact");
        assertThat(shown.get("name").asString()).isEqualTo("Sam Jones");
        assertThat(shown.get("phone").asString()).as("no work phone: the DP team's").isEqualTo("01632 960 127");
        assertThat(shown.get("email").asString()).isEqualTo("direct.payments@demo-england.example");

        read(http.putJsonAs("admin@demo-england", P, "/api/v1/citizens/" + citizen + "/dp-contact",
                "{\"userId\": " + userId(ali) + "}"), 200);
        shown = read(http.getAs(nia.username(), nia.password(), "/api/v1/citizens/" + citizen), 200).get("dpContact");
        assertThat(shown.get("name").asString()).isEqualTo("Ali Khan");
        assertThat(shown.get("phone").asString()).isEqualTo("01632 960 999");
        assertThat(shown.get("email").asString()).isEqualTo("ali.khan@demo-england.example");

        JsonNode history = read(http.getAs(TEAM, P, "/api/v1/citizens/" + citizen + "/dp-contact/history"), 200);
        assertThat(history.size()).isEqualTo(2);
        assertThat(history.get(0).get("contactName").asString()).isEqualTo("Ali Khan");
        assertThat(history.get(0).get("previousName").asString()).isEqualTo("Sam Jones");
        assertThat(history.get(0).get("changedBy").asString()).isEqualTo("admin@demo-england");
        assertThat(history.get(1).get("previousName").isNull()).isTrue();

        // audited: who, from whom to whom, and whose record it is
        var audit = jdbc.sql("""
                        SELECT e.actor, e.before_state::text AS before, e.after_state::text AS after FROM audit_event e
                        JOIN audit_event_subject s ON s.event_id = e.id
                        WHERE e.entity_type = 'dp_contact' AND s.citizen_id = :c ORDER BY e.id""")
                .param("c", citizen).query((rs, n) -> rs.getString("actor") + "|" + rs.getString("before") + "|" + rs.getString("after"))
                .list();
        assertThat(audit).hasSize(2);
        assertThat(audit.get(0)).startsWith(TEAM + "|").contains("Sam Jones");
        assertThat(audit.get(1)).startsWith("admin@demo-england|").contains("Sam Jones").contains("Ali Khan");

        // refusals: nothing saved
        long before = contactRows(citizen);
        refusedOn(http.putJsonAs(TEAM, P, "/api/v1/citizens/" + citizen + "/dp-contact",
                "{\"userId\": " + userId("dp-team@demo-wales") + "}"), "contactUserId");
        refusedOn(http.putJsonAs(TEAM, P, "/api/v1/citizens/" + citizen + "/dp-contact",
                "{\"userId\": " + userId(PRACTITIONER) + "}"), "contactUserId");
        refusedOn(http.putJsonAs(TEAM, P, "/api/v1/citizens/" + citizen + "/dp-contact", "{}"), "contactUserId");
        assertThat(http.putJsonAs("dp-team@demo-wales", P, "/api/v1/citizens/" + citizen + "/dp-contact",
                "{\"userId\": " + userId("dp-team@demo-wales") + "}").statusCode()).as("another council's staff").isEqualTo(404);
        assertThat(http.putJsonAs(PRACTITIONER, P, "/api/v1/citizens/" + citizen + "/dp-contact",
                "{\"userId\": " + userId(sam) + "}").statusCode()).as("not the DP team").isEqualTo(403);
        assertThat(http.putJsonAs(nia.username(), nia.password(), "/api/v1/citizens/" + citizen + "/dp-contact",
                "{\"userId\": " + userId(sam) + "}").statusCode()).isEqualTo(403);
        assertThat(http.getAs("dp-team@demo-wales", P, "/api/v1/citizens/" + citizen + "/dp-contact/history").statusCode()).isEqualTo(404);
        assertThat(contactRows(citizen)).isEqualTo(before);
        assertThatThrownBy(() -> jdbc.sql("UPDATE dp_contact SET contact_user_id = contact_user_id WHERE citizen_id = :c")
                .param("c", citizen).update()).as("append-only").hasMessageContaining("append-only");
    }

    @Test
    void aPersonAsksTheTeamAnswersAndOnlyTheyCanSeeOrReplyToIt() throws Exception {
        MoneyApi.Active[] active = new MoneyApi.Active[1];
        Account nia = person(active);
        long citizen = active[0].citizenId();
        String sam = teamMember("Sam Jones");
        read(http.putJsonAs(TEAM, P, "/api/v1/citizens/" + citizen + "/dp-contact", "{\"userId\": " + userId(sam) + "}"), 200);

        HttpResponse<String> created = http.postJsonAs(nia.username(), nia.password(), "/api/v1/help-requests",
                "{\"kind\": \"BROKERAGE\", \"text\": \"Could I use my budget for a gym membership?\"}");
        JsonNode body = read(created, 201);
        long id = body.get("id").asLong();
        assertThat(body.get("status").asString()).isEqualTo("OPEN");
        assertThat(created.headers().firstValue("Location").orElseThrow()).endsWith("/api/v1/help-requests/" + id);

        JsonNode forTeam = read(http.getAs(sam, P, "/api/v1/help-requests/" + id), 200);
        assertThat(forTeam.get("kind").asString()).isEqualTo("BROKERAGE");
        assertThat(forTeam.get("citizenId").asLong()).isEqualTo(citizen);
        assertThat(forTeam.get("outcomes").get(0).asString()).as("an outcome-focused referral").isEqualTo("Get out and about");
        assertThat(forTeam.get("assignedTo").asLong()).as("the person's named contact").isEqualTo(userId(sam));
        assertThat(forTeam.get("firstReplyWorkingDays").isNull()).isTrue();

        // refusals: another council's staff, another citizen, a PA, staff outside the DP team
        assertThat(http.getAs("dp-team@demo-wales", P, "/api/v1/help-requests/" + id).statusCode()).isEqualTo(404);
        assertThat(http.getAs("citizen@demo-england", P, "/api/v1/help-requests/" + id).statusCode()).isEqualTo(404);
        assertThat(http.postJsonAs("pa@demo-england", P, "/api/v1/help-requests/" + id + "/replies", "{\"text\": \"Hello\"}")
                .statusCode()).as("a PA replying to a request not theirs").isEqualTo(404);
        assertThat(http.postJsonAs(PRACTITIONER, P, "/api/v1/help-requests/" + id + "/replies", "{\"text\": \"Hello\"}")
                .statusCode()).as("not the DP team").isEqualTo(403);
        assertThat(http.postJsonAs("dp-team@demo-wales", P, "/api/v1/help-requests/" + id + "/replies", "{\"text\": \"Hello\"}")
                .statusCode()).isEqualTo(404);
        assertThat(jdbc.sql("SELECT count(*) FROM help_reply WHERE request_id = :id").param("id", id).query(Long.class).single())
                .isZero();

        JsonNode answered = read(http.postJsonAs(TEAM, P, "/api/v1/help-requests/" + id + "/replies",
                "{\"text\": \"Yes, if it helps you get out and about. Keep the receipt.\"}"), 201);
        assertThat(answered.get("status").asString()).isEqualTo("ANSWERED");
        assertThat(answered.get("firstReplyWorkingDays").asInt()).isZero();
        assertThat(jdbc.sql("SELECT count(*) FROM letter WHERE citizen_id = :c AND kind = 'HELP_REPLIED'").param("c", citizen)
                .query(Long.class).single()).as("the person is told by letter").isEqualTo(1);

        JsonNode mine = read(http.getAs(nia.username(), nia.password(), "/api/v1/help-requests/" + id), 200);
        assertThat(mine.get("replies").get(0).get("text").asString()).startsWith("Yes, if it helps");
        assertThat(mine.get("replies").get(0).get("fromTeam").asBoolean()).isTrue();
        JsonNode back = read(http.postJsonAs(nia.username(), nia.password(), "/api/v1/help-requests/" + id + "/replies",
                "{\"text\": \"Thank you. Which gyms are near me?\"}"), 201);
        assertThat(back.get("status").asString()).as("back with the team").isEqualTo("OPEN");
        assertThat(back.get("firstReplyWorkingDays").asInt()).as("the first reply stays the first").isZero();

        // assignment and closing: the DP team only, to the DP team only
        refusedOn(http.postJsonAs(TEAM, P, "/api/v1/help-requests/" + id + "/assignment",
                "{\"userId\": " + userId(PRACTITIONER) + "}"), "userId");
        assertThat(http.postJsonAs(PRACTITIONER, P, "/api/v1/help-requests/" + id + "/assignment", "{}").statusCode()).isEqualTo(403);
        JsonNode assigned = read(http.postJsonAs(TEAM, P, "/api/v1/help-requests/" + id + "/assignment",
                "{\"userId\": " + userId(TEAM) + "}"), 200);
        assertThat(assigned.get("assignedTo").asLong()).isEqualTo(userId(TEAM));
        assertThat(read(http.postJsonAs(TEAM, P, "/api/v1/help-requests/" + id + "/assignment", "{}"), 200)
                .get("assignedTo").asLong()).as("no one named: the person's contact").isEqualTo(userId(sam));
        refusedOn(http.postJsonAs(TEAM, P, "/api/v1/help-requests/" + id + "/closure", "{\"whatWasDone\": \"\"}"), "whatWasDone");
        JsonNode closed = read(http.postJsonAs(sam, P, "/api/v1/help-requests/" + id + "/closure",
                "{\"whatWasDone\": \"Sent a list of gyms near them; they joined one.\"}"), 200);
        assertThat(closed.get("status").asString()).isEqualTo("CLOSED");
        assertThat(http.postJsonAs(nia.username(), nia.password(), "/api/v1/help-requests/" + id + "/replies",
                "{\"text\": \"One more thing\"}").statusCode()).as("closed").isEqualTo(409);

        // the team's queue lists it, and another council's never does
        assertThat(read(http.getAs(TEAM, P, "/api/v1/help-requests?show=CLOSED"), 200).toString()).contains("\"id\":" + id + ",");
        assertThat(read(http.getAs("dp-team@demo-wales", P, "/api/v1/help-requests?show=CLOSED"), 200).toString())
                .doesNotContain("\"id\":" + id + ",");
        assertThat(jdbc.sql("SELECT count(*) FROM audit_event e JOIN audit_event_subject s ON s.event_id = e.id "
                + "WHERE e.entity_type IN ('help_request', 'help_reply') AND s.citizen_id = :c").param("c", citizen)
                .query(Long.class).single()).as("asked, 2 replies, 2 assignments, closed").isEqualTo(6);
    }

    @Test
    void badInputIsRefusedNamingTheFieldAndSavesNothing() throws Exception {
        MoneyApi.Active[] active = new MoneyApi.Active[1];
        Account nia = person(active);
        long asker = userId(nia.username());
        long otherPerson = new MoneyApi(http).activeWeekly(PRACTITIONER, "Osian", LocalDate.now().plusDays(20), "PREPAID_CARD", 5000, "en")
                .citizenId();
        String path = "/api/v1/help-requests";
        refusedOn(http.postJsonAs(nia.username(), nia.password(), path, "{\"kind\": \"MONEY\", \"text\": \"\"}"), "text");
        refusedOn(http.postJsonAs(nia.username(), nia.password(), path, "{\"kind\": \"MONEY\"}"), "text");
        refusedOn(http.postJsonAs(nia.username(), nia.password(), path,
                "{\"kind\": \"MONEY\", \"text\": \"" + "a".repeat(10_000) + "\"}"), "text");
        refusedOn(http.postJsonAs(nia.username(), nia.password(), path, "{\"kind\": \"HOLIDAY\", \"text\": \"Hello\"}"), "kind");
        refusedOn(http.postJsonAs(nia.username(), nia.password(), path, "{\"text\": \"Hello\"}"), "kind");
        refusedOn(http.postJsonAs(nia.username(), nia.password(), path,
                "{\"citizenId\": " + otherPerson + ", \"kind\": \"MONEY\", \"text\": \"Hello\"}"), "citizenId");
        refusedOn(http.postJsonAs("pa@demo-england", P, path,
                "{\"citizenId\": " + otherPerson + ", \"kind\": \"PAYROLL\", \"text\": \"Hello\"}"), "citizenId");
        refusedOn(http.postJsonAs("practitioner@demo-wales", P, path,
                "{\"citizenId\": " + otherPerson + ", \"kind\": \"OTHER\", \"text\": \"Hello\"}"), "citizenId");
        assertThat(http.postJsonAs("finance@demo-england", P, path, "{\"kind\": \"OTHER\", \"text\": \"Hello\"}").statusCode())
                .as("finance does not ask").isEqualTo(403);
        assertThat(jdbc.sql("SELECT count(*) FROM help_request WHERE asked_by = :u").param("u", asker).query(Long.class).single())
                .as("nothing saved").isZero();

        // a script tag is refused with a clear message, as every other text field (issue 18, bad input)
        HttpResponse<String> script = http.postJsonAs(nia.username(), nia.password(), path,
                "{\"kind\": \"OTHER\", \"text\": \"<script>alert('hi')</script> is what my PA typed\"}");
        refusedOn(script, "text");
        assertThat(script.body()).contains("without the characters < and >");
        assertThat(jdbc.sql("SELECT count(*) FROM help_request WHERE asked_by = :u").param("u", asker).query(Long.class).single())
                .as("nothing saved").isZero();

        // replies: no text, 10,000 characters, a script tag; and what was done when closing
        long id = read(http.postJsonAs(nia.username(), nia.password(), path,
                "{\"kind\": \"OTHER\", \"text\": \"Can my PA drive my car?\"}"), 201).get("id").asLong();
        String replies = path + "/" + id + "/replies";
        refusedOn(http.postJsonAs(TEAM, P, replies, "{\"text\": \"  \"}"), "text");
        refusedOn(http.postJsonAs(TEAM, P, replies, "{\"text\": \"" + "a".repeat(10_000) + "\"}"), "text");
        refusedOn(http.postJsonAs(TEAM, P, replies, "{\"text\": \"<script>alert(1)</script>\"}"), "text");
        refusedOn(http.postJsonAs(nia.username(), nia.password(), replies, "{\"text\": \"<b>Please</b>\"}"), "text");
        refusedOn(http.postJsonAs(TEAM, P, path + "/" + id + "/closure", "{\"whatWasDone\": \"<img src=x onerror=alert(1)>\"}"),
                "whatWasDone");
        assertThat(jdbc.sql("SELECT count(*) FROM help_reply WHERE request_id = :id").param("id", id).query(Long.class).single())
                .as("no reply saved").isZero();
        JsonNode still = read(http.getAs(nia.username(), nia.password(), path + "/" + id), 200);
        assertThat(still.get("status").asString()).as("still open, untouched").isEqualTo("OPEN");
        // plain words with a "<" that is not mark-up are fine
        assertThat(read(http.postJsonAs(TEAM, P, replies, "{\"text\": \"Yes, if they are insured and it costs < £20 a week.\"}"), 201)
                .get("status").asString()).isEqualTo("ANSWERED");

        // a practitioner may ask for a person of their council, and for themself
        assertThat(read(http.postJsonAs(PRACTITIONER, P, path,
                "{\"citizenId\": " + otherPerson + ", \"kind\": \"EMPLOYER\", \"text\": \"They want to employ a PA.\"}"), 201)
                .get("status").asString()).isEqualTo("OPEN");
    }
}
