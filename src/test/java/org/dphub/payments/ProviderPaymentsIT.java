package org.dphub.payments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.dphub.payments.internal.PaymentRunRepository;
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
 * Paying providers from a person's account (issue 15): a charge is on the ledger once, nothing is
 * promised that is not there, a refund before the payout makes it smaller, the run pays each
 * provider once with a remittance, and a provider with no bank details waits for the next run.
 */
@IntegrationTest
class ProviderPaymentsIT {

    static final String PRACTITIONER = "practitioner@demo-england";
    static final String FINANCE = "finance@demo-england";
    static final String FINANCE2 = "finance2@demo-england";

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ProviderPayments payments;
    @Autowired
    Ledger ledger;
    @Autowired
    BankAccounts bankAccounts;
    @Autowired
    PaymentRunRepository runRepository;
    @Autowired
    UserDetailsService users;

    Http http;

    @BeforeEach
    void client() {
        http = new Http(port);
    }

    /** A person whose regular payments start in 10 weeks, with £100 in the account today. */
    MoneyApi.Active fundedAccount(String name) {
        LocalDate today = LocalDate.now();
        MoneyApi.Active active = new MoneyApi(http).activeWeekly(PRACTITIONER, name, today.plusWeeks(10), "PREPAID_CARD", 5000, "en");
        long council = jdbc.sql("SELECT council_id FROM dp_account WHERE id = :a").param("a", active.accountId()).query(Long.class).single();
        ledger.post(Posting.funding(council, "test-funding:" + UUID.randomUUID(), active.accountId(), Money.ofPence(10_000), today,
                "Money for the test"));
        return active;
    }

    long council(long accountId) {
        return jdbc.sql("SELECT council_id FROM dp_account WHERE id = :a").param("a", accountId).query(Long.class).single();
    }

    ProviderPayments.ProviderChargeRequest charge(long accountId, String key, UUID org, String orgName, long pence, String reference) {
        return new ProviderPayments.ProviderChargeRequest(council(accountId), key, accountId, org, orgName, Money.ofPence(pence),
                LocalDate.now(), "Yoga class, 3 December", reference, 1, "Get out and about");
    }

    SignedInUser provider() {
        return ((SignedInUser.Holder) users.loadUserByUsername("provider@demo-england")).signedInUser();
    }

