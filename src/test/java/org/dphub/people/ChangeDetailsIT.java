package org.dphub.people;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.UUID;
import org.dphub.identity.UserAccounts;
import org.dphub.rights.PersonalDataRights;
import org.dphub.shared.SignedInUser;
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
 * A practitioner corrects or updates a person's details (UK GDPR article 16): a wrong date of birth,
 * a move, a new phone, a new name. Only what changed is audited, with what it was; the person's own
 * sign-in follows a new name and language. Refused with what to fix, nothing changed, for the same bad
 * input as adding a person; refused for another council's practitioner and for anyone but a
 * practitioner; refused for a person whose details were erased.
 */
@IntegrationTest
class ChangeDetailsIT {

    static final String PRACTITIONER = "practitioner@demo-england";
    static final String PASSWORD = Http.DEMO_PASSWORD;

    @LocalServerPort
    int port;
    @Autowired
    Citizens citizens;
    @Autowired
    UserAccounts accounts;
    @Autowired
    PersonalDataRights rights;
    @Autowired
    JdbcClient jdbc;

    Http http;
    final JsonMapper json = JsonMapper.builder().build();

    @BeforeEach
    void setUp() {
        http = new Http(port);
    }

    long newCitizen() {
        HttpResponse<String> created = http.postJsonAs(PRACTITIONER, PASSWORD, "/api/v1/citizens", """
                {"givenName": "Bethan", "familyName": "Rees", "dateOfBirth": "1948-02-11", "postcode": "sy3 8xx",
                 "preferredLanguage": "en", "contactPreference": "PHONE", "phone": "01743 000111"}""");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return json.readTree(created.body()).get("id").asLong();
    }

    String row(long citizenId) {
        return jdbc.sql("""
                        SELECT given_name || '|' || family_name || '|' || date_of_birth || '|' || postcode || '|' || preferred_language
                               || '|' || contact_preference || '|' || coalesce(email, '') || '|' || coalesce(phone, '')
                        FROM citizen WHERE id = :id""").param("id", citizenId).query(String.class).single();
    }

    /** The change page's form, filled as it comes, then with these fields changed, sent by the practitioner's session. */
    HttpResponse<String> change(String staff, long citizenId, String... fieldsAndValues) {
        return send(staff, "/citizens/" + citizenId + "/details", fieldsAndValues);
    }

    HttpResponse<String> send(String staff, String path, String... fieldsAndValues) {
        HttpResponse<String> page = http.get(path, "Cookie", staff);
        assertThat(page.statusCode()).isEqualTo(200);
        java.util.Map<String, String> form = new java.util.LinkedHashMap<>();
        java.util.regex.Matcher input = java.util.regex.Pattern.compile("<input[^>]*name=\"([^\"]+)\"[^>]*value=\"([^\"]*)\"").matcher(page.body());
        while (input.find()) {
            form.putIfAbsent(input.group(1), org.springframework.web.util.HtmlUtils.htmlUnescape(input.group(2)));
        }
        java.util.regex.Matcher checked = java.util.regex.Pattern.compile("<input[^>]*name=\"([^\"]+)\"[^>]*value=\"([^\"]*)\"[^>]*checked").matcher(page.body());
        while (checked.find()) {
            form.put(checked.group(1), checked.group(2));
        }
        for (int i = 0; i + 1 < fieldsAndValues.length; i += 2) {
            form.put(fieldsAndValues[i], fieldsAndValues[i + 1]);
        }
        StringBuilder body = new StringBuilder();
        form.forEach((k, v) -> body.append(body.isEmpty() ? "" : "&").append(Http.encode(k)).append('=').append(Http.encode(v)));
        return http.postForm(path, body.toString(), "Cookie", staff);
    }

