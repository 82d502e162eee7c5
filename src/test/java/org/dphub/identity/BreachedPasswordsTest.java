package org.dphub.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.dphub.web.FormErrors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;

/**
 * The breached-password check against a Pwned Passwords range server started in the test (the real
 * protocol over HTTP): what the person is told, that only 5 characters of a hash leave the server,
 * and that a service that is down or wrong stops nobody.
 */
class BreachedPasswordsTest {

    static final String BREACHED = "kettle purple river";

    HttpServer server;
    final List<String> asked = new CopyOnWriteArrayList<>();
    final List<String> padding = new CopyOnWriteArrayList<>();
    final AtomicInteger status = new AtomicInteger(200);
    final AtomicReference<String> extra = new AtomicReference<>("");
    volatile long delayMillis;

    @BeforeEach
    void start() throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/range/", exchange -> {
            String prefix = exchange.getRequestURI().getPath().substring("/range/".length());
            asked.add(exchange.getRequestURI().toString());
            padding.add(String.valueOf(exchange.getRequestHeaders().getFirst("Add-Padding")));
            try {
                Thread.sleep(delayMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            String hash = sha1(BREACHED);
            StringBuilder body = new StringBuilder("0018A45C4D1DEF81644B54AB7F969B88D65:1\r\n");
            if (hash.startsWith(prefix)) {
                body.append(hash.substring(5)).append(":3861\r\n");
            }
            // padding: suffixes with a count of 0, which are no one's breached password
            body.append(sha1("kettle purple river, padded").substring(5)).append(":0\r\n").append(extra.get());
            byte[] bytes = body.toString().getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status.get(), bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/range/";
    }

    static String sha1(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(text.getBytes(StandardCharsets.UTF_8)))
                    .toUpperCase(Locale.ROOT);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    String refusal(BreachedPasswords breached, String password) {
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasename("messages");
        messages.setDefaultEncoding("UTF-8");
        FormErrors errors = new FormErrors(messages, Locale.ENGLISH);
        new PasswordRules(breached).check("newPassword", password, "someone@example.com", errors);
        return errors.isEmpty() ? null : errors.message("newPassword");
    }

    @Test
    void aPasswordInTheCorpusIsRefusedWithWhatToDoAndOnlyFiveCharactersOfItsHashAreSent() {
        BreachedPasswords breached = new BreachedPasswords(url());
        assertThat(refusal(breached, BREACHED)).isEqualTo("That password has been found in a data breach elsewhere, so people trying to "
                + "get into accounts will try it. Choose a different one. Three random words work well");
        assertThat(asked).containsExactly("/range/" + sha1(BREACHED).substring(0, 5));
        assertThat(padding).containsExactly("true");

        // another, not in the corpus; one with only a padding line's suffix (count 0) is not breached either
        assertThat(refusal(breached, "harp mountain slate 9")).isNull();
        assertThat(breached.breached("kettle purple river, padded")).isFalse();
        assertThat(asked).hasSize(3).allSatisfy(path -> assertThat(path).matches("/range/[0-9A-F]{5}"));
    }

    @Test
    void aPasswordTooShortOrEasyToGuessIsRefusedWithoutAskingTheService() {
        BreachedPasswords breached = new BreachedPasswords(url());
        assertThat(refusal(breached, "short")).isNotNull();
        assertThat(refusal(breached, "Password2026")).isNotNull();
        assertThat(asked).isEmpty();
    }

    @Test
    void aServiceThatIsDownSlowOrWrongStopsNobodyFromChoosingAPassword() {
        BreachedPasswords breached = new BreachedPasswords(url());
        status.set(503);
        assertThat(refusal(breached, BREACHED)).isNull();

        status.set(200);
        extra.set("not a line of the range API\r\n:::\r\n");
        assertThat(refusal(breached, BREACHED)).as("the line that matches still counts").isNotNull();

        delayMillis = BreachedPasswords.TIME.toMillis() + 1_000;
        long started = System.nanoTime();
        assertThat(refusal(breached, BREACHED)).isNull();
        assertThat((System.nanoTime() - started) / 1_000_000).as("given up after its time").isLessThan(BreachedPasswords.TIME.toMillis() + 900);

        server.stop(0);
        assertThat(refusal(new BreachedPasswords(url()), BREACHED)).as("nothing listening").isNull();
    }

    @Test
    void offAsksNothing() {
        assertThat(BreachedPasswords.off().on()).isFalse();
        assertThat(refusal(BreachedPasswords.off(), BREACHED)).isNull();
        assertThat(asked).isEmpty();
    }

    @Test
    void anAddressThatIsNotTheRangeApisStopsTheStartAndSaysWhatToSet() {
        IdentityConfiguration configuration = new IdentityConfiguration();
        assertThat(configuration.breachedPasswords("").on()).isFalse();
        assertThat(configuration.breachedPasswords("https://api.pwnedpasswords.com/range/").on()).isTrue();
        for (String wrong : List.of("api.pwnedpasswords.com/range/", "https://api.pwnedpasswords.com/range", "ftp://example.com/range/",
                "https://example.com/range/?x=")) {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> configuration.breachedPasswords(wrong))
                    .hasMessageContaining("DPHUB_BREACHED_PASSWORDS_URL").hasMessageContaining("https://api.pwnedpasswords.com/range/");
        }
    }
}
