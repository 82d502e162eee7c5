package org.dphub.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.aopalliance.intercept.MethodInterceptor;
import org.dphub.support.Http;
import org.dphub.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.aop.framework.Advised;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.session.Session;
import org.springframework.session.SessionRepository;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;

/**
 * Sessions (ASVS V3). Someone not signed in has no session: the sign-in page and public pages write
 * nothing to the session tables, and a form's token is kept in a cookie until there is one
 * ({@link FormTokens}). A browser (or a person with several tabs) sends many requests at once on one session. The
 * first page that shows a form stores the session's CSRF token; when several requests do that at
 * the same moment, each used to INSERT the same session attribute and all but one failed with a
 * duplicate key — a 500 for the person (47 of 6,300 answers under wrk at 50 connections). Now the
 * attribute is upserted, so every answer is the page. Signing in gives a new session id (no
 * fixation), signing out ends the session in the database, the cookie is HttpOnly and Lax, and a
 * signed-in page is never stored by a cache. A page reads its session from the database once and
 * writes it only when more than the time changed ({@link SessionReadOnce}), without losing any of that.
 */
@IntegrationTest
class SessionsIT {

    static final String CSRF_TOKEN = "org.springframework.security.web.csrf.HttpSessionCsrfTokenRepository.CSRF_TOKEN";
    static final int AT_ONCE = 40;
    static final int ROUNDS = 5;

    @LocalServerPort
    int port;
    @Autowired
    org.dphub.identity.UserAccounts accounts;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    JdbcIndexedSessionRepository sessions;
    @Autowired
    org.springframework.transaction.PlatformTransactionManager transactions;

    Http http;

    @BeforeEach
    void client() {
        http = new Http(port);
    }

    @Test
    void manyRequestsAtOnceInOneSessionWhoseCsrfTokenIsNotStoredYetAllGetThePage() throws Exception {
        String session = http.signIn("citizen@demo-england", Http.DEMO_PASSWORD);
        Map<Integer, Integer> statuses = new TreeMap<>();
        ExecutorService threads = Executors.newFixedThreadPool(AT_ONCE);
        try {
            for (int round = 0; round < ROUNDS; round++) {
                // as just after sign-in: the session has no CSRF token until a page with a form needs one
                forgetCsrfToken(session);
                CountDownLatch go = new CountDownLatch(1);
                List<Future<HttpResponse<String>>> answers = new ArrayList<>();
                for (int i = 0; i < AT_ONCE; i++) {
                    String path = i % 2 == 0 ? "/home" : "/account/password"; // every page carries the sign-out form; this one a form of its own
                    answers.add(threads.submit(() -> {
                        go.await();
                        return http.get(path, "Cookie", session, "Accept", "text/html");
                    }));
                }
                go.countDown();
                for (Future<HttpResponse<String>> answer : answers) {
                    HttpResponse<String> page = answer.get();
                    statuses.merge(page.statusCode(), 1, Integer::sum);
                    if (page.statusCode() == 200) {
                        assertThat(page.body()).contains("name=\"_csrf\"");
                    }
                }
                assertThat(storedCsrfTokens(session)).as("one token stored for the session").isEqualTo(1);
            }
        } finally {
            threads.shutdownNow();
        }
        assertThat(statuses).as("every answer, by status").containsOnlyKeys(200).containsEntry(200, AT_ONCE * ROUNDS);

        // the token stored last is the one the next form is checked against: the session still works
        HttpResponse<String> form = http.get("/account/password", "Cookie", session);
        assertThat(form.statusCode()).isEqualTo(200);
        HttpResponse<String> sent = http.postForm("/account/password", "_csrf=" + Http.csrfToken(form.body())
                + "&currentPassword=&newPassword=&confirmPassword=", "Cookie", session, "Accept", "text/html");
        assertThat(sent.statusCode()).as("the form is checked, not refused as expired").isEqualTo(200);
        assertThat(sent.body()).contains("govuk-error-summary");
    }

