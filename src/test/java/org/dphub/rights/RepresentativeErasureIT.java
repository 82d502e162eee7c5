package org.dphub.rights;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.UUID;
import org.dphub.identity.CitizenRelationship;
import org.dphub.identity.UserAccounts;
import org.dphub.people.Citizens;
import org.dphub.people.OnlineAccount;
import org.dphub.shared.SignedInUser;
import org.dphub.support.HeldOpen;
import org.dphub.support.Http;
import org.dphub.support.IntegrationTest;
import org.dphub.support.MoneyApi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * Someone who acted for a person, and no longer does, asks for their details to be erased (UK GDPR article
 * 17), on "Your data" or otherwise: the DP team erases their email address, the recorded values of changes to their row and their
 * sign-in, which closes and ends their sessions; their name stays on the person's record as who acted for
 * them, and the page and the answer say so and why. Refused, with nothing changed, while they still act,
 * when done already, and for anyone but the DP team or an administrator of the person's council; a
 * sign-in they still use to act for someone else is kept. (Every other role's refusal is in
 * {@code PageMatrixIT} and {@code AuthorisationMatrixIT}.)
 */
@IntegrationTest
class RepresentativeErasureIT {

    static final String P = Http.DEMO_PASSWORD;
    static final String PRACTITIONER = "practitioner@demo-england";
    static final String TEAM = "dp-team@demo-england";

    @LocalServerPort
    int port;
    @Autowired
    Citizens citizens;
    @Autowired
    UserAccounts accounts;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PersonalDataRights rights;
    @Autowired
    org.springframework.transaction.support.TransactionTemplate transactions;

    Http http;
    SignedInUser practitioner;
    final JsonMapper json = JsonMapper.builder().build();

    @BeforeEach
    void setUp() {
        http = new Http(port);
        practitioner = accounts.findByUsername(PRACTITIONER).orElseThrow();
    }

    long created(HttpResponse<String> response) {
        return MoneyApi.ok(response, 201).get("id").asLong();
    }

    long newCitizen(String givenName) {
        return created(http.postJsonAs(PRACTITIONER, P, "/api/v1/citizens", """
                {"givenName": "%s", "familyName": "Morgan", "dateOfBirth": "1944-05-09", "postcode": "sy3 8xx",
                 "preferredLanguage": "en"}""".formatted(givenName)));
    }

    long newRepresentative(long citizenId, String name, String email) {
        return created(http.postJsonAs(PRACTITIONER, P, "/api/v1/citizens/" + citizenId + "/representatives",
                "{\"name\": \"" + name + "\", \"kind\": \"NOMINATED_PERSON\", \"email\": \"" + email + "\"}"));
    }

    String row(long representativeId) {
        return jdbc.sql("SELECT name || ' ' || coalesce(email, '-') FROM representative WHERE id = :id").param("id", representativeId)
                .query(String.class).single();
    }

    String account(String username) {
        return jdbc.sql("SELECT enabled || ' ' || display_name FROM app_user WHERE username = :u").param("u", username)
                .query(String.class).optional().orElse("gone");
    }

    String erasurePath(long citizenId, long representativeId) {
        return "/api/v1/citizens/" + citizenId + "/representatives/" + representativeId + "/erasure";
    }

