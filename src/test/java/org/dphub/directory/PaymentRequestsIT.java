package org.dphub.directory;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.UUID;
import org.dphub.payments.Ledger;
import org.dphub.people.OnlineAccount;
import org.dphub.shared.Money;
import org.dphub.support.Http;
import org.dphub.support.IntegrationTest;
import org.dphub.support.MoneyApi;
import org.dphub.support.SuiteDays;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Requests for payment (issue 15) through the API: a provider sends one for its own published
 * service; only the person or their representative agrees it, never more than the account can
 * cover, and once; the next run pays the provider; bad input changes nothing.
 */
@IntegrationTest
class PaymentRequestsIT {

    static final String PROVIDER = "provider@demo-england";
    static final String REPRESENTATIVE = "representative@demo-england";
    static final String P = Http.DEMO_PASSWORD;

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Ledger ledger;
    @Autowired
    org.dphub.people.Citizens citizens;
    @Autowired
    org.dphub.identity.UserAccounts userAccounts;
    @Autowired
    org.dphub.payments.BankAccounts bankAccounts;
    @Autowired
    org.springframework.security.core.userdetails.UserDetailsService users;

    Http http;

    @BeforeEach
    void client() {
        http = new Http(port);
    }

    HttpResponse<String> delete(String path) throws Exception {
        return java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create("http://localhost:" + port + path)).DELETE()
                .header("Authorization", Http.basic(PROVIDER, P)).header("Accept", "application/json").build(),
                HttpResponse.BodyHandlers.ofString());
    }

    static JsonNode ok(HttpResponse<String> response, int status) {
        return MoneyApi.ok(response, status);
    }

    /** The provider's organisation (made here if no other test made it) and a new service of it in this status. */
    UUID service(String status) {
        long council = jdbc.sql("SELECT id FROM council WHERE code = 'demo-england'").query(Long.class).single();
        long user = jdbc.sql("SELECT id FROM app_user WHERE username = :u").param("u", PROVIDER).query(Long.class).single();
        jdbc.sql("""
                        INSERT INTO directory_organization (id, council_id, user_id, name, kind)
                        VALUES (:id, :council, :user, 'Sunny Days CIC', 'MICRO_ENTERPRISE') ON CONFLICT (user_id) DO NOTHING""")
                .param("id", UUID.randomUUID()).param("council", council).param("user", user).update();
        UUID org = jdbc.sql("SELECT id FROM directory_organization WHERE user_id = :u").param("u", user).query(UUID.class).single();
        return insertService(org, council, status);
    }

    UUID insertService(UUID org, long council, String status) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                        INSERT INTO directory_service (id, organization_id, council_id, name, description, status, delivery, cost_pence,
                            cost_unit, insurance_checked, safeguarding_checked)
                        VALUES (:id, :org, :council, 'Chair yoga', 'Gentle yoga in a chair', :status, 'ONLINE', 800, 'SESSION',
                                true, true)""")
                .param("id", id).param("org", org).param("council", council).param("status", status).update();
        return id;
    }

    JsonNode send(long citizen, UUID service, long pence, String description) {
        return ok(http.postJsonAs(PROVIDER, P, "/api/v1/payment-requests", """
                {"citizenId": %d, "serviceId": "%s", "amountPence": %d, "description": "%s", "reference": "INV-%s",
                 "dates": ["%s"]}""".formatted(citizen, service, pence, description, UUID.randomUUID().toString().substring(0, 8),
                LocalDate.now())), 201);
    }

    @Test
    void onlyThePersonOrTheirRepresentativeAgreesOnceAndNeverMoreThanTheAccountCovers() throws Exception {
        UUID service = service("PUBLISHED");
        // a person of the test's own, paid £60 a week from 40 days on: a provider is paid from the next payment
        // (never from money the person already holds), so the run this test makes has that payment in it
        MoneyApi.Active active = new MoneyApi(http).activeWeekly("practitioner@demo-england", "Nia", SuiteDays.after(40),
                "PREPAID_CARD", 6000, "en");
        OnlineAccount ann = citizens.giveOnlineAccount(userAccounts.findByUsername("practitioner@demo-england").orElseThrow(),
                active.citizenId(), "nia" + UUID.randomUUID() + "@example.com");
        String annPassword = http.choosesOwnPassword(ann.username(), ann.temporaryPassword());
        long citizen = active.citizenId();
        JsonNode request = send(citizen, service, 1500, "Chair yoga, 4 sessions");
        long id = request.get("id").asLong();
        assertThat(request.get("status").asString()).isEqualTo("WAITING");
        assertThat(request.toString()).as("the provider sees only what it typed").doesNotContain("givenName").doesNotContain("postcode");

        JsonNode affordable = ok(http.getAs(ann.username(), annPassword, "/api/v1/payment-requests/" + id + "/affordability"), 200);
        long account = affordable.get("accountId").asLong();
        long council = jdbc.sql("SELECT council_id FROM dp_account WHERE id = :a").param("a", account).query(Long.class).single();
        long available = affordable.get("availablePence").asLong();
        assertThat(available).as("the next payment, nothing promised against it yet").isEqualTo(6000);
        assertThat(affordable.get("nextPaymentDate").asString()).isEqualTo(SuiteDays.after(40).toString());

        // refusals: staff may look but not agree; another council's citizen finds nothing; another provider's service
        assertThat(http.postJsonAs("dp-team@demo-england", P, "/api/v1/payment-requests/" + id + "/agreement", "{}").statusCode())
                .isEqualTo(403);
        assertThat(http.postJsonAs("citizen@demo-wales", P, "/api/v1/payment-requests/" + id + "/agreement", "{}").statusCode())
                .isEqualTo(404);
        assertThat(http.getAs("citizen@demo-wales", P, "/api/v1/payment-requests/" + id).statusCode()).isEqualTo(404);
        assertThat(http.postJsonAs(PROVIDER, P, "/api/v1/payment-requests/" + id + "/agreement", "{}").statusCode())
                .as("the provider cannot agree its own request").isEqualTo(404);
        UUID someoneElses = insertService(jdbc.sql("""
                        INSERT INTO directory_organization (id, council_id, name, kind)
                        VALUES (gen_random_uuid(), :c, 'Other Ltd', 'COMPANY') RETURNING id""").param("c", council)
                .query(UUID.class).single(), council, "PUBLISHED");
        HttpResponse<String> notOwn = http.postJsonAs(PROVIDER, P, "/api/v1/payment-requests", """
                {"citizenId": %d, "serviceId": "%s", "amountPence": 100, "description": "Yoga"}""".formatted(citizen, someoneElses));
        assertThat(notOwn.statusCode()).isEqualTo(422);
        assertThat(notOwn.body()).contains("serviceId");
        HttpResponse<String> unpublished = http.postJsonAs(PROVIDER, P, "/api/v1/payment-requests", """
                {"citizenId": %d, "serviceId": "%s", "amountPence": 100, "description": "Yoga"}""".formatted(citizen, service("AWAITING_CHECKS")));
        assertThat(unpublished.statusCode()).isEqualTo(422);
        assertThat(unpublished.body()).contains("not published");
        assertThat(http.postJsonAs(PROVIDER, P, "/api/v1/payment-requests", """
                {"citizenId": 999999999, "serviceId": "%s", "amountPence": 100, "description": "Yoga"}""".formatted(service))
                .body()).contains("citizenId");

        // bad input: nothing is sent
        long before = jdbc.sql("SELECT count(*) FROM directory_payment_request WHERE service_id = :s").param("s", service)
                .query(Long.class).single();
        for (String amount : new String[] {"-5", "1e9", "\"12.345\"", "0", "\"ten\""}) {
            HttpResponse<String> bad = http.postJsonAs(PROVIDER, P, "/api/v1/payment-requests", """
                    {"citizenId": %d, "serviceId": "%s", "amountPence": %s, "description": "Yoga"}""".formatted(citizen, service, amount));
            assertThat(bad.statusCode()).as(amount).isEqualTo(422);
            assertThat(bad.body()).as(amount).contains("amountPence");
        }
        HttpResponse<String> script = http.postJsonAs(PROVIDER, P, "/api/v1/payment-requests", """
                {"citizenId": %d, "serviceId": "%s", "amountPence": 100, "description": "<script>alert(1)</script>"}"""
                .formatted(citizen, service));
        assertThat(script.statusCode()).isEqualTo(422);
        assertThat(script.body()).contains("description");
        assertThat(jdbc.sql("SELECT count(*) FROM directory_payment_request WHERE service_id = :s").param("s", service)
                .query(Long.class).single()).isEqualTo(before);

        // more than the account covers: refused with what is there and when the next payment lands
        JsonNode tooMuch = send(citizen, service, available + 1, "A whole term");
        HttpResponse<String> refused = http.postJsonAs(ann.username(), annPassword, "/api/v1/payment-requests/" + tooMuch.get("id").asLong()
                + "/agreement", "{}");
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).contains("NOT_ENOUGH_MONEY").contains(Money.ofPence(available).formatWithPence());
        assertThat(ok(http.getAs(ann.username(), annPassword, "/api/v1/payment-requests/" + tooMuch.get("id").asLong()), 200).get("status").asString())
                .isEqualTo("WAITING");

        // a query, a change, then agreement (with an Idempotency-Key: the same POST again does nothing twice)
        ok(http.postJsonAs(ann.username(), annPassword, "/api/v1/payment-requests/" + id + "/query", "{\"message\": \"I only went to 3 sessions\"}"), 200);
        JsonNode seen = ok(http.getAs(PROVIDER, P, "/api/v1/payment-requests/" + id), 200);
        assertThat(seen.get("status").asString()).isEqualTo("QUERIED");
        assertThat(seen.get("queryMessage").asString()).isEqualTo("I only went to 3 sessions");
        JsonNode changed = ok(http.putJsonAs(PROVIDER, P, "/api/v1/payment-requests/" + id,
                "{\"amountPence\": 1125, \"description\": \"Chair yoga, 3 sessions\"}"), 200);
        assertThat(changed.get("status").asString()).isEqualTo("WAITING");
        long balance = ledger.balance(account).pence();
        assertThat(http.postJsonAs(REPRESENTATIVE, P, "/api/v1/payment-requests/" + id + "/agreement", "{}").statusCode())
                .as("a representative of other people").isEqualTo(404);
        JsonNode agreed = ok(http.postJsonAs(ann.username(), annPassword, "/api/v1/payment-requests/" + id + "/agreement", "{}",
                "Idempotency-Key", "agree-" + id), 200);
        assertThat(agreed.get("status").asString()).isEqualTo("AGREED");
        assertThat(agreed.get("budgetLinePosition").isNull()).isFalse();
        ok(http.postJsonAs(ann.username(), annPassword, "/api/v1/payment-requests/" + id + "/agreement", "{}", "Idempotency-Key", "agree-" + id), 200);
        assertThat(http.postJsonAs(ann.username(), annPassword, "/api/v1/payment-requests/" + id + "/agreement", "{}").statusCode())
                .as("agreeing twice").isEqualTo(409);
        assertThat(ledger.balance(account).pence()).as("spent once (leaving with the next payment)").isEqualTo(balance - 1125);
        assertThat(ok(http.getAs(ann.username(), annPassword, "/api/v1/payment-requests/" + id + "/affordability"), 200)
                .get("availablePence").asLong()).isEqualTo(6000 - 1125);
        assertThat(jdbc.sql("SELECT count(*) FROM ledger_transaction WHERE idempotency_key = :k")
                .param("k", "provider-charge:payment-request:" + id).query(Long.class).single()).isEqualTo(1);
        assertThat(delete("/api/v1/payment-requests/" + id).statusCode()).as("agreed: no withdrawing").isEqualTo(409);

        // a representative agrees for the person they act for
        long represented = jdbc.sql("""
                        SELECT a.citizen_id FROM citizen_access a JOIN app_user u ON u.id = a.user_id
                        JOIN dp_account d ON d.citizen_id = a.citizen_id AND d.status = 'OPEN'
                        WHERE u.username = :u AND a.relationship <> 'SELF' ORDER BY a.citizen_id LIMIT 1""").param("u", REPRESENTATIVE)
                .query(Long.class).single();
        JsonNode forThem = send(represented, service, 100, "Chair yoga taster");
        long theirAccount = ok(http.getAs(REPRESENTATIVE, P, "/api/v1/payment-requests/" + forThem.get("id").asLong() + "/affordability"),
                200).get("accountId").asLong();
        assertThat(ok(http.postJsonAs(REPRESENTATIVE, P, "/api/v1/payment-requests/" + forThem.get("id").asLong() + "/agreement",
                "{}"), 200).get("status").asString()).isEqualTo("AGREED");

        // the provider withdraws the one that was too much
        assertThat(ok(delete("/api/v1/payment-requests/" + tooMuch.get("id").asLong()), 200).get("status").asString())
                .isEqualTo("WITHDRAWN");
        assertThat(http.postJsonAs(ann.username(), annPassword, "/api/v1/payment-requests/" + tooMuch.get("id").asLong() + "/agreement", "{}")
                .statusCode()).isEqualTo(409);

        // the provider says where it is paid; the next run pays it, and the request reads as paid
        UUID org = jdbc.sql("SELECT organization_id FROM directory_service WHERE id = :s").param("s", service).query(UUID.class).single();
        bankAccounts.recordProviderAccount(((org.dphub.shared.SignedInUser.Holder) users.loadUserByUsername(PROVIDER)).signedInUser(),
                council, org, "Sunny Days CIC", new org.dphub.payments.BankDetails("Sunny Days CIC", "404784", "70346812", null));
        JsonNode run = new MoneyApi(http).runFor("finance@demo-england", SuiteDays.after(46));
        assertThat(jdbc.sql("SELECT netted_pence FROM payment WHERE run_id = :r AND account_id = :a")
                .param("r", run.get("id").asLong()).param("a", account).query(Long.class).single())
                .as("the person is paid their payment less what the provider is paid").isEqualTo(1125);
        ok(http.postJsonAs("finance2@demo-england", P, "/api/v1/payment-runs/" + run.get("id").asLong() + "/approval", "{}"), 200);
        assertThat(ok(http.getAs(ann.username(), annPassword, "/api/v1/payment-requests/" + id), 200).get("status").asString()).isEqualTo("PAID");
        assertThat(ok(http.getAs(PROVIDER, P, "/api/v1/payment-requests/" + id), 200).get("status").asString()).isEqualTo("PAID");
    }
}
