package org.dphub.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.EnumSet;
import java.util.UUID;
import org.dphub.shared.Role;
import org.dphub.support.Http;
import org.dphub.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Someone leaves the council: an administrator switches their account off. They are signed out at once,
 * cannot sign in with their password or use their API key, and what they did stays; switched on again,
 * they can. An administrator cannot switch off their own account or the council's last administrator;
 * another council's administrator and other staff are refused, with nothing changed.
 */
@IntegrationTest
class StaffAccountsIT {

    static final String ADMIN = "admin@demo-england";
    static final String PASSWORD = Http.DEMO_PASSWORD;

    @LocalServerPort
    int port;
    @Autowired
    UserAccounts accounts;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    org.dphub.people.Citizens citizens;

    Http http;

    @BeforeEach
    void setUp() {
        http = new Http(port);
    }

    long council() {
        return jdbc.sql("SELECT id FROM council WHERE code = 'demo-england'").query(Long.class).single();
    }

    boolean enabled(long userId) {
        return jdbc.sql("SELECT enabled FROM app_user WHERE id = :id").param("id", userId).query(Boolean.class).single();
    }

    void waitUntilSignedOut(String session) {
        long until = System.currentTimeMillis() + 15_000;
        while (http.get("/home", "Cookie", session).statusCode() == 200 && System.currentTimeMillis() < until) {
            java.util.concurrent.locks.LockSupport.parkNanos(100_000_000);
        }
    }

    @Test
    void aLeaversAccountIsSwitchedOffEverywhereAtOnceAndOnAgain() {
        String username = "leaver" + UUID.randomUUID() + "@demo-england.example";
        long leaver = accounts.create(new NewUserAccount(username, PASSWORD, "Lowri Leaver", council(), EnumSet.of(Role.PRACTITIONER), "en"));
        String theirSession = http.signIn(username, PASSWORD);
        HttpResponse<String> made = http.postJsonAs(username, PASSWORD, "/api/v1/api-keys", "{\"name\": \"case system\"}");
        assertThat(made.statusCode()).as(made.body()).isEqualTo(201);
        String key = made.body().replaceAll("(?s).*\"key\":\"([^\"]+)\".*", "$1");
        assertThat(http.get("/api/v1/me", "Authorization", "Bearer " + key).statusCode()).isEqualTo(200);

        String admin = http.signIn(ADMIN, PASSWORD);
        HttpResponse<String> list = http.get("/council/staff", "Cookie", admin);
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(list.body()).contains("Lowri Leaver").contains("/council/staff/" + leaver + "/switch-off");
        HttpResponse<String> confirm = http.get("/council/staff/" + leaver + "/switch-off", "Cookie", admin);
        assertThat(confirm.body()).contains("Switch off Lowri Leaver&#39;s account").contains("their API keys stop working");
        HttpResponse<String> done = http.postForm("/council/staff/" + leaver + "/switch-off",
                "_csrf=" + Http.encode(Http.csrfToken(confirm.body())), "Cookie", admin);
        assertThat(done.statusCode()).isEqualTo(302);
        assertThat(http.get(done.headers().firstValue("Location").orElseThrow().replaceFirst("^https?://[^/]+", ""), "Cookie", admin).body())
                .contains("Lowri Leaver&#39;s account is switched off");

        assertThat(enabled(leaver)).isFalse();
        waitUntilSignedOut(theirSession);
        HttpResponse<String> after = http.get("/home", "Cookie", theirSession);
        assertThat(after.statusCode()).as("signed out at once").isEqualTo(302);
        assertThat(http.getAs(username, PASSWORD, "/api/v1/me").statusCode()).as("no password").isEqualTo(401);
        assertThat(http.get("/api/v1/me", "Authorization", "Bearer " + key).statusCode()).as("no API key").isEqualTo(401);
        assertThat(jdbc.sql("""
                        SELECT count(*) FROM audit_event WHERE entity_type = 'user' AND entity_id = :id AND actor = :actor
                          AND after_state->>'event' = 'SWITCHED_OFF'""")
                .param("id", Long.toString(leaver)).param("actor", ADMIN).query(Long.class).single()).isEqualTo(1);
        assertThat(http.get("/council/audit-trail", "Cookie", admin).body()).contains("switched off the account of Lowri Leaver");

        // on again: they sign in as before
        HttpResponse<String> on = http.postJsonAs(ADMIN, PASSWORD, "/api/v1/council/staff/" + leaver + "/switch-on", "");
        assertThat(on.statusCode()).as(on.body()).isEqualTo(200);
        assertThat(on.body()).contains("\"enabled\":true");
        assertThat(http.getAs(username, PASSWORD, "/api/v1/me").statusCode()).isEqualTo(200);
    }

