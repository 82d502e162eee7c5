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
import org.springframework.boot.test.web.server.LocalServerPort;
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

    @Test
    void passwordsAreStoredAsBcryptHashes() {
        String hash = jdbc.sql("SELECT password_hash FROM app_user WHERE username = 'admin@demo-england'").query(String.class).single();
        assertThat(hash).startsWith("{bcrypt}$2").doesNotContain(Http.DEMO_PASSWORD);
        assertThat(encoder.matches(Http.DEMO_PASSWORD, hash)).isTrue();
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
