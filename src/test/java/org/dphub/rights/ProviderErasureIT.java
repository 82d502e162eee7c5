package org.dphub.rights;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.UUID;
import org.dphub.people.Citizens;
import org.dphub.people.OnlineAccount;
import org.dphub.identity.UserAccounts;
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
 * Issue 17, a provider who leaves the directory and asks to be forgotten (a sole trader's listing and sign-in are
 * their own personal data), through the real API and pages: refused, nothing changed, while a request for payment
 * waits and while money a person paid them is not yet paid on; once the run has paid them, they leave on "Your
 * data" themself: their services out of the directory for good, description, contact details and places gone,
 * signed out and unable to sign in, the names and money records kept, the step recorded and audited. The DP team
 * erases a provider who asked by phone on the provider's data page; other staff are refused. The retention job
 * removes the names and bank details only once the years have passed since the last payment.
 */
@IntegrationTest
class ProviderErasureIT {

    static final String P = Http.DEMO_PASSWORD;
    static final String PROVIDER_PASSWORD = "a-long-provider-password-1";
    static final String TEAM = "dp-team@demo-england";
    static final String COMMUNITY = "6a1d6a2e-5d1f-4c1b-9a52-000000000009";

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Citizens citizens;
    @Autowired
    UserAccounts accounts;
    @Autowired
    PersonalDataRights rights;
    @Autowired
    org.dphub.payments.BankAccounts bankAccounts;
    @Autowired
    org.springframework.security.core.userdetails.UserDetailsService users;

    Http http;

    @BeforeEach
    void client() {
        http = new Http(port);
    }

    long count(String sql, Object... params) {
        return jdbc.sql(sql).params(params).query(Long.class).single();
    }

    /** A sole trader who signed themself up in demo-england, with one service that comes to people from their home, published. */
    record Provider(String username, UUID organisation, UUID service) {
    }

    Provider soleTrader(String name) {
        String email = "sole-" + UUID.randomUUID() + "@example.org";
        MoneyApi.ok(http.postJson("/api/v1/provider-registrations", """
                {"email": "%s", "password": "%s", "displayName": "%s", "councilCode": "demo-england",
                 "organization": {"name": "%s Gardening", "description": "I am %s and I garden for people near Shrewsbury",
                                  "kind": "MICRO_ENTERPRISE", "email": "%s", "phone": "07700 900456",
                                  "website": "https://gardening.example.org"}}"""
                .formatted(email, PROVIDER_PASSWORD, name, name, name, email)), 201);
        JsonNode service = MoneyApi.ok(http.postJsonAs(email, PROVIDER_PASSWORD, "/api/v1/directory/services", """
                {"name": "Garden help", "description": "I come to your garden: ring me on 07700 900456.", "delivery": "COMES_TO_YOU",
                 "postcode": "SY3 7FA", "travelKm": 10, "email": "%s", "taxonomyTermIds": ["%s"],
                 "schedules": [{"day": "TUESDAY", "opensAt": "10:00", "closesAt": "12:00"}],
                 "costPence": 1500, "costUnit": "HOUR", "languages": ["en"]}""".formatted(email, COMMUNITY)), 201);
        UUID serviceId = UUID.fromString(service.get("id").asString());
        MoneyApi.ok(http.postJsonAs(TEAM, P, "/api/v1/directory/services/" + serviceId + "/checks",
                "{\"insuranceChecked\": true, \"safeguardingChecked\": true}"), 200);
        UUID organisation = jdbc.sql("SELECT organization_id FROM directory_service WHERE id = ?").param(serviceId).query(UUID.class).single();
        return new Provider(email, organisation, serviceId);
    }

    /** The provider's rows as they stand: organisation, services, sign-in, steps. */
    String snapshot(Provider p) {
        return jdbc.sql("SELECT concat_ws(' | ', (SELECT row_to_json(o)::text FROM directory_organization o WHERE id = ?),"
                        + " (SELECT string_agg(row_to_json(s)::text, ',') FROM directory_service s WHERE organization_id = ?),"
                        + " (SELECT row_to_json(u)::text FROM app_user u WHERE username = ?),"
                        + " (SELECT count(*) FROM personal_data_redaction WHERE organization_id = ?)::text)")
                .param(p.organisation()).param(p.organisation()).param(p.username()).param(p.organisation()).query(String.class).single();
    }

