package org.dphub.directory;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.UUID;
import org.dphub.payments.BankAccounts;
import org.dphub.payments.BankDetails;
import org.dphub.payments.Ledger;
import org.dphub.people.OnlineAccount;
import org.dphub.shared.Money;
import org.dphub.shared.SignedInUser;
import org.dphub.support.Http;
import org.dphub.support.IntegrationTest;
import org.dphub.support.MoneyApi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import tools.jackson.databind.JsonNode;

/**
 * Regular payments to a listed provider (issue 15) through the API and the daily job: only the
 * person or their representative sets one up (staff 403, providers 403, anyone else's person 404);
 * bad input changes nothing; each instalment due is charged once however often the job runs; one
 * the account cannot cover is missed with the reason and not tried again; stopping keeps what was
 * charged; the next payment run pays the provider the instalments.
 */
@IntegrationTest
class RegularPaymentsIT {

    static final String PROVIDER = "provider@demo-england";
    static final String CITIZEN = "citizen@demo-england";
    static final String P = Http.DEMO_PASSWORD;

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Ledger ledger;
    @Autowired
    BankAccounts bankAccounts;
    @Autowired
    RegularPayments regularPayments;
    @Autowired
    UserDetailsService users;
    @Autowired
    org.dphub.people.Citizens citizens;
    @Autowired
    org.dphub.identity.UserAccounts userAccounts;

    Http http;
    LocalDate today;

    @BeforeEach
    void client() {
        http = new Http(port);
        today = regularPayments.today();
    }

    static JsonNode ok(HttpResponse<String> response, int status) {
        return MoneyApi.ok(response, status);
    }

    long council() {
        return jdbc.sql("SELECT id FROM council WHERE code = 'demo-england'").query(Long.class).single();
    }

    /** A new published service of the demo provider's organisation (made here if no other test made it). */
    UUID demoProviderService() {
        long user = jdbc.sql("SELECT id FROM app_user WHERE username = :u").param("u", PROVIDER).query(Long.class).single();
        jdbc.sql("""
                        INSERT INTO directory_organization (id, council_id, user_id, name, kind)
                        VALUES (:id, :council, :user, 'Sunny Days CIC', 'MICRO_ENTERPRISE') ON CONFLICT (user_id) DO NOTHING""")
                .param("id", UUID.randomUUID()).param("council", council()).param("user", user).update();
        UUID org = jdbc.sql("SELECT id FROM directory_organization WHERE user_id = :u").param("u", user).query(UUID.class).single();
        return service(org, "PUBLISHED");
    }

