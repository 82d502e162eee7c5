package org.dphub.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.dphub.shared.Role;
import org.dphub.support.AuthenticatorApp;
import org.dphub.support.Http;
import org.dphub.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * One-time codes at sign-in (issue 17) over real HTTP, as a browser does it: finance officers and
 * council administrators set up an authentication app and then give a code at each sign-in; until
 * then no page but the code's own opens and the API refuses the session; wrong, used and
 * malformed codes are refused with a clear message and change nothing; wrong codes in a row lock
 * the person out; recovery codes work once; a council administrator resets a colleague's codes,
 * and another council's staff are 404. Other roles are not asked.
 */
@IntegrationTest
class OneTimeCodesIT {

    static final String PASSWORD = "right-password-1";
    static final Pattern SECRET = Pattern.compile("id=\"secret\"[^>]*>([A-Z2-7 ]+)<");

    @LocalServerPort
    int port;
    @Autowired
    UserAccounts accounts;
    @Autowired
    JdbcClient jdbc;

    Http http;

    @BeforeEach
    void client() {
        http = new Http(port);
    }

    /** A browser: one cookie, following nothing by itself. */
    final class Browser {
        /** The session cookie ({@code SESSION=…}), null until there is a session. */
        String session;
        /** The form token's cookie, kept until there is a session (web.FormTokens). */
        String formCookie;

        HttpResponse<String> get(String path) {
            return keep(cookies() == null ? http.get(path) : http.get(path, "Cookie", cookies()));
        }

        /** Posts a form with the CSRF token of the page at {@code from}. */
        HttpResponse<String> post(String from, String path, String form) {
            String token = Http.csrfToken(get(from).body());
            return keep(http.postForm(path, form + "&_csrf=" + encode(token), "Cookie", cookies()));
        }

        HttpResponse<String> signIn(String username, String password) {
            return post("/sign-in", "/sign-in", "username=" + encode(username) + "&password=" + encode(password));
        }

        private String cookies() {
            String both = java.util.stream.Stream.of(session, formCookie).filter(java.util.Objects::nonNull)
                    .collect(java.util.stream.Collectors.joining("; "));
            return both.isEmpty() ? null : both;
        }

        private HttpResponse<String> keep(HttpResponse<String> response) {
            for (String set : response.headers().allValues("Set-Cookie")) {
                String pair = set.substring(0, set.indexOf(';') > 0 ? set.indexOf(';') : set.length());
                if (pair.startsWith("SESSION=")) {
                    session = pair;
                } else if (pair.startsWith(Http.FORM_COOKIE + "=")) {
                    formCookie = pair.equals(Http.FORM_COOKIE + "=") ? null : pair; // an empty value clears it
                }
            }
            return response;
        }
    }

    record SetUp(String username, long userId, byte[] secret, long step, List<String> recoveryCodes) {
    }

    String newStaff(String council, Role role) {
        String username = "codes-" + UUID.randomUUID() + "@example.org";
        accounts.create(new NewUserAccount(username, PASSWORD, "Code Tester " + username.substring(6, 12), councilId(council),
                Set.of(role), "en"));
        return username;
    }

    long councilId(String council) {
        return jdbc.sql("SELECT id FROM council WHERE code = :c").param("c", council).query(Long.class).single();
    }

    long userId(String username) {
        return jdbc.sql("SELECT id FROM app_user WHERE username = :u").param("u", username).query(Long.class).single();
    }

    /** A new member of staff who has set up their app (at the current step) and is signed in. */
    SetUp setUp(Browser browser, String council, Role role) {
        String username = newStaff(council, role);
        assertThat(location(browser.signIn(username, PASSWORD))).endsWith("/sign-in/set-up-code");
        byte[] secret = Base32.decode(secretOn(browser.get("/sign-in/set-up-code").body()));
        long step = Totp.step(Instant.now());
        HttpResponse<String> done = browser.post("/sign-in/set-up-code", "/sign-in/set-up-code", "code=" + Totp.code(secret, step));
        assertThat(done.statusCode()).isEqualTo(200);
        return new SetUp(username, userId(username), secret, step, recoveryCodes(done.body()));
    }

