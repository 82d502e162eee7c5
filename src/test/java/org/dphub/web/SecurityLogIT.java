package org.dphub.web;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import java.net.http.HttpResponse;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.dphub.identity.NewUserAccount;
import org.dphub.identity.UserAccounts;
import org.dphub.shared.Role;
import org.dphub.support.Http;
import org.dphub.support.IntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The security log (issue 17, ASVS 7.1–7.3), as a council's log collection would read it off the
 * {@code dphub.security} logger: sign-ins, refused sign-ins (a wrong password, the failure that locks a
 * username and those refused while it is locked, an unknown API key), and requests refused with 401
 * or 403, each with who and from where — and never a password, nor a name typed that is no account's
 * (often a password typed in the wrong box), nor a line break someone typed.
 */
@IntegrationTest
class SecurityLogIT {

    @LocalServerPort
    int port;
    @Autowired
    UserAccounts accounts;

    /** This machine's address, as the test's client reaches the server (IPv4 or IPv6). */
    static final String LOOPBACK = "(127\\.0\\.0\\.1|0:0:0:0:0:0:0:1)";

    Http http;
    Lines lines;
    Logger logger;

    @BeforeEach
    void listen() {
        http = new Http(port);
        logger = (Logger) LoggerFactory.getLogger(SecurityLog.LOGGER);
        lines = new Lines();
        lines.start();
        logger.addAppender(lines);
    }

    @AfterEach
    void stop() {
        logger.detachAppender(lines);
    }

    /** The lines logged, kept safely for reading while the server's threads add to them. */
    static final class Lines extends AppenderBase<ILoggingEvent> {
        final List<ILoggingEvent> list = new CopyOnWriteArrayList<>();

        @Override
        protected void append(ILoggingEvent event) {
            list.add(event);
        }
    }

    /** A sign-in form posted with these values, in a browser that first opened the sign-in page. */
    HttpResponse<String> signInForm(String username, String password) {
        HttpResponse<String> form = http.get("/sign-in");
        return http.postForm("/sign-in", "username=" + Http.encode(username) + "&password=" + Http.encode(password)
                + "&_csrf=" + Http.encode(Http.csrfToken(form.body())), "Cookie", Http.FORM_COOKIE + "=" + Http.cookie(form, Http.FORM_COOKIE));
    }

    /**
     * The lines containing the text, waiting up to 5 seconds for one: a refusal's line is written once the
     * answer has gone, so the test may read the answer first.
     */
    List<String> linesAbout(String text) {
        long until = System.currentTimeMillis() + 5_000;
        while (matching(text).isEmpty() && System.currentTimeMillis() < until) {
            java.util.concurrent.locks.LockSupport.parkNanos(20_000_000);
        }
        return matching(text);
    }

    List<String> matching(String text) {
        return lines.list.stream().filter(e -> e.getFormattedMessage().contains(text))
                .map(e -> e.getLevel() + " " + e.getFormattedMessage()).toList();
    }

    @Test
    void signInsAndRefusedSignInsAreLoggedWithoutPasswords() {
        String username = "log-" + UUID.randomUUID() + "@example.com";
        accounts.create(new NewUserAccount(username, Http.DEMO_PASSWORD, "Log Test", null, EnumSet.of(Role.PERSONAL_ASSISTANT), "en"));

        http.signIn(username, Http.DEMO_PASSWORD);
        assertThat(linesAbout(username)).singleElement().asString()
                .matches("INFO event=sign-in by=password user=" + java.util.regex.Pattern.quote(username) + " address=" + LOOPBACK);

        // wrong passwords until the username locks, then one more while it is locked
        String wrong = "Wrong-" + UUID.randomUUID();
        for (int i = 0; i < 5; i++) {
            assertThat(signInForm(username, wrong).headers().firstValue("Location").orElse("")).doesNotEndWith("/home");
        }
        assertThat(signInForm(username, Http.DEMO_PASSWORD).headers().firstValue("Location").orElse("")).endsWith("/sign-in?locked");
        List<String> refused = linesAbout("event=sign-in-refused by=password").stream().filter(l -> l.contains(username)).toList();
        assertThat(refused).hasSize(6).allMatch(l -> l.startsWith("WARN "))
                .allMatch(l -> l.matches(".* user=" + java.util.regex.Pattern.quote(username) + " address=" + LOOPBACK));
        assertThat(refused.get(0)).contains("reason=wrong-password");
        assertThat(refused.stream().filter(l -> l.contains("reason=locked-now")).count()).as("the failure that locks it").isEqualTo(1);
        assertThat(refused.get(5)).contains("reason=locked ");

        // a name that is no account's is not written: it may be a password typed in the wrong box
        String typedPassword = "MySecret-" + UUID.randomUUID();
        signInForm(typedPassword, "whatever");
        assertThat(linesAbout("reason=wrong-password user=? ")).isNotEmpty();
        // nor a line break, an equals sign or a quote typed into a name (they would forge a line)
        assertThat(SecurityLog.clean("a\nevent=sign-in user=\"admin\"")).isEqualTo("a_event_sign-in_user__admin_");
        assertThat(lines.list).noneMatch(e -> e.getFormattedMessage().contains(wrong) || e.getFormattedMessage().contains(typedPassword)
                || e.getFormattedMessage().contains(Http.DEMO_PASSWORD));
    }

    @Test
    void refusalsAreLoggedWithWhoAndWhat() {
        // the API: no credentials (401), an unknown key (refused sign-in and 401)
        assertThat(http.get("/api/v1/me").statusCode()).isEqualTo(401);
        assertThat(linesAbout("event=refused status=401 user=- method=GET path=/api/v1/me")).isNotEmpty();
        lines.list.clear();
        assertThat(http.get("/api/v1/me", "Authorization", Http.bearer("dphub_" + "x".repeat(43))).statusCode()).isEqualTo(401);
        assertThat(linesAbout("event=sign-in-refused by=api-key reason=unknown-api-key user=-")).singleElement().asString().startsWith("WARN ");
        assertThat(lines.list).noneMatch(e -> e.getFormattedMessage().contains("xxxxxxxx"));

        // someone signed in opening what is not theirs: a warning naming them
        String citizen = http.signIn("citizen@demo-england", Http.DEMO_PASSWORD);
        assertThat(http.get("/caseload", "Cookie", citizen).statusCode()).isEqualTo(403);
        assertThat(linesAbout("event=refused status=403 user=citizen@demo-england method=GET path=/caseload"))
                .singleElement().asString().startsWith("WARN ");
        assertThat(http.getAs("citizen@demo-england", Http.DEMO_PASSWORD, "/api/v1/caseload").statusCode()).isIn(403, 404);
        // the metrics, without the scraper's token
        assertThat(http.get("/actuator/prometheus").statusCode()).isEqualTo(401);
        assertThat(linesAbout("event=refused status=401 user=- method=GET path=/actuator/prometheus")).isNotEmpty();
        // a path someone made up is cleaned like a name
        http.get("/api/v1/me%0d%0aevent=forged");
        assertThat(lines.list).noneMatch(e -> e.getFormattedMessage().contains("\n") || e.getFormattedMessage().contains("\r"));
    }
}