    @Test
    void lookingAroundWithoutSigningInMakesNoSession() {
        long start = System.currentTimeMillis();
        for (String path : List.of("/sign-in", "/sign-in?lang=cy", "/", "/join-as-a-pa", "/directory", "/information",
                "/home", "/my-money", "/council/settings")) {
            HttpResponse<String> page = http.get(path);
            assertThat(page.statusCode()).as(path).isIn(200, 302);
            assertThat(page.headers().allValues("Set-Cookie")).as("no session for " + path)
                    .noneMatch(c -> c.startsWith("SESSION="));
        }
        assertThat(jdbc.sql("SELECT count(*) FROM spring_session WHERE creation_time >= :start").param("start", start)
                .query(Long.class).single()).as("nothing written to the session tables").isZero();

        // the sign-in form's token is kept in a cookie of its own until there is a session
        HttpResponse<String> signInPage = http.get("/sign-in");
        assertThat(signInPage.headers().allValues("Set-Cookie")).filteredOn(c -> c.startsWith(Http.FORM_COOKIE + "="))
                .singleElement().satisfies(cookie -> assertThat(cookie).contains("; Path=/").contains("; HttpOnly")
                        .contains("SameSite=Lax").doesNotContain("Domain="));
        // and the cookies page says what it is for, in English and Welsh
        assertThat(http.get("/cookies").body()).contains(">" + Http.FORM_COOKIE + "<").contains("Protects the sign-in form");
        assertThat(http.get("/cookies", "Cookie", "dphub-language=cy").body()).contains(">" + Http.FORM_COOKIE + "<")
                .contains("Yn diogelu&#39;r ffurflen mewngofnodi");
    }

