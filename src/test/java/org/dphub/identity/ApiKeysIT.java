package org.dphub.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.dphub.shared.Role;
import org.dphub.support.Http;
import org.dphub.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * API keys over real HTTP (issue 17): a key lets a program in as its owner with the owner's roles
 * and council, and nothing more; revoked, expired, unknown keys and keys of a switched-off account
 * are 401; the key is stored only as its SHA-256; making and revoking are audited by name.
 */
@IntegrationTest
class ApiKeysIT {

    static final String PASSWORD = "right-password-1";

    @LocalServerPort
    int port;
    @Autowired
    UserAccounts accounts;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ApiKeys keys;
    @Autowired
    org.springframework.context.MessageSource messages;

    Http http;
    final JsonMapper json = JsonMapper.builder().build();

    @BeforeEach
    void client() {
        http = new Http(port);
    }

    /** A practitioner of a demo council of their own, so no test meets another's keys or the limit. */
    String practitioner(String council) {
        String username = "keys-" + UUID.randomUUID() + "@example.org";
        long councilId = jdbc.sql("SELECT id FROM council WHERE code = :c").param("c", council).query(Long.class).single();
        accounts.create(new NewUserAccount(username, PASSWORD, "Key Tester", councilId, Set.of(Role.PRACTITIONER), "en"));
        return username;
    }

    HttpResponse<String> makeKey(String username, String body) {
        return http.postJsonAs(username, PASSWORD, "/api/v1/api-keys", body);
    }

    /** A key made through the public face (the API's own making is tested on its own): no password hash to wait for. */
    String key(String username, String name) {
        var errors = new org.dphub.web.FormErrors(messages, java.util.Locale.ENGLISH);
        return keys.create(accounts.findByUsername(username).orElseThrow(), name, null, errors)
                .orElseThrow(() -> new AssertionError(errors.list())).secret();
    }

    HttpResponse<String> withKey(String key, String path) {
        return http.get(path, "Authorization", Http.bearer(key), "Accept", "application/json");
    }

    long citizenOf(String council) {
        return jdbc.sql("""
                        SELECT c.id FROM citizen c JOIN council k ON k.id = c.council_id
                        WHERE k.code = :code ORDER BY c.id LIMIT 1""")
                .param("code", council).query(Long.class).single();
    }

    void assertUnauthorised(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(401);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
    }

    @Test
    void aKeyActsAsItsOwnerWithTheirRolesAndCouncil() {
        String username = practitioner("demo-england");
        HttpResponse<String> made = makeKey(username, "{\"name\": \"Case system\", \"expiresOn\": \"2099-01-31\"}");
        assertThat(made.statusCode()).as(made.body()).isEqualTo(201);
        JsonNode created = json.readTree(made.body());
        String key = created.get("key").asString();
        assertThat(key).startsWith("dphub_").hasSize("dphub_".length() + 43).matches("dphub_[A-Za-z0-9_-]+");
        assertThat(made.headers().firstValue("Location")).hasValue("/api/v1/api-keys/" + created.get("id").asLong());
        assertThat(made.headers().firstValue("Cache-Control")).hasValueSatisfying(c -> assertThat(c).contains("no-store"));

        HttpResponse<String> me = withKey(key, "/api/v1/me");
        assertThat(me.statusCode()).as(me.body()).isEqualTo(200);
        JsonNode who = json.readTree(me.body());
        assertThat(who.get("username").asString()).isEqualTo(username);
        assertThat(who.get("roles").get(0).asString()).isEqualTo("PRACTITIONER");
        assertThat(who.get("councilCode").asString()).isEqualTo("demo-england");
        assertThat(me.headers().firstValue("Set-Cookie")).as("the API keeps no session").isEmpty();

        // a real endpoint: a person of their own council, as their password would give
        long own = citizenOf("demo-england");
        assertThat(withKey(key, "/api/v1/citizens/" + own + "/plans").statusCode()).isEqualTo(200);
        // and their role's limits: a practitioner is not finance
        assertThat(withKey(key, "/api/v1/council-bank-accounts").statusCode()).isIn(403, 404);
    }

    @Test
    void aStaffKeyOfOneCouncilFindsNothingOfAnother() {
        String username = practitioner("demo-england");
        String key = key(username, "Case system");
        long welsh = citizenOf("demo-wales");
        HttpResponse<String> withTheKey = withKey(key, "/api/v1/citizens/" + welsh + "/plans");
        assertThat(withTheKey.statusCode()).isEqualTo(404);
        // exactly what the same person's password gets
        assertThat(http.getAs(username, PASSWORD, "/api/v1/citizens/" + welsh + "/plans").statusCode()).isEqualTo(404);
        assertThat(withKey(key, "/api/v1/citizens/" + citizenOf("demo-england") + "/plans").statusCode()).isEqualTo(200);
    }

