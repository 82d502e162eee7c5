package org.dphub.payments;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.dphub.directory.Directory;
import org.dphub.directory.Organization;
import org.dphub.directory.OrganizationKind;
import org.dphub.people.OnlineAccount;
import org.dphub.shared.Money;
import org.dphub.support.Http;
import org.dphub.support.IntegrationTest;
import org.dphub.support.MoneyApi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Individual service funds and managed accounts (issue 18) through the API: the plan names an ISF
 * provider from the council's directory (anything else refused, nothing saved); the payment run pays
 * the provider for the ISF line and the person for the rest, to the penny; the provider reports
 * spending against outcomes (one line or a CSV, all or nothing, line-numbered errors) and what is left
 * follows; no return is asked for the fund; a managed account names its provider and is monitored
 * with a light touch; refusals for other councils, citizens and other providers.
 */
@IntegrationTest
class ServiceFundsIT {

    static final String P = Http.DEMO_PASSWORD;
    static final String PRACTITIONER = "practitioner@demo-england";
    static final String FINANCE = "finance@demo-england";
    static final String FINANCE2 = "finance2@demo-england";
    static final String DP_TEAM = "dp-team@demo-england";

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Directory directory;
    @Autowired
    Ledger ledger;
    @Autowired
    org.dphub.people.Citizens citizens;
    @Autowired
    org.dphub.identity.UserAccounts userAccounts;

    Http http;
    MoneyApi money;

    @BeforeEach
    void client() {
        http = new Http(port);
        money = new MoneyApi(http);
    }

    long council(String code) {
        return jdbc.sql("SELECT id FROM council WHERE code = :c").param("c", code).query(Long.class).single();
    }

    /** A provider of the test's own: its sign-in, organisation, a service in this status, and (if asked) bank details. */
    record Provider(String username, UUID organizationId, String name) {
    }

    Provider provider(String councilCode, String serviceStatus, boolean bankDetails) {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String email = "isf-" + tag + "@example.com";
        String name = "Isf Care " + tag;
        long council = council(councilCode);
        long user = directory.registerProvider(email, "a long isf password " + tag, "Isf " + tag, council,
                new Organization.Input(name, "Support at home and out and about", OrganizationKind.COMPANY, email, null, null),
                "isf-test-" + tag);
        UUID org = jdbc.sql("SELECT id FROM directory_organization WHERE user_id = :u").param("u", user).query(UUID.class).single();
        jdbc.sql("""
                        INSERT INTO directory_service (id, organization_id, council_id, name, description, status, delivery, cost_pence,
                            cost_unit, insurance_checked, safeguarding_checked)
                        VALUES (:id, :org, :council, 'Support at home', 'Support planned with you', :status, 'ONLINE', 2000, 'HOUR',
                                true, true)""")
                .param("id", UUID.randomUUID()).param("org", org).param("council", council).param("status", serviceStatus).update();
        if (bankDetails) {
            jdbc.sql("""
                            INSERT INTO bank_details (council_id, purpose, organization_id, account_name, sort_code, account_number, recorded_by)
                            VALUES (:c, 'PROVIDER', :org, 'ISF CARE LTD', '401234', :number, 'test')""")
                    .param("c", council).param("org", org).param("number", String.format("%08d", Math.abs(tag.hashCode()) % 100_000_000))
                    .update();
        }
        return new Provider(email, org, name);
    }

    long citizen(String givenName) {
        return MoneyApi.ok(http.postJsonAs(PRACTITIONER, P, "/api/v1/citizens", """
                {"givenName": "%s", "familyName": "Fund", "dateOfBirth": "1970-03-03", "postcode": "SY1 1AA", "preferredLanguage": "en"}"""
                .formatted(givenName)), 201).get("id").asLong();
    }

    /** A weekly plan: a direct payment line of {@code dpPence} and an ISF line of {@code isfPence} held by {@code provider}. */
    HttpResponse<String> plan(long citizen, LocalDate start, long dpPence, long isfPence, String provider) {
        return http.postJsonAs(PRACTITIONER, P, "/api/v1/citizens/" + citizen + "/plans", """
                {"startDate": "%s", "paymentFrequency": "WEEKLY",
                 "outcomes": [{"text": "Get out and about"}, {"text": "Go to football with my brother"}],
                 "budgetLines": [{"description": "PA", "kind": "WEEKLY", "weeklyAmountPence": %d, "outcomes": [1]},
                                 {"description": "Support from the provider", "kind": "WEEKLY", "weeklyAmountPence": %d, "outcomes": [2],
                                  "deliveryMechanism": "INDIVIDUAL_SERVICE_FUND"%s}]}"""
                .formatted(start, dpPence, isfPence, provider == null ? "" : ", \"isfProviderId\": \"" + provider + "\""));
    }