    @Test
    void aProviderIsRefusedWhileOwedThenLeavesTheDirectoryOnYourDataKeepingTheMoneyRecords() throws Exception {
        Provider p = soleTrader("Morgan Pryce");
        // a person of the test's own, paid £60 a week from 40 days on, with a sign-in of their own
        MoneyApi.Active active = new MoneyApi(http).activeWeekly("practitioner@demo-england", "Eirlys", SuiteDays.after(40),
                "PREPAID_CARD", 6000, "en");
        OnlineAccount person = citizens.giveOnlineAccount(accounts.findByUsername("practitioner@demo-england").orElseThrow(),
                active.citizenId(), "eirlys" + UUID.randomUUID() + "@example.com");
        String personPassword = http.choosesOwnPassword(person.username(), person.temporaryPassword());
        long request = MoneyApi.ok(http.postJsonAs(p.username(), PROVIDER_PASSWORD, "/api/v1/payment-requests", """
                {"citizenId": %d, "serviceId": "%s", "amountPence": 3000, "description": "Two hours in the garden",
                 "reference": "MP-1", "dates": ["%s"]}""".formatted(active.citizenId(), p.service(), LocalDate.now())), 201)
                .get("id").asLong();

        // "Your data" offers to leave; the page that asks them to be sure, in English and in Welsh
        String session = http.signIn(p.username(), PROVIDER_PASSWORD);
        HttpResponse<String> yourData = http.get("/your-data", "Cookie", session);
        assertThat(yourData.body()).contains("Leave the directory and erase your data", "href=\"/your-data/leave-directory\"");
        HttpResponse<String> confirm = http.get("/your-data/leave-directory", "Cookie", session);
        assertThat(confirm.statusCode()).isEqualTo(200);
        assertThat(confirm.body()).contains("Morgan Pryce Gardening", "You cannot undo this", "The payments made to you",
                "You can sign up again later");
        assertThat(http.get("/your-data/leave-directory?lang=cy", "Cookie", session).body())
                .contains("Gadael y cyfeiriadur a dileu eich data", "Ni allwch ddadwneud hyn");

        // refused while the request waits: in their own words on the page, nothing changed (the API too)
        String before = snapshot(p);
        HttpResponse<String> refused = http.postForm("/your-data/leave-directory", "_csrf=" + Http.csrfToken(confirm.body()), "Cookie", session);
        assertThat(refused.statusCode()).isEqualTo(200);
        assertThat(refused.body()).contains("You cannot leave the directory yet", "A request you sent for payment is waiting for the person");
        HttpResponse<String> refusedApi = http.postJsonAs(p.username(), PROVIDER_PASSWORD, "/api/v1/me/provider-erasure", "");
        assertThat(refusedApi.statusCode()).as(refusedApi.body()).isEqualTo(409);
        assertThat(refusedApi.body()).as("in the page's words").contains("settleFirst", "You cannot leave the directory yet",
                "A request you sent for payment is waiting for the person");
        assertThat(snapshot(p)).as("nothing changed").isEqualTo(before);

        // the person agrees: the money is theirs to be paid in the next run, so still refused, still nothing changed
        MoneyApi.ok(http.postJsonAs(person.username(), personPassword, "/api/v1/payment-requests/" + request + "/agreement", "{}"), 200);
        HttpResponse<String> owed = http.postJsonAs(TEAM, P, "/api/v1/providers/" + p.organisation() + "/erasure", "");
        assertThat(owed.statusCode()).as(owed.body()).isEqualTo(409);
        assertThat(owed.body()).contains("We cannot erase this provider's data yet", "has not yet been paid on to them")
                .doesNotContain("A request they sent");
        assertThat(http.postJsonAs(TEAM, P, "/api/v1/providers/" + p.organisation() + "/erasure?lang=cy", "").body())
                .contains("Ni allwn ddileu data'r darparwr hwn eto", "Nid yw arian a dalodd pobl iddynt");
        assertThat(snapshot(p)).as("nothing changed").isEqualTo(before);

        // the provider says where it is paid; the run pays it
        long council = jdbc.sql("SELECT council_id FROM directory_organization WHERE id = ?").param(p.organisation()).query(Long.class).single();
        bankAccounts.recordProviderAccount(((org.dphub.shared.SignedInUser.Holder) users.loadUserByUsername(p.username())).signedInUser(),
                council, p.organisation(), "Morgan Pryce Gardening", new org.dphub.payments.BankDetails("M Pryce", "404784", "70346812", null));
        // a run date no other test uses: a run is found by its date, and PaymentRequestsIT's (+46) must be its own
        JsonNode run = new MoneyApi(http).runFor("finance@demo-england", SuiteDays.after(45));
        MoneyApi.ok(http.postJsonAs("finance2@demo-england", P, "/api/v1/payment-runs/" + run.get("id").asLong() + "/approval", "{}"), 200);
        assertThat(count("SELECT count(*) FROM provider_charge WHERE organization_id = ? AND payout_id IS NULL", p.organisation())).isZero();

        // now they leave: signed out and told so
        String phone = http.signIn(p.username(), PROVIDER_PASSWORD);
        HttpResponse<String> left = http.postForm("/your-data/leave-directory", "_csrf=" + Http.csrfToken(confirm.body()), "Cookie", session);
        assertThat(left.statusCode()).as(left.body()).isEqualTo(302);
        assertThat(left.headers().firstValue("Location").orElse("")).endsWith("/?left-directory");
        assertThat(http.get("/?left-directory").body()).contains("We have erased your data and taken your services out of the directory");
        assertThat(http.get("/?left-directory&lang=cy").body()).contains("Rydym wedi dileu eich data a thynnu eich gwasanaethau");
        assertThat(http.get("/your-data", "Cookie", session).statusCode()).as("the session has ended").isEqualTo(302);
        long until = System.currentTimeMillis() + 15_000;
        while (http.get("/your-data", "Cookie", phone).statusCode() == 200 && System.currentTimeMillis() < until) {
            java.util.concurrent.locks.LockSupport.parkNanos(100_000_000);
        }
        assertThat(http.get("/your-data", "Cookie", phone).statusCode()).as("and on another device").isEqualTo(302);
        assertThat(http.getAs(p.username(), PROVIDER_PASSWORD, "/api/v1/me").statusCode()).as("cannot sign in").isEqualTo(401);

        // the listing: out of the directory for good, its words, contacts and place gone; the names stay
        var org = jdbc.sql("SELECT name, description, email, phone, website FROM directory_organization WHERE id = ?")
                .param(p.organisation()).query().singleRow();
        assertThat(org.get("name")).isEqualTo("Morgan Pryce Gardening");
        assertThat(org.get("description")).isEqualTo("");
        assertThat(org.get("email")).isNull();
        assertThat(org.get("phone")).isNull();
        assertThat(org.get("website")).isNull();
        var service = jdbc.sql("SELECT name, description, status, email, postcode, latitude FROM directory_service WHERE id = ?")
                .param(p.service()).query().singleRow();
        assertThat(service.get("status")).isEqualTo("WITHDRAWN");
        assertThat(service.get("name")).isEqualTo("Garden help");
        assertThat(service.get("description")).isEqualTo("Erased");
        assertThat(service.get("email")).isNull();
        assertThat(service.get("postcode")).isNull();
        assertThat(service.get("latitude")).isNull();
        assertThat(http.getAs(person.username(), personPassword, "/api/v1/directory/services/" + p.service()).statusCode())
                .as("nobody finds it").isEqualTo(404);
        assertThat(count("SELECT count(*) FROM app_user WHERE username = ?", p.username())).as("the email may sign up again").isZero();
        assertThat(count("SELECT count(*) FROM audit_event WHERE entity_type IN ('directory_organization', 'directory_service')"
                + " AND entity_id IN (?, ?) AND (after_state::text LIKE '%Morgan%' OR after_state::text LIKE '%07700%'"
                + " OR before_state::text LIKE '%07700%')", p.organisation().toString(), p.service().toString()))
                .as("the audit trail no longer holds what they wrote").isZero();
        assertThat(count("SELECT count(*) FROM audit_event WHERE entity_type IN ('directory_organization', 'directory_service')"
                + " AND entity_id IN (?, ?)", p.organisation().toString(), p.service().toString())).as("its entries stay").isPositive();

        // the money records: the payment, its name and the bank details kept
        assertThat(count("SELECT count(*) FROM provider_payout WHERE organization_id = ? AND organization_name = 'Morgan Pryce Gardening'",
                p.organisation())).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM bank_details WHERE organization_id = ? AND account_number = '70346812'", p.organisation()))
                .isEqualTo(1);

        // recorded in no name of theirs and audited; the DP team sees the step, and a second erasure is refused
        assertThat(count("SELECT count(*) FROM personal_data_redaction WHERE organization_id = ? AND step = 'ERASURE' AND council_id = ?"
                + " AND carried_out_by = 'the provider themself' AND jsonb_array_length(kept) > 0", p.organisation(), council)).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM audit_event WHERE entity_type = 'personal_data_erasure' AND actor = 'the provider themself'"
                + " AND after_state ->> 'organizationId' = ?", p.organisation().toString())).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM event_publication WHERE serialized_event LIKE ?", "%" + p.username() + "%"))
                .as("nor in the module events kept after delivery").isZero();
        String team = http.signIn(TEAM, P);
        assertThat(http.get("/providers/" + p.organisation() + "/personal-data", "Cookie", team).body())
                .contains("Erased on", "Their services are out of the directory for good").doesNotContain("erase-button");
        assertThat(http.get("/directory-checks/" + p.service(), "Cookie", team).body())
                .as("the DP team's page of the withdrawn service").contains("Not kept: the provider left the directory");
        HttpResponse<String> twice = http.postJsonAs(TEAM, P, "/api/v1/providers/" + p.organisation() + "/erasure", "");
        assertThat(twice.statusCode()).isEqualTo(409);
        assertThat(twice.body()).contains("already been erased");

        // the retention job: nothing before the years have passed since the last payment, then the names and bank details go
        LocalDate paid = jdbc.sql("SELECT due_date FROM provider_payout WHERE organization_id = ?").param(p.organisation())
                .query(LocalDate.class).single();
        rights.applyRetention(paid.plusYears(rights.retentionYears()).minusDays(1));
        assertThat(count("SELECT count(*) FROM personal_data_redaction WHERE organization_id = ? AND step = 'RETENTION'", p.organisation()))
                .isZero();
        rights.applyRetention(paid.plusYears(rights.retentionYears()));
        assertThat(jdbc.sql("SELECT name FROM directory_organization WHERE id = ?").param(p.organisation()).query(String.class).single())
                .isEqualTo("Erased provider");
        assertThat(count("SELECT count(*) FROM provider_payout WHERE organization_id = ? AND organization_name = 'Erased provider'",
                p.organisation())).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM bank_details WHERE organization_id = ? AND account_name = 'Erased'"
                + " AND account_number = '00000000'", p.organisation())).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM personal_data_redaction WHERE organization_id = ? AND step = 'RETENTION'", p.organisation()))
                .isEqualTo(1);

        // not anyone's page: a citizen, a PA
        assertThat(http.get("/your-data/leave-directory", "Cookie", http.signIn(person.username(), personPassword)).statusCode())
                .isEqualTo(404);
        assertThat(http.postJsonAs("pa@demo-england", P, "/api/v1/me/provider-erasure", "").statusCode()).isEqualTo(404);
    }

    @Test
    void theDpTeamErasesAProviderWhoAskedByPhoneAndNoOtherStaffMay() {
        Provider p = soleTrader("Rhian Bowen");
        String path = "/api/v1/providers/" + p.organisation() + "/erasure";
        String page = "/providers/" + p.organisation() + "/personal-data";
        String before = snapshot(p);

        // refusals: another council's DP team and anyone not staff find nothing; a practitioner may not; an unknown id
        assertThat(http.postJsonAs("dp-team@demo-wales", P, path, "").statusCode()).isEqualTo(404);
        assertThat(http.postJsonAs("citizen@demo-england", P, path, "").statusCode()).isEqualTo(404);
        assertThat(http.postJsonAs(p.username(), PROVIDER_PASSWORD, path, "").statusCode()).as("the provider themself, as staff")
                .isEqualTo(404);
        assertThat(http.postJsonAs("practitioner@demo-england", P, path, "").statusCode()).isEqualTo(403);
        assertThat(http.postJsonAs(TEAM, P, "/api/v1/providers/" + UUID.randomUUID() + "/erasure", "").statusCode()).isEqualTo(404);
        assertThat(http.postJsonAs(TEAM, P, "/api/v1/providers/not-a-uuid/erasure", "").statusCode()).isEqualTo(400);
        assertThat(http.get(page, "Cookie", http.signIn("dp-team@demo-wales", P)).statusCode()).isEqualTo(404);
        assertThat(http.get(page, "Cookie", http.signIn("practitioner@demo-england", P)).statusCode()).isEqualTo(404);
        assertThat(snapshot(p)).as("nothing changed").isEqualTo(before);

        // their whole record, for a request made by phone: what their sign-in holds, for the DP team only, audited
        HttpResponse<String> record = http.getAs(TEAM, P, "/api/v1/providers/" + p.organisation() + "/subject-access");
        assertThat(record.statusCode()).isEqualTo(200);
        assertThat(record.body()).contains("Rhian Bowen Gardening", "Garden help", p.username());
        assertThat(http.getAs("practitioner@demo-england", P, "/api/v1/providers/" + p.organisation() + "/subject-access").statusCode())
                .isEqualTo(404);
        assertThat(http.getAs("dp-team@demo-wales", P, "/api/v1/providers/" + p.organisation() + "/subject-access").statusCode())
                .isEqualTo(404);
        assertThat(count("SELECT count(*) FROM audit_event WHERE entity_type = 'subject_access' AND actor = ? AND entity_id = ("
                + "SELECT 'user-' || id FROM app_user WHERE username = ?)", TEAM, p.username())).isEqualTo(1);

        // the DP team's page: linked from the check of the service, with what is kept and why, in both languages
        String team = http.signIn(TEAM, P);
        assertThat(http.get("/directory-checks/" + p.service(), "Cookie", team).body()).contains("href=\"" + page + "\"");
        HttpResponse<String> shown = http.get(page, "Cookie", team);
        assertThat(shown.statusCode()).isEqualTo(200);
        assertThat(shown.body()).as("told of the provider, not to them").contains("after the last payment to them")
                .doesNotContain("payment to you");
        assertThat(shown.body()).contains("Rhian Bowen Gardening: their data", "Do this only when the provider has asked", "erase-button",
                "href=\"" + page + ".pdf\"");
        HttpResponse<String> pdf = http.get(page + ".pdf", "Cookie", team);
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdf.body()).startsWith("%PDF");
        assertThat(http.get(page + "?lang=cy", "Cookie", team).body()).contains("Rhian Bowen Gardening: eu data", "Dileu eu data");
        String provider = http.signIn(p.username(), PROVIDER_PASSWORD);

        HttpResponse<String> erased = http.postForm(page + "/erasure", "_csrf=" + Http.csrfToken(shown.body()), "Cookie", team);
        assertThat(erased.statusCode()).as(erased.body()).isEqualTo(302);
        assertThat(erased.headers().firstValue("Location").orElse("")).endsWith(page + "?erased");
        assertThat(http.get(page + "?erased", "Cookie", team).body()).contains("Their data has been erased", "The names of the provider and its services");
        assertThat(count("SELECT count(*) FROM personal_data_redaction WHERE organization_id = ? AND carried_out_by = ?", p.organisation(), TEAM))
                .isEqualTo(1);
        assertThat(count("SELECT count(*) FROM directory_service WHERE organization_id = ? AND status <> 'WITHDRAWN'", p.organisation())).isZero();
        long until = System.currentTimeMillis() + 15_000;
        while (http.get("/your-data", "Cookie", provider).statusCode() == 200 && System.currentTimeMillis() < until) {
            java.util.concurrent.locks.LockSupport.parkNanos(100_000_000);
        }
        assertThat(http.get("/your-data", "Cookie", provider).statusCode()).as("their session ends").isEqualTo(302);
        assertThat(http.getAs(p.username(), PROVIDER_PASSWORD, "/api/v1/me").statusCode()).isEqualTo(401);

        // never paid, so no money record keeps its name: the next retention run removes it (and a provider with none
        // among others does not stop the job)
        rights.applyRetention(LocalDate.now());
        assertThat(jdbc.sql("SELECT name FROM directory_organization WHERE id = ?").param(p.organisation()).query(String.class).single())
                .isEqualTo("Erased provider");

        // the API's answer, in Welsh, for another provider
        Provider other = soleTrader("Gethin Lloyd");
        JsonNode cy = MoneyApi.ok(http.postJsonAs(TEAM, P, "/api/v1/providers/" + other.organisation() + "/erasure?lang=cy", ""), 201);
        assertThat(cy.get("organizationId").asString()).isEqualTo(other.organisation().toString());
        assertThat(cy.get("removed").toString()).contains("Eu mewngofnodi");
        assertThat(cy.get("kept").toString()).contains("Enwau'r darparwr");
    }
}
