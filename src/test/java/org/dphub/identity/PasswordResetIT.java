package org.dphub.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.dphub.letters.FakeNotify;
import org.dphub.letters.internal.NotifyGateway;
import org.dphub.shared.Role;
import org.dphub.shared.database.AddressLimits;
import org.dphub.support.Http;
import org.dphub.support.IntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * "Forgotten your password?" as a PA who registered with no council meets it (they have nobody else
 * to ask): the address, "check your email", an email in their language through GOV.UK Notify (a fake
 * Notify server, the real client) with a link, a new password, signed out everywhere, the link spent.
 * Nothing says whether an address is an account's; three links an hour at most; an old link, a used
 * one or a made-up one changes nothing; the link is kept nowhere.
 */
@IntegrationTest
class PasswordResetIT {

    static final Pattern LINK = Pattern.compile("https?://\\S+(/sign-in/new-password\\?token=([A-Za-z0-9_-]{43}))");
    static final String FIRST = "kettle river purple";

    @LocalServerPort
    int port;

    @Autowired
    UserAccounts accounts;

    @Autowired
    NotifyGateway gateway;

    @Autowired
    PasswordResets resets;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    AddressLimits addressLimits;

    Http http;
    FakeNotify notify;

    @BeforeEach
    void setUp() throws Exception {
        http = new Http(port);
        notify = new FakeNotify();
        gateway.use(notify.account());
    }

    @AfterEach
    void tearDown() {
        gateway.useConfigured();
        notify.close();
    }

    /** A PA on the national register with no council, who reads Welsh. */
    String pa() {
        String username = "owain-" + UUID.randomUUID() + "@example.com";
        accounts.create(new NewUserAccount(username, FIRST, "Owain Davies", null, EnumSet.of(Role.PERSONAL_ASSISTANT), "cy"));
        return username;
    }

    /** Types the address on "Forgotten your password?" and sends it, as a browser does. */
    HttpResponse<String> ask(String typed) {
        HttpResponse<String> form = http.get("/sign-in/forgotten-password");
        return http.postForm("/sign-in/forgotten-password", "email=" + Http.encode(typed) + "&_csrf=" + Http.encode(Http.csrfToken(form.body())),
                "Cookie", Http.FORM_COOKIE + "=" + Http.cookie(form, Http.FORM_COOKIE));
    }

    /** The emails sent to the address, once {@code count} have come (they go from a thread of their own). */
    List<FakeNotify.Request> emails(String address, int count) {
        long until = System.currentTimeMillis() + 10_000;
        while (notify.emailsTo(address).size() < count && System.currentTimeMillis() < until) {
            LockSupport.parkNanos(50_000_000);
        }
        return notify.emailsTo(address);
    }

    static Matcher link(FakeNotify.Request email) {
        Matcher link = LINK.matcher(email.body().getJSONObject("personalisation").getString("body"));
        assertThat(link.find()).as("the email has the link").isTrue();
        return link;
    }

    /** Sends the link's form with the link's token (a form's CSRF token from any public page: a spent link's page has no form). */
    HttpResponse<String> choose(String path, String password, String again) {
        HttpResponse<String> page = http.get("/sign-in/forgotten-password");
        String token = path.substring(path.indexOf("token=") + 6);
        return http.postForm("/sign-in/new-password", "token=" + token + "&newPassword=" + Http.encode(password) + "&confirmPassword="
                + Http.encode(again) + "&_csrf=" + Http.encode(Http.csrfToken(page.body())), "Cookie",
                Http.FORM_COOKIE + "=" + Http.cookie(page, Http.FORM_COOKIE));
    }

