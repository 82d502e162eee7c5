package org.dphub.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.cookie;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

import java.util.Set;
import java.util.UUID;
import org.dphub.shared.Role;
import org.dphub.support.Http;
import org.dphub.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;

@IntegrationTest
class SignInIT {

    @Autowired
    MockMvc mvc;
    @Autowired
    UserAccounts accounts;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PasswordEncoder encoder;
    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext context;

    String newUser() {
        String username = "throttle-" + UUID.randomUUID() + "@example.org";
        accounts.create(new NewUserAccount(username, "right-password-1", "Test Person", null, Set.of(Role.PERSONAL_ASSISTANT), "en"));
        return username;
    }

    @Test
    void signingInLandsOnTheHomePage() throws Exception {
        mvc.perform(formLogin("/sign-in").user("username", "practitioner@demo-england").password("password", Http.DEMO_PASSWORD))
                .andExpect(redirectedUrl("/home"));
    }

    @Test
    void usernamesAreNotCaseSensitive() throws Exception {
        mvc.perform(formLogin("/sign-in").user("username", " Practitioner@Demo-England ").password("password", Http.DEMO_PASSWORD))
                .andExpect(redirectedUrl("/home"));
    }

    @Test
    void aWrongPasswordSendsThePersonBackWithAMessage() throws Exception {
        mvc.perform(formLogin("/sign-in").user("username", newUser()).password("password", "wrong"))
                .andExpect(redirectedUrl("/sign-in?error"));
        String page = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get("/sign-in").param("error", ""))
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("Enter a correct username and password").contains("href=\"#username\"");
    }

    @Test
    void fiveFailuresLockTheAccountEvenWithTheRightPasswordForPagesAndApi() throws Exception {
        String username = newUser();
        for (int i = 0; i < 4; i++) {
            mvc.perform(formLogin("/sign-in").user("username", username).password("password", "wrong-" + i))
                    .andExpect(redirectedUrl("/sign-in?error"));
        }
        mvc.perform(formLogin("/sign-in").user("username", username).password("password", "wrong-again"))
                .andExpect(redirectedUrl("/sign-in?locked"));
        mvc.perform(formLogin("/sign-in").user("username", username).password("password", "right-password-1"))
                .andExpect(redirectedUrl("/sign-in?locked"));
        assertThat(new Http(port).getAs(username, "right-password-1", "/api/v1/me").statusCode()).isEqualTo(401);

        // the lock lives in PostgreSQL, so every app instance sees it
        assertThat(jdbc.sql("SELECT locked_until > now() FROM sign_in_throttle WHERE username = :u")
                .param("u", username).query(Boolean.class).single()).isTrue();

        // once the lock has passed, the right password works again and clears the count
        jdbc.sql("UPDATE sign_in_throttle SET locked_until = now() - interval '1 second', first_failure_at = now() - interval '1 hour' WHERE username = :u")
                .param("u", username).update();
        mvc.perform(formLogin("/sign-in").user("username", username).password("password", "right-password-1"))
                .andExpect(redirectedUrl("/home"));
        assertThat(jdbc.sql("SELECT count(*) FROM sign_in_throttle WHERE username = :u").param("u", username)
                .query(Long.class).single()).isZero();
    }

    @Autowired
    SignInThrottle throttle;

    /** The sign-in form sent from a client address of the test's choosing. */
    org.springframework.test.web.servlet.ResultActions signInFrom(String address, String username, String password) throws Exception {
        return mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/sign-in")
                .param("username", username).param("password", password)
                .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf())
                .with(request -> {
                    request.setRemoteAddr(address);
                    return request;
                }));
    }

    long failuresFrom(String address) {
        return jdbc.sql("SELECT coalesce(sum(failures), 0) FROM sign_in_address_throttle WHERE client_address = :a")
                .param("a", address).query(Long.class).single();
    }

    @Test
    void manyFailuresFromOneAddressWhateverTheUsernamesStopThatAddressEvenWithTheRightPasswordForPagesAndApi() throws Exception {
        String robot = "198.51.100.7";
        int max = throttle.maxFailuresPerAddress();
        try {
            // one password tried on many accounts from one address: each failure counts for the address
            String first = newUser();
            String second = newUser();
            signInFrom(robot, first, "Summer2024!").andExpect(redirectedUrl("/sign-in?error"));
            signInFrom(robot, second, "Summer2024!").andExpect(redirectedUrl("/sign-in?error"));
            assertThat(failuresFrom(robot)).isEqualTo(2);
            // a right password from there does not clear the count (a robot would, with one account it knows)
            String someone = newUser();
            signInFrom(robot, someone, "right-password-1").andExpect(redirectedUrl("/home"));
            assertThat(failuresFrom(robot)).isEqualTo(2);

            // one short of the limit; the failure that reaches it says so
            jdbc.sql("UPDATE sign_in_address_throttle SET failures = :n WHERE client_address = :a").param("n", max - 1).param("a", robot).update();
            signInFrom(robot, newUser(), "Summer2024!").andExpect(redirectedUrl("/sign-in?too-many-from-here"));
            // then nothing is tried from there, not even a right password, and no account's count moves
            signInFrom(robot, someone, "right-password-1").andExpect(redirectedUrl("/sign-in?too-many-from-here"));
            signInFrom(robot, first, "wrong").andExpect(redirectedUrl("/sign-in?too-many-from-here"));
            assertThat(jdbc.sql("SELECT failures FROM sign_in_throttle WHERE username = :u").param("u", first).query(Integer.class).single())
                    .as("the refused attempt checked no password").isEqualTo(1);
            // the same person from another address signs in
            signInFrom("203.0.113.20", someone, "right-password-1").andExpect(redirectedUrl("/home"));

            // the page says what happened and what to do, in both languages
            String page = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get("/sign-in").param("too-many-from-here", ""))
                    .andReturn().getResponse().getContentAsString();
            assertThat(page).contains("govuk-error-summary").contains("Too many sign-ins have failed from this connection. Wait 15 minutes");
            String welsh = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get("/sign-in").param("too-many-from-here", "")
                            .cookie(new jakarta.servlet.http.Cookie("dphub-language", "cy")))
                    .andReturn().getResponse().getContentAsString();
            assertThat(welsh).contains("Mae gormod o ymdrechion i fewngofnodi wedi methu").contains("Arhoswch 15 munud");

            // the API refuses the same way (this test's own HTTP client, blocked as the robot was)
            for (String here : java.util.List.of("127.0.0.1", "0:0:0:0:0:0:0:1")) {
                jdbc.sql("""
                                INSERT INTO sign_in_address_throttle (client_address, failures, first_failure_at, blocked_until)
                                VALUES (:a, :n, now(), now() + interval '15 minutes')
                                ON CONFLICT (client_address) DO UPDATE SET failures = :n, first_failure_at = now(), blocked_until = now() + interval '15 minutes'""")
                        .param("a", here).param("n", max).update();
            }
            java.net.http.HttpResponse<String> api = new Http(port).getAs(someone, "right-password-1", "/api/v1/me");
            assertThat(api.statusCode()).isEqualTo(401);
            assertThat(api.body()).contains("Too many sign-ins have failed from this address. Wait 15 minutes");

            // once the period has passed, the address may sign in again, and the hourly job forgets it
            jdbc.sql("UPDATE sign_in_address_throttle SET blocked_until = now() - interval '1 second', first_failure_at = now() - interval '1 hour'")
                    .update();
            signInFrom(robot, someone, "right-password-1").andExpect(redirectedUrl("/home"));
            throttle.forgetOldFailures();
            assertThat(failuresFrom(robot)).isZero();
        } finally {
            jdbc.sql("DELETE FROM sign_in_address_throttle WHERE client_address IN ('198.51.100.7', '127.0.0.1', '0:0:0:0:0:0:0:1')").update();
        }
    }

    @Test
    void passwordsAreStoredAsBcryptHashes() {
        String hash = jdbc.sql("SELECT password_hash FROM app_user WHERE username = 'admin@demo-england'").query(String.class).single();
        assertThat(hash).startsWith("{bcrypt}$2").doesNotContain(Http.DEMO_PASSWORD);
        assertThat(encoder.matches(Http.DEMO_PASSWORD, hash)).isTrue();
    }

    /**
     * The app answers before its start-up work is done (the demo data loads for about ten seconds
     * after the first ./mvnw spring-boot:run), so the demo accounts may not exist yet: the sign-in
     * page says so until Spring Boot says the app is ready.
     */
    @Test
    void whileTheAppIsStillStartingTheSignInPageSaysSo() {
        Http http = new Http(port);
        String starting = "We are still starting up. If you cannot sign in yet, wait a minute and try again.";
        assertThat(http.get("/sign-in").body()).doesNotContain(starting);
        AvailabilityChangeEvent.publish(context, ReadinessState.REFUSING_TRAFFIC);
        try {
            assertThat(http.get("/sign-in").body()).contains(starting);
            assertThat(http.get("/sign-in?error").body()).contains(starting).contains("Enter a correct username and password");
            assertThat(http.get("/sign-in?lang=cy").body()).contains("Rydym yn dal i gychwyn").doesNotContain(starting);
        } finally {
            AvailabilityChangeEvent.publish(context, ReadinessState.ACCEPTING_TRAFFIC);
        }
        assertThat(http.get("/sign-in").body()).doesNotContain(starting);
    }

    @Test
    void aWelshSpeakerSeesWelshAfterSigningIn() throws Exception {
        mvc.perform(formLogin("/sign-in").user("username", "citizen@demo-wales").password("password", Http.DEMO_PASSWORD))
                .andExpect(redirectedUrl("/home"))
                .andExpect(cookie().value("dphub-language", "cy"));
        mvc.perform(formLogin("/sign-in").user("username", "citizen@demo-england").password("password", Http.DEMO_PASSWORD))
                .andExpect(cookie().doesNotExist("dphub-language"));
    }

    @Test
    void staffCannotBeCreatedWithoutACouncil() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() ->
                        new NewUserAccount("x@example.org", "p", "X", null, Set.of(Role.FINANCE), "en"))
                .hasMessageContaining("council");
    }
}