    @Test
    void aFormerRepresentativesDetailsAreErasedAtTheirRequestAndTheirNameStaysOnThePersonsRecord() {
        long citizenId = newCitizen("Eirlys");
        String email = "catrin" + UUID.randomUUID() + "@example.com";
        long daughter = newRepresentative(citizenId, "Catrin Morgan", email);
        OnlineAccount account = citizens.giveRepresentativeAccount(practitioner, citizenId, daughter, email);
        String password = http.choosesOwnPassword(account.username(), account.temporaryPassword());
        String phone = http.signIn(account.username(), password);
        String team = http.signIn(TEAM, P);
        String page = "/citizens/" + citizenId + "/personal-data";

        // while she acts: not offered, and refused
        assertThat(http.get(page, "Cookie", team).body()).doesNotContain("erase-representative-" + daughter);
        assertThat(http.get("/your-data", "Cookie", phone).body()).doesNotContain("Ask us to erase your details");
        HttpResponse<String> acts = http.postJsonAs(TEAM, P, erasurePath(citizenId, daughter), "");
        assertThat(acts.statusCode()).isEqualTo(409);
        assertThat(acts.body()).contains("Record that they no longer act for the person first");
        assertThat(row(daughter)).isEqualTo("Catrin Morgan " + email);

        citizens.endRepresentative(practitioner, citizenId, daughter, "Eirlys asked for her son to act instead");
        // she is told by email that she stopped (after the commit): the letter names her and Eirlys
        long written = System.currentTimeMillis() + 15_000;
        while (letterToHer(daughter).isEmpty() && System.currentTimeMillis() < written) {
            java.util.concurrent.locks.LockSupport.parkNanos(100_000_000);
        }
        assertThat(letterToHer(daughter)).isEqualTo(email + " You no longer act for Eirlys Morgan");

        // she asks for it herself on "Your data": a request in the DP team's queue, naming whom she acted for
        HttpResponse<String> yours = http.get("/your-data", "Cookie", phone);
        assertThat(yours.body()).contains("Ask us to erase your details").contains("Your name stays on the records of the people you acted for");
        HttpResponse<String> asked = http.postForm("/your-data/representative-erasure-request",
                "_csrf=" + Http.encode(Http.csrfToken(yours.body())), "Cookie", phone);
        assertThat(asked.statusCode()).isEqualTo(302);
        String reference = jdbc.sql("SELECT reference FROM citizen WHERE id = :id").param("id", citizenId).query(String.class).single();
        long userId = jdbc.sql("SELECT user_id FROM representative WHERE id = :id").param("id", daughter).query(Long.class).single();
        assertThat(jdbc.sql("SELECT text FROM help_request WHERE asked_by = :user AND citizen_id IS NULL").param("user", userId)
                .query(String.class).single()).contains("I am Catrin Morgan").contains("Eirlys Morgan (" + reference + ")");
        long requestId = Long.parseLong(asked.headers().firstValue("Location").orElseThrow().replaceAll(".*asked=", ""));
        assertThat(http.get("/help/queue", "Cookie", team).body()).as("in the team's queue").contains("/help/requests/" + requestId);
        assertThat(http.get("/help/requests/" + requestId, "Cookie", team).body()).contains("I am Catrin Morgan");

        // who may not: a practitioner (403), another council's DP team (404), Catrin herself (she sees nobody now)
        assertThat(http.postJsonAs(PRACTITIONER, P, erasurePath(citizenId, daughter), "").statusCode()).isEqualTo(403);
        assertThat(http.postJsonAs("dp-team@demo-wales", P, erasurePath(citizenId, daughter), "").statusCode()).isEqualTo(404);
        assertThat(http.postJsonAs(account.username(), P, erasurePath(citizenId, daughter), "").statusCode()).isIn(401, 403, 404);
        assertThat(http.postJsonAs(TEAM, P, erasurePath(newCitizen("Nerys"), daughter), "").statusCode())
                .as("another person's representative").isEqualTo(404);
        assertThat(row(daughter)).isEqualTo("Catrin Morgan " + email);
        assertThat(account(account.username())).isEqualTo("true Catrin Morgan");

        // the DP team erases her details on the person's data page
        HttpResponse<String> form = http.get(page, "Cookie", team);
        assertThat(form.body()).contains("People who acted for them").contains("Catrin Morgan")
                .contains("id=\"erase-representative-" + daughter + "\"").contains("Stopped acting for them on");
        HttpResponse<String> erased = http.postForm(page + "/representatives/" + daughter + "/erasure",
                "_csrf=" + Http.encode(Http.csrfToken(form.body())), "Cookie", team);
        assertThat(erased.statusCode()).isEqualTo(302);
        assertThat(erased.headers().firstValue("Location").orElse("")).endsWith(page + "?representativeErased#representatives");
        assertThat(http.get(page + "?representativeErased", "Cookie", team).body())
                .contains("Their details have been erased").contains("Catrin Morgan: details erased on")
                .contains("Their email address").contains("Their sign-in: it is closed")
                .contains("What they wrote to the direct payments team about themself")
                .contains("Their name on the person&#39;s record").doesNotContain("id=\"erase-representative-" + daughter + "\"");

        // what went, and what stayed
        assertThat(row(daughter)).isEqualTo("Catrin Morgan -");
        assertThat(account(account.username())).as("her username (her email) is gone").isEqualTo("gone");
        assertThat(jdbc.sql("SELECT text FROM help_request WHERE asked_by = :user AND citizen_id IS NULL").param("user", userId)
                .query(String.class).single()).as("her request named her").isEqualTo("Erased");
        assertThat(jdbc.sql("SELECT enabled || ' ' || display_name || ' ' || (username LIKE 'erased-%') FROM app_user u"
                        + " JOIN representative r ON r.user_id = u.id WHERE r.id = :id").param("id", daughter).query(String.class).single())
                .isEqualTo("false Erased representative true");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> http.signIn(account.username(), password)).as("she cannot sign in")
                .isInstanceOf(IllegalStateException.class);
        long until = System.currentTimeMillis() + 15_000;
        while (http.get("/home", "Cookie", phone).statusCode() == 200 && System.currentTimeMillis() < until) {
            java.util.concurrent.locks.LockSupport.parkNanos(100_000_000);
        }
        assertThat(http.get("/home", "Cookie", phone).statusCode()).as("her session has ended").isEqualTo(302);
        assertThat(jdbc.sql("SELECT count(*) FROM audit_event WHERE entity_type = 'representative' AND entity_id = :id"
                        + " AND (after_state::text LIKE :email OR before_state::text LIKE :email)")
                .param("id", String.valueOf(daughter)).param("email", "%" + email + "%").query(Long.class).single())
                .as("her email is not in the audit trail").isZero();
        assertThat(http.getAs(TEAM, P, "/api/v1/citizens/" + citizenId + "/subject-access").body())
                .as("the person's record still says who acted for them").contains("Catrin Morgan").doesNotContain(email);
        assertThat(http.get("/council/audit-trail", "Cookie", http.signIn("admin@demo-england", P)).body())
                .contains("erased the details of someone who acted for Eirlys Morgan, at their request");

