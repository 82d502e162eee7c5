package org.dphub.people;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.EnumSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.dphub.identity.NewUserAccount;
import org.dphub.identity.UserAccounts;
import org.dphub.shared.Role;
import org.dphub.shared.SignedInUser;
import org.dphub.support.Http;
import org.dphub.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Someone who has forgotten their password, or locked themself out, asks their council: a practitioner
 * gives them a new temporary password, shown once. The old password stops working, the lockout ends,
 * every device they were signed in on is signed out, and with the new one they choose their own. The
 * same for a representative. An account also used for work is refused, with nothing changed. (Who
 * else is refused — other roles, another council's practitioner — is in {@code PageMatrixIT}.)
 */
@IntegrationTest
class NewTemporaryPasswordIT {

    static final String PRACTITIONER = "practitioner@demo-england";

    @LocalServerPort
    int port;

    @Autowired
    Citizens citizens;

    @Autowired
    UserAccounts accounts;

    @Autowired
    JdbcClient jdbc;

    Http http;
    SignedInUser practitioner;

    @BeforeEach
    void setUp() {
        http = new Http(port);
        practitioner = accounts.findByUsername(PRACTITIONER).orElseThrow();
    }

    long newCitizen() {
        HttpResponse<String> created = http.postJsonAs(PRACTITIONER, Http.DEMO_PASSWORD, "/api/v1/citizens", """
                {"givenName": "Gwenllian", "familyName": "Hughes", "dateOfBirth": "1961-07-02", "postcode": "ch7 1xy",
                 "preferredLanguage": "en"}""");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return Long.parseLong(created.body().replaceAll("(?s).*\"id\":(\\d+).*", "$1"));
    }

    /** The practitioner's session, the confirmation page, and the new temporary password the form's answer shows. */
    String giveNewPassword(String staffSession, String path) {
        HttpResponse<String> confirm = http.get(path, "Cookie", staffSession);
        assertThat(confirm.statusCode()).isEqualTo(200);
        assertThat(confirm.body()).contains("stops working").contains("signed out on every device");
        HttpResponse<String> done = http.postForm(path, "_csrf=" + Http.encode(Http.csrfToken(confirm.body())), "Cookie", staffSession);
        assertThat(done.statusCode()).as(done.body()).isEqualTo(200);
        assertThat(done.body()).contains("New temporary password").contains("The temporary password works for 7 days");
        Matcher password = Pattern.compile("id=\"temporary-password\"[^>]*>([^<]+)<").matcher(done.body());
        assertThat(password.find()).as("the new password is shown").isTrue();
        return password.group(1);
    }

    void assertSignedOut(String session) {
        long until = System.currentTimeMillis() + 15_000;
        while (http.get("/home", "Cookie", session).statusCode() == 200 && System.currentTimeMillis() < until) {
            java.util.concurrent.locks.LockSupport.parkNanos(100_000_000);
        }
        HttpResponse<String> after = http.get("/home", "Cookie", session);
        assertThat(after.statusCode()).isEqualTo(302);
        assertThat(after.headers().firstValue("Location").orElse("")).contains("/sign-in");
    }

    @Test
    void aPersonWhoForgotTheirPasswordIsGivenANewOneAndChoosesTheirOwnWithIt() {
        long citizenId = newCitizen();
        OnlineAccount account = citizens.giveOnlineAccount(practitioner, citizenId, "gwen" + UUID.randomUUID() + "@example.com");
        String own = http.choosesOwnPassword(account.username(), account.temporaryPassword());
        String phone = http.signIn(account.username(), own);
        // then they forget it, and lock themselves out trying
        for (int i = 0; i < 5; i++) {
            http.getAs(account.username(), "what was it again", "/api/v1/me");
        }
        assertThat(http.getAs(account.username(), own, "/api/v1/me").statusCode()).as("locked out").isEqualTo(401);

        String staff = http.signIn(PRACTITIONER, Http.DEMO_PASSWORD);
        HttpResponse<String> page = http.get("/citizens/" + citizenId, "Cookie", staff);
        assertThat(page.body()).contains("id=\"give-new-password\"");
        String temporary = giveNewPassword(staff, "/citizens/" + citizenId + "/account/new-password");

        assertThat(temporary).matches("[a-z2-9]{5}-[a-z2-9]{5}-[a-z2-9]{5}").isNotEqualTo(account.temporaryPassword());
        assertSignedOut(phone);
        assertThat(http.getAs(account.username(), own, "/api/v1/me").statusCode()).as("the old password no longer works").isEqualTo(401);
        assertThat(http.getAs(account.username(), temporary, "/api/v1/me").statusCode())
                .as("the lockout has ended; the temporary password opens only the page to choose one's own").isEqualTo(403);
        String chosen = http.choosesOwnPassword(account.username(), temporary);
        assertThat(http.getAs(account.username(), chosen, "/api/v1/me").statusCode()).isEqualTo(200);

        long userId = jdbc.sql("SELECT id FROM app_user WHERE username = :u").param("u", account.username()).query(Long.class).single();
        assertThat(jdbc.sql("""
                        SELECT count(*) FROM audit_event WHERE entity_type = 'user' AND entity_id = :id AND actor = :actor
                          AND after_state->>'password' = '(a new temporary password, given by staff)'""")
                .param("id", Long.toString(userId)).param("actor", PRACTITIONER).query(Long.class).single())
                .as("audited, by the practitioner").isEqualTo(1);
        assertThat(jdbc.sql("SELECT count(*) FROM audit_event WHERE after_state::text LIKE :p OR before_state::text LIKE :p")
                .param("p", "%" + temporary + "%").query(Long.class).single()).as("the password is in no audit row").isZero();
    }

    /** Signs in on the sign-in page; where it sends them. */
    String signInLeadsTo(String username, String password) {
        HttpResponse<String> form = http.get("/sign-in");
        return http.postForm("/sign-in", "username=" + Http.encode(username) + "&password=" + Http.encode(password) + "&_csrf="
                        + Http.encode(Http.csrfToken(form.body())), "Cookie", Http.FORM_COOKIE + "=" + Http.cookie(form, Http.FORM_COOKIE))
                .headers().firstValue("Location").orElse("");
    }

    /** ASVS 2.3.1: a temporary password works for DPHUB_TEMPORARY_PASSWORD_LIFETIME (7 days here) after it is given. */
    @Test
    void aTemporaryPasswordWorksForSevenDaysThenTheSignInPageSaysToAskForANewOne() {
        OnlineAccount week = citizens.giveOnlineAccount(practitioner, newCitizen(), "week" + UUID.randomUUID() + "@example.com");
        OnlineAccount sixDays = citizens.giveOnlineAccount(practitioner, newCitizen(), "six" + UUID.randomUUID() + "@example.com");
        jdbc.sql("UPDATE app_user SET temporary_password_set_at = now() - interval '7 days 1 minute' WHERE username = :u")
                .param("u", week.username()).update();
        jdbc.sql("UPDATE app_user SET temporary_password_set_at = now() - interval '6 days' WHERE username = :u")
                .param("u", sixDays.username()).update();

        assertThat(signInLeadsTo(week.username(), week.temporaryPassword())).endsWith("/sign-in?temporary-password-expired");
        assertThat(http.get("/sign-in?temporary-password-expired").body()).contains("Your temporary password is too old to use")
                .contains("govuk-error-summary");
        HttpResponse<String> api = http.getAs(week.username(), week.temporaryPassword(), "/api/v1/me");
        assertThat(api.statusCode()).isEqualTo(401);
        assertThat(api.body()).contains("too old to use");
        assertThat(signInLeadsTo(week.username(), "not the password")).as("a wrong one still says only that").endsWith("/sign-in?error");

        assertThat(http.choosesOwnPassword(sixDays.username(), sixDays.temporaryPassword())).as("six days old, it works").isNotBlank();

        long weekCitizen = jdbc.sql("SELECT citizen_id FROM citizen_access a JOIN app_user u ON u.id = a.user_id WHERE u.username = :u")
                .param("u", week.username()).query(Long.class).single();
        OnlineAccount renewed = citizens.giveNewTemporaryPassword(practitioner, weekCitizen);
        assertThat(http.choosesOwnPassword(week.username(), renewed.temporaryPassword())).as("a new one, given today, works").isNotBlank();
    }

    @Test
    void aRepresentativeIsGivenANewOneTooAndAWorkAccountIsRefusedWithNothingChanged() {
        long citizenId = newCitizen();
        HttpResponse<String> added = http.postJsonAs(PRACTITIONER, Http.DEMO_PASSWORD, "/api/v1/citizens/" + citizenId + "/representatives",
                "{\"name\": \"Rhian Hughes\", \"kind\": \"AUTHORISED_PERSON\"}");
        long representativeId = Long.parseLong(added.body().replaceAll("(?s).*\"id\":(\\d+).*", "$1"));
        OnlineAccount rhian = citizens.giveRepresentativeAccount(practitioner, citizenId, representativeId,
                "rhian" + UUID.randomUUID() + "@example.com");
        String staff = http.signIn(PRACTITIONER, Http.DEMO_PASSWORD);
        assertThat(http.get("/citizens/" + citizenId, "Cookie", staff).body())
                .contains("/citizens/" + citizenId + "/representatives/" + representativeId + "/account/new-password");
        String temporary = giveNewPassword(staff, "/citizens/" + citizenId + "/representatives/" + representativeId + "/account/new-password");
        assertThat(http.getAs(rhian.username(), rhian.temporaryPassword(), "/api/v1/me").statusCode())
                .as("the first temporary password no longer works").isEqualTo(401);
        assertThat(http.choosesOwnPassword(rhian.username(), temporary)).isNotBlank();

        // a person whose online account is also their account as a PA: not the council's to replace
        long other = newCitizen();
        String both = "both" + UUID.randomUUID() + "@example.com";
        long userId = accounts.create(new NewUserAccount(both, Http.DEMO_PASSWORD, "Gwenllian Hughes", null,
                EnumSet.of(Role.CITIZEN, Role.PERSONAL_ASSISTANT), "en"));
        citizens.linkExistingAccount(practitioner, other, userId);
        String path = "/citizens/" + other + "/account/new-password";
        HttpResponse<String> confirm = http.get(path, "Cookie", staff);
        HttpResponse<String> refused = http.postForm(path, "_csrf=" + Http.encode(Http.csrfToken(confirm.body())), "Cookie", staff);
        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(refused.body()).contains("also used for work").contains("Nothing has changed").doesNotContain("id=\"temporary-password\"");
        assertThat(http.getAs(both, Http.DEMO_PASSWORD, "/api/v1/me").statusCode()).as("their password still works").isEqualTo(200);
    }
}