    @Test
    void aChargeIsSpentOnceNothingUncoveredIsAgreedAndTheRunPaysEachProviderOnceWithARemittance() throws Exception {
        LocalDate today = LocalDate.now();
        MoneyApi.Active ann = fundedAccount("Ann");
        MoneyApi.Active ben = fundedAccount("Ben");
        String run = UUID.randomUUID().toString();
        UUID noBank = UUID.randomUUID();
        UUID yoga = UUID.randomUUID();
        bankAccounts.recordProviderAccount(provider(), council(ann.accountId()), yoga, "Yoga for All CIC",
                new BankDetails("Yoga for All CIC", "404784", "70346812", null));

        ProviderPayments.Affordability before = payments.affordability(ann.accountId());
        assertThat(before.available()).isEqualTo(Money.ofPence(10_000));
        assertThat(before.nextPaymentDate()).isEqualTo(today.plusWeeks(10));
        assertThat(before.nextPayment()).isEqualTo(Money.ofPence(5000));

        ProviderPayments.ProviderCharge first = payments.charge(charge(ann.accountId(), run + "-gardening", noBank, "Green Fingers",
                3000, "INV-77"));
        assertThat(first.created()).isTrue();
        ProviderPayments.ProviderCharge again = payments.charge(charge(ann.accountId(), run + "-gardening", noBank, "Green Fingers",
                3000, "INV-77"));
        assertThat(again.created()).as("the same key again changes nothing").isFalse();
        assertThat(again.id()).isEqualTo(first.id());
        assertThat(ledger.balance(ann.accountId())).isEqualTo(Money.ofPence(7000));
        assertThat(ledger.entries(ann.accountId())).filteredOn(e -> e.kind() == LedgerKind.SPENDING)
                .singleElement().satisfies(e -> {
                    assertThat(e.budgetLine()).as("tagged to the plan's line").isEqualTo("PA");
                    assertThat(e.amount()).isEqualTo(Money.ofPence(-3000));
                });

        assertThatThrownBy(() -> payments.charge(charge(ann.accountId(), run + "-too-much", yoga, "Yoga for All CIC", 8000, "INV-1")))
                .isInstanceOf(ProviderPayments.NotEnoughMoneyException.class)
                .hasMessageContaining("£70.00").hasMessageContaining("£50.00");
        assertThat(ledger.balance(ann.accountId())).as("nothing changed").isEqualTo(Money.ofPence(7000));
        assertThatThrownBy(() -> payments.charge(new ProviderPayments.ProviderChargeRequest(council(ann.accountId()) + 1000,
                run + "-elsewhere", ann.accountId(), yoga, "Yoga for All CIC", Money.ofPence(100), today, "Yoga", "R", null, null)))
                .as("another council's account").isInstanceOf(org.dphub.web.NotFound.class);
        assertThatThrownBy(() -> payments.charge(charge(ann.accountId(), run + "-script", yoga, "<script>alert(1)</script>", 100, "R")))
                .isInstanceOf(org.dphub.web.ValidationProblem.class);

        payments.charge(charge(ann.accountId(), run + "-yoga-ann", yoga, "Yoga for All CIC", 2000, "INV-101"));
        payments.charge(charge(ben.accountId(), run + "-yoga-ben", yoga, "Yoga for All CIC", 1000, "INV-102"));
        ProviderPayments.ProviderRefund refund = payments.refund(new ProviderPayments.ProviderRefundRequest(council(ann.accountId()),
                run + "-refund-1", run + "-yoga-ann", Money.ofPence(500), today, "Class cancelled"));
        assertThat(refund.settlement()).isEqualTo(ProviderPayments.Settlement.REDUCED_PAYOUT);
        assertThat(payments.refund(new ProviderPayments.ProviderRefundRequest(council(ann.accountId()), run + "-refund-1",
                run + "-yoga-ann", Money.ofPence(500), today, "Class cancelled")).created()).isFalse();
        assertThat(ledger.balance(ann.accountId())).isEqualTo(Money.ofPence(5500));
        assertThatThrownBy(() -> payments.refund(new ProviderPayments.ProviderRefundRequest(council(ann.accountId()),
                run + "-refund-2", run + "-yoga-ann", Money.ofPence(1600), today, "Too much")))
                .isInstanceOf(org.dphub.web.ValidationProblem.class);

        // the run: one payment to the yoga provider (£15.00 + £10.00), the provider with no bank details an exception
        JsonNode first_run = new MoneyApi(http).runFor(FINANCE, today.plusDays(44));
        long runId = first_run.get("id").asLong();
        JsonNode providers = MoneyApi.ok(http.getAs(FINANCE, Http.DEMO_PASSWORD,
                "/api/v1/payment-runs/" + runId + "/provider-payments"), 200);
        JsonNode payout = providers.get("payouts").valueStream()
                .filter(p -> p.get("organizationId").asString().equals(yoga.toString())).findFirst().orElseThrow();
        assertThat(payout.get("amountPence").asLong()).isEqualTo(2500);
        assertThat(payout.get("parts").asInt()).isEqualTo(2);
        assertThat(payout.get("accountNumberEnding").asString()).isEqualTo("6812");
        assertThat(providers.get("exceptions").valueStream().filter(e -> e.get("organizationId").asString().equals(noBank.toString()))
                .map(e -> e.get("reason").asString() + " " + e.get("organizationName").asString() + " " + e.get("amountPence").asLong()))
                .containsExactly("PROVIDER_MISSING_BANK_DETAILS Green Fingers 3000");
        assertThat(http.getAs("finance@demo-wales", Http.DEMO_PASSWORD, "/api/v1/payment-runs/" + runId + "/provider-payments")
                .statusCode()).as("another council's run").isEqualTo(404);

        // restarted selection adds nothing
        long payoutsBefore = jdbc.sql("SELECT count(*) FROM provider_payout WHERE run_id = :r").param("r", runId).query(Long.class).single();
        runRepository.selectProviderPayouts(runId, council(ann.accountId()), today.plusDays(44));
        assertThat(jdbc.sql("SELECT count(*) FROM provider_payout WHERE run_id = :r").param("r", runId).query(Long.class).single())
                .isEqualTo(payoutsBefore);
        assertThat(jdbc.sql("SELECT amount_pence FROM provider_payout WHERE id = :p").param("p", payout.get("id").asLong())
                .query(Long.class).single()).isEqualTo(2500);

        MoneyApi.ok(http.postJsonAs(FINANCE2, Http.DEMO_PASSWORD, "/api/v1/payment-runs/" + runId + "/approval", "{}"), 200);
        String file = http.getAs(FINANCE, Http.DEMO_PASSWORD, "/api/v1/payment-runs/" + runId + "/bank-file").body();
        BankFilesIT.validate(file);
        assertThat(file).contains("<Nm>Yoga for All CIC</Nm>").contains("<Ustrd>DPHUB REMIT " + payout.get("id").asLong() + "</Ustrd>")
                .contains("<InstdAmt Ccy=\"GBP\">25.00</InstdAmt>").doesNotContain("Green Fingers");
        String csv = http.getAs(FINANCE, Http.DEMO_PASSWORD, "/api/v1/payment-runs/" + runId + "/summary.csv").body();
        assertThat(csv).contains("PROV-" + payout.get("id").asLong() + ",,PROVIDER,Yoga for All CIC,40-47-84,70346812");

        String cookie = http.signIn(FINANCE, Http.DEMO_PASSWORD);
        HttpResponse<String> page = http.get("/payment-runs/" + runId, "Cookie", cookie);
        assertThat(page.body()).contains("Yoga for All CIC").contains("£25.00").contains("Green Fingers")
                .contains("The provider has not said where it is paid");
        HttpResponse<String> remittance = http.get("/payment-runs/" + runId + "/remittance/" + payout.get("id").asLong() + ".csv",
                "Cookie", cookie);
        assertThat(remittance.statusCode()).isEqualTo(200);
        List<String> lines = remittance.body().lines().toList();
        assertThat(lines).containsExactly(
                "payment_reference,pay_on,part_reference,description,charged_on,amount",
                "DPHUB REMIT " + payout.get("id").asLong() + "," + payout.get("payOn").asString() + ",INV-101,\"Yoga class, 3 December\"," + today + ",15.00",
                "DPHUB REMIT " + payout.get("id").asLong() + "," + payout.get("payOn").asString() + ",INV-102,\"Yoga class, 3 December\"," + today + ",10.00",
                "TOTAL,,,,,25.00");
        assertThat(remittance.body()).doesNotContain("Ann").doesNotContain("Ben");

        // paid already: a refund now is owed back by the provider
        assertThat(payments.refund(new ProviderPayments.ProviderRefundRequest(council(ben.accountId()), run + "-refund-ben",
                run + "-yoga-ben", Money.ofPence(1000), today, "Did not go")).settlement())
                .isEqualTo(ProviderPayments.Settlement.OWED_BACK);

        // the provider says where it is paid: the next run pays it, and nobody twice
        bankAccounts.recordProviderAccount(provider(), council(ann.accountId()), noBank, "Green Fingers",
                new BankDetails("Green Fingers", "309950", "00733445", "GF-DPHUB"));
        JsonNode second = new MoneyApi(http).runFor(FINANCE2, today.plusDays(45));
        JsonNode next = MoneyApi.ok(http.getAs(FINANCE, Http.DEMO_PASSWORD,
                "/api/v1/payment-runs/" + second.get("id").asLong() + "/provider-payments"), 200);
        assertThat(next.get("payouts").valueStream().filter(p -> p.get("organizationId").asString().equals(noBank.toString()))
                .map(p -> p.get("amountPence").asLong())).containsExactly(3000L);
        assertThat(next.get("payouts").valueStream().filter(p -> p.get("organizationId").asString().equals(yoga.toString())))
                .as("paid once").isEmpty();
        MoneyApi.ok(http.postJsonAs(FINANCE, Http.DEMO_PASSWORD, "/api/v1/payment-runs/" + second.get("id").asLong() + "/approval", "{}"), 200);
        BankFilesIT.validate(http.getAs(FINANCE, Http.DEMO_PASSWORD, "/api/v1/payment-runs/" + second.get("id").asLong() + "/bank-file").body());
        assertThat(payments.findCharge(council(ann.accountId()), run + "-gardening").orElseThrow().paidToProvider()).isTrue();
    }
}