    UUID service(UUID org, String status) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                        INSERT INTO directory_service (id, organization_id, council_id, name, description, status, delivery, cost_pence,
                            cost_unit, insurance_checked, safeguarding_checked)
                        VALUES (:id, :org, :council, 'Tuesday swimming', 'Swimming with a helper', :status, 'ONLINE', 450,
                                'SESSION', true, true)""")
                .param("id", id).param("org", org).param("council", council()).param("status", status).update();
        return id;
    }

    long demoCitizen() {
        return jdbc.sql("""
                        SELECT a.citizen_id FROM citizen_access a JOIN app_user u ON u.id = a.user_id
                        WHERE u.username = :u AND a.relationship = 'SELF'""").param("u", CITIZEN).query(Long.class).single();
    }

    JsonNode setUp(UUID service, long pence, String frequency, LocalDate first, String extra) {
        return setUp(CITIZEN, P, service, pence, frequency, first, extra);
    }

    JsonNode setUp(String user, String password, UUID service, long pence, String frequency, LocalDate first, String extra) {
        return ok(http.postJsonAs(user, password, "/api/v1/regular-payments", """
                {"serviceId": "%s", "amountPence": %d, "frequency": "%s", "firstDate": "%s", "reference": "SWIM-%s"%s}"""
                .formatted(service, pence, frequency, first, UUID.randomUUID().toString().substring(0, 6), extra)), 201);
    }

    /** As if it had been set up {@code days} ago: its first payment fell due then. */
    void startedDaysAgo(long id, int days) {
        jdbc.sql("UPDATE directory_regular_payment SET first_date = :d, next_due = :d WHERE id = :id")
                .param("d", today.minusDays(days)).param("id", id).update();
    }

    JsonNode read(String user, long id) {
        return ok(http.getAs(user, P, "/api/v1/regular-payments/" + id), 200);
    }

    long charges(long id) {
        return jdbc.sql("SELECT count(*) FROM provider_charge WHERE idempotency_key LIKE :k").param("k", "regular:" + id + ":%")
                .query(Long.class).single();
    }

    long rows(UUID service) {
        return jdbc.sql("SELECT count(*) FROM directory_regular_payment WHERE service_id = :s").param("s", service)
                .query(Long.class).single();
    }

    @Test
    void onlyThePersonSetsOneUpAndBadInputChangesNothing() throws Exception {
        UUID service = demoProviderService();
        long citizen = demoCitizen();
        String body = """
                {"citizenId": %d, "serviceId": "%s", "amountPence": 450, "frequency": "WEEKLY", "firstDate": "%s"}"""
                .formatted(citizen, service, today);
        assertThat(http.postJsonAs("dp-team@demo-england", P, "/api/v1/regular-payments", body).statusCode()).as("staff").isEqualTo(403);
        assertThat(http.postJsonAs(PROVIDER, P, "/api/v1/regular-payments", body).statusCode()).as("a provider").isEqualTo(403);
        assertThat(http.postJsonAs("citizen@demo-wales", P, "/api/v1/regular-payments", body).statusCode())
                .as("another person").isEqualTo(404);
        assertThat(http.postJsonAs("representative@demo-england", P, "/api/v1/regular-payments", body).statusCode())
                .as("a representative of other people").isEqualTo(404);

        for (String amount : new String[] {"-5", "0", "1e9", "\"12.345\"", "\"ten\""}) {
            HttpResponse<String> bad = http.postJsonAs(CITIZEN, P, "/api/v1/regular-payments", """
                    {"serviceId": "%s", "amountPence": %s, "frequency": "WEEKLY", "firstDate": "%s"}""".formatted(service, amount, today));
            assertThat(bad.statusCode()).as(amount).isEqualTo(422);
            assertThat(bad.body()).as(amount).contains("amountPence");
        }
        String[][] wrong = {
                {"\"frequency\": \"DAILY\", \"firstDate\": \"" + today + "\"", "frequency"},
                {"\"frequency\": \"WEEKLY\", \"firstDate\": \"" + today.minusDays(1) + "\"", "firstDate"},
                {"\"frequency\": \"WEEKLY\", \"firstDate\": \"3 December\"", "firstDate"},
                {"\"frequency\": \"WEEKLY\", \"firstDate\": \"" + today + "\", \"endDate\": \"" + today.minusDays(1) + "\"", "endDate"},
                {"\"frequency\": \"WEEKLY\", \"firstDate\": \"" + today + "\", \"times\": 0", "times"},
                {"\"frequency\": \"WEEKLY\", \"firstDate\": \"" + today + "\", \"budgetLinePosition\": 99", "budgetLinePosition"},
                {"\"frequency\": \"WEEKLY\", \"firstDate\": \"" + today + "\", \"reference\": \"<script>alert(1)</script>\"", "reference"}};
        for (String[] w : wrong) {
            HttpResponse<String> bad = http.postJsonAs(CITIZEN, P, "/api/v1/regular-payments", """
                    {"serviceId": "%s", "amountPence": 450, %s}""".formatted(service, w[0]));
            assertThat(bad.statusCode()).as(w[0]).isEqualTo(422);
            assertThat(bad.body()).as(w[0]).contains(w[1]);
        }
        HttpResponse<String> unpublished = http.postJsonAs(CITIZEN, P, "/api/v1/regular-payments", """
                {"serviceId": "%s", "amountPence": 450, "frequency": "WEEKLY", "firstDate": "%s"}"""
                .formatted(service(jdbc.sql("SELECT organization_id FROM directory_service WHERE id = :s").param("s", service)
                        .query(UUID.class).single(), "AWAITING_CHECKS"), today));
        assertThat(unpublished.statusCode()).isEqualTo(422);
        assertThat(unpublished.body()).contains("serviceId");
        assertThat(rows(service)).as("nothing was set up").isZero();

        // set up, twice with the same Idempotency-Key: one regular payment
        String good = """
                {"serviceId": "%s", "amountPence": 450, "frequency": "FORTNIGHTLY", "firstDate": "%s", "times": 6,
                 "reference": "MEMBER 77"}""".formatted(service, today.plusDays(3));
        String key = "set-up-" + UUID.randomUUID();
        JsonNode made = ok(http.postJsonAs(CITIZEN, P, "/api/v1/regular-payments", good, "Idempotency-Key", key), 201);
        assertThat(made.get("status").asString()).isEqualTo("ACTIVE");
        assertThat(made.get("nextDate").asString()).isEqualTo(today.plusDays(3).toString());
        JsonNode again = ok(http.postJsonAs(CITIZEN, P, "/api/v1/regular-payments", good, "Idempotency-Key", key), 201);
        assertThat(again.get("id").asLong()).isEqualTo(made.get("id").asLong());
        assertThat(rows(service)).isEqualTo(1);
        assertThat(http.postJsonAs(CITIZEN, P, "/api/v1/regular-payments", good.replace("450", "451"), "Idempotency-Key", key)
                .statusCode()).as("the same key for another payment").isEqualTo(409);
        long id = made.get("id").asLong();

        // a representative sets one up for the person they act for
        long represented = jdbc.sql("""
                        SELECT a.citizen_id FROM citizen_access a JOIN app_user u ON u.id = a.user_id
                        JOIN dp_account d ON d.citizen_id = a.citizen_id AND d.status = 'OPEN'
                        WHERE u.username = 'representative@demo-england' AND a.relationship <> 'SELF'
                        ORDER BY a.citizen_id LIMIT 1""").query(Long.class).single();
        JsonNode forThem = ok(http.postJsonAs("representative@demo-england", P, "/api/v1/regular-payments", """
                {"citizenId": %d, "serviceId": "%s", "amountPence": 300, "frequency": "MONTHLY", "firstDate": "%s"}"""
                .formatted(represented, service, today.plusDays(1))), 201);
        assertThat(read("representative@demo-england", forThem.get("id").asLong()).get("reference").asString())
                .isEqualTo("REG-" + forThem.get("id").asLong());
        assertThat(http.getAs(CITIZEN, P, "/api/v1/regular-payments/" + forThem.get("id").asLong()).statusCode())
                .as("not the citizen's own").isEqualTo(404);

        // who may read it: the person, their council's staff, the provider (its own); nobody else
        JsonNode seen = read(CITIZEN, id);
        assertThat(seen.get("amountPence").asLong()).isEqualTo(450);
        assertThat(seen.get("frequency").asString()).isEqualTo("FORTNIGHTLY");
        assertThat(seen.get("instalments").size()).isZero();
        assertThat(read("dp-team@demo-england", id).get("reference").asString()).isEqualTo("MEMBER 77");
        JsonNode providerSees = read(PROVIDER, id);
        assertThat(providerSees.get("reference").asString()).isEqualTo("MEMBER 77");
        assertThat(providerSees.toString()).as("nothing else about the person").doesNotContain("citizen").doesNotContain("postcode");
        assertThat(http.getAs("citizen@demo-wales", P, "/api/v1/regular-payments/" + id).statusCode()).isEqualTo(404);
        assertThat(http.getAs("dp-team@demo-wales", P, "/api/v1/regular-payments/" + id).statusCode()).isEqualTo(404);

        // only the person stops it
        assertThat(http.postJsonAs("dp-team@demo-england", P, "/api/v1/regular-payments/" + id + "/stop", "{}").statusCode())
                .isEqualTo(403);
        assertThat(http.postJsonAs("citizen@demo-wales", P, "/api/v1/regular-payments/" + id + "/stop", "{}").statusCode())
                .isEqualTo(404);
        assertThat(http.postJsonAs(PROVIDER, P, "/api/v1/regular-payments/" + id + "/stop", "{}").statusCode()).isEqualTo(404);
        HttpResponse<String> past = http.postJsonAs(CITIZEN, P, "/api/v1/regular-payments/" + id + "/stop",
                "{\"from\": \"" + today.minusDays(1) + "\"}");
        assertThat(past.statusCode()).isEqualTo(422);
        assertThat(past.body()).contains("from");
        assertThat(read(CITIZEN, id).get("status").asString()).isEqualTo("ACTIVE");
    }

    @Test
    void eachInstalmentDueIsChargedOnceAMissedOneIsNotTriedAgainAndStoppingKeepsWhatWasCharged() throws Exception {
        UUID service = demoProviderService();

        // three weekly instalments, the first two weeks ago: all three fall due by today
        long weekly = setUp(service, 123, "WEEKLY", today, ", \"times\": 3").get("id").asLong();
        startedDaysAgo(weekly, 14);
        regularPayments.chargeDue(today);
        regularPayments.chargeDue(today);
        JsonNode charged = read(CITIZEN, weekly);
        assertThat(charged.get("instalments").valueStream().map(i -> i.get("n").asInt() + " " + i.get("date").asString() + " "
                + i.get("status").asString() + " " + i.get("amountPence").asLong())).containsExactlyInAnyOrder(
                "1 " + today.minusDays(14) + " CHARGED 123", "2 " + today.minusDays(7) + " CHARGED 123",
                "3 " + today + " CHARGED 123");
        assertThat(charges(weekly)).as("the job run twice charges once").isEqualTo(3);
        assertThat(charged.get("status").asString()).as("all 3 times").isEqualTo("ENDED");
        assertThat(charged.get("nextDate").isNull()).isTrue();

        // more than the account can ever cover: missed, with the reason, and not tried again
        long tooMuch = setUp(service, 9_999_999, "WEEKLY", today, "").get("id").asLong();
        regularPayments.chargeDue(today);
        regularPayments.chargeDue(today);
        JsonNode missed = read(CITIZEN, tooMuch);
        assertThat(missed.get("instalments").valueStream().map(i -> i.get("status").asString() + " " + i.get("missedReason").asString()))
                .containsExactly("MISSED NOT_ENOUGH_MONEY");
        assertThat(missed.get("status").asString()).isEqualTo("ACTIVE");
        assertThat(missed.get("nextDate").asString()).isEqualTo(today.plusDays(7).toString());
        assertThat(charges(tooMuch)).isZero();
        assertThat(read(PROVIDER, tooMuch).get("instalments").get(0).get("status").asString()).isEqualTo("MISSED");

        // stopped from tomorrow: what was charged stays, nothing more falls due
        long stopping = setUp(service, 200, "WEEKLY", today, "").get("id").asLong();
        startedDaysAgo(stopping, 7);
        regularPayments.chargeDue(today);
        JsonNode stopped = ok(http.postJsonAs(CITIZEN, P, "/api/v1/regular-payments/" + stopping + "/stop",
                "{\"from\": \"" + today.plusDays(1) + "\"}", "Idempotency-Key", "stop-" + stopping), 200);
        assertThat(stopped.get("status").asString()).isEqualTo("STOPPED");
        assertThat(stopped.get("stoppedFrom").asString()).isEqualTo(today.plusDays(1).toString());
        assertThat(stopped.get("nextDate").isNull()).isTrue();
        assertThat(stopped.get("instalments").size()).isEqualTo(2);
        ok(http.postJsonAs(CITIZEN, P, "/api/v1/regular-payments/" + stopping + "/stop", "{\"from\": \"" + today.plusDays(1) + "\"}",
                "Idempotency-Key", "stop-" + stopping), 200);
        assertThat(http.postJsonAs(CITIZEN, P, "/api/v1/regular-payments/" + stopping + "/stop", "{}").statusCode())
                .as("stopped already").isEqualTo(409);
        regularPayments.chargeDue(today);
        assertThat(charges(stopping)).isEqualTo(2);

        // every change is in the audit trail
        assertThat(jdbc.sql("""
                        SELECT count(*) FROM audit_event WHERE entity_type = 'regular_payment' AND entity_id IN (:a, :b, :c)""")
                .param("a", Long.toString(weekly)).param("b", Long.toString(tooMuch)).param("c", Long.toString(stopping))
                .query(Long.class).single()).as("3 set up, 1 missed, 1 stopped").isEqualTo(5);
    }

    @Test
    void theNextPaymentRunPaysTheProviderTheInstalments() throws Exception {
        long council = council();
        UUID org = jdbc.sql("""
                        INSERT INTO directory_organization (id, council_id, name, kind)
                        VALUES (gen_random_uuid(), :c, 'Riverside Rowing Club', 'CHARITY') RETURNING id""").param("c", council)
                .query(UUID.class).single();
        UUID service = service(org, "PUBLISHED");
        // a person of the test's own, paid weekly from today: a provider is paid from the person's next payment
        // (issue 15), so the run this test makes must have one of theirs in it
        MoneyApi.Active active = new MoneyApi(http).activeWeekly("practitioner@demo-england", "Rhys", today, "PREPAID_CARD", 5000,
                "en");
        OnlineAccount rhys = citizens.giveOnlineAccount(userAccounts.findByUsername("practitioner@demo-england").orElseThrow(),
                active.citizenId(), "rhys" + UUID.randomUUID() + "@example.com");
        String rhysPassword = http.choosesOwnPassword(rhys.username(), rhys.temporaryPassword());
        long id = setUp(rhys.username(), rhysPassword, service, 450, "WEEKLY", today, "").get("id").asLong();
        startedDaysAgo(id, 7);
        assertThat(regularPayments.chargeDue(today).charged()).isGreaterThanOrEqualTo(2);
        SignedInUser provider = ((SignedInUser.Holder) users.loadUserByUsername(PROVIDER)).signedInUser();
        bankAccounts.recordProviderAccount(provider, council, org, "Riverside Rowing Club",
                new BankDetails("Riverside Rowing Club", "404784", "70346812", null));

        JsonNode run = new MoneyApi(http).runFor("finance@demo-england", today.plusDays(53));
        long runId = run.get("id").asLong();
        JsonNode providers = ok(http.getAs("finance@demo-england", P, "/api/v1/payment-runs/" + runId + "/provider-payments"), 200);
        JsonNode payout = providers.get("payouts").valueStream().filter(p -> p.get("organizationId").asString().equals(org.toString()))
                .findFirst().orElseThrow();
        assertThat(payout.get("amountPence").asLong()).as("two instalments of £4.50").isEqualTo(900);
        assertThat(payout.get("parts").asInt()).isEqualTo(2);
        ok(http.postJsonAs("finance2@demo-england", P, "/api/v1/payment-runs/" + runId + "/approval", "{}"), 200);
        assertThat(ok(http.getAs(rhys.username(), rhysPassword, "/api/v1/regular-payments/" + id), 200)
                .get("instalments").valueStream().map(i -> i.get("status").asString())).containsExactly("PAID", "PAID");
    }
}
