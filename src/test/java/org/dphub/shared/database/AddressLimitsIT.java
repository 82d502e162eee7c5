package org.dphub.shared.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpResponse;
import java.util.UUID;
import org.dphub.support.Http;
import org.dphub.support.IntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The hourly limits on what one client address may do without an account, as a robot at one address
 * meets them: PA sign-ups (API and page, in Welsh) and provider sign-ups each stop at their own
 * limit (20 an hour, the default) with words that say to try later, and make no account; one kind's
 * limit does not stop another; a sign-up that fails (an email already taken) counts too; another
 * address is not stopped; an hour on, the hourly job has forgotten them.
 */
@IntegrationTest
class AddressLimitsIT {

    static final String PASSWORD = "a long sign-up password for limits";
    static final String PA = "pa-sign-up";
    static final String PROVIDER = "provider-sign-up";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    AddressLimits limits;

    Http http;

    @BeforeEach
    void setUp() {
        http = new Http(port);
        forget();
    }

    @AfterEach
    void forget() {
        jdbc.sql("DELETE FROM address_limit_use WHERE kind IN ('pa-sign-up', 'provider-sign-up')").update();
    }

    HttpResponse<String> paSignUp(String email) {
        return http.postJson("/api/v1/pa-registrations", """
                {"email": "%s", "password": "%s", "displayName": "Robin L."}""".formatted(email, PASSWORD));
    }

    HttpResponse<String> providerSignUp(String email) {
        return http.postJson("/api/v1/provider-registrations", """
                {"email": "%s", "password": "%s", "displayName": "Sam Hill", "councilCode": "demo-england",
                 "organization": {"name": "Hill Gardening", "description": "Gardens kept tidy", "kind": "MICRO_ENTERPRISE",
                                  "email": "%s"}}""".formatted(email, PASSWORD, email));
    }

    static String email(String who) {
        return who + "-" + UUID.randomUUID() + "@example.org";
    }

    long uses(String kind) {
        return jdbc.sql("SELECT count(*) FROM address_limit_use WHERE kind = :k").param("k", kind).query(Long.class).single();
    }

    long accounts(String username) {
        return jdbc.sql("SELECT count(*) FROM app_user WHERE username = :u").param("u", username).query(Long.class).single();
    }

    /** Uses of {@code kind} from {@code address} half an hour ago, as a robot's earlier sign-ups. */
    void usedBefore(String kind, String address, int times) {
        jdbc.sql("""
                        INSERT INTO address_limit_use (kind, client_address, used_at)
                        SELECT :k, :a, now() - interval '30 minutes' FROM generate_series(1, :n)""")
                .param("k", kind).param("a", address).param("n", times).update();
    }

    @Test
    void oneAddressSigningUpManyPeopleIsStoppedAtEachLimitAndAnHourOnMayAgain() {
        // the first PA sign-up from this address, which the test's requests all come from
        assertThat(paSignUp(email("robin")).statusCode()).isEqualTo(201);
        String here = jdbc.sql("SELECT client_address FROM address_limit_use WHERE kind = 'pa-sign-up'").query(String.class).single();
        usedBefore(PA, here, 18);
        assertThat(paSignUp(email("robin")).statusCode()).as("the 20th within the hour").isEqualTo(201);

        String refused = email("robin");
        HttpResponse<String> tooMany = paSignUp(refused);
        assertThat(tooMany.statusCode()).isEqualTo(429);
        assertThat(tooMany.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).contains("application/problem+json"));
        assertThat(tooMany.body()).contains("Too many sign-ups from this address in the last hour. Try again later.");
        assertThat(accounts(refused)).as("no account made").isZero();
        assertThat(uses(PA)).as("the refused sign-up not counted").isEqualTo(20);

        // the page says so too, in Welsh, and keeps what was typed
        HttpResponse<String> form = http.get("/join-as-a-pa?lang=cy");
        HttpResponse<String> page = http.postForm("/join-as-a-pa?lang=cy", "email=" + Http.encode(refused) + "&displayName=Robin"
                        + "&password=" + Http.encode(PASSWORD) + "&_csrf=" + Http.encode(Http.csrfToken(form.body())),
                "Cookie", Http.FORM_COOKIE + "=" + Http.cookie(form, Http.FORM_COOKIE));
        assertThat(page.body()).contains("govuk-error-summary").contains("Mae gormod o bobl wedi cofrestru o")
                .contains("value=\"" + refused + "\"");
        assertThat(accounts(refused)).isZero();

        // a provider's sign-up has its own limit; one that fails (the email taken) counts towards it
        String provider = email("sam");
        assertThat(providerSignUp(provider).statusCode()).as("PA sign-ups do not stop a provider's").isEqualTo(201);
        usedBefore(PROVIDER, here, 18);
        assertThat(providerSignUp(provider).statusCode()).as("taken").isEqualTo(409);
        assertThat(uses(PROVIDER)).as("the one that failed counted").isEqualTo(20);
        String secondProvider = email("sam");
        HttpResponse<String> tooManyProviders = providerSignUp(secondProvider);
        assertThat(tooManyProviders.statusCode()).isEqualTo(429);
        assertThat(tooManyProviders.body()).contains("Too many sign-ups from this address in the last hour");
        assertThat(accounts(secondProvider)).isZero();

        // another address is not stopped by this one's
        assertThat(limits.tryTake(PROVIDER, "192.0.2.7", 20)).isTrue();

        // an hour on, the hourly job has forgotten them all, and this address may sign people up again
        jdbc.sql("UPDATE address_limit_use SET used_at = used_at - interval '61 minutes' WHERE kind IN ('pa-sign-up', 'provider-sign-up')")
                .update();
        assertThat(limits.forgetOld()).isGreaterThanOrEqualTo(41);
        assertThat(uses(PA) + uses(PROVIDER)).isZero();
        assertThat(paSignUp(refused).statusCode()).isEqualTo(201);
        assertThat(providerSignUp(secondProvider).statusCode()).isEqualTo(201);
    }

    @Test
    void aLimitBelowOneStopsTheStartNamingItsSetting() {
        assertThatThrownBy(() -> AddressLimits.perHour("DPHUB_MARKETPLACE_REGISTRATIONS_PER_HOUR", 0))
                .hasMessageContaining("DPHUB_MARKETPLACE_REGISTRATIONS_PER_HOUR is 0: set it to 1 or more");
        assertThat(AddressLimits.perHour("DPHUB_MARKETPLACE_REGISTRATIONS_PER_HOUR", 1)).isEqualTo(1);
    }
}