    @Test
    void aRevokedKeyStopsWorkingAtOnce() {
        String username = practitioner("demo-england");
        String key = key(username, "Old laptop");
        String other = key(username, "New laptop");
        long id = keyId(username, "Old laptop");
        assertThat(withKey(key, "/api/v1/me").statusCode()).isEqualTo(200);

        HttpResponse<String> revoked = http.delete("/api/v1/api-keys/" + id, "Authorization", Http.basic(username, PASSWORD));
        assertThat(revoked.statusCode()).isEqualTo(204);
        assertUnauthorised(withKey(key, "/api/v1/me"));
        assertThat(withKey(other, "/api/v1/me").statusCode()).as("the user's other keys still work").isEqualTo(200);
        // revoking again changes nothing
        assertThat(http.delete("/api/v1/api-keys/" + id, "Authorization", Http.basic(username, PASSWORD)).statusCode()).isEqualTo(204);
        JsonNode listed = json.readTree(http.getAs(username, PASSWORD, "/api/v1/api-keys").body());
        assertThat(listed.findValuesAsString("status")).containsExactlyInAnyOrder("LIVE", "REVOKED");
    }

    @Test
    void anExpiredKeyIsRefused() throws Exception {
        String username = practitioner("demo-england");
        long userId = accounts.findByUsername(username).orElseThrow().userId();
        String key = "dphub_" + UUID.randomUUID().toString().replace("-", "") + "expired-key-for-a-test";
        jdbc.sql("""
                        INSERT INTO api_key (user_id, name, key_sha256, created_at, expires_at)
                        VALUES (:user, 'Expired', :hash, now() - interval '31 days', now() - interval '1 day')""")
                .param("user", userId).param("hash", sha256(key)).update();
        assertUnauthorised(withKey(key, "/api/v1/me"));

        // an expiry that is already past is refused when the key is made, and nothing is made
        HttpResponse<String> past = makeKey(username, "{\"name\": \"Yesterday\", \"expiresOn\": \"2020-01-01\"}");
        assertThat(past.statusCode()).isEqualTo(422);
        assertThat(json.readTree(past.body()).get("errors").get(0).get("field").asString()).isEqualTo("expiresOn");
        HttpResponse<String> garbled = makeKey(username, "{\"name\": \"Soon\", \"expiresOn\": \"next week\"}");
        assertThat(garbled.statusCode()).isEqualTo(422);
        assertThat(garbled.body()).contains("YYYY-MM-DD");
        assertThat(keyCount(userId)).isEqualTo(1);
    }

    @Test
    void unknownAndMalformedKeysAreRefusedAndBasicStillWorks() {
        String username = practitioner("demo-england");
        assertUnauthorised(withKey("dphub_" + "A".repeat(43), "/api/v1/me"));
        assertUnauthorised(withKey("not-a-dphub-key", "/api/v1/me"));
        assertUnauthorised(http.get("/api/v1/me", "Authorization", "Bearer", "Accept", "application/json"));
        assertThat(http.getAs(username, PASSWORD, "/api/v1/me").statusCode()).isEqualTo(200);
    }

    @Test
    void aSwitchedOffAccountsKeysStopWorking() {
        String username = practitioner("demo-england");
        String key = key(username, "Integration");
        assertThat(withKey(key, "/api/v1/me").statusCode()).isEqualTo(200);
        jdbc.sql("UPDATE app_user SET enabled = FALSE WHERE username = :u").param("u", username).update();
        assertUnauthorised(withKey(key, "/api/v1/me"));
    }

    @Test
    void theKeyIsStoredOnlyAsItsHashAndAuditedByName() throws Exception {
        String username = practitioner("demo-england");
        long userId = accounts.findByUsername(username).orElseThrow().userId();
        HttpResponse<String> made = makeKey(username, "{\"name\": \"Finance export\"}");
        assertThat(made.statusCode()).isEqualTo(201);
        String key = json.readTree(made.body()).get("key").asString();
        withKey(key, "/api/v1/me");

        Map<String, Object> row = jdbc.sql("SELECT * FROM api_key WHERE user_id = :u").param("u", userId).query().singleRow();
        assertThat(row.keySet()).contains("key_sha256").doesNotContain("key", "secret");
        assertThat((byte[]) row.get("key_sha256")).isEqualTo(sha256(key));
        String secretPart = key.substring("dphub_".length());
        assertThat(jdbc.sql("SELECT count(*) FROM api_key WHERE api_key::text LIKE :k").param("k", "%" + secretPart + "%")
                .query(Long.class).single()).isZero();
        assertThat(row.get("last_used_at")).as("the first use is noted").isNotNull();

        long id = keyId(username, "Finance export");
        http.delete("/api/v1/api-keys/" + id, "Authorization", Http.basic(username, PASSWORD));
        List<Map<String, Object>> audit = jdbc.sql("""
                        SELECT actor, action, before_state::text AS before, after_state::text AS after FROM audit_event
                        WHERE entity_type = 'api_key' AND entity_id = :id ORDER BY id""")
                .param("id", String.valueOf(id)).query().listOfRows();
        assertThat(audit).extracting(r -> r.get("action")).containsExactly("CREATE", "UPDATE");
        assertThat(audit).allSatisfy(r -> {
            assertThat(r.get("actor")).isEqualTo(username);
            assertThat((String) r.get("after")).contains("Finance export").doesNotContain(secretPart);
        });
        assertThat((String) audit.get(1).get("after")).contains("\"revoked\": true");
        assertThat(jdbc.sql("SELECT count(*) FROM audit_event WHERE after_state::text LIKE :k OR before_state::text LIKE :k")
                .param("k", "%" + secretPart + "%").query(Long.class).single()).isZero();
    }

