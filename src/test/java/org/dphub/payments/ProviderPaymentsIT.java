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
import org.dphub.support.SuiteDays;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Paying providers from a person's account (issue 15): a charge is paid from the person's next
 * regular payment, so the council never pays twice. It is on the ledger at once, dated that
 * payment's day (today's balance untouched); nothing is agreed that the next payment cannot cover;
 * the run pays the person their payment less the charges and each provider once with a remittance,
 * so the balance moves by what reached the person's bank and the statement's line matches; a refund
 * before the run is on the ledger at once, after it the next run pays the person back; the council
 * holds the money for a provider with no bank details until it gives them.
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
    Accounts accounts;
    @Autowired
    BankAccounts bankAccounts;
    @Autowired
    PaymentRunRepository runRepository;
    @Autowired
    StatementPostings statements;
    @Autowired
    TransactionTemplate transaction;
    @Autowired
    UserDetailsService users;

    Http http;

    @BeforeEach
    void client() {
        http = new Http(port);
    }

    /** A person paid £50 a week, the first payment on the suite's day 44 (the first run of this test). */
    MoneyApi.Active payingAccount(String name) {
        return new MoneyApi(http).activeWeekly(PRACTITIONER, name, SuiteDays.after(44), "PREPAID_CARD", 5000, "en");
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

    long netPaid(long runId, long accountId) {
        return jdbc.sql("SELECT amount_pence - netted_pence FROM payment WHERE run_id = :r AND account_id = :a AND idempotency_key LIKE 'schedule:%'")
                .param("r", runId).param("a", accountId).query(Long.class).single();
    }

    @Test
    void aChargeComesOffTheNextPaymentSoTheCouncilPaysOnceAndTheProviderOnceWithARemittance() throws Exception {
        LocalDate today = LocalDate.now();
        LocalDate firstPay = SuiteDays.after(44);
        MoneyApi.Active ann = payingAccount("Ann");
        MoneyApi.Active ben = payingAccount("Ben");
        String run = UUID.randomUUID().toString();
        UUID noBank = UUID.randomUUID();
        UUID yoga = UUID.randomUUID();
        bankAccounts.recordProviderAccount(provider(), council(ann.accountId()), yoga, "Yoga for All CIC",
                new BankDetails("Yoga for All CIC", "404784", "70346812", null));

        ProviderPayments.Affordability before = payments.affordability(ann.accountId());
        assertThat(before.nextPaymentDate()).isEqualTo(firstPay);
        assertThat(before.nextPayment()).isEqualTo(Money.ofPence(5000));
        assertThat(before.available()).as("the next payment, nothing promised yet").isEqualTo(Money.ofPence(5000));

        ProviderPayments.ProviderCharge first = payments.charge(charge(ann.accountId(), run + "-gardening", noBank, "Green Fingers",
                3000, "INV-77"));
        assertThat(first.created()).isTrue();
        ProviderPayments.ProviderCharge again = payments.charge(charge(ann.accountId(), run + "-gardening", noBank, "Green Fingers",
                3000, "INV-77"));
        assertThat(again.created()).as("the same key again changes nothing").isFalse();
        assertThat(again.id()).isEqualTo(first.id());
        assertThat(ledger.entries(ann.accountId())).as("on the ledger at once, leaving with the next payment")
                .extracting(e -> e.kind() + " " + e.amount().pence() + " " + e.postedOn()).containsExactly("SPENDING -3000 " + firstPay);
        assertThat(ledger.balanceOn(ann.accountId(), today)).as("the money the person holds is untouched").isEqualTo(Money.ZERO);
        assertThat(payments.affordability(ann.accountId()).available()).isEqualTo(Money.ofPence(2000));

        assertThatThrownBy(() -> payments.charge(charge(ann.accountId(), run + "-too-much", yoga, "Yoga for All CIC", 2500, "INV-1")))
                .isInstanceOf(ProviderPayments.NotEnoughMoneyException.class)
                .hasMessageContaining("£25.00").hasMessageContaining("£20.00").hasMessageContaining("£50.00");
        assertThat(jdbc.sql("SELECT count(*) FROM provider_charge WHERE idempotency_key = :k").param("k", run + "-too-much")
                .query(Long.class).single()).as("nothing written").isZero();
        assertThatThrownBy(() -> payments.charge(new ProviderPayments.ProviderChargeRequest(council(ann.accountId()) + 1000,
                run + "-elsewhere", ann.accountId(), yoga, "Yoga for All CIC", Money.ofPence(100), today, "Yoga", "R", null, null)))
                .as("another council's account").isInstanceOf(org.dphub.web.NotFound.class);
        assertThatThrownBy(() -> payments.charge(charge(ann.accountId(), run + "-script", yoga, "<script>alert(1)</script>", 100, "R")))
                .isInstanceOf(org.dphub.web.ValidationProblem.class);

        payments.charge(charge(ann.accountId(), run + "-yoga-ann", yoga, "Yoga for All CIC", 2000, "INV-101"));
        payments.charge(charge(ben.accountId(), run + "-yoga-ben", yoga, "Yoga for All CIC", 1000, "INV-102"));
        ProviderPayments.ProviderRefund refund = payments.refund(new ProviderPayments.ProviderRefundRequest(council(ann.accountId()),
                run + "-refund-1", run + "-yoga-ann", Money.ofPence(500), today, "Class cancelled"));
        assertThat(refund.settlement()).as("no run has taken it: less is promised").isEqualTo(ProviderPayments.Settlement.REDUCED_PAYOUT);
        assertThat(payments.refund(new ProviderPayments.ProviderRefundRequest(council(ann.accountId()), run + "-refund-1",
                run + "-yoga-ann", Money.ofPence(500), today, "Class cancelled")).created()).isFalse();
        assertThat(payments.affordability(ann.accountId()).available()).isEqualTo(Money.ofPence(500));
        assertThatThrownBy(() -> payments.refund(new ProviderPayments.ProviderRefundRequest(council(ann.accountId()),
                run + "-refund-2", run + "-yoga-ann", Money.ofPence(1600), today, "Too much")))
                .isInstanceOf(org.dphub.web.ValidationProblem.class);

        // the run: Ann is paid £50 less £30 to Green Fingers and £15 to yoga (the council holds Green Fingers'
        // money until it says where it is paid); Ben £50 less £10; one payment to the yoga provider
        JsonNode firstRun = new MoneyApi(http).runFor(FINANCE, firstPay);
        long runId = firstRun.get("id").asLong();
        assertThat(netPaid(runId, ann.accountId())).isEqualTo(500);
        assertThat(netPaid(runId, ben.accountId())).isEqualTo(4000);
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
        assertThat(payments.affordability(ann.accountId()).available())
                .as("the payment in the run is still the next one until it is approved").isEqualTo(Money.ofPence(500));

        // a restarted selection takes nothing twice
        long council = council(ann.accountId());
        transaction.executeWithoutResult(s -> {
            runRepository.netProviderCharges(runId, council, firstPay);
            runRepository.selectProviderPayouts(runId, council, firstPay);
        });
        assertThat(netPaid(runId, ann.accountId())).isEqualTo(500);
        assertThat(jdbc.sql("SELECT amount_pence FROM provider_payout WHERE id = :p").param("p", payout.get("id").asLong())
                .query(Long.class).single()).isEqualTo(2500);

        MoneyApi.ok(http.postJsonAs(FINANCE2, Http.DEMO_PASSWORD, "/api/v1/payment-runs/" + runId + "/approval", "{}"), 200);
        String file = http.getAs(FINANCE, Http.DEMO_PASSWORD, "/api/v1/payment-runs/" + runId + "/bank-file").body();
        BankFilesIT.validate(file);
        assertThat(file).contains("<Nm>Yoga for All CIC</Nm>").contains("<Ustrd>DPHUB REMIT " + payout.get("id").asLong() + "</Ustrd>")
                .contains("<InstdAmt Ccy=\"GBP\">25.00</InstdAmt>").doesNotContain("Green Fingers")
                .contains("<Ustrd>DPHUB " + ann.accountId() + "</Ustrd>");
        assertThat(file.substring(file.indexOf("<Ustrd>DPHUB " + ann.accountId() + "</Ustrd>") - 600,
                file.indexOf("<Ustrd>DPHUB " + ann.accountId() + "</Ustrd>")))
                .as("the person is paid the payment less the charges").contains("<InstdAmt Ccy=\"GBP\">5.00</InstdAmt>");
        String csv = http.getAs(FINANCE, Http.DEMO_PASSWORD, "/api/v1/payment-runs/" + runId + "/summary.csv").body();
        assertThat(csv).contains("PROV-" + payout.get("id").asLong() + ",,PROVIDER,Yoga for All CIC,40-47-84,70346812");

        // the ledger: the charges and the refund on the pay day, from the plan's line, and the payment in full
        assertThat(ledger.entries(ann.accountId())).extracting(e -> e.kind() + " " + e.amount().pence() + " " + e.postedOn())
                .containsExactly("SPENDING -3000 " + firstPay, "SPENDING -2000 " + firstPay, "SPENDING 500 " + firstPay,
                        "FUNDING 5000 " + firstPay);
        assertThat(ledger.entries(ann.accountId())).filteredOn(e -> e.kind() == LedgerKind.SPENDING)
                .allSatisfy(e -> assertThat(e.budgetLine()).as("tagged to the plan's line").isEqualTo("PA"))
                .anySatisfy(e -> assertThat(e.description()).contains("Yoga for All CIC"));
        assertThat(ledger.balanceOn(ann.accountId(), firstPay)).as("what reached the person's card").isEqualTo(Money.ofPence(500));
        assertThat(accounts.summaryOf(ann.accountId()).orElseThrow().onItsWay()).as("on its way: what will reach the card")
                .containsExactly(new MoneyOnItsWay(firstPay, Money.ofPence(500)));
        assertThat(payments.affordability(ann.accountId()).nextPaymentDate()).isEqualTo(firstPay.plusWeeks(1));
        assertThat(payments.affordability(ann.accountId()).available()).as("nothing promised against the next payment")
                .isEqualTo(Money.ofPence(5000));

        // the card provider's statement shows £5.00 arriving: matched to the council's payment, not posted again
        long line = java.util.concurrent.ThreadLocalRandom.current().nextLong(1L << 40, 1L << 50);
        StatementPostings.Result matched = transaction.execute(s -> {
            StatementPostings.Batch batch = statements.batch(council, "test");
            batch.accept(new StatementPostings.Line(line, ann.accountId(), firstPay, 500, "DPHUB PAYMENT"));
            return batch.post("test:" + line);
        });
        assertThat(matched.matchedFunding()).isEqualTo(1);
        assertThat(matched.posted()).isZero();

        String cookie = http.signIn(FINANCE, Http.DEMO_PASSWORD);
        HttpResponse<String> page = http.get("/payment-runs/" + runId, "Cookie", cookie);
        assertThat(page.body()).contains("Yoga for All CIC").contains("£25.00").contains("Green Fingers")
                .contains("The provider has not said where it is paid")
                .contains("Providers are paid from people&#39;s own payments, never twice: this run takes £");
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

        // taken by a run already: a refund now is paid to Ben by the next run, and the provider owes it back
        assertThat(payments.refund(new ProviderPayments.ProviderRefundRequest(council(ben.accountId()), run + "-refund-ben",
                run + "-yoga-ben", Money.ofPence(1000), today, "Did not go")).settlement())
                .isEqualTo(ProviderPayments.Settlement.OWED_BACK);

        // the provider says where it is paid: the next run pays it the money the council held, and nobody twice
        bankAccounts.recordProviderAccount(provider(), council(ann.accountId()), noBank, "Green Fingers",
                new BankDetails("Green Fingers", "309950", "00733445", "GF-DPHUB"));
        JsonNode second = new MoneyApi(http).runFor(FINANCE2, firstPay.plusWeeks(1));
        long secondId = second.get("id").asLong();
        JsonNode next = MoneyApi.ok(http.getAs(FINANCE, Http.DEMO_PASSWORD,
                "/api/v1/payment-runs/" + secondId + "/provider-payments"), 200);
        assertThat(next.get("payouts").valueStream().filter(p -> p.get("organizationId").asString().equals(noBank.toString()))
                .map(p -> p.get("amountPence").asLong())).containsExactly(3000L);
        assertThat(next.get("payouts").valueStream().filter(p -> p.get("organizationId").asString().equals(yoga.toString())))
                .as("paid once").isEmpty();
        assertThat(netPaid(secondId, ann.accountId())).isEqualTo(5000);
        assertThat(netPaid(secondId, ben.accountId())).isEqualTo(5000);
        assertThat(jdbc.sql("SELECT amount_pence FROM payment WHERE run_id = :r AND idempotency_key = :k")
                .param("r", secondId).param("k", "provider-refund:" + run + "-refund-ben").query(Long.class).single())
                .as("Ben's refund paid to him").isEqualTo(1000);
        MoneyApi.ok(http.postJsonAs(FINANCE, Http.DEMO_PASSWORD, "/api/v1/payment-runs/" + secondId + "/approval", "{}"), 200);
        BankFilesIT.validate(http.getAs(FINANCE, Http.DEMO_PASSWORD, "/api/v1/payment-runs/" + secondId + "/bank-file").body());
        assertThat(payments.findCharge(council(ann.accountId()), run + "-gardening").orElseThrow().paidToProvider()).isTrue();
        assertThat(ledger.balanceOn(ben.accountId(), firstPay.plusWeeks(1)))
                .as("Ben: £40 + £50 + the £10 paid back").isEqualTo(Money.ofPence(10_000));
        assertThat(ledger.entries(ben.accountId())).filteredOn(e -> e.kind() == LedgerKind.SPENDING)
                .extracting(e -> e.amount().pence()).containsExactlyInAnyOrder(-1000L, 1000L);
    }
}