    /** The plan, a direct payment of this account type agreed on paper: {citizen, plan, dp, person's account, fund}. */
    long[] active(String givenName, LocalDate start, String accountType, long dpPence, long isfPence, Provider provider) {
        long citizen = citizen(givenName);
        long plan = MoneyApi.ok(plan(citizen, start, dpPence, isfPence, provider.organizationId().toString()), 201).get("id").asLong();
        long dp = MoneyApi.ok(http.postJsonAs(PRACTITIONER, P, "/api/v1/citizens/" + citizen + "/direct-payments", """
                {"planId": %d, "accountType": "%s", "requestedOn": "%s", "startDate": "%s"}"""
                .formatted(plan, accountType, start.minusDays(10), start)), 201).get("id").asLong();
        long account = money.agreeOnPaper(PRACTITIONER, dp, start.minusDays(5));
        long fund = jdbc.sql("SELECT id FROM dp_account WHERE isf_direct_payment_id = :dp").param("dp", dp).query(Long.class).single();
        return new long[] {citizen, plan, dp, account, fund};
    }

    static String field(HttpResponse<String> response) {
        JsonNode body = MoneyApi.ok(response, 422);
        return body.get("errors").get(0).get("field").asString();
    }

    @Test
    void theIsfProviderMustBeListedInTheCouncilsDirectoryOrNothingIsSaved() {
        Provider listed = provider("demo-england", "PUBLISHED", true);
        Provider unlisted = provider("demo-england", "AWAITING_CHECKS", false);
        Provider otherCouncil = provider("demo-wales", "PUBLISHED", false);
        long citizen = citizen("Ffion");
        LocalDate start = LocalDate.now().plusDays(3);

        for (String bad : new String[] {null, "not-a-uuid", UUID.randomUUID().toString(), unlisted.organizationId().toString(),
                otherCouncil.organizationId().toString()}) {
            HttpResponse<String> refused = plan(citizen, start, 5000, 3000, bad);
            assertThat(field(refused)).as(String.valueOf(bad)).isEqualTo("budgetLines[1].isfProviderId");
            assertThat(refused.body()).contains(bad == null ? "Choose the provider" : "listed in your council");
        }
        assertThat(jdbc.sql("SELECT count(*) FROM care_plan WHERE citizen_id = :c").param("c", citizen).query(Long.class).single())
                .as("nothing saved").isZero();

        JsonNode plan = MoneyApi.ok(plan(citizen, start, 5000, 3000, listed.organizationId().toString()), 201);
        JsonNode isfLine = plan.get("budgetLines").get(1);
        assertThat(isfLine.get("deliveryMechanism").asString()).isEqualTo("INDIVIDUAL_SERVICE_FUND");
        assertThat(isfLine.get("isfProviderId").asString()).isEqualTo(listed.organizationId().toString());
        assertThat(isfLine.get("isfProviderName").asString()).isEqualTo(listed.name());
        assertThat(plan.get("budgetLines").get(0).get("isfProviderId").isNull()).isTrue();
        assertThat(plan.get("regularPaymentPence").asLong()).as("the personal budget is every line").isEqualTo(8000);
    }