    @Test
    void aPaWhoForgotTheirPasswordChoosesANewOneWithTheLinkSentToThemInWelsh() {
        String pa = pa();
        String phone = http.signIn(pa, FIRST);
        assertThat(http.get("/sign-in").body()).contains("href=\"/sign-in/forgotten-password\"");

        HttpResponse<String> asked = ask(pa.toUpperCase(java.util.Locale.ROOT));
        assertThat(asked.statusCode()).isEqualTo(302);
        assertThat(asked.headers().firstValue("Location").orElse("")).endsWith("/sign-in/forgotten-password?asked");
        assertThat(http.get("/sign-in/forgotten-password?asked").body()).contains("Check your email").contains("60 minutes");

        FakeNotify.Request email = emails(pa, 1).get(0);
        assertThat(email.body().getJSONObject("personalisation").getString("subject")).isEqualTo("Dewis cyfrinair newydd ar gyfer dphub");
        assertThat(email.body().getString("template_id")).isEqualTo(FakeNotify.EMAIL_TEMPLATE);
        Matcher link = link(email);
        String path = link.group(1);
        String token = link.group(2);
        assertThat(jdbc.sql("SELECT count(*) FROM password_reset WHERE token_hash = sha256(convert_to(:t, 'UTF8'))").param("t", token)
                .query(Long.class).single()).as("its hash is kept").isEqualTo(1);
        assertThat(jdbc.sql("""
                        SELECT (SELECT count(*) FROM letter WHERE body LIKE :p) + (SELECT count(*) FROM event_publication WHERE serialized_event LIKE :p)
                             + (SELECT count(*) FROM audit_event WHERE after_state::text LIKE :p)""")
                .param("p", "%" + token + "%").query(Long.class).single()).as("the link itself is kept nowhere").isZero();

        // a mistake changes nothing, and the link still works
        HttpResponse<String> mismatch = choose(path, "a new song for Wales", "a new song for wales");
        assertThat(mismatch.statusCode()).isEqualTo(200);
        assertThat(mismatch.body()).contains("The passwords do not match");
        assertThat(choose(path, "short", "short").body()).contains("at least 10 characters");
        assertThat(http.getAs(pa, FIRST, "/api/v1/me").statusCode()).as("the old password works until a new one is saved").isEqualTo(200);

        HttpResponse<String> saved = choose(path, "a new song for Wales", "a new song for Wales");
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(302);
        assertThat(saved.headers().firstValue("Location").orElse("")).endsWith("/sign-in?password-reset");
        assertThat(http.get("/sign-in?password-reset").body()).contains("Your new password has been saved")
                .doesNotContain("we signed you out");

        long until = System.currentTimeMillis() + 10_000;
        while (http.get("/home", "Cookie", phone).statusCode() == 200 && System.currentTimeMillis() < until) {
            LockSupport.parkNanos(100_000_000);
        }
        assertThat(http.get("/home", "Cookie", phone).headers().firstValue("Location").orElse("")).as("signed out on the phone")
                .contains("/sign-in");
        assertThat(http.getAs(pa, FIRST, "/api/v1/me").statusCode()).as("the old password no longer works").isEqualTo(401);
        assertThat(http.signIn(pa, "a new song for Wales")).startsWith("SESSION=");

        // the link is spent: its page says so, and it changes nothing
        HttpResponse<String> again = http.get(path);
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(again.body()).contains("This link no longer works").doesNotContain("name=\"token\"");
        assertThat(choose(path, "someone else's idea", "someone else's idea").body()).contains("This link no longer works");
        assertThat(http.getAs(pa, "a new song for Wales", "/api/v1/me").statusCode()).isEqualTo(200);

        long userId = jdbc.sql("SELECT id FROM app_user WHERE username = :u").param("u", pa).query(Long.class).single();
        assertThat(jdbc.sql("""
                        SELECT count(*) FROM audit_event WHERE entity_type = 'user' AND entity_id = :id AND actor = :u
                          AND after_state->>'password' = '(changed with a link sent by email)'""")
                .param("id", Long.toString(userId)).param("u", pa).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void nothingSaysWhetherAnAddressIsAnAccountsAndAtMostThreeLinksGoInAnHour() {
        String nobody = "nobody-" + UUID.randomUUID() + "@example.com";
        HttpResponse<String> unknown = ask(nobody);
        String pa = pa();
        HttpResponse<String> known = ask(pa);
        assertThat(unknown.statusCode()).isEqualTo(known.statusCode()).isEqualTo(302);
        assertThat(unknown.headers().firstValue("Location")).isEqualTo(known.headers().firstValue("Location"));
        ask(pa);
        ask(pa);
        ask(pa);
        assertThat(emails(pa, 3)).hasSize(3);
        LockSupport.parkNanos(1_000_000_000L);
        assertThat(notify.emailsTo(pa)).as("a fourth within the hour is not sent").hasSize(3);
        assertThat(notify.emailsTo(nobody)).isEmpty();
        // a username that is not an email address (the demo's) gets none either
        ask("citizen@demo-england");
        LockSupport.parkNanos(500_000_000L);
        assertThat(notify.emailsTo("citizen@demo-england")).isEmpty();

        // a link more than an hour old changes nothing
        String late = pa();
        ask(late);
        String path = link(emails(late, 1).get(0)).group(1);
        jdbc.sql("UPDATE password_reset SET expires_at = now() - interval '1 minute' WHERE user_id = (SELECT id FROM app_user WHERE username = :u)")
                .param("u", late).update();
        assertThat(http.get(path).body()).contains("This link no longer works");
        assertThat(http.get("/sign-in/new-password?token=" + "A".repeat(43)).body()).as("a made-up one").contains("This link no longer works");
        assertThat(http.getAs(late, FIRST, "/api/v1/me").statusCode()).isEqualTo(200);
        // and a day after it stopped working, the hourly job forgets it
        jdbc.sql("UPDATE password_reset SET expires_at = now() - interval '25 hours' WHERE user_id = (SELECT id FROM app_user WHERE username = :u)")
                .param("u", late).update();
        resets.forgetOldLinks();
        assertThat(jdbc.sql("SELECT count(*) FROM password_reset WHERE user_id = (SELECT id FROM app_user WHERE username = :u)")
                .param("u", late).query(Long.class).single()).isZero();

        // what is typed is checked, and shown back safely
        HttpResponse<String> empty = ask("");
        assertThat(empty.statusCode()).isEqualTo(200);
        assertThat(empty.body()).contains("govuk-error-summary").contains("Enter");
        HttpResponse<String> script = ask("<script>alert(1)</script>");
        assertThat(script.body()).contains("without the characters").contains("value=\"&lt;script&gt;alert(1)&lt;/script&gt;\"")
                .doesNotContain("<script>alert(1)</script>");
        assertThat(ask("a".repeat(300) + "@example.com").body()).contains("govuk-error-summary");
    }

    @Test
    void oneConnectionAskingForManyPeoplesLinksIsStoppedWithWhatToDoAndNothingIsSent() {
        jdbc.sql("DELETE FROM address_limit_use WHERE kind = 'password-reset-ask'").update();
        try {
            String pa = pa();
            assertThat(ask(pa).statusCode()).isEqualTo(302);
            assertThat(emails(pa, 1)).hasSize(1);
            // this connection has asked 20 times within the hour, for whoever (DPHUB_PASSWORD_RESET_ASKS_PER_HOUR)
            String here = jdbc.sql("SELECT client_address FROM address_limit_use WHERE kind = 'password-reset-ask'").query(String.class).single();
            jdbc.sql("""
                    INSERT INTO address_limit_use (kind, client_address, used_at)
                    SELECT 'password-reset-ask', :here, now() - interval '30 minutes' FROM generate_series(1, 19)""")
                    .param("here", here).update();

            String other = pa();
            HttpResponse<String> refused = ask(other);
            assertThat(refused.statusCode()).isEqualTo(429);
            assertThat(refused.body()).contains("govuk-error-summary")
                    .contains("Too many links have been asked for from this connection in the last hour. Wait an hour and try again")
                    .containsOnlyOnce("can also give you a new temporary password")
                    .contains("value=\"" + other + "\"");
            LockSupport.parkNanos(500_000_000L);
            assertThat(notify.emailsTo(other)).as("nothing sent").isEmpty();
            assertThat(jdbc.sql("SELECT count(*) FROM password_reset WHERE user_id = (SELECT id FROM app_user WHERE username = :u)")
                    .param("u", other).query(Long.class).single()).as("no link made").isZero();
            assertThat(jdbc.sql("SELECT count(*) FROM address_limit_use WHERE kind = 'password-reset-ask'").query(Long.class).single()).as("the refused ask not counted").isEqualTo(20);

            // an hour on, the hourly job has forgotten the asks, and the person can ask again
            jdbc.sql("UPDATE address_limit_use SET used_at = used_at - interval '61 minutes' WHERE kind = 'password-reset-ask'").update();
            addressLimits.forgetOld();
            assertThat(jdbc.sql("SELECT count(*) FROM address_limit_use WHERE kind = 'password-reset-ask'").query(Long.class).single()).isZero();
            assertThat(ask(other).statusCode()).isEqualTo(302);
            assertThat(emails(other, 1)).hasSize(1);
        } finally {
            jdbc.sql("DELETE FROM address_limit_use WHERE kind = 'password-reset-ask'").update();
        }
    }
}