    @Test
    void nobodyTouchesAnotherUsersKeys() {
        String owner = practitioner("demo-england");
        String stranger = practitioner("demo-england");
        String key = key(owner, "Mine");
        long id = keyId(owner, "Mine");
        assertThat(http.delete("/api/v1/api-keys/" + id, "Authorization", Http.basic(stranger, PASSWORD)).statusCode()).isEqualTo(404);
        assertThat(http.getAs(stranger, PASSWORD, "/api/v1/api-keys/" + id).statusCode()).isEqualTo(404);
        assertThat(http.getAs(stranger, PASSWORD, "/api/v1/api-keys").body()).doesNotContain("Mine");
        assertThat(withKey(key, "/api/v1/me").statusCode()).isEqualTo(200);
    }

    @Test
    void badRequestsMakeNoKey() {
        String username = practitioner("demo-england");
        long userId = accounts.findByUsername(username).orElseThrow().userId();
        String key = key(username, "Reports");

        HttpResponse<String> noName = makeKey(username, "{\"name\": \"  \"}");
        assertThat(noName.statusCode()).isEqualTo(422);
        assertThat(noName.body()).contains("\"field\":\"name\"").contains("Enter a name for the key");
        HttpResponse<String> sameName = makeKey(username, "{\"name\": \"reports\"}");
        assertThat(sameName.statusCode()).isEqualTo(422);
        assertThat(sameName.body()).contains("You already have a key with that name");

        // a key cannot make more keys: one that leaked must not outlive its revocation
        HttpResponse<String> byKey = http.postJson("/api/v1/api-keys", "{\"name\": \"Another\"}", "Authorization", Http.bearer(key));
        assertThat(byKey.statusCode()).isEqualTo(422);
        assertThat(byKey.body()).contains("api-key-cannot-make-keys");

        for (int i = 2; i <= ApiKeys.MAX_LIVE_KEYS; i++) {
            key(username, "Key " + i);
        }
        HttpResponse<String> tooMany = makeKey(username, "{\"name\": \"Eleventh\"}");
        assertThat(tooMany.statusCode()).isEqualTo(422);
        assertThat(tooMany.body()).contains("You already have 10 keys that work");
        assertThat(keyCount(userId)).isEqualTo(ApiKeys.MAX_LIVE_KEYS);
        // revoking one makes room
        http.delete("/api/v1/api-keys/" + keyId(username, "Key 2"), "Authorization", Http.basic(username, PASSWORD));
        assertThat(makeKey(username, "{\"name\": \"Eleventh\"}").statusCode()).isEqualTo(201);
    }

    @Test
    void theDatabaseKeepsEveryKeyAndItsRevocation() {
        String username = practitioner("demo-england");
        key(username, "Kept");
        long id = keyId(username, "Kept");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> jdbc.sql("DELETE FROM api_key WHERE id = :id").param("id", id).update())
                .hasMessageContaining("never deleted");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> jdbc.sql("UPDATE api_key SET expires_at = NULL, name = 'Other' WHERE id = :id")
                .param("id", id).update()).hasMessageContaining("only records its last use");
    }

    long keyId(String username, String name) {
        return jdbc.sql("SELECT k.id FROM api_key k JOIN app_user u ON u.id = k.user_id WHERE u.username = :u AND k.name = :n AND k.revoked_at IS NULL")
                .param("u", username).param("n", name).query(Long.class).single();
    }

    int keyCount(long userId) {
        return jdbc.sql("SELECT count(*) FROM api_key WHERE user_id = :u").param("u", userId).query(Integer.class).single();
    }

    static byte[] sha256(String key) throws Exception {
        return MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
    }
}
