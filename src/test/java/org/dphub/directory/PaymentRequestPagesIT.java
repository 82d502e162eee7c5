package org.dphub.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.dphub.payments.Ledger;
import org.dphub.support.As;
import org.dphub.support.IntegrationTest;
import org.dphub.support.SuiteDays;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * The pages of a request for payment (issue 15), in English and Welsh: the provider says where it
 * is paid and sends a request; the person sees it on "Your money", asks about it, and agrees it
 * after the provider changes it; bad input is named and changes nothing; staff may look, not agree.
 */
@IntegrationTest
class PaymentRequestPagesIT {

    static final String PROVIDER = "provider@demo-england";
    static final String CITIZEN = "citizen@demo-england";

    @org.springframework.boot.test.web.server.LocalServerPort
    int port;
    @Autowired
    MockMvc mvc;
    @Autowired
    UserDetailsService users;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Ledger ledger;
    @Autowired
    org.dphub.people.Citizens citizens;
    @Autowired
    org.dphub.identity.UserAccounts userAccounts;

    MvcResult get(String user, String path, String lang) throws Exception {
        return mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get(path).param("lang", lang)
                .with(new As(users).user(user))).andReturn();
    }

    MvcResult post(String user, String path, String... params) throws Exception {
        var request = org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(path).with(csrf())
                .with(new As(users).user(user));
        for (int i = 0; i + 1 < params.length; i += 2) {
            request.param(params[i], params[i + 1]);
        }
        return mvc.perform(request).andReturn();
    }

    static String body(MvcResult result) throws Exception {
        return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    String organisationName;

    UUID publishedService() {
        long council = jdbc.sql("SELECT id FROM council WHERE code = 'demo-england'").query(Long.class).single();
        long user = jdbc.sql("SELECT id FROM app_user WHERE username = :u").param("u", PROVIDER).query(Long.class).single();
        jdbc.sql("""
                        INSERT INTO directory_organization (id, council_id, user_id, name, kind)
                        VALUES (:id, :council, :user, 'Sunny Days CIC', 'MICRO_ENTERPRISE') ON CONFLICT (user_id) DO NOTHING""")
                .param("id", UUID.randomUUID()).param("council", council).param("user", user).update();
        UUID org = jdbc.sql("SELECT id FROM directory_organization WHERE user_id = :u").param("u", user).query(UUID.class).single();
        // the demo may have given the provider its own organisation already: the pages show whichever it is
        organisationName = jdbc.sql("SELECT name FROM directory_organization WHERE id = :o").param("o", org).query(String.class).single();
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                        INSERT INTO directory_service (id, organization_id, council_id, name, description, status, delivery, cost_pence,
                            cost_unit, insurance_checked, safeguarding_checked)
                        VALUES (:id, :org, :council, 'Pottery for beginners', 'Clay and a wheel', 'PUBLISHED', 'ONLINE', 1200, 'SESSION',
                                true, true)""")
                .param("id", id).param("org", org).param("council", council).update();
        return id;
    }

    @Test
    void thePersonIsToldTheirDphubNumberAndTheProviderIsToldToAskForIt() throws Exception {
        long citizen = jdbc.sql("""
                        SELECT a.citizen_id FROM citizen_access a JOIN app_user u ON u.id = a.user_id
                        WHERE u.username = :u AND a.relationship = 'SELF'""").param("u", CITIZEN).query(Long.class).single();
        // the number as it is typed on the provider's form: never grouped like 12,345
        assertThat(body(get(CITIZEN, "/my-money", "en")))
                .contains("Your dphub number is " + citizen + ". Give it to a provider so they can ask you for payment.");
        assertThat(body(get(CITIZEN, "/my-money", "cy")))
                .contains("Eich rhif dphub yw " + citizen + ". Rhowch ef i ddarparwr er mwyn iddo allu gofyn i chi am daliad.");
        assertThat(body(get(CITIZEN, "/home", "en"))).contains("dphub number")
                .contains(citizen + ". Give it to a provider so they can ask for payment.");
        assertThat(body(get(CITIZEN, "/home", "cy"))).contains("Rhif dphub")
                .contains(citizen + ". Rhowch ef i ddarparwr er mwyn iddo allu gofyn am daliad.");

        // a representative is told the number of each person they act for, by name
        var represented = jdbc.sql("""
                        SELECT c.id, c.given_name || ' ' || c.family_name AS name FROM citizen_access a JOIN app_user u ON u.id = a.user_id
                        JOIN citizen c ON c.id = a.citizen_id WHERE u.username = 'representative@demo-england' ORDER BY c.id LIMIT 1""")
                .query((rs, n) -> java.util.Map.entry(rs.getLong("id"), rs.getString("name"))).single();
        String forThem = body(get("representative@demo-england", "/my-money", "en"));
        assertThat(org.springframework.web.util.HtmlUtils.htmlUnescape(forThem)).contains(represented.getValue() + "'s dphub number is "
                + represented.getKey() + ". Give it to a provider so they can ask " + represented.getValue() + " for payment.");
        assertThat(forThem).doesNotContain("Your dphub number is");
        // nobody else's number: not the person's on another council's page, and no number on a provider's home
        assertThat(body(get("citizen@demo-wales", "/my-money", "en"))).doesNotContain("dphub number is " + citizen + ".");
        assertThat(body(get(PROVIDER, "/home", "en"))).doesNotContain("dphub number");

        // the provider's form says what to ask the person for, and where they find it
        publishedService();
        assertThat(org.springframework.web.util.HtmlUtils.htmlUnescape(body(get(PROVIDER, "/provider/payment-requests", "en"))))
                .contains("Ask the person for their dphub number: it is on their \"Your money\" page and their home page.");
        assertThat(org.springframework.web.util.HtmlUtils.htmlUnescape(body(get(PROVIDER, "/provider/payment-requests", "cy"))))
                .contains("Gofynnwch i'r person am ei rif dphub: mae ar ei dudalen \"Eich arian\"");
    }

    @Test
    void aProviderAsksThePersonAsksBackAndAgreesOnYourMoneyInBothLanguages() throws Exception {
        UUID service = publishedService();
        // a person of the test's own, paid £50 a week from 41 days on: a provider is paid from the next payment
        // (never from money the person already holds), so the run this test makes has that payment in it
        var active = new org.dphub.support.MoneyApi(new org.dphub.support.Http(port)).activeWeekly("practitioner@demo-england",
                "Owain", SuiteDays.after(41), "PREPAID_CARD", 5000, "en");
        long citizen = active.citizenId();
        String person = citizens.giveOnlineAccount(userAccounts.findByUsername("practitioner@demo-england").orElseThrow(),
                citizen, "owain" + UUID.randomUUID() + "@example.com").username();
        jdbc.sql("UPDATE app_user SET must_change_password = FALSE WHERE username = :u").param("u", person).update();

        // where the council pays the provider: checked as the council's own accounts are
        assertThat(body(get(PROVIDER, "/provider/bank-details", "cy"))).contains("cyngor yn eich talu");
        MvcResult badBank = post(PROVIDER, "/provider/bank-details", "accountName", "Sunny Days CIC", "sortCode", "12-34",
                "accountNumber", "7034 6812", "reference", "");
        assertThat(badBank.getResponse().getStatus()).isEqualTo(200);
        assertThat(body(badBank)).contains("govuk-error-summary").contains("#sortCode");
        assertThat(post(PROVIDER, "/provider/bank-details", "accountName", "Sunny Days CIC", "sortCode", "40-47-84",
                "accountNumber", "7034 6812", "reference", "").getResponse().getRedirectedUrl()).isEqualTo("/provider/bank-details?saved=true");
        assertThat(body(get(PROVIDER, "/provider/bank-details", "en"))).contains("account number ending 6812");

        // the provider's page, in both languages; bad input is named and nothing is sent
        assertThat(body(get(PROVIDER, "/provider/payment-requests", "en"))).contains("Ask for payment").contains("Pottery for beginners");
        assertThat(body(get(PROVIDER, "/provider/payment-requests", "cy"))).contains("Gofyn am daliad");
        long before = jdbc.sql("SELECT count(*) FROM directory_payment_request WHERE service_id = :s").param("s", service)
                .query(Long.class).single();
        for (String[] bad : new String[][] {{"12.345", "Pottery"}, {"-5", "Pottery"}, {"1e9", "Pottery"},
                {"12.00", "<script>alert(1)</script>"}}) {
            MvcResult refused = post(PROVIDER, "/provider/payment-requests", "citizenId", Long.toString(citizen), "serviceId",
                    service.toString(), "amount", bad[0], "description", bad[1], "reference", "");
            assertThat(refused.getResponse().getStatus()).isEqualTo(200);
            assertThat(body(refused)).as(bad[0] + bad[1]).contains("govuk-error-summary")
                    .contains(bad[1].startsWith("<") ? "#description" : "#amount").doesNotContain("<script>alert(1)</script>");
        }
        assertThat(body(post(PROVIDER, "/provider/payment-requests", "citizenId", "999999999", "serviceId", service.toString(),
                "amount", "12.00", "description", "Pottery", "reference", ""))).contains("There is nobody with this dphub number");
        assertThat(jdbc.sql("SELECT count(*) FROM directory_payment_request WHERE service_id = :s").param("s", service)
                .query(Long.class).single()).isEqualTo(before);

        MvcResult sent = post(PROVIDER, "/provider/payment-requests", "citizenId", Long.toString(citizen), "serviceId",
                service.toString(), "amount", "36.00", "description", "Pottery, three sessions", "reference", "POT-9");
        String location = sent.getResponse().getRedirectedUrl();
        assertThat(location).startsWith("/provider/payment-requests/").endsWith("?sent=true");
        long id = Long.parseLong(location.substring("/provider/payment-requests/".length(), location.indexOf('?')));
        assertThat(body(get(PROVIDER, location, "en"))).contains("The request has been sent").contains("£36.00");

        // the person sees it on Your money and on its own page, with what the account can cover
        long account = jdbc.sql("SELECT id FROM dp_account WHERE citizen_id = :c AND status = 'OPEN' ORDER BY id LIMIT 1")
                .param("c", citizen).query(Long.class).single();
        assertThat(body(get(person, "/my-money", "en"))).contains("Requests for payment from providers").contains(organisationName)
                .contains("Waiting for you to agree or ask about it");
        assertThat(body(get(person, "/my-money", "cy"))).contains("Ceisiadau am daliad gan ddarparwyr");
        String page = body(get(person, "/payment-requests/" + id, "en"));
        assertThat(page).contains("asks to be paid").contains("Up to £50.00 can be paid to providers from your next payment")
                .contains("The council pays the provider from it and pays you the rest").contains("Agree and pay");
        assertThat(body(get(person, "/payment-requests/" + id, "cy"))).contains("Cytuno a thalu");
        assertThat(get("citizen@demo-wales", "/payment-requests/" + id, "en").getResponse().getStatus()).isEqualTo(404);
        assertThat(body(get("dp-team@demo-england", "/payment-requests/" + id, "en"))).doesNotContain("Agree and pay");
        assertThat(post("dp-team@demo-england", "/payment-requests/" + id, "action", "agree").getResponse().getStatus())
                .isEqualTo(403);

        // a question, a change, then agreement
        assertThat(body(post(person, "/payment-requests/" + id, "action", "query", "message", "<b>hi</b>")))
                .contains("govuk-error-summary").contains("#message");
        assertThat(post(person, "/payment-requests/" + id, "action", "query", "message", "I went to two sessions")
                .getResponse().getRedirectedUrl()).isEqualTo("/my-money");
        assertThat(body(get(PROVIDER, "/provider/payment-requests/" + id, "en"))).contains("I went to two sessions");
        assertThat(post(PROVIDER, "/provider/payment-requests/" + id, "action", "change", "amount", "24.00", "description",
                "Pottery, two sessions").getResponse().getRedirectedUrl()).isEqualTo("/provider/payment-requests/" + id);
        long balance = ledger.balance(account).pence();
        assertThat(post(person, "/payment-requests/" + id, "action", "agree", "budgetLine", "1").getResponse().getRedirectedUrl())
                .isEqualTo("/my-money");
        assertThat(post(person, "/payment-requests/" + id, "action", "agree", "budgetLine", "1").getResponse().getRedirectedUrl())
                .as("the same form sent twice (a double click) does nothing twice").isEqualTo("/my-money");
        assertThat(ledger.balance(account).pence()).isEqualTo(balance - 2400);
        assertThat(body(get(person, "/my-money", "en"))).contains("Agreed: the council pays the provider from your next payment")
                .contains("From it, to providers for you").contains("£24.00, so £26.00 comes to you");
        assertThat(body(get(person, "/my-money", "cy"))).contains("£24.00, felly daw £26.00 i chi");
        assertThat(body(get(PROVIDER, "/provider/payment-requests", "en"))).contains("Agreed: paid in the next run");

        // the next run pays the provider: both sides read it as paid
        var http = new org.dphub.support.Http(port);
        var run = new org.dphub.support.MoneyApi(http).runFor("finance@demo-england", SuiteDays.after(47));
        assertThat(jdbc.sql("SELECT amount_pence - netted_pence FROM payment WHERE run_id = :r AND account_id = :a")
                .param("r", run.get("id").asLong()).param("a", account).query(Long.class).single())
                .as("the person is paid £50 less the £24 the provider is paid").isEqualTo(2600);
        org.dphub.support.MoneyApi.ok(http.postJsonAs("finance2@demo-england", org.dphub.support.Http.DEMO_PASSWORD,
                "/api/v1/payment-runs/" + run.get("id").asLong() + "/approval", "{}"), 200);
        assertThat(body(get(person, "/my-money", "en"))).contains("Agreed and paid to the provider");
        assertThat(body(get(person, "/my-money", "cy"))).contains("Wedi cytuno a");
        assertThat(body(get(PROVIDER, "/provider/payment-requests", "cy"))).contains("Wedi talu");
    }
}