    @Test
    void aFinanceOfficerSetsUpTheirAppAtTheFirstSignInAndGivesACodeAtEveryOneAfter() {
        Browser browser = new Browser();
        String username = newStaff("demo-england", Role.FINANCE);
        browser.get("/sign-in");
        assertThat(browser.session).as("no session before the password").isNull();
        assertThat(location(browser.signIn(username, PASSWORD))).as("after the password: set up the app").endsWith("/sign-in/set-up-code");

        // before the code: every other page sends them to the set-up, public pages too, and the API refuses the session
        for (String page : List.of("/home", "/citizens", "/payment-runs", "/", "/account/api-keys", "/information")) {
            HttpResponse<String> elsewhere = browser.get(page);
            assertThat(elsewhere.statusCode()).as(page).isEqualTo(302);
            assertThat(location(elsewhere)).as(page).endsWith("/sign-in/set-up-code");
        }
        assertThat(http.get("/api/v1/me", "Cookie", browser.session, "Accept", "application/json").statusCode())
                .as("the API never takes a session, and the session is not signed in").isEqualTo(401);

        HttpResponse<String> page = browser.get("/sign-in/set-up-code");
        assertThat(page.statusCode()).isEqualTo(200);
        String body = page.body();
        assertThat(body).contains("Set up your authentication app").contains("<svg").contains("role=\"img\"")
                .contains("<title id=\"qr-code-title\">").contains("<rect ")
                .contains("autocomplete=\"one-time-code\"").contains("inputmode=\"numeric\"");
        String grouped = secretOn(body);
        assertThat(grouped).as("the key in groups of 4 for typing in").matches("([A-Z2-7]{4} ){7}[A-Z2-7]{4}");
        byte[] secret = Base32.decode(grouped);
        assertThat(secret).hasSize(20);
        assertThat(browser.get("/sign-in/set-up-code").body()).as("the same key until it is set up").contains(grouped);
        long userId = userId(username);
        assertThat(jdbc.sql("SELECT secret_encrypted FROM one_time_code_enrolment WHERE user_id = :u").param("u", userId)
                .query(String.class).single()).as("kept encrypted").startsWith("v1:").doesNotContain(grouped.replace(" ", ""));

        // refusals: a clear message, and the set-up is not done
        long step = Totp.step(Instant.now());
        assertThat(browser.post("/sign-in/set-up-code", "/sign-in/set-up-code", "code=").body())
                .contains("Enter the 6-digit code from your authentication app");
        assertThat(browser.post("/sign-in/set-up-code", "/sign-in/set-up-code", "code=12ab56").body())
                .contains("The code must be 6 numbers, like 123456");
        assertThat(browser.post("/sign-in/set-up-code", "/sign-in/set-up-code", "code=1234").body())
                .contains("The code must be 6 numbers, like 123456");
        assertThat(browser.post("/sign-in/set-up-code", "/sign-in/set-up-code", "code=" + wrong(secret, step)).body())
                .contains("The code is not right");
        assertThat(jdbc.sql("SELECT confirmed_at IS NULL FROM one_time_code_enrolment WHERE user_id = :u").param("u", userId)
                .query(Boolean.class).single()).isTrue();
        assertThat(browser.get("/home").statusCode()).isEqualTo(302);

        // a right code: set up, 10 recovery codes shown once (only their hashes kept), signed in under a new session id
        String before = browser.session;
        HttpResponse<String> done = browser.post("/sign-in/set-up-code", "/sign-in/set-up-code",
                "code=" + encode(Totp.code(secret, step).substring(0, 3) + " " + Totp.code(secret, step).substring(3)));
        assertThat(done.statusCode()).isEqualTo(200);
        assertThat(done.body()).contains("Your recovery codes").contains("This is the only time you will see these codes");
        List<String> recovery = recoveryCodes(done.body());
        assertThat(recovery).hasSize(10).doesNotHaveDuplicates().allMatch(c -> c.matches("[a-z2-9]{4}(-[a-z2-9]{4}){3}"));
        assertThat(browser.session).as("a new session id once signed in").isNotEqualTo(before);
        assertThat(browser.get("/home").statusCode()).isEqualTo(200);
        assertThat(http.get("/home", "Cookie", before).statusCode()).as("the session id from before the code").isEqualTo(302);
        assertThat(jdbc.sql("""
                        SELECT count(*) FROM one_time_recovery_code c JOIN one_time_code_enrolment e ON e.id = c.enrolment_id
                        WHERE e.user_id = :u AND c.used_at IS NULL""").param("u", userId).query(Long.class).single()).isEqualTo(10);
        assertThat(jdbc.sql("SELECT count(*) FROM one_time_recovery_code WHERE code_sha256 = sha256(convert_to(:c, 'UTF8'))")
                .param("c", recovery.get(0).replace("-", "")).query(Long.class).single()).as("kept as its SHA-256 only").isEqualTo(1);
        assertThat(auditEvents(userId)).contains("REFUSED:WRONG", "SET_UP");

        // the next sign-in: the code page; the set-up (and its key) is not shown again
        Browser later = new Browser();
        assertThat(location(later.signIn(username, PASSWORD))).endsWith("/sign-in/code");
        HttpResponse<String> again = later.get("/sign-in/set-up-code");
        assertThat(location(again)).endsWith("/sign-in/code");
        HttpResponse<String> codePage = later.get("/sign-in/code");
        assertThat(codePage.body()).contains("Enter the code from your authentication app").contains("autocomplete=\"one-time-code\"")
                .contains("inputmode=\"numeric\"").doesNotContain(grouped);
        assertThat(later.get("/payment-runs").headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/sign-in/code"));
        // the code that set the app up was used: refused, even though it is right
        assertThat(later.post("/sign-in/code", "/sign-in/code", "code=" + Totp.code(secret, step)).body())
                .contains("That code has already been used");
        assertThat(later.get("/home").statusCode()).isEqualTo(302);
        // the next step's code (an app's clock a little ahead) signs in
        HttpResponse<String> signedIn = later.post("/sign-in/code", "/sign-in/code", "code=" + Totp.code(secret, step + 1));
        assertThat(location(signedIn)).endsWith("/home");
        assertThat(later.get("/payment-runs").statusCode()).isEqualTo(200);
        assertThat(auditEvents(userId)).contains("REFUSED:USED");

        // and that code cannot sign in a third session
        Browser third = new Browser();
        third.signIn(username, PASSWORD);
        assertThat(third.post("/sign-in/code", "/sign-in/code", "code=" + Totp.code(secret, step + 1)).body())
                .contains("That code has already been used");
    }

    @Test
    void oneCodeSentInTwoSessionsAtOnceSignsInOnlyOne() throws Exception {
        SetUp person = setUp(new Browser(), "demo-england", Role.FINANCE);
        Browser first = new Browser();
        Browser second = new Browser();
        first.signIn(person.username(), PASSWORD);
        second.signIn(person.username(), PASSWORD);
        String firstToken = Http.csrfToken(first.get("/sign-in/code").body());
        String secondToken = Http.csrfToken(second.get("/sign-in/code").body());
        String code = Totp.code(person.secret(), person.step() + 1);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            var a = pool.submit(() -> http.postForm("/sign-in/code", "code=" + code + "&_csrf=" + encode(firstToken), "Cookie", first.session));
            var b = pool.submit(() -> http.postForm("/sign-in/code", "code=" + code + "&_csrf=" + encode(secondToken), "Cookie", second.session));
            List<HttpResponse<String>> answers = List.of(a.get(), b.get());
            assertThat(answers).filteredOn(r -> r.statusCode() == 302 && location(r).endsWith("/home")).as("signed in").hasSize(1);
            assertThat(answers).filteredOn(r -> r.statusCode() == 200 && r.body().contains("That code has already been used"))
                    .as("refused as used").hasSize(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aRecoveryCodeSignsInOnce() {
        SetUp person = setUp(new Browser(), "demo-england", Role.COUNCIL_ADMIN);
        Browser browser = new Browser();
        browser.signIn(person.username(), PASSWORD);
        assertThat(browser.get("/sign-in/code").body()).contains("href=\"/sign-in/recovery-code\"");
        assertThat(browser.post("/sign-in/recovery-code", "/sign-in/recovery-code", "recoveryCode=").body())
                .contains("Enter one of your recovery codes");
        assertThat(browser.post("/sign-in/recovery-code", "/sign-in/recovery-code", "recoveryCode=abc").body())
                .contains("A recovery code is 16 letters and numbers");
        assertThat(browser.post("/sign-in/recovery-code", "/sign-in/recovery-code", "recoveryCode=aaaa-bbbb-cccc-dddd").body())
                .contains("The recovery code is not right");
        assertThat(browser.get("/home").statusCode()).isEqualTo(302);

        // typed in capitals and with spaces, as people do
        String code = person.recoveryCodes().get(3);
        HttpResponse<String> used = browser.post("/sign-in/recovery-code", "/sign-in/recovery-code",
                "recoveryCode=" + encode(code.toUpperCase().replace("-", " ")));
        assertThat(used.statusCode()).isEqualTo(200);
        assertThat(used.body()).contains("You signed in with a recovery code").contains("Recovery codes left: 9");
        assertThat(browser.get("/home").statusCode()).isEqualTo(200);
        assertThat(auditEvents(person.userId())).contains("RECOVERY_CODE_USED");

        Browser again = new Browser();
        again.signIn(person.username(), PASSWORD);
        assertThat(again.post("/sign-in/recovery-code", "/sign-in/recovery-code", "recoveryCode=" + code).body())
                .contains("That recovery code has already been used");
        assertThat(again.get("/home").statusCode()).isEqualTo(302);
        assertThat(jdbc.sql("""
                        SELECT count(*) FROM one_time_recovery_code c JOIN one_time_code_enrolment e ON e.id = c.enrolment_id
                        WHERE e.user_id = :u AND c.used_at IS NOT NULL""").param("u", person.userId()).query(Long.class).single())
                .isEqualTo(1);
        // used recovery codes, and set-ups, stay on record
        assertThatThrownBy(() -> jdbc.sql("DELETE FROM one_time_recovery_code WHERE enrolment_id IN "
                + "(SELECT id FROM one_time_code_enrolment WHERE user_id = :u)").param("u", person.userId()).update())
                .hasMessageContaining("never deleted");
        assertThatThrownBy(() -> jdbc.sql("UPDATE one_time_recovery_code SET used_at = NULL WHERE used_at IS NOT NULL AND enrolment_id IN "
                + "(SELECT id FROM one_time_code_enrolment WHERE user_id = :u)").param("u", person.userId()).update())
                .hasMessageContaining("only ever marked used");
        assertThatThrownBy(() -> jdbc.sql("DELETE FROM one_time_code_enrolment WHERE user_id = :u").param("u", person.userId()).update())
                .hasMessageContaining("never deleted");
        assertThatThrownBy(() -> jdbc.sql("UPDATE one_time_code_enrolment SET last_used_step = 0 WHERE user_id = :u")
                .param("u", person.userId()).update()).hasMessageContaining("only moves its last used step on");
    }

    @Test
    void fiveWrongCodesInARowLockThePersonOutEvenForTheRightCode() {
        SetUp person = setUp(new Browser(), "demo-wales", Role.FINANCE);
        Browser browser = new Browser();
        browser.signIn(person.username(), PASSWORD);
        long step = Totp.step(Instant.now());
        for (int i = 1; i <= 4; i++) {
            assertThat(browser.post("/sign-in/code", "/sign-in/code", "code=" + wrong(person.secret(), step)).body())
                    .as("wrong code %d", i).contains("The code is not right");
        }
        // letters are not a code: not counted
        assertThat(browser.post("/sign-in/code", "/sign-in/code", "code=abcdef").body()).contains("The code must be 6 numbers");
        assertThat(browser.post("/sign-in/code", "/sign-in/code", "code=" + wrong(person.secret(), step)).body())
                .contains("You have entered too many wrong codes. Wait 15 minutes, then try again");
        assertThat(browser.post("/sign-in/code", "/sign-in/code", "code=" + Totp.code(person.secret(), step + 1)).body())
                .as("while locked out, not even the right code").contains("too many wrong codes");
        assertThat(browser.post("/sign-in/recovery-code", "/sign-in/recovery-code", "recoveryCode=" + person.recoveryCodes().get(0)).body())
                .as("nor a recovery code").contains("too many wrong codes");
        assertThat(browser.get("/home").statusCode()).isEqualTo(302);
        assertThat(jdbc.sql("SELECT count(*) FROM one_time_recovery_code c JOIN one_time_code_enrolment e ON e.id = c.enrolment_id "
                + "WHERE e.user_id = :u AND c.used_at IS NOT NULL").param("u", person.userId()).query(Long.class).single())
                .as("the recovery code was not spent").isZero();
        assertThat(auditEvents(person.userId())).contains("REFUSED:LOCKED");
    }

    @Test
    void peopleInOtherRolesAreNotAskedForACode() {
        for (String username : List.of("citizen@demo-england", "practitioner@demo-england", "pa@demo-wales", "dp-team@demo-wales")) {
            Browser browser = new Browser();
            assertThat(location(browser.signIn(username, Http.DEMO_PASSWORD))).as(username).endsWith("/home");
            assertThat(browser.get("/home").statusCode()).as(username).isEqualTo(200);
        }
    }

    @Test
    void httpBasicAndApiKeysTakeNoCode() {
        String username = newStaff("demo-england", Role.FINANCE);
        assertThat(http.getAs(username, PASSWORD, "/api/v1/me").statusCode()).isEqualTo(200);
    }

    @Test
    void aCouncilAdministratorResetsAColleaguesCodesInTheirOwnCouncilOnly() {
        // demo-wales: admin@demo-england signs in often elsewhere in the suite, and each sign-in takes a fresh code
        SetUp colleague = setUp(new Browser(), "demo-wales", Role.FINANCE);
        SetUp elsewhere = setUp(new Browser(), "demo-england", Role.FINANCE);
        long practitioner = userId("practitioner@demo-wales");

        Browser admin = new Browser();
        admin.session = http.signIn("admin@demo-wales", Http.DEMO_PASSWORD);
        HttpResponse<String> list = admin.get("/council/one-time-codes");
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(list.body()).contains("One-time codes for signing in").contains("reset-" + colleague.userId())
                .doesNotContain("reset-" + elsewhere.userId()).doesNotContain("Code Tester " + elsewhere.username().substring(6, 12));

        // another council's staff, and someone who gives no codes, are 404: nothing changes
        assertThat(admin.get("/council/one-time-codes/" + elsewhere.userId() + "/reset").statusCode()).isEqualTo(404);
        assertThat(admin.get("/council/one-time-codes/" + practitioner + "/reset").statusCode()).isEqualTo(404);
        assertThat(admin.post("/council/one-time-codes", "/council/one-time-codes/" + elsewhere.userId() + "/reset", "x=1").statusCode())
                .isEqualTo(404);
        assertThat(live(elsewhere.userId())).isTrue();

        // a finance officer may not reset anyone
        Browser finance = new Browser();
        finance.session = http.signIn("finance@demo-wales", Http.DEMO_PASSWORD);
        assertThat(finance.get("/council/one-time-codes").statusCode()).isEqualTo(403);

        assertThat(admin.get("/council/one-time-codes/" + colleague.userId() + "/reset").body())
                .contains("Their authentication app and their recovery codes stop working straight away");
        HttpResponse<String> reset = admin.post("/council/one-time-codes/" + colleague.userId() + "/reset",
                "/council/one-time-codes/" + colleague.userId() + "/reset", "x=1");
        assertThat(location(reset)).contains("/council/one-time-codes?reset=" + colleague.userId());
        assertThat(admin.get(location(reset).substring(location(reset).indexOf("/council"))).body())
                .contains("You reset the one-time codes of Code Tester");
        assertThat(live(colleague.userId())).isFalse();
        assertThat(jdbc.sql("SELECT count(*) FROM one_time_code_enrolment WHERE user_id = :u AND secret_encrypted IS NULL AND reset_by IS NOT NULL")
                .param("u", colleague.userId()).query(Long.class).single()).as("the secret forgotten, who reset it kept").isEqualTo(1);
        assertThat(jdbc.sql("""
                        SELECT actor FROM audit_event WHERE entity_type = 'one_time_codes' AND entity_id = :u
                          AND after_state->>'event' = 'RESET'""").param("u", String.valueOf(colleague.userId()))
                .query(String.class).list()).containsExactly("admin@demo-wales");

        // their next sign-in sets the app up again, with a new key; the old codes are gone
        Browser browser = new Browser();
        assertThat(location(browser.signIn(colleague.username(), PASSWORD))).endsWith("/sign-in/set-up-code");
        assertThat(location(browser.get("/sign-in/recovery-code"))).endsWith("/sign-in/set-up-code");
        byte[] fresh = Base32.decode(secretOn(browser.get("/sign-in/set-up-code").body()));
        assertThat(fresh).isNotEqualTo(colleague.secret());
    }

    @Test
    void theDemoFinanceOfficersCodesComeFromTheReadmesDemoSecret() {
        Browser browser = new Browser();
        assertThat(location(browser.signIn("finance2@demo-wales", Http.DEMO_PASSWORD))).endsWith("/sign-in/code");
        HttpResponse<String> done = browser.post("/sign-in/code", "/sign-in/code", "code=" + AuthenticatorApp.code("finance2@demo-wales"));
        assertThat(location(done)).endsWith("/home");
    }

    boolean live(long userId) {
        return jdbc.sql("SELECT count(*) FROM one_time_code_enrolment WHERE user_id = :u AND reset_at IS NULL")
                .param("u", userId).query(Long.class).single() > 0;
    }

    /** The audit trail's one-time code events for a person, as "EVENT" or "REFUSED:REASON". */
    List<String> auditEvents(long userId) {
        return jdbc.sql("""
                        SELECT after_state->>'event' || coalesce(':' || (after_state->>'reason'), '') FROM audit_event
                        WHERE entity_type = 'one_time_codes' AND entity_id = :u ORDER BY id""")
                .param("u", String.valueOf(userId)).query(String.class).list();
    }

    /** A 6-digit code that is not the code of any step in the window. */
    static String wrong(byte[] secret, long step) {
        for (int n = 0; ; n++) {
            String code = "%06d".formatted((123456 + n * 7919) % 1_000_000);
            boolean inWindow = false;
            for (long s = step - 2; s <= step + 2; s++) {
                inWindow |= Totp.code(secret, s).equals(code);
            }
            if (!inWindow) {
                return code;
            }
        }
    }

    static String secretOn(String page) {
        Matcher key = SECRET.matcher(page);
        assertThat(key.find()).as("the key is on the page").isTrue();
        return key.group(1);
    }

    static List<String> recoveryCodes(String page) {
        Matcher codes = Pattern.compile("<li><code>([a-z2-9-]+)</code></li>").matcher(page);
        List<String> found = new ArrayList<>();
        while (codes.find()) {
            found.add(codes.group(1));
        }
        return found;
    }

    static String location(HttpResponse<String> response) {
        return response.headers().firstValue("Location").orElse("(no redirect: " + response.statusCode() + ")");
    }

    static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
