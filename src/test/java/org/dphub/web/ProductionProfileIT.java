package org.dphub.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ConnectException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.dphub.Application;
import org.dphub.support.Http;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The production profile ({@code SPRING_PROFILES_ACTIVE=prod}) behind a TLS proxy: an outside
 * probe found cookies without {@code Secure} and no HSTS, because forwarded headers were ignored.
 *
 * <p>The profile can only be tested by starting the app with it, so this test starts the real
 * application in this JVM, as {@code RestartIT} does: on a new embedded PostgreSQL, without demo
 * data (the profile's default), with a management port and a metrics token. It costs one more
 * start-up (about 20 seconds, mostly the migrations); the shared context of the other ITs stays
 * as it is.
 */
class ProductionProfileIT {

    static final String METRICS_TOKEN = "prod-profile-it-metrics-token-0123456789abcdef";

    static ConfigurableApplicationContext app;
    static int port;
    static int managementPort;
    static final HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeAll
    static void startWithTheProductionProfile() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            managementPort = socket.getLocalPort();
        }
        app = new SpringApplicationBuilder(Application.class).profiles("prod").run(
                "--server.port=0", "--dphub.database.embedded.data-dir=", "--dphub.payment-runs.nightly=-",
                "--management.server.port=" + managementPort, "--dphub.metrics.token=" + METRICS_TOKEN,
                // the prod profile starts only with a key for one-time code secrets
                "--dphub.one-time-codes.key=prod-profile-it-one-time-code-key-0123456789");
        port = ((WebServerApplicationContext) app).getWebServer().getPort();
    }

    @AfterAll
    static void stop() {
        if (app != null) {
            app.close();
        }
    }

    static HttpResponse<String> get(String host, int port, String path, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://" + host + ":" + port + path)).GET()
                .timeout(Duration.ofSeconds(30));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    static Optional<String> cookie(HttpResponse<?> response, String name) {
        return response.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith(name + "=")).findFirst();
    }

    /** An address of this machine that is not loopback, to call from somewhere that is not the trusted proxy. */
    static Optional<String> anotherAddressOfThisMachine() throws IOException {
        for (NetworkInterface network : List.copyOf(java.util.Collections.list(NetworkInterface.getNetworkInterfaces()))) {
            if (!network.isUp() || network.isLoopback()) {
                continue;
            }
            for (InetAddress address : java.util.Collections.list(network.getInetAddresses())) {
                if (address instanceof Inet4Address && !address.isLoopbackAddress()) {
                    return Optional.of(address.getHostAddress());
                }
            }
        }
        return Optional.empty();
    }

    @Test
    void behindTheProxyOverHttpsEveryAnswerHasHstsAndTheCookiesAreSecureHttpOnlyAndLax() throws Exception {
        HttpResponse<String> signIn = get("127.0.0.1", port, "/sign-in", "X-Forwarded-Proto", "https", "X-Forwarded-For", "203.0.113.7");
        assertThat(signIn.statusCode()).isEqualTo(200);
        assertThat(signIn.headers().firstValue("Strict-Transport-Security")).as("HSTS for the original HTTPS request")
                .hasValueSatisfying(hsts -> assertThat(hsts).contains("max-age=31536000").contains("includeSubDomains"));
        assertThat(cookie(signIn, "SESSION")).as("no session before signing in").isEmpty();
        String formCookie = cookie(signIn, "__Host-dphub-form").orElseThrow();
        assertThat(formCookie).as("the form's token: Secure, this host's alone (__Host-), HttpOnly and Lax")
                .contains("; Secure").contains("; HttpOnly").contains("SameSite=Lax").contains("; Path=/").doesNotContain("Domain=");

        // a personal assistant signs in: their session's cookie is Secure, HttpOnly and Lax
        app.getBean(org.dphub.identity.UserAccounts.class).create(new org.dphub.identity.NewUserAccount("prod-profile-pa@example.org",
                "prod-profile-pa-password", "Pat Assistant", null, java.util.Set.of(org.dphub.shared.Role.PERSONAL_ASSISTANT), "en"));
        HttpResponse<String> signedIn = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/sign-in"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("X-Forwarded-Proto", "https")
                .header("Cookie", formCookie.substring(0, formCookie.indexOf(';')))
                .POST(HttpRequest.BodyPublishers.ofString("username=prod-profile-pa%40example.org&password=prod-profile-pa-password&_csrf="
                        + Http.encode(Http.csrfToken(signIn.body()))))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(signedIn.statusCode()).isEqualTo(302);
        assertThat(cookie(signedIn, "SESSION")).hasValueSatisfying(session -> assertThat(session)
                .contains("; Secure").contains("; HttpOnly").contains("SameSite=Lax"));

        HttpResponse<String> welsh = get("127.0.0.1", port, "/?lang=cy", "X-Forwarded-Proto", "https");
        assertThat(cookie(welsh, "dphub-language")).as("the language cookie too")
                .hasValueSatisfying(language -> assertThat(language).contains("; Secure").contains("; HttpOnly"));

        HttpResponse<String> api = get("127.0.0.1", port, "/api/v1/me", "X-Forwarded-Proto", "https", "Accept", "application/json");
        assertThat(api.statusCode()).isEqualTo(401);
        assertThat(api.headers().firstValue("Strict-Transport-Security")).as("the API's answers too").isPresent();

        HttpResponse<String> home = get("127.0.0.1", port, "/home", "X-Forwarded-Proto", "https", "X-Forwarded-Host", "dphub.example.gov.uk");
        assertThat(home.statusCode()).isEqualTo(302);
        assertThat(home.headers().firstValue("Location")).as("redirects stay on HTTPS")
                .hasValueSatisfying(location -> assertThat(location).startsWith("https://").endsWith("/sign-in"));
    }

    @Test
    void plainHttpGetsNoHstsButTheCookiesAreStillSecure() throws Exception {
        HttpResponse<String> signIn = get("127.0.0.1", port, "/sign-in", "X-Forwarded-Proto", "http");
        assertThat(signIn.headers().firstValue("Strict-Transport-Security")).as("HSTS only over HTTPS (RFC 6797)").isEmpty();
        assertThat(cookie(signIn, "__Host-dphub-form")).hasValueSatisfying(form -> assertThat(form).contains("; Secure"));
    }

    @Test
    void forwardedHeadersFromAnAddressThatIsNotTheProxyAreNotBelieved() throws Exception {
        Optional<String> elsewhere = anotherAddressOfThisMachine();
        org.junit.jupiter.api.Assumptions.assumeTrue(elsewhere.isPresent(), "this machine has only a loopback address");
        HttpResponse<String> signIn = get(elsewhere.get(), port, "/sign-in", "X-Forwarded-Proto", "https");
        assertThat(signIn.statusCode()).isEqualTo(200);
        assertThat(signIn.headers().firstValue("Strict-Transport-Security")).as("not the trusted proxy: still plain HTTP").isEmpty();
    }

    @Test
    void metricsAreOnTheManagementPortOnThisMachineOnlyAndNeedTheToken() throws Exception {
        assertThat(get("127.0.0.1", managementPort, "/actuator/health").statusCode()).isEqualTo(200);
        HttpResponse<String> scraped = get("127.0.0.1", managementPort, "/actuator/prometheus", "Authorization", "Bearer " + METRICS_TOKEN);
        assertThat(scraped.statusCode()).isEqualTo(200);
        assertThat(scraped.body()).contains("jvm_memory_used_bytes");
        HttpResponse<String> nobody = get("127.0.0.1", managementPort, "/actuator/prometheus");
        assertThat(nobody.statusCode()).isEqualTo(401);
        assertThat(nobody.body()).doesNotContain("jvm_");
        HttpResponse<String> wrongToken = get("127.0.0.1", managementPort, "/actuator/prometheus", "Authorization",
                "Bearer " + METRICS_TOKEN.replace('0', '1'));
        assertThat(wrongToken.statusCode()).isEqualTo(401);
        assertThat(wrongToken.body()).doesNotContain("jvm_");

        HttpResponse<String> mainPort = get("127.0.0.1", port, "/actuator/prometheus", "Authorization", "Bearer " + METRICS_TOKEN);
        assertThat(mainPort.statusCode()).as("nothing of actuator on the public port").isEqualTo(404);
        assertThat(mainPort.body()).doesNotContain("jvm_");

        Optional<String> elsewhere = anotherAddressOfThisMachine();
        if (elsewhere.isPresent()) {
            assertThatThrownBy(() -> get(elsewhere.get(), managementPort, "/actuator/health"))
                    .as("bound to 127.0.0.1 only").isInstanceOf(ConnectException.class);
        }
    }
}