    @Test
    void theRunPaysTheProviderForTheFundAndThePersonTheRestAndTheProviderReportsSpending() throws Exception {
        Provider provider = provider("demo-england", "PUBLISHED", true);
        LocalDate start = LocalDate.now().minusDays(19); // weekly: due today-19 and today-12, paid by a run for today-11
        long[] ids = active("Gethin", start, "PREPAID_CARD", 6123, 4077, provider);
        long citizen = ids[0];
        long account = ids[3];
        long fund = ids[4];

        JsonNode funds = MoneyApi.ok(http.getAs(PRACTITIONER, P, "/api/v1/citizens/" + citizen + "/service-funds"), 200);
        assertThat(funds.size()).isEqualTo(1);
        assertThat(funds.get(0).get("provider").asString()).isEqualTo(provider.name());
        assertThat(funds.get(0).get("leftPence").asLong()).as("nothing paid yet").isZero();

        JsonNode run = money.runFor(FINANCE, LocalDate.now().minusDays(11));
        long runId = run.get("id").asLong();
        assertThat(run.get("status").asString()).isEqualTo("READY_FOR_APPROVAL");
        List<Map<String, Object>> paid = jdbc.sql("""
                        SELECT p.account_id, p.amount_pence - p.netted_pence AS pence, b.purpose, b.organization_id
                        FROM payment p JOIN bank_details b ON b.id = p.bank_details_id
                        WHERE p.run_id = :r AND p.account_id IN (:a, :f) ORDER BY p.account_id, p.due_date""")
                .param("r", runId).param("a", account).param("f", fund).query().listOfRows();
        assertThat(paid).as("two weeks each: the person's part to their card, the fund's to the provider's bank").hasSize(4);
        assertThat(paid.stream().filter(r -> ((Number) r.get("account_id")).longValue() == account)
                .mapToLong(r -> ((Number) r.get("pence")).longValue()).sum()).isEqualTo(2 * 6123);
        assertThat(paid.stream().filter(r -> ((Number) r.get("account_id")).longValue() == fund)
                .mapToLong(r -> ((Number) r.get("pence")).longValue()).sum()).isEqualTo(2 * 4077);
        assertThat(paid.stream().filter(r -> ((Number) r.get("account_id")).longValue() == fund)
                .map(r -> r.get("organization_id").toString()).distinct().toList()).containsExactly(provider.organizationId().toString());
        assertThat(paid.stream().filter(r -> ((Number) r.get("account_id")).longValue() == account)
                .map(r -> r.get("purpose")).distinct().toList()).containsExactly("CARD_PROVIDER");

        MoneyApi.ok(http.postJsonAs(FINANCE2, P, "/api/v1/payment-runs/" + runId + "/approval", "{}"), 200);
        HttpResponse<String> file = http.getAs(FINANCE, P, "/api/v1/payment-runs/" + runId + "/bank-file");
        assertThat(file.statusCode()).isEqualTo(200);
        assertThat(file.body()).as("the provider is paid, its remittance naming the fund").contains("DPHUB ISF " + fund)
                .contains("ISF CARE LTD");
        assertThat(ledger.balance(account)).isEqualTo(Money.ofPence(2 * 6123));
        assertThat(ledger.balance(fund)).isEqualTo(Money.ofPence(2 * 4077));

        // the provider reports spending against the plan's outcomes
        JsonNode posted = MoneyApi.ok(http.postJsonAs(provider.username(), "a long isf password " + provider.username().substring(4, 12),
                "/api/v1/service-funds/" + fund + "/spending", """
                {"spentOn": "%s", "amountPence": 2550, "description": "Football coaching, 2 hours", "outcome": 2,
                 "idempotencyKey": "week-1"}""".formatted(LocalDate.now().minusDays(2))), 201);
        assertThat(posted.get("posted").asInt()).isEqualTo(1);
        // the same key again posts nothing more
        MoneyApi.ok(http.postJsonAs(provider.username(), password(provider), "/api/v1/service-funds/" + fund + "/spending", """
                {"spentOn": "%s", "amountPence": 2550, "description": "Football coaching, 2 hours", "outcome": 2,
                 "idempotencyKey": "week-1"}""".formatted(LocalDate.now().minusDays(2))), 201);
        // the DP team records for the provider too
        MoneyApi.ok(http.postJsonAs(DP_TEAM, P, "/api/v1/service-funds/" + fund + "/spending", """
                {"spentOn": "%s", "amountPence": 1000, "description": "Bus fares to the match", "outcome": 1}"""
                .formatted(LocalDate.now().minusDays(1))), 201);

        JsonNode seen = MoneyApi.ok(http.getAs(PRACTITIONER, P, "/api/v1/service-funds/" + fund), 200);
        assertThat(seen.get("receivedPence").asLong()).isEqualTo(2 * 4077);
        assertThat(seen.get("spentPence").asLong()).isEqualTo(3550);
        assertThat(seen.get("leftPence").asLong()).isEqualTo(2 * 4077 - 3550);
        assertThat(seen.get("byOutcome").get(1).get("spentPence").asLong()).isEqualTo(2550);
        assertThat(seen.get("byOutcome").get(0).get("spentPence").asLong()).isEqualTo(1000);
        assertThat(ledger.balance(fund)).as("the ledger is what is left").isEqualTo(Money.ofPence(2 * 4077 - 3550));
        assertThat(ledger.balance(account)).as("the person's own money is untouched").isEqualTo(Money.ofPence(2 * 6123));

        // more than is left is refused, naming the field
        assertThat(field(http.postJsonAs(DP_TEAM, P, "/api/v1/service-funds/" + fund + "/spending", """
                {"spentOn": "%s", "amountPence": 999999, "description": "Too much", "outcome": 1}""".formatted(LocalDate.now()))))
                .isEqualTo("lines[0].amount");

        // a CSV with a bad line: the line's number, and nothing posted
        long before = spendingLines(fund);
        String csv = "date,amount,description,outcome\n"
                + LocalDate.now().minusDays(3) + ",12.00,Cinema with a support worker,1\n"
                + LocalDate.now().minusDays(3) + ",twelve,Swimming,1\n"
                + LocalDate.now().minusDays(3) + ",5.00,Match programme,7\n";
        HttpResponse<String> refused = http.postMultipartAs(DP_TEAM, P, "/api/v1/service-funds/" + fund + "/spending-imports",
                Map.of(), "spending.csv", csv.getBytes(StandardCharsets.UTF_8));
        JsonNode errors = MoneyApi.ok(refused, 422).get("errors");
        assertThat(errors.get(0).get("field").asString()).isEqualTo("line 3");
        assertThat(errors.get(0).get("message").asString()).startsWith("Line 3: Enter the amount spent");
        assertThat(errors.get(1).get("field").asString()).isEqualTo("line 4");
        assertThat(spendingLines(fund)).as("nothing posted").isEqualTo(before);
        assertThat(ledger.balance(fund)).isEqualTo(Money.ofPence(2 * 4077 - 3550));

        String good = "date,amount,description,outcome\n"
                + LocalDate.now().minusDays(3) + ",12.00,Cinema with a support worker,1\n"
                + "\"" + LocalDate.now().minusDays(3).format(java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy"))
                + "\",3.45,\"Tea, and cake\",2\n";
        JsonNode uploaded = MoneyApi.ok(http.postMultipartAs(provider.username(), password(provider),
                "/api/v1/service-funds/" + fund + "/spending-imports", Map.of(), "spending.csv", good.getBytes(StandardCharsets.UTF_8)), 201);
        assertThat(uploaded.get("posted").asInt()).isEqualTo(2);
        assertThat(MoneyApi.ok(http.postMultipartAs(provider.username(), password(provider),
                "/api/v1/service-funds/" + fund + "/spending-imports", Map.of(), "spending.csv", good.getBytes(StandardCharsets.UTF_8)), 201)
                .get("posted").asInt()).as("the same file again posts nothing").isZero();
        assertThat(ledger.balance(fund)).isEqualTo(Money.ofPence(2 * 4077 - 3550 - 1200 - 345));

        // the person sees what is left
        OnlineAccount online = citizens.giveOnlineAccount(userAccounts.findByUsername(PRACTITIONER).orElseThrow(), citizen,
                "gethin" + UUID.randomUUID() + "@example.com");
        String onlinePassword = http.choosesOwnPassword(online.username(), online.temporaryPassword());
        JsonNode own = MoneyApi.ok(http.getAs(online.username(), onlinePassword, "/api/v1/citizens/" + citizen + "/service-funds"), 200);
        assertThat(own.get(0).get("leftPence").asLong()).isEqualTo(2 * 4077 - 3550 - 1545);

        // refusals: the person cannot record spending, another provider and another council's staff find nothing
        long lines = spendingLines(fund);
        String one = "{\"spentOn\": \"%s\", \"amountPence\": 100, \"description\": \"Tea\", \"outcome\": 1}".formatted(LocalDate.now());
        assertThat(http.postJsonAs(online.username(), onlinePassword, "/api/v1/service-funds/" + fund + "/spending", one)
                .statusCode()).isEqualTo(403);
        Provider other = provider("demo-england", "PUBLISHED", false);
        assertThat(http.postJsonAs(other.username(), password(other), "/api/v1/service-funds/" + fund + "/spending", one).statusCode())
                .isEqualTo(403);
        assertThat(http.getAs(other.username(), password(other), "/api/v1/service-funds/" + fund).statusCode()).isEqualTo(404);
        assertThat(MoneyApi.ok(http.getAs(other.username(), password(other), "/api/v1/service-funds"), 200).size()).isZero();
        assertThat(http.postJsonAs("dp-team@demo-wales", P, "/api/v1/service-funds/" + fund + "/spending", one).statusCode()).isEqualTo(404);
        assertThat(http.getAs("finance@demo-wales", P, "/api/v1/service-funds/" + fund).statusCode()).isEqualTo(404);
        assertThat(MoneyApi.ok(http.getAs("dp-team@demo-wales", P, "/api/v1/service-funds"), 200).valueStream()
                .noneMatch(f -> f.get("accountId").asLong() == fund)).isTrue();
        assertThat(spendingLines(fund)).as("no refusal changed anything").isEqualTo(lines);
    }

    static String password(Provider provider) {
        return "a long isf password " + provider.username().substring(4, 12);
    }

    long spendingLines(long fund) {
        return jdbc.sql("SELECT count(*) FROM isf_spending WHERE account_id = :a").param("a", fund).query(Long.class).single();
    }

    @Test
    void noReturnIsAskedForAFundAndAPlanChangeMovesTheProvidersPart() {
        Provider provider = provider("demo-wales", "PUBLISHED", true);
        String practitioner = "practitioner@demo-wales";
        long citizen = MoneyApi.ok(http.postJsonAs(practitioner, P, "/api/v1/citizens", """
                {"givenName": "Awen", "familyName": "Fund", "dateOfBirth": "1970-03-03", "postcode": "SY1 1AA", "preferredLanguage": "cy"}"""),
                201).get("id").asLong();
        LocalDate start = LocalDate.now().minusDays(200);
        long plan = MoneyApi.ok(http.postJsonAs(practitioner, P, "/api/v1/citizens/" + citizen + "/plans", """
                {"startDate": "%s", "paymentFrequency": "WEEKLY", "outcomes": [{"text": "Stay in my own home"}],
                 "budgetLines": [{"description": "PA", "kind": "WEEKLY", "weeklyAmountPence": 5000, "outcomes": [1]},
                                 {"description": "Provider", "kind": "WEEKLY", "weeklyAmountPence": 2000, "outcomes": [1],
                                  "deliveryMechanism": "INDIVIDUAL_SERVICE_FUND", "isfProviderId": "%s"}]}"""
                .formatted(start, provider.organizationId())), 201).get("id").asLong();
        long dp = MoneyApi.ok(http.postJsonAs(practitioner, P, "/api/v1/citizens/" + citizen + "/direct-payments", """
                {"planId": %d, "accountType": "BANK_ACCOUNT", "requestedOn": "%s", "startDate": "%s"}"""
                .formatted(plan, start.minusDays(10), start)), 201).get("id").asLong();
        long account = money.agreeOnPaper(practitioner, dp, start.minusDays(5));
        long fund = jdbc.sql("SELECT id FROM dp_account WHERE isf_direct_payment_id = :dp").param("dp", dp).query(Long.class).single();
        assertThat(jdbc.sql("SELECT regular_payment_pence FROM payment_schedule WHERE account_id = :a").param("a", account)
                .query(Long.class).single()).as("the person is paid the direct payment line").isEqualTo(5000);
        assertThat(jdbc.sql("SELECT regular_payment_pence FROM payment_schedule WHERE account_id = :a").param("a", fund)
                .query(Long.class).single()).as("the provider the fund's line").isEqualTo(2000);

        MoneyApi.ok(http.postJsonAs("finance@demo-wales", P, "/api/v1/monitoring/returns", "{}"), 201);
        assertThat(jdbc.sql("SELECT count(*) FROM financial_return WHERE account_id = :a").param("a", account).query(Long.class).single())
                .as("the bank account is asked").isEqualTo(1);
        assertThat(jdbc.sql("SELECT count(*) FROM financial_return WHERE account_id = :a").param("a", fund).query(Long.class).single())
                .as("the fund never").isZero();

        // a change: the provider's part goes up from next week; the person's stays
        LocalDate from = LocalDate.now().plusDays(7);
        MoneyApi.ok(http.postJsonAs(practitioner, P, "/api/v1/plans/" + plan + "/versions", """
                {"startDate": "%s", "paymentFrequency": "WEEKLY", "outcomes": [{"text": "Stay in my own home"}], "changeReason": "More support",
                 "budgetLines": [{"description": "PA", "kind": "WEEKLY", "weeklyAmountPence": 5000, "outcomes": [1]},
                                 {"description": "Provider", "kind": "WEEKLY", "weeklyAmountPence": 3500, "outcomes": [1],
                                  "deliveryMechanism": "INDIVIDUAL_SERVICE_FUND", "isfProviderId": "%s"}]}"""
                .formatted(from, provider.organizationId())), 201);
        assertThat(jdbc.sql("""
                        SELECT c.regular_payment_pence FROM payment_schedule_change c JOIN payment_schedule s ON s.id = c.schedule_id
                        WHERE s.account_id = :a AND c.effective_from = :from""").param("a", fund).param("from", from)
                .query(Long.class).single()).isEqualTo(3500);
        assertThat(jdbc.sql("""
                        SELECT c.regular_payment_pence FROM payment_schedule_change c JOIN payment_schedule s ON s.id = c.schedule_id
                        WHERE s.account_id = :a AND c.effective_from = :from""").param("a", account).param("from", from)
                .query(Long.class).single()).isEqualTo(5000);
    }

    @Test
    void aManagedAccountNamesItsProviderAndIsMonitoredWithALightTouch() {
        String practitioner = "practitioner@demo-wales";
        String finance = "finance@demo-wales";
        Provider bureau = provider("demo-wales", "PUBLISHED", false);
        long managed = money.activeWeekly(practitioner, "Bethan", LocalDate.now().minusWeeks(2), "MANAGED_ACCOUNT", 5_000, "cy").accountId();
        long bank = money.activeWeekly(practitioner, "Dafydd", LocalDate.now().minusWeeks(2), "BANK_ACCOUNT", 5_000, "cy").accountId();
        long dp = jdbc.sql("SELECT direct_payment_id FROM dp_account WHERE id = :a").param("a", managed).query(Long.class).single();
        long bankDp = jdbc.sql("SELECT direct_payment_id FROM dp_account WHERE id = :a").param("a", bank).query(Long.class).single();

        // the provider: from the directory, or typed in; anything else refused and nothing changed
        assertThat(field(http.putJsonAs(practitioner, P, "/api/v1/direct-payments/" + dp + "/managed-account-provider",
                "{\"organizationId\": \"" + UUID.randomUUID() + "\"}"))).isEqualTo("organizationId");
        assertThat(field(http.putJsonAs(practitioner, P, "/api/v1/direct-payments/" + dp + "/managed-account-provider",
                "{\"name\": \"\"}"))).isEqualTo("name");
        assertThat(http.getAs(practitioner, P, "/api/v1/direct-payments/" + dp + "/managed-account-provider").statusCode()).isEqualTo(404);
        assertThat(http.putJsonAs(practitioner, P, "/api/v1/direct-payments/" + bankDp + "/managed-account-provider",
                "{\"name\": \"Payroll Bureau Ltd\"}").statusCode()).as("not a managed account").isEqualTo(409);
        assertThat(http.putJsonAs(PRACTITIONER, P, "/api/v1/direct-payments/" + dp + "/managed-account-provider",
                "{\"name\": \"Payroll Bureau Ltd\"}").statusCode()).as("another council's staff").isEqualTo(404);
        JsonNode named = MoneyApi.ok(http.putJsonAs(practitioner, P, "/api/v1/direct-payments/" + dp + "/managed-account-provider",
                "{\"organizationId\": \"" + bureau.organizationId() + "\"}"), 200);
        assertThat(named.get("name").asString()).isEqualTo(bureau.name());
        assertThat(named.get("listedInDirectory").asBoolean()).isTrue();
        named = MoneyApi.ok(http.putJsonAs(practitioner, P, "/api/v1/direct-payments/" + dp + "/managed-account-provider",
                "{\"name\": \"Payroll Bureau Ltd\"}"), 200);
        assertThat(named.get("listedInDirectory").asBoolean()).isFalse();
        assertThat(MoneyApi.ok(http.getAs(practitioner, P, "/api/v1/direct-payments/" + dp + "/managed-account-provider"), 200)
                .get("name").asString()).isEqualTo("Payroll Bureau Ltd");

        // the same money and the same unexplained spending: the bank account is checked for it, the managed account is not
        long council = council("demo-wales");
        for (long account : new long[] {managed, bank}) {
            ledger.post(Posting.funding(council, "isf-light-test:" + account, account, Money.ofPence(100_000), LocalDate.now(),
                    "Direct payment"));
            MoneyApi.ok(http.postMultipartAs(finance, P, "/api/v1/accounts/" + account + "/transaction-imports",
                    Map.of("format", "CSV"), "s.csv", ("date,description,amount\n" + LocalDate.now().minusDays(2)
                            + ",Electronics shop,-300.00\n").getBytes(StandardCharsets.UTF_8)), 201);
        }
        JsonNode due = MoneyApi.ok(http.getAs(finance, P, "/api/v1/monitoring/checks?status=DUE"), 200);
        assertThat(reasons(due, bank)).contains("UNLINKED_SPENDING");
        assertThat(reasons(due, managed)).as("light touch").doesNotContain("UNLINKED_SPENDING").contains("NEW_DIRECT_PAYMENT");
    }

    static List<String> reasons(JsonNode due, long account) {
        return due.valueStream().filter(d -> d.get("accountId").asLong() == account).findFirst()
                .map(d -> d.get("reasons").valueStream().map(JsonNode::asString).toList()).orElse(List.of());
    }

    /**
     * Support the council arranges itself (commissioned, or a council-managed budget) is part of the
     * personal budget but is never paid to the person: the run pays them their direct payment lines
     * and the provider its fund, nothing more.
     */
    @Test
    void supportTheCouncilArrangesIsNotPaidToThePerson() throws Exception {
        Provider provider = provider("demo-england", "PUBLISHED", true);
        LocalDate start = LocalDate.now().minusDays(19);
        long citizen = citizen("Nia");
        JsonNode plan = MoneyApi.ok(http.postJsonAs(PRACTITIONER, P, "/api/v1/citizens/" + citizen + "/plans", """
                {"startDate": "%s", "paymentFrequency": "WEEKLY",
                 "outcomes": [{"text": "Get out and about"}, {"text": "Stay well at home"}],
                 "budgetLines": [{"description": "PA", "kind": "WEEKLY", "weeklyAmountPence": 6123, "outcomes": [1]},
                                 {"description": "Day centre", "kind": "WEEKLY", "weeklyAmountPence": 2500, "outcomes": [2],
                                  "deliveryMechanism": "COUNCIL_COMMISSIONED"},
                                 {"description": "Meals", "kind": "WEEKLY", "weeklyAmountPence": 700, "outcomes": [2],
                                  "deliveryMechanism": "COUNCIL_MANAGED_BUDGET"},
                                 {"description": "Support from the provider", "kind": "WEEKLY", "weeklyAmountPence": 4077, "outcomes": [2],
                                  "deliveryMechanism": "INDIVIDUAL_SERVICE_FUND", "isfProviderId": "%s"}]}"""
                .formatted(start, provider.organizationId())), 201);
        assertThat(plan.get("weeklyBudgetPence").asLong()).as("the personal budget is every line").isEqualTo(6123 + 2500 + 700 + 4077);
        long dp = MoneyApi.ok(http.postJsonAs(PRACTITIONER, P, "/api/v1/citizens/" + citizen + "/direct-payments", """
                {"planId": %d, "accountType": "PREPAID_CARD", "requestedOn": "%s", "startDate": "%s"}"""
                .formatted(plan.get("id").asLong(), start.minusDays(10), start)), 201).get("id").asLong();
        long account = money.agreeOnPaper(PRACTITIONER, dp, start.minusDays(5));
        long fund = jdbc.sql("SELECT id FROM dp_account WHERE isf_direct_payment_id = :dp").param("dp", dp).query(Long.class).single();
        assertThat(jdbc.sql("SELECT weekly_budget_pence FROM payment_schedule WHERE account_id = :a").param("a", account)
                .query(Long.class).single()).as("the person's weekly budget is their own lines").isEqualTo(6123);

        // a run of its own day (the other tests' runs are for other days): every week due and not yet paid
        long runId = money.runFor(FINANCE, LocalDate.now().minusDays(4)).get("id").asLong();
        Map<Long, long[]> paid = new java.util.HashMap<>();
        jdbc.sql("""
                        SELECT p.account_id, count(*) AS n, sum(p.amount_pence - p.netted_pence) AS pence FROM payment p
                        WHERE p.run_id = :r AND p.account_id IN (:a, :f) GROUP BY p.account_id""")
                .param("r", runId).param("a", account).param("f", fund)
                .query(rs -> {
                    paid.put(rs.getLong("account_id"), new long[] {rs.getLong("n"), rs.getLong("pence")});
                });
        assertThat(paid).as("the person's account and the fund are both paid").containsOnlyKeys(account, fund);
        long weeks = paid.get(account)[0];
        assertThat(weeks).as("the weeks due since the start").isBetween(2L, 3L);
        assertThat(paid.get(fund)[0]).isEqualTo(weeks);
        assertThat(paid.get(account)[1]).as("the person: their direct payment line, not the council's own support")
                .isEqualTo(weeks * 6123);
        assertThat(paid.get(fund)[1]).as("the provider: its fund").isEqualTo(weeks * 4077);
    }

    @Test
    void thePlanSaysWhatIsPaidToThePersonAndWhatIsArrangedOtherwiseAsTheAgreementDoes() {
        Provider provider = provider("demo-england", "PUBLISHED", true);
        LocalDate start = LocalDate.now().plusDays(7);
        long citizen = citizen("Cerys");
        // every 4 weeks: £61.23 a week to the person, £40.77 to the provider, £32.00 of support the council arranges
        JsonNode plan = MoneyApi.ok(http.postJsonAs(PRACTITIONER, P, "/api/v1/citizens/" + citizen + "/plans", """
                {"startDate": "%s", "paymentFrequency": "FOUR_WEEKLY",
                 "outcomes": [{"text": "Get out and about"}, {"text": "Stay well at home"}],
                 "budgetLines": [{"description": "PA", "kind": "WEEKLY", "weeklyAmountPence": 6123, "outcomes": [1]},
                                 {"description": "Day centre", "kind": "WEEKLY", "weeklyAmountPence": 2500, "outcomes": [2],
                                  "deliveryMechanism": "COUNCIL_COMMISSIONED"},
                                 {"description": "Meals", "kind": "WEEKLY", "weeklyAmountPence": 700, "outcomes": [2],
                                  "deliveryMechanism": "COUNCIL_MANAGED_BUDGET"},
                                 {"description": "Support from the provider", "kind": "WEEKLY", "weeklyAmountPence": 4077, "outcomes": [2],
                                  "deliveryMechanism": "INDIVIDUAL_SERVICE_FUND", "isfProviderId": "%s"}]}"""
                .formatted(start, provider.organizationId())), 201);
        long planId = plan.get("id").asLong();

        // the API: regularPaymentPence keeps issue 3's meaning (the whole budget's), and says who is paid what of it
        for (JsonNode shown : List.of(plan, MoneyApi.ok(http.getAs(PRACTITIONER, P, "/api/v1/plans/" + planId), 200),
                MoneyApi.ok(http.getAs(PRACTITIONER, P, "/api/v1/plans/" + planId), 200).get("versions").get(0))) {
            assertThat(shown.get("regularPaymentPence").asLong()).isEqualTo(4 * (6123 + 2500 + 700 + 4077));
            assertThat(shown.get("regularPaymentToPersonPence").asLong()).as("the direct payment line only").isEqualTo(4 * 6123);
            JsonNode funds = shown.get("regularPaymentToServiceFunds");
            assertThat(funds.size()).isEqualTo(1);
            assertThat(funds.get(0).get("isfProviderId").asString()).isEqualTo(provider.organizationId().toString());
            assertThat(funds.get(0).get("isfProviderName").asString()).isEqualTo(provider.name());
            assertThat(funds.get(0).get("regularPaymentPence").asLong()).isEqualTo(4 * 4077);
            assertThat(shown.get("regularPaymentArrangedPence").asLong()).as("paid to nobody").isEqualTo(4 * (2500 + 700));
        }

        // the plan page says the same, in English and Welsh
        String cookie = http.signIn(PRACTITIONER, P);
        String page = http.get("/plans/" + planId + "?lang=en", "Cookie", cookie).body();
        assertThat(page).contains("id=\"regular-payment\">£536.00<", "id=\"regular-to-person\">£244.92<",
                "id=\"regular-to-provider-1\">£163.08<", "id=\"regular-arranged\">£128.00<",
                "£244.92 is paid to the person as a direct payment", "£163.08 is paid to " + provider.name(),
                "£128.00 pays for support the council arranges").doesNotContain("The council pays £536.00");
        String welsh = http.get("/plans/" + planId + "?lang=cy", "Cookie", cookie).body();
        assertThat(welsh).contains("id=\"regular-to-person\">£244.92<", "fel taliad uniongyrchol", "(cronfa gwasanaeth unigol)");

        // and the agreement pays the person what the plan says
        long dp = MoneyApi.ok(http.postJsonAs(PRACTITIONER, P, "/api/v1/citizens/" + citizen + "/direct-payments", """
                {"planId": %d, "accountType": "BANK_ACCOUNT", "requestedOn": "%s", "startDate": "%s"}"""
                .formatted(planId, LocalDate.now(), start)), 201).get("id").asLong();
        String agreement = http.get("/direct-payments/" + dp + "/agreement?lang=en", "Cookie", cookie).body();
        assertThat(agreement).contains("We will pay £244.92 every 4 weeks", "The rest, £291.08");

        // a plan taken wholly as a direct payment: the person is paid all of it, as before
        JsonNode plain = MoneyApi.ok(http.postJsonAs(PRACTITIONER, P, "/api/v1/citizens/" + citizen("Dai") + "/plans", """
                {"startDate": "%s", "paymentFrequency": "WEEKLY", "outcomes": [{"text": "Get out and about"}],
                 "budgetLines": [{"description": "PA", "kind": "WEEKLY", "weeklyAmountPence": 6123, "outcomes": [1]}]}"""
                .formatted(start)), 201);
        assertThat(plain.get("regularPaymentToPersonPence").asLong()).isEqualTo(plain.get("regularPaymentPence").asLong()).isEqualTo(6123);
        assertThat(plain.get("regularPaymentToServiceFunds").size()).isZero();
        assertThat(plain.get("regularPaymentArrangedPence").asLong()).isZero();
    }

    @Test
    void spendingStaysWithItsOutcomeWhenAPlanChangeReordersOrDropsThem() {
        Provider provider = provider("demo-england", "PUBLISHED", true);
        LocalDate start = LocalDate.now().minusDays(14);
        long citizen = citizen("Owain");
        long plan = MoneyApi.ok(http.postJsonAs(PRACTITIONER, P, "/api/v1/citizens/" + citizen + "/plans", """
                {"startDate": "%s", "paymentFrequency": "WEEKLY",
                 "outcomes": [{"text": "Get out and about"}, {"text": "Go swimming every week"}, {"text": "Learn to cook"}],
                 "budgetLines": [{"description": "PA", "kind": "WEEKLY", "weeklyAmountPence": 5000, "outcomes": [1]},
                                 {"description": "Provider", "kind": "WEEKLY", "weeklyAmountPence": 4000, "outcomes": [2, 3],
                                  "deliveryMechanism": "INDIVIDUAL_SERVICE_FUND", "isfProviderId": "%s"}]}"""
                .formatted(start, provider.organizationId())), 201).get("id").asLong();
        long dp = MoneyApi.ok(http.postJsonAs(PRACTITIONER, P, "/api/v1/citizens/" + citizen + "/direct-payments", """
                {"planId": %d, "accountType": "PREPAID_CARD", "requestedOn": "%s", "startDate": "%s"}"""
                .formatted(plan, start.minusDays(10), start)), 201).get("id").asLong();
        money.agreeOnPaper(PRACTITIONER, dp, start.minusDays(5));
        long fund = jdbc.sql("SELECT id FROM dp_account WHERE isf_direct_payment_id = :dp").param("dp", dp).query(Long.class).single();
        ledger.post(Posting.funding(council("demo-england"), "isf-outcomes-test:" + fund, fund, Money.ofPence(8000), start,
                "Direct payment"));
        // spent on swimming (outcome 2) and on cooking (outcome 3)
        for (String line : List.of("{\"spentOn\": \"%s\", \"amountPence\": 1000, \"description\": \"Swimming\", \"outcome\": 2}",
                "{\"spentOn\": \"%s\", \"amountPence\": 500, \"description\": \"Cookery class\", \"outcome\": 3}")) {
            MoneyApi.ok(http.postJsonAs(DP_TEAM, P, "/api/v1/service-funds/" + fund + "/spending",
                    line.formatted(LocalDate.now().minusDays(1))), 201);
        }
        // an outcome that is not the plan's is refused, naming the field, and nothing is recorded
        assertThat(field(http.postJsonAs(DP_TEAM, P, "/api/v1/service-funds/" + fund + "/spending", """
                {"spentOn": "%s", "amountPence": 100, "description": "Tea", "outcome": 4}""".formatted(LocalDate.now()))))
                .isEqualTo("lines[0].outcome");
        assertThat(spendingLines(fund)).isEqualTo(2);

        // the plan changes from today: swimming comes first, getting out second, cooking is dropped
        MoneyApi.ok(http.postJsonAs(PRACTITIONER, P, "/api/v1/plans/" + plan + "/versions", """
                {"startDate": "%s", "paymentFrequency": "WEEKLY", "changeReason": "Cooking done",
                 "outcomes": [{"text": "Go swimming every week"}, {"text": "Get out and about"}],
                 "budgetLines": [{"description": "PA", "kind": "WEEKLY", "weeklyAmountPence": 5000, "outcomes": [2]},
                                 {"description": "Provider", "kind": "WEEKLY", "weeklyAmountPence": 4000, "outcomes": [1],
                                  "deliveryMechanism": "INDIVIDUAL_SERVICE_FUND", "isfProviderId": "%s"}]}"""
                .formatted(LocalDate.now(), provider.organizationId())), 201);

        JsonNode seen = MoneyApi.ok(http.getAs(PRACTITIONER, P, "/api/v1/service-funds/" + fund), 200);
        assertThat(seen.get("spentPence").asLong()).isEqualTo(1500);
        JsonNode byOutcome = seen.get("byOutcome");
        assertThat(byOutcome.size()).isEqualTo(2);
        assertThat(byOutcome.get(0).get("outcome").asString()).isEqualTo("Go swimming every week");
        assertThat(byOutcome.get(0).get("spentPence").asLong()).as("the swimming, now outcome 1").isEqualTo(1000);
        assertThat(byOutcome.get(1).get("spentPence").asLong()).as("nothing was spent on getting out").isZero();
        JsonNode earlier = seen.get("earlierOutcomes");
        assertThat(earlier.size()).isEqualTo(1);
        assertThat(earlier.get(0).get("outcome").asString()).isEqualTo("Learn to cook");
        assertThat(earlier.get(0).get("spentPence").asLong()).isEqualTo(500);
    }
}