    @Test
    void aPractitionerCorrectsAPersonsDetailsAndOnlyWhatChangedIsRecordedWithWhatItWas() {
        long citizenId = newCitizen();
        SignedInUser practitioner = accounts.findByUsername(PRACTITIONER).orElseThrow();
        OnlineAccount account = citizens.giveOnlineAccount(practitioner, citizenId, "bethan" + UUID.randomUUID() + "@example.com");
        String staff = http.signIn(PRACTITIONER, PASSWORD);
        assertThat(http.get("/citizens/" + citizenId, "Cookie", staff).body()).contains("/citizens/" + citizenId + "/details");
        HttpResponse<String> page = http.get("/citizens/" + citizenId + "/details", "Cookie", staff);
        assertThat(page.body()).contains("Change Bethan Rees&#39;s details").contains("value=\"01743 000111\"").contains("value=\"SY3 8XX\"");
        String before = row(citizenId);

        // bad input: each named, nothing changed
        HttpResponse<String> bad = change(staff, citizenId, "postcode", "NOT A POSTCODE", "familyName", "<script>x</script>",
                "dateOfBirth-year", "2999", "contactPreference", "EMAIL", "email", "");
        assertThat(bad.statusCode()).isEqualTo(200);
        assertThat(bad.body()).contains("govuk-error-summary").contains("href=\"#postcode\"").contains("href=\"#familyName\"")
                .contains("href=\"#dateOfBirth\"").contains("href=\"#email\"");
        assertThat(row(citizenId)).isEqualTo(before);

        // they married and moved: a new family name, postcode and phone; they prefer Welsh now
        HttpResponse<String> saved = change(staff, citizenId, "familyName", "Rees-Hughes", "postcode", "sy1 1aa", "phone", "07700 900456",
                "preferredLanguage", "cy");
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(302);
        assertThat(saved.headers().firstValue("Location").orElse("")).endsWith("/citizens/" + citizenId + "?detailsSaved=true");
        assertThat(row(citizenId)).isEqualTo("Bethan|Rees-Hughes|1948-02-11|SY1 1AA|cy|PHONE||07700 900456");
        assertThat(http.get("/citizens/" + citizenId + "?detailsSaved=true", "Cookie", staff).body())
                .contains("Their details have been changed").contains("Bethan Rees-Hughes").contains("SY1 1AA");

        JsonNode audit = json.readTree(jdbc.sql("""
                        SELECT json_build_object('before', before_state, 'after', after_state)::text FROM audit_event
                        WHERE entity_type = 'citizen' AND entity_id = :id AND action = 'UPDATE' AND actor = :actor""")
                .param("id", Long.toString(citizenId)).param("actor", PRACTITIONER).query(String.class).single());
        assertThat(audit.get("before").get("familyName").asString()).isEqualTo("Rees");
        assertThat(audit.get("after").get("familyName").asString()).isEqualTo("Rees-Hughes");
        assertThat(audit.get("before").get("phone").asString()).isEqualTo("01743 000111");
        assertThat(audit.get("after").get("postcode").asString()).isEqualTo("SY1 1AA");
        assertThat(audit.get("after").has("givenName")).as("only what changed").isFalse();
        assertThat(audit.get("after").has("dateOfBirth")).isFalse();
        assertThat(http.get("/council/audit-trail", "Cookie", http.signIn("admin@demo-england", PASSWORD)).body())
                .contains("details: last name, postcode, language, phone number");

        // their own sign-in follows: the name shown and the language of their pages
        assertThat(jdbc.sql("SELECT display_name || '|' || preferred_language FROM app_user WHERE username = :u")
                .param("u", account.username()).query(String.class).single()).isEqualTo("Bethan Rees-Hughes|cy");

        // the same again changes nothing and records nothing
        assertThat(change(staff, citizenId).statusCode()).isEqualTo(302);
        assertThat(jdbc.sql("SELECT count(*) FROM audit_event WHERE entity_type = 'citizen' AND entity_id = :id AND action = 'UPDATE'")
                .param("id", Long.toString(citizenId)).query(Long.class).single()).isEqualTo(1);

        // the API: the whole set, as when adding them
        HttpResponse<String> api = http.putJsonAs(PRACTITIONER, PASSWORD, "/api/v1/citizens/" + citizenId, """
                {"givenName": "Bethan", "familyName": "Rees-Hughes", "dateOfBirth": "1948-02-12", "postcode": "SY1 1AA",
                 "preferredLanguage": "cy", "contactPreference": "PHONE", "phone": "07700 900456"}""");
        assertThat(api.statusCode()).as(api.body()).isEqualTo(200);
        assertThat(json.readTree(api.body()).get("dateOfBirth").asString()).isEqualTo("1948-02-12");
        HttpResponse<String> apiBad = http.putJsonAs(PRACTITIONER, PASSWORD, "/api/v1/citizens/" + citizenId, """
                {"givenName": "", "familyName": "Rees-Hughes", "dateOfBirth": "1948-02-12", "postcode": "SY1 1AA"}""");
        assertThat(apiBad.statusCode()).isEqualTo(422);
        assertThat(apiBad.body()).contains("givenName");
        assertThat(row(citizenId)).startsWith("Bethan|Rees-Hughes|1948-02-12|");

        // refused: another council's practitioner, and the DP team (who do not change records)
        assertThat(http.putJsonAs("practitioner@demo-wales", PASSWORD, "/api/v1/citizens/" + citizenId, "{\"givenName\": \"X\"}")
                .statusCode()).isEqualTo(404);
        assertThat(http.get("/citizens/" + citizenId + "/details", "Cookie", http.signIn("practitioner@demo-wales", PASSWORD))
                .statusCode()).isEqualTo(404);
        assertThat(http.putJsonAs("dp-team@demo-england", PASSWORD, "/api/v1/citizens/" + citizenId, "{\"givenName\": \"X\"}")
                .statusCode()).isEqualTo(403);
        assertThat(row(citizenId)).startsWith("Bethan|Rees-Hughes|1948-02-12|");
    }