    @Test
    void aSignInFormIsCheckedAgainstTheBrowsersOwnCookie() {
        HttpResponse<String> mine = http.get("/sign-in");
        HttpResponse<String> theirs = http.get("/sign-in");
        String myToken = Http.csrfToken(mine.body());
        String theirCookie = Http.FORM_COOKIE + "=" + Http.cookie(theirs, Http.FORM_COOKIE);
        String form = "username=citizen%40demo-england&password=" + Http.DEMO_PASSWORD + "&_csrf=";

        // another browser's cookie with my page's token: what a site signing someone into its own account would send
        HttpResponse<String> crossed = http.postForm("/sign-in", form + Http.encode(myToken),
                "Cookie", theirCookie, "Accept", "text/html");
        assertThat(crossed.statusCode()).isEqualTo(403);
        assertThat(crossed.body()).contains("The page was open for too long");
        assertThat(crossed.headers().allValues("Set-Cookie")).as("nobody signed in").noneMatch(c -> c.startsWith("SESSION="));

        // the token with no cookie at all
        HttpResponse<String> bare = http.postForm("/sign-in", form + Http.encode(myToken),
                "Accept", "text/html");
        assertThat(bare.statusCode()).isEqualTo(403);
        assertThat(bare.headers().allValues("Set-Cookie")).noneMatch(c -> c.startsWith("SESSION="));

        // the page's token with its own cookie signs in
        String myCookie = Http.FORM_COOKIE + "=" + Http.cookie(mine, Http.FORM_COOKIE);
        HttpResponse<String> signedIn = http.postForm("/sign-in", form + Http.encode(myToken),
                "Cookie", myCookie);
        assertThat(signedIn.statusCode()).isEqualTo(302);
        assertThat(signedIn.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/home"));
        String session = "SESSION=" + Http.cookie(signedIn, "SESSION");

        // signed in, the session's own token is the one checked, and the cookie from before is cleared
        HttpResponse<String> home = http.get("/home", "Cookie", session + "; " + myCookie);
        assertThat(home.statusCode()).isEqualTo(200);
        assertThat(home.headers().allValues("Set-Cookie")).filteredOn(c -> c.startsWith(Http.FORM_COOKIE + "="))
                .singleElement().satisfies(cookie -> assertThat(cookie).as("cleared").startsWith(Http.FORM_COOKIE + "=;"));
        assertThat(storedCsrfTokens(session)).isEqualTo(1);
        HttpResponse<String> withTheCookiesToken = http.postForm("/sign-out", "_csrf=" + Http.encode(myToken),
                "Cookie", session + "; " + myCookie, "Accept", "text/html");
        assertThat(withTheCookiesToken.statusCode()).as("a token from before signing in is not the session's").isEqualTo(403);
        assertThat(http.get("/home", "Cookie", session).statusCode()).as("still signed in").isEqualTo(200);
    }

    @Test
    void signingInGivesANewSessionAndSigningOutEndsIt() {
        // a session planted in the browser before signing in (by a link, or another site) is never the signed-in one
        @SuppressWarnings("unchecked")
        SessionRepository<Session> repository = (SessionRepository<Session>) (SessionRepository<?>) sessions;
        Session anonymous = repository.createSession();
        repository.save(anonymous);
        String planted = "SESSION=" + Base64.getEncoder().encodeToString(anonymous.getId().getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> signInPage = http.get("/sign-in", "Cookie", planted);
        assertThat(signInPage.headers().allValues("Set-Cookie")).as("the form's token is the session's")
                .noneMatch(c -> c.startsWith(Http.FORM_COOKIE + "="));
        HttpResponse<String> signing = http.postForm("/sign-in", "username=finance%40demo-wales&password=" + Http.DEMO_PASSWORD
                + "&_csrf=" + Http.encode(Http.csrfToken(signInPage.body())),
                "Cookie", planted);
        assertThat(signing.statusCode()).isEqualTo(302);
        String signedIn = http.signIn("finance@demo-wales", Http.DEMO_PASSWORD);
        String cookie = signing.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("SESSION=")).findFirst()
                .orElseThrow();
        assertThat(cookie).contains("; HttpOnly").contains("SameSite=Lax");
        assertThat(cookie.substring(0, cookie.indexOf(';'))).as("a new session id at sign-in: one planted before cannot be used")
                .isNotEqualTo(planted);
        assertThat(http.get("/home", "Cookie", planted).statusCode()).as("the planted id is not signed in").isEqualTo(302);
        assertThat(sessions.findById(anonymous.getId())).as("the planted session took a new id").isNull();

        HttpResponse<String> home = http.get("/home", "Cookie", signedIn);
        assertThat(home.statusCode()).isEqualTo(200);
        assertThat(home.headers().firstValue("Cache-Control")).as("a signed-in page is never kept by the browser or a proxy")
                .hasValueSatisfying(cache -> assertThat(cache).contains("no-store"));
        HttpResponse<String> signOut = http.postForm("/sign-out", "_csrf=" + Http.csrfToken(home.body()), "Cookie", signedIn);
        assertThat(signOut.statusCode()).isEqualTo(302);
        assertThat(jdbc.sql("SELECT count(*) FROM spring_session WHERE session_id = :id").param("id", sessionId(signedIn))
                .query(Long.class).single()).as("the session is gone from the database").isZero();
        HttpResponse<String> after = http.get("/home", "Cookie", signedIn);
        assertThat(after.statusCode()).as("the old cookie signs nobody in").isEqualTo(302);
        assertThat(after.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/sign-in"));
    }

    @Test
    void theLastAccessIsWrittenOnceAMinuteNotOnEveryPageAndTheSessionStillEndsOnTime() {
        String session = http.signIn("citizen@demo-england", Http.DEMO_PASSWORD);
        assertThat(http.get("/home", "Cookie", session).statusCode()).isEqualTo(200);
        long stored = lastAccess(session);

        // pages within the minute: the row is not written again
        assertThat(http.get("/my-money", "Cookie", session).statusCode()).isEqualTo(200);
        assertThat(http.get("/home", "Cookie", session).statusCode()).isEqualTo(200);
        assertThat(lastAccess(session)).as("not written for each page within a minute").isEqualTo(stored);

        // the stored time a minute old: the next page writes it, and the idle time-out counts from now
        jdbc.sql("UPDATE spring_session SET last_access_time = last_access_time - 61000, expiry_time = expiry_time - 61000"
                + " WHERE session_id = :id").param("id", sessionId(session)).update();
        long before = System.currentTimeMillis();
        assertThat(http.get("/home", "Cookie", session).statusCode()).isEqualTo(200);
        assertThat(lastAccess(session)).as("written once the stored time is a minute old").isGreaterThanOrEqualTo(before - 1000);
        assertThat(jdbc.sql("SELECT expiry_time - last_access_time FROM spring_session WHERE session_id = :id")
                .param("id", sessionId(session)).query(Long.class).single()).as("the time-out moves on with it").isEqualTo(30 * 60_000L);

        // an idle session past its time-out is over, however recently it was written
        jdbc.sql("UPDATE spring_session SET last_access_time = last_access_time - 31 * 60000, expiry_time = expiry_time - 31 * 60000"
                + " WHERE session_id = :id").param("id", sessionId(session)).update();
        assertThat(http.get("/home", "Cookie", session).statusCode()).as("signed out after 30 minutes idle").isEqualTo(302);
    }

    @Test
    void aSessionInUseEndsTwelveHoursAfterSigningInAndTheSignInPageSaysWhy() {
        String session = http.signIn("citizen@demo-england", Http.DEMO_PASSWORD);
        String id = sessionId(session);
        // signed in 11 hours 59 minutes ago and used all along: still signed in
        jdbc.sql("UPDATE spring_session SET creation_time = creation_time - (11 * 60 + 59) * 60000 WHERE session_id = :id")
                .param("id", id).update();
        assertThat(http.get("/home", "Cookie", session).statusCode()).isEqualTo(200);
        // past 12 hours: the next page ends the session, whatever it was, and the sign-in page says why
        jdbc.sql("UPDATE spring_session SET creation_time = creation_time - 2 * 60000 WHERE session_id = :id").param("id", id).update();
        // the page's files read no session, so they do not end it
        assertThat(http.get("/static/css/dphub.css", "Cookie", session).statusCode()).isEqualTo(200);
        assertThat(jdbc.sql("SELECT count(*) FROM spring_session WHERE session_id = :id").param("id", id).query(Long.class).single()).isOne();
        HttpResponse<String> ended = http.get("/my-money", "Cookie", session);
        assertThat(ended.statusCode()).isEqualTo(302);
        assertThat(ended.headers().firstValue("Location").orElse("")).endsWith("/sign-in?session-ended");
        assertThat(jdbc.sql("SELECT count(*) FROM spring_session WHERE session_id = :id").param("id", id).query(Long.class).single())
                .as("the session is gone").isZero();
        assertThat(http.get("/home", "Cookie", session).statusCode()).as("signed out").isEqualTo(302);
        assertThat(http.get("/sign-in?session-ended").body()).contains("we signed you out to keep your account safe");
        // and only then: not on the sign-in page everyone sees first, nor with a new password's banner
        assertThat(http.get("/sign-in").body()).doesNotContain("we signed you out", "Your new password has been saved",
                "govuk-notification-banner");
        assertThat(http.get("/sign-in?session-ended&lang=cy").body()).contains("rydym wedi eich allgofnodi i gadw eich cyfrif yn ddiogel");
        // a form sent in the old session does nothing: it too goes to the sign-in page
        String fresh = http.signIn("citizen@demo-england", Http.DEMO_PASSWORD);
        String page = http.get("/account/password", "Cookie", fresh).body();
        jdbc.sql("UPDATE spring_session SET creation_time = creation_time - 13 * 3600000 WHERE session_id = :id")
                .param("id", sessionId(fresh)).update();
        HttpResponse<String> sent = http.postForm("/account/password", "current=x&password=y&confirm=y&_csrf=" + Http.encode(Http.csrfToken(page)),
                "Cookie", fresh);
        assertThat(sent.headers().firstValue("Location").orElse("")).endsWith("/sign-in?session-ended");
    }

    @Test
    void aPersonSeesWhereTheyAreSignedInAndSignsOutEverywhereElse() {
        // someone of their own, so no other test's sessions are theirs
        String pa = "sessions-" + java.util.UUID.randomUUID() + "@example.org";
        accounts.create(new org.dphub.identity.NewUserAccount(pa, Http.DEMO_PASSWORD, "Sessions Test", null,
                java.util.EnumSet.of(org.dphub.shared.Role.PERSONAL_ASSISTANT), "en"));
        String firefox = "Mozilla/5.0 (Android 14; Mobile; rv:133.0) Gecko/133.0 Firefox/133.0";
        String here = signInFrom(pa, firefox);
        String phone = signInFrom(pa, "Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15"
                + " (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1");
        String someoneElse = http.signIn("citizen@demo-england", Http.DEMO_PASSWORD);

        String page = http.get("/account/sessions?lang=en", "Cookie", here).body();
        assertThat(page).contains("Where you are signed in", "Firefox on Android", "Safari on iPhone", "This device")
                .doesNotContain(sessionId(here)).doesNotContain(sessionId(phone));
        assertThat(page.split("govuk-summary-card__title\"", -1)).as("two sessions, not the citizen's").hasSize(3);
        assertThat(page.indexOf("Firefox on Android")).as("this device first").isLessThan(page.indexOf("Safari on iPhone"));
        assertThat(http.get("/account/sessions?lang=cy", "Cookie", here).body()).contains("Ble rydych wedi mewngofnodi", "Firefox ar Android",
                "Y ddyfais hon");

        HttpResponse<String> ended = http.postForm("/account/sessions/sign-out-others", "_csrf=" + Http.encode(Http.csrfToken(page)),
                "Cookie", here);
        assertThat(ended.headers().firstValue("Location").orElse("")).endsWith("/account/sessions?ended=1");
        assertThat(http.get("/account/sessions?ended=1&lang=en", "Cookie", here).body()).contains("You are signed out on 1 other device")
                .doesNotContain("Safari on iPhone");
        assertThat(http.get("/home", "Cookie", phone).statusCode()).as("the phone is signed out").isEqualTo(302);
        assertThat(http.get("/home", "Cookie", here).statusCode()).as("this device is not").isEqualTo(200);
        assertThat(http.get("/home", "Cookie", someoneElse).statusCode()).as("nor is anyone else").isEqualTo(200);
    }

    /** Signs in with the browser's User-Agent header as given; returns the session cookie. */
    String signInFrom(String username, String userAgent) {
        HttpResponse<String> form = http.get("/sign-in", "User-Agent", userAgent);
        HttpResponse<String> signedIn = http.postForm("/sign-in", "username=" + Http.encode(username) + "&password=" + Http.encode(Http.DEMO_PASSWORD)
                + "&_csrf=" + Http.encode(Http.csrfToken(form.body())), "Cookie", Http.FORM_COOKIE + "=" + Http.cookie(form, Http.FORM_COOKIE),
                "User-Agent", userAgent);
        assertThat(signedIn.headers().firstValue("Location").orElse("")).endsWith("/home");
        return "SESSION=" + Http.cookie(signedIn, "SESSION");
    }

    @Test
    void aSessionLifetimeOutsideFifteenMinutesToThirtyDaysIsRefusedSayingWhatToSet() {
        for (String bad : List.of("PT14M", "P31D")) {
            assertThatThrownBy(() -> new SessionLifetime(java.time.Duration.parse(bad))).hasMessageContaining("DPHUB_SESSION_MAX_AGE")
                    .hasMessageContaining("from 15m to 30d");
        }
        assertThatThrownBy(() -> new SessionLifetime(null)).hasMessageContaining("DPHUB_SESSION_MAX_AGE");
    }

    @Test
    void aSignedInPageReadsItsSessionFromTheDatabaseOnceAndWritesItOnlyWhenItChanged() {
        String session = http.signIn("citizen@demo-england", Http.DEMO_PASSWORD);
        // what SessionReadOnce passes on to the repository itself, which reads and writes the database
        Map<String, Integer> calls = new ConcurrentHashMap<>();
        MethodInterceptor counting = invocation -> {
            calls.merge(invocation.getMethod().getName(), 1, Integer::sum);
            return invocation.proceed();
        };
        Advised repository = (Advised) sessions;
        repository.addAdvice(counting);
        try {
            // the first page after signing in stores the session's new CSRF token: read once, saved once
            assertThat(http.get("/home", "Cookie", session, "Accept", "text/html").statusCode()).isEqualTo(200);
            assertThat(calls).as("the first page").containsEntry("findById", 1).containsEntry("save", 1);
            // then only the time moves on, within the minute: read once, not written at all
            for (String page : List.of("/my-money", "/home")) {
                calls.clear();
                assertThat(http.get(page, "Cookie", session, "Accept", "text/html").statusCode()).isEqualTo(200);
                assertThat(calls).as(page).containsEntry("findById", 1).doesNotContainKey("save");
            }
        } finally {
            repository.removeAdvice(counting);
        }
        assertThat(http.get("/home", "Cookie", session).statusCode()).as("still signed in").isEqualTo(200);
    }

    @Test
    void readingASessionTakesNoTransactionAndEverythingElseSpringSessionDoesTakesOneOfItsOwn() throws Throwable {
        // the repository Spring Session made runs its work through SessionTransactions
        Object repository = org.springframework.test.util.AopTestUtils.getUltimateTargetObject(sessions);
        assertThat(org.springframework.test.util.ReflectionTestUtils.getField(repository, "transactionOperations"))
                .isInstanceOf(SessionTransactions.class);

        SessionTransactions work = new SessionTransactions(transactions);
        org.springframework.transaction.support.TransactionCallback<Boolean> inATransaction =
                status -> org.springframework.transaction.support.TransactionSynchronizationManager.isActualTransactionActive();
        assertThat(work.execute(inATransaction)).as("saving, deleting, the clean-up").isTrue();
        assertThat(SessionTransactions.readingOne(() -> List.of(work.execute(inATransaction), work.execute(inATransaction))))
                .as("a read's query, then what follows it (deleting a session found expired)").isEqualTo(List.of(false, true));
        // within a caller's transaction a read still takes a new one of its own, not the caller's connection
        new org.springframework.transaction.support.TransactionTemplate(transactions).executeWithoutResult(outer ->
                assertThat(uncheckedReadingOne(() -> work.execute(status -> status.isNewTransaction()))).isEqualTo(true));

        // and sessions are read as before: within a request and outside one
        String cookie = http.signIn("citizen@demo-england", Http.DEMO_PASSWORD);
        assertThat(sessions.findById(sessionId(cookie))).isNotNull();
        SessionReadOnce.during(() -> assertThat(sessions.findById(sessionId(cookie))).isNotNull());
        assertThat(http.get("/home", "Cookie", cookie).statusCode()).isEqualTo(200);
    }

    private static Object uncheckedReadingOne(SessionTransactions.Read read) {
        try {
            return SessionTransactions.readingOne(read);
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void withinOneRequestASessionIsReadFromTheDatabaseOnceAndOutsideOneEveryTime() throws Exception {
        String id = sessionId(http.signIn("citizen@demo-england", Http.DEMO_PASSWORD));
        Session[] read = new Session[1];
        SessionReadOnce.during(() -> {
            read[0] = sessions.findById(id);
            assertThat(read[0]).isNotNull();
            // the row changes in the database (another request, another instance): within this request the
            // session already read is the answer, as Spring Session's filter holds it anyway
            moveLastAccessBack(id, 5_000);
            assertThat(sessions.findById(id)).as("read again within the request").isSameAs(read[0]);
        });
        Session outside = sessions.findById(id);
        assertThat(outside).as("outside a request, read from the database").isNotSameAs(read[0]);
        assertThat(outside.getLastAccessedTime()).isEqualTo(read[0].getLastAccessedTime().minusMillis(5_000));
        assertThat(sessions.findById(id)).as("and read again each time").isNotSameAs(outside);
    }

    @Test
    void aSignInIsDeserializedOnceForTheSameBytesAndEachReadHasAContextOfItsOwn() {
        String cookie = http.signIn("citizen@demo-england", Http.DEMO_PASSWORD);
        String id = sessionId(cookie);
        // two reads from the database (outside a request, each a read of its own: see the test above)
        Session first = sessions.findById(id);
        Session second = sessions.findById(id);
        assertThat(second).isNotSameAs(first);
        SecurityContext a = first.getAttribute("SPRING_SECURITY_CONTEXT");
        SecurityContext b = second.getAttribute("SPRING_SECURITY_CONTEXT");
        assertThat(a.getAuthentication().getName()).isEqualTo("citizen@demo-england");
        assertThat(b).isNotSameAs(a);
        assertThat(b.getAuthentication()).as("Spring Session's repository reads through SessionAttributeValues")
                .isSameAs(a.getAuthentication());
        // signing out of this session on one page does not sign anyone out of a page being drawn at that moment
        assertThat(http.get("/home", "Cookie", cookie).statusCode()).isEqualTo(200);
        a.setAuthentication(null);
        Session third = sessions.findById(id);
        SecurityContext c = third.getAttribute("SPRING_SECURITY_CONTEXT");
        assertThat(c.getAuthentication()).isSameAs(b.getAuthentication());
        assertThat(http.get("/home", "Cookie", cookie).statusCode()).isEqualTo(200);
    }

    @Test
    @SuppressWarnings({"unchecked", "rawtypes"}) // the repository's own session type is not public: as Spring Session's filter uses it
    void aSessionEndedOrGivenANewIdWithinARequestIsNotFoundByItsOldId() throws Exception {
        String signingIn = sessionId(http.signIn("citizen@demo-england", Http.DEMO_PASSWORD));
        SessionRepository repository = sessions;
        SessionReadOnce.during(() -> {
            // signing in: the same session under a new id, and the old id gone from the database
            Session session = repository.findById(signingIn);
            String newId = session.changeSessionId();
            repository.save(session);
            assertThat(sessions.findById(signingIn)).as("the old id").isNull();
            assertThat(sessions.findById(newId)).as("the new id").isSameAs(session);
            // signing out
            sessions.deleteById(newId);
            assertThat(sessions.findById(newId)).as("a session deleted").isNull();
        });
        assertThat(jdbc.sql("SELECT count(*) FROM spring_session WHERE session_id = :id").param("id", signingIn)
                .query(Long.class).single()).isZero();
    }

    void moveLastAccessBack(String id, long millis) {
        jdbc.sql("UPDATE spring_session SET last_access_time = last_access_time - :ms WHERE session_id = :id")
                .param("ms", millis).param("id", id).update();
    }

    long lastAccess(String cookie) {
        return jdbc.sql("SELECT last_access_time FROM spring_session WHERE session_id = :id").param("id", sessionId(cookie))
                .query(Long.class).single();
    }

    String sessionId(String cookie) {
        return new String(Base64.getDecoder().decode(cookie.substring("SESSION=".length())), StandardCharsets.UTF_8);
    }

    void forgetCsrfToken(String cookie) {
        jdbc.sql("""
                DELETE FROM spring_session_attributes a USING spring_session s
                WHERE a.session_primary_id = s.primary_id AND s.session_id = :id AND a.attribute_name = :name""")
                .param("id", sessionId(cookie)).param("name", CSRF_TOKEN).update();
    }

    long storedCsrfTokens(String cookie) {
        return jdbc.sql("""
                SELECT count(*) FROM spring_session_attributes a JOIN spring_session s ON a.session_primary_id = s.primary_id
                WHERE s.session_id = :id AND a.attribute_name = :name""")
                .param("id", sessionId(cookie)).param("name", CSRF_TOKEN).query(Long.class).single();
    }
}