        assertThat(letterToHer(daughter)).as("the letter telling her she stopped: to whom and what it said").isEqualTo("- Erased");

        // once only
        HttpResponse<String> again = http.postJsonAs(TEAM, P, erasurePath(citizenId, daughter), "");
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(again.body()).contains("Their details have already been erased");
    }

    @Test
    void aSignInStillUsedToActForSomeoneElseIsKeptAndTheAnswerSaysWhy() {
        long first = newCitizen("Eirlys");
        long second = newCitizen("Gwilym");
        String email = "owen" + UUID.randomUUID() + "@example.com";
        long son = newRepresentative(first, "Owen Morgan", email);
        OnlineAccount account = citizens.giveRepresentativeAccount(practitioner, first, son, email);
        long userId = jdbc.sql("SELECT user_id FROM representative WHERE id = :id").param("id", son).query(Long.class).single();
        long england = jdbc.sql("SELECT council_id FROM citizen WHERE id = :id").param("id", second).query(Long.class).single();
        // he also acts for his uncle, through the same sign-in
        accounts.grantCitizenAccess(userId, second, england, CitizenRelationship.NOMINATED_PERSON);
        citizens.endRepresentative(practitioner, first, son, "Eirlys's daughter acts for her now");

        HttpResponse<String> answer = http.postJsonAs(TEAM, P, erasurePath(first, son) + "?lang=cy", "");
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(201);
        assertThat(answer.body()).contains("Eu cyfeiriad e-bost").contains("Eu mewngofnodi")
                .contains("Maen nhw'n dal i'w ddefnyddio");
        assertThat(row(son)).isEqualTo("Owen Morgan -");
        assertThat(account(account.username())).as("his sign-in stays: he still acts for Gwilym").isEqualTo("true Owen Morgan");
    }

    /**
     * Two of the DP team erase the same former representative at the same moment: the second waits for the
     * first, then is told it was done (409), not a 500 from the step's unique key; one step is recorded.
     */
    @Test
    void twoErasuresAtOnceMakeOneStepAndAClearRefusal() throws Exception {
        long citizenId = newCitizen("Eirlys");
        long son = newRepresentative(citizenId, "Rhys Morgan", "rhys" + UUID.randomUUID() + "@example.com");
        citizens.endRepresentative(practitioner, citizenId, son, "Eirlys manages on her own now");
        SignedInUser team = accounts.findByUsername(TEAM).orElseThrow();
        Object second = HeldOpen.secondWaitsForFirst(transactions, () -> rights.eraseRepresentative(team, citizenId, son),
                () -> http.postJsonAs(TEAM, P, erasurePath(citizenId, son), ""), "waits for the first erasure");
        assertThat(second).isInstanceOf(HttpResponse.class);
        assertThat(((HttpResponse<?>) second).statusCode()).isEqualTo(409);
        assertThat(jdbc.sql("SELECT count(*) FROM personal_data_redaction WHERE representative_id = :id").param("id", son)
                .query(Long.class).single()).isEqualTo(1);
    }

    /** The letter telling a representative they stopped: its recipient and subject, or empty before it is written. */
    String letterToHer(long representativeId) {
        return jdbc.sql("SELECT coalesce(recipient, '-') || ' ' || subject FROM letter WHERE representative_id = :r")
                .param("r", representativeId).query(String.class).optional().orElse("");
    }
}