    @Test
    void anErasedPersonsDetailsAreNotWrittenBack() {
        long citizenId = newCitizen();
        rights.erase(accounts.findByUsername("dp-team@demo-england").orElseThrow(), citizenId);
        String erased = row(citizenId);
        String staff = http.signIn(PRACTITIONER, PASSWORD);
        HttpResponse<String> refused = change(staff, citizenId, "givenName", "Bethan", "familyName", "Rees");
        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(refused.body()).contains("erased at their request, so they cannot be changed or added back");
        assertThat(http.putJsonAs(PRACTITIONER, PASSWORD, "/api/v1/citizens/" + citizenId, """
                {"givenName": "Bethan", "familyName": "Rees", "dateOfBirth": "1948-02-11", "postcode": "SY3 8XX",
                 "preferredLanguage": "en", "contactPreference": "LETTER"}""").statusCode()).isEqualTo(409);
        assertThat(row(citizenId)).isEqualTo(erased);
    }

    /** The person's own form, as it comes, with these fields changed, sent by their session. */
    HttpResponse<String> changeOwn(String session, long citizenId, String... fieldsAndValues) {
        return send(session, "/citizens/" + citizenId + "/contact", fieldsAndValues);
    }

    @Test
    void thePersonChangesHowTheyAreContactedThemselfAndNobodyElseCanThere() {
        long citizenId = newCitizen();
        SignedInUser practitioner = accounts.findByUsername(PRACTITIONER).orElseThrow();
        OnlineAccount account = citizens.giveOnlineAccount(practitioner, citizenId, "bethan" + UUID.randomUUID() + "@example.com");
        String password = http.choosesOwnPassword(account.username(), account.temporaryPassword());
        String phone = http.signIn(account.username(), password);
        assertThat(http.get("/citizens/" + citizenId, "Cookie", phone).body()).contains("/citizens/" + citizenId + "/contact")
                .as("the practitioner's form is not theirs").doesNotContain("/citizens/" + citizenId + "/details");
        String before = row(citizenId);

        HttpResponse<String> bad = changeOwn(phone, citizenId, "contactPreference", "EMAIL", "email", "", "phone", "01743");
        assertThat(bad.statusCode()).isEqualTo(200);
        assertThat(bad.body()).contains("Enter your email address, or choose another way for us to contact you")
                .contains("href=\"#phone\"");
        assertThat(row(citizenId)).isEqualTo(before);

        // texts in Welsh from now on; what they may not change here is ignored if sent
        HttpResponse<String> saved = changeOwn(phone, citizenId, "contactPreference", "TEXT", "phone", "07700 900789",
                "preferredLanguage", "cy", "givenName", "Someone", "postcode", "CF10 1AA");
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(302);
        assertThat(row(citizenId)).isEqualTo("Bethan|Rees|1948-02-11|SY3 8XX|cy|TEXT||07700 900789");
        assertThat(http.get("/citizens/" + citizenId + "?detailsSaved=true&lang=cy", "Cookie", phone).body())
                .contains("Mae eich manylion cyswllt wedi");
        assertThat(jdbc.sql("""
                        SELECT count(*) FROM audit_event WHERE entity_type = 'citizen' AND entity_id = :id AND action = 'UPDATE'
                          AND actor = :actor AND jsonb_exists(after_state, 'phone') AND NOT jsonb_exists(after_state, 'givenName')""")
                .param("id", Long.toString(citizenId)).param("actor", account.username()).query(Long.class).single())
                .as("audited as theirs").isEqualTo(1);

        // nobody else: a representative of theirs, another person, staff
        long authorised = json.readTree(http.postJsonAs(PRACTITIONER, PASSWORD, "/api/v1/citizens/" + citizenId + "/representatives",
                "{\"name\": \"Owain Rees\", \"kind\": \"AUTHORISED_PERSON\"}").body()).get("id").asLong();
        OnlineAccount owain = citizens.giveRepresentativeAccount(practitioner, citizenId, authorised, "owain" + UUID.randomUUID() + "@example.com");
        String owainSession = http.signIn(owain.username(), http.choosesOwnPassword(owain.username(), owain.temporaryPassword()));
        assertThat(http.get("/citizens/" + citizenId, "Cookie", owainSession).statusCode()).isEqualTo(200);
        assertThat(http.get("/citizens/" + citizenId + "/contact", "Cookie", owainSession).statusCode()).isEqualTo(403);
        assertThat(http.get("/citizens/" + newCitizen() + "/contact", "Cookie", phone).statusCode()).as("someone else").isEqualTo(404);
        assertThat(http.get("/citizens/" + citizenId + "/contact", "Cookie", http.signIn(PRACTITIONER, PASSWORD)).statusCode())
                .isEqualTo(403);
        assertThat(row(citizenId)).isEqualTo("Bethan|Rees|1948-02-11|SY3 8XX|cy|TEXT||07700 900789");
    }
}