    @Test
    void nobodySwitchesOffTheirOwnAccountOrAnotherCouncilsStaff() {
        long admin = accounts.findByUsername(ADMIN).orElseThrow().userId();
        HttpResponse<String> self = http.postJsonAs(ADMIN, PASSWORD, "/api/v1/council/staff/" + admin + "/switch-off", "");
        assertThat(self.statusCode()).as("so the council always keeps an administrator who can sign in").isEqualTo(409);
        assertThat(self.body()).contains("your own account");
        String page = http.signIn(ADMIN, PASSWORD);
        assertThat(http.get("/council/staff", "Cookie", page).body()).as("no link to switch off oneself")
                .doesNotContain("/council/staff/" + admin + "/switch-off");
        HttpResponse<String> confirm = http.get("/council/staff/" + admin + "/switch-off", "Cookie", page);
        HttpResponse<String> refused = http.postForm("/council/staff/" + admin + "/switch-off",
                "_csrf=" + Http.encode(Http.csrfToken(confirm.body())), "Cookie", page);
        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(refused.body()).contains("govuk-error-summary").contains("You cannot switch off your own account");
        assertThat(enabled(admin)).isTrue();

        long practitioner = accounts.findByUsername("practitioner@demo-england").orElseThrow().userId();
        assertThat(http.postJsonAs("admin@demo-wales", PASSWORD, "/api/v1/council/staff/" + practitioner + "/switch-off", "").statusCode())
                .as("another council's administrator").isEqualTo(404);
        assertThat(http.get("/council/staff/" + practitioner + "/switch-off", "Cookie", http.signIn("admin@demo-wales", PASSWORD))
                .statusCode()).isEqualTo(404);
        assertThat(http.postJsonAs("dp-team@demo-england", PASSWORD, "/api/v1/council/staff/" + practitioner + "/switch-off", "")
                .statusCode()).as("staff who are not administrators").isEqualTo(403);
        // an account that is also their own (here a PA's): the page says switching it off stops that too
        String both = "both" + UUID.randomUUID() + "@demo-england.example";
        long bothId = accounts.create(new NewUserAccount(both, PASSWORD, "Bryn Both", council(),
                EnumSet.of(Role.PRACTITIONER, Role.PERSONAL_ASSISTANT), "en"));
        assertThat(http.get("/council/staff/" + bothId + "/switch-off", "Cookie", page).body())
                .contains("They also use this account for themself");
        assertThat(http.get("/council/staff/" + practitioner + "/switch-off", "Cookie", page).body())
                .doesNotContain("They also use this account for themself");

        long citizen = accounts.findByUsername("citizen@demo-england").orElseThrow().userId();
        assertThat(http.postJsonAs(ADMIN, PASSWORD, "/api/v1/council/staff/" + citizen + "/switch-off", "").statusCode())
                .as("not staff: not the administrator's to switch off").isEqualTo(404);
        assertThat(enabled(practitioner)).isTrue();
        assertThat(enabled(citizen)).isTrue();
    }

    @Test
    void aPersonWhoseNamedContactLeftIsNotToldToAskThemAndTheTeamSeesThemWithoutAContact() {
        String username = "contact" + UUID.randomUUID() + "@demo-england.example";
        long contact = accounts.create(new NewUserAccount(username, PASSWORD, "Carys Contact", council(), EnumSet.of(Role.DP_TEAM), "en"));
        HttpResponse<String> person = http.postJsonAs("practitioner@demo-england", PASSWORD, "/api/v1/citizens", """
                {"givenName": "Glyn", "familyName": "Parry", "dateOfBirth": "1952-09-30", "postcode": "SY3 8XX", "preferredLanguage": "en"}""");
        long citizenId = Long.parseLong(person.body().replaceAll("(?s).*\"id\":(\\d+).*", "$1"));
        HttpResponse<String> set = http.putJsonAs("dp-team@demo-england", PASSWORD, "/api/v1/citizens/" + citizenId + "/dp-contact",
                "{\"userId\": " + contact + "}");
        assertThat(set.statusCode()).as(set.body()).isEqualTo(200);
        assertThat(http.getAs("practitioner@demo-england", PASSWORD, "/api/v1/citizens/" + citizenId).body()).contains("Carys Contact");

        assertThat(http.postJsonAs(ADMIN, PASSWORD, "/api/v1/council/staff/" + contact + "/switch-off", "").statusCode()).isEqualTo(200);
        assertThat(http.getAs("practitioner@demo-england", PASSWORD, "/api/v1/citizens/" + citizenId).body())
                .as("a leaver is nobody's contact: the team is").doesNotContain("Carys Contact").doesNotContain("dpContact");
        assertThat(http.get("/citizens/" + citizenId, "Cookie", http.signIn("dp-team@demo-england", PASSWORD)).body())
                .as("the team sees the person has no contact now, to choose another (her name stays in the history)")
                .contains("id=\"dp-contact-none\"");

        // the person asks for help: it goes to the team, not to the leaver
        org.dphub.people.OnlineAccount glyn = citizens.giveOnlineAccount(accounts.findByUsername("practitioner@demo-england").orElseThrow(),
                citizenId, "glyn" + UUID.randomUUID() + "@example.com");
        String glynPassword = http.choosesOwnPassword(glyn.username(), glyn.temporaryPassword());
        HttpResponse<String> asked = http.postJsonAs(glyn.username(), glynPassword, "/api/v1/help-requests",
                "{\"citizenId\": " + citizenId + ", \"kind\": \"OTHER\", \"text\": \"Who do I ring now?\"}");
        assertThat(asked.statusCode()).as(asked.body()).isEqualTo(201);
        long request = Long.parseLong(asked.body().replaceAll("(?s).*\"id\":(\\d+).*", "$1"));
        assertThat(jdbc.sql("SELECT assigned_to IS NULL FROM help_request WHERE id = :id").param("id", request)
                .query(Boolean.class).single()).as("not assigned to the leaver: the team's queue").isTrue();
    }
}
