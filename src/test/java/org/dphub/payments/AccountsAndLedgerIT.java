package org.dphub.payments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.dphub.identity.UserAccounts;
import org.dphub.people.Citizens;
import org.dphub.people.OnlineAccount;
import org.dphub.shared.Money;
import org.dphub.shared.SignedInUser;
import org.dphub.support.Http;
import org.dphub.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** An active direct payment has an account; the ledger is exact, idempotent and append-only. */
@IntegrationTest
class AccountsAndLedgerIT {

    static final String PRACTITIONER = "practitioner@demo-england";

    @LocalServerPort
    int port;
    @Autowired
    Ledger ledger;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Citizens citizens;
    @Autowired
    UserAccounts accounts;
    @Autowired
    TransactionTemplate transaction;

    Http http;
    final JsonMapper json = JsonMapper.builder().build();

    @BeforeEach
    void client() {
        http = new Http(port);
    }

    JsonNode ok(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        return json.readTree(response.body());
    }

    /** The plans below start here: a few days ahead, whatever day the tests run. */
    static final LocalDate START = LocalDate.now().plusDays(4);

    /** A new citizen with a 4-weekly plan of £100.00 a week, a direct payment and an account. */
    long[] activeDirectPayment() {
        long citizen = ok(http.postJsonAs(PRACTITIONER, Http.DEMO_PASSWORD, "/api/v1/citizens", """
                {"givenName": "Mo", "familyName": "Farah", "dateOfBirth": "1980-01-01", "postcode": "SY1 1AA"}"""), 201)
                .get("id").asLong();
        long plan = ok(http.postJsonAs(PRACTITIONER, Http.DEMO_PASSWORD, "/api/v1/citizens/" + citizen + "/plans", """
                {"startDate": "%s", "outcomes": [{"text": "Run again"}], "paymentFrequency": "FOUR_WEEKLY",
                 "budgetLines": [{"description": "Coach", "kind": "WEEKLY", "weeklyAmountPence": 10000}]}""".formatted(START)), 201)
                .get("id").asLong();
        long dp = ok(http.postJsonAs(PRACTITIONER, Http.DEMO_PASSWORD, "/api/v1/citizens/" + citizen + "/direct-payments", """
                {"planId": %d, "accountType": "BANK_ACCOUNT", "requestedOn": "%s", "startDate": "%s"}"""
                .formatted(plan, LocalDate.now().minusDays(1), START)), 201).get("id").asLong();
        JsonNode agreed = ok(http.postJsonAs(PRACTITIONER, Http.DEMO_PASSWORD, "/api/v1/direct-payments/" + dp + "/agreement",
                "{\"signedOnPaper\": true, \"signedOn\": \"" + LocalDate.now() + "\"}"), 200);
        return new long[] {citizen, dp, agreed.get("accountId").asLong()};
    }

    @Test
    void anActiveDirectPaymentHasAnAccountWithItsSchedule() {
        long[] ids = activeDirectPayment();
        JsonNode dp = ok(http.getAs(PRACTITIONER, Http.DEMO_PASSWORD, "/api/v1/direct-payments/" + ids[1]), 200);
        assertThat(dp.get("accountId").asLong()).isEqualTo(ids[2]);
        JsonNode account = ok(http.getAs(PRACTITIONER, Http.DEMO_PASSWORD, "/api/v1/accounts/" + ids[2]), 200);
        assertThat(account.get("balancePence").asLong()).isZero();
        assertThat(account.get("weeklyBudgetPence").asLong()).isEqualTo(10_000);
        assertThat(account.get("nextPaymentDate").asString()).isEqualTo(START.toString());
        assertThat(account.get("nextPaymentPence").asLong()).isEqualTo(40_000);
        assertThat(account.get("type").asString()).isEqualTo("BANK_ACCOUNT");
        JsonNode list = ok(http.getAs(PRACTITIONER, Http.DEMO_PASSWORD, "/api/v1/accounts?citizenId=" + ids[0]), 200);
        assertThat(list.size()).isEqualTo(1);
        assertThat(http.getAs("finance@demo-wales", Http.DEMO_PASSWORD, "/api/v1/accounts/" + ids[2]).statusCode()).isEqualTo(404);
        assertThat(http.getAs("citizen@demo-england", Http.DEMO_PASSWORD, "/api/v1/accounts/" + ids[2]).statusCode()).isEqualTo(404);
        assertThat(http.getAs("finance@demo-wales", Http.DEMO_PASSWORD, "/api/v1/accounts/" + ids[2] + "/ledger").statusCode()).isEqualTo(404);
    }

    @Test
    void theCitizenSeesTheirOwnAccount() {
        long[] ids = activeDirectPayment();
        SignedInUser practitioner = accounts.findByUsername(PRACTITIONER).orElseThrow();
        OnlineAccount account = citizens.giveOnlineAccount(practitioner, ids[0], "mo" + ids[1] + "@example.com");
        String accountPassword = http.choosesOwnPassword(account.username(), account.temporaryPassword());
        assertThat(http.getAs(account.username(), accountPassword, "/api/v1/accounts/" + ids[2]).statusCode()).isEqualTo(200);
    }

    @Test
    void postingTheSameKeyTwiceChangesNothingAndTheBalanceIsTheSumOfEntries() {
        long[] ids = activeDirectPayment();
        long council = jdbc.sql("SELECT council_id FROM dp_account WHERE id = :id").param("id", ids[2]).query(Long.class).single();
        LocalDate day = LocalDate.now();
        assertThat(ledger.post(Posting.funding(council, "test:" + ids[2] + ":1", ids[2], Money.ofPence(40_000), day, "First payment"))).isTrue();
        assertThat(ledger.post(Posting.funding(council, "test:" + ids[2] + ":1", ids[2], Money.ofPence(40_000), day, "First payment"))).isFalse();
        assertThat(ledger.post(Posting.spending(council, "test:" + ids[2] + ":s1", ids[2], Money.ofPence(1_999), day, "Swimming"))).isTrue();
        // and money for next week: posted now, in the account only when its day comes
        assertThat(ledger.post(Posting.funding(council, "test:" + ids[2] + ":2", ids[2], Money.ofPence(40_000), day.plusWeeks(1),
                "Second payment"))).isTrue();
        assertThat(ledger.balance(ids[2])).as("everything posted").isEqualTo(Money.ofPence(78_001));
        assertThat(ledger.balanceOn(ids[2], day)).as("in the account today").isEqualTo(Money.ofPence(38_001));
        JsonNode entries = ok(http.getAs(PRACTITIONER, Http.DEMO_PASSWORD, "/api/v1/accounts/" + ids[2] + "/ledger"), 200);
        assertThat(entries.size()).isEqualTo(3);
        long received = 0;
        long onItsWay = 0;
        for (JsonNode entry : entries) {
            if (entry.get("onItsWay").asBoolean()) {
                onItsWay += entry.get("amountPence").asLong();
            } else {
                received += entry.get("amountPence").asLong();
            }
        }
        JsonNode account = ok(http.getAs(PRACTITIONER, Http.DEMO_PASSWORD, "/api/v1/accounts/" + ids[2]), 200);
        assertThat(received).as("the balance is the sum of the entries up to today").isEqualTo(account.get("balancePence").asLong());
        assertThat(onItsWay).isEqualTo(account.get("onItsWayPence").asLong()).isEqualTo(40_000);
    }

    @Test
    void twentyThreadsPostingToOneAccountLoseNothingAndDoubleNothing() throws Exception {
        long[] ids = activeDirectPayment();
        long council = jdbc.sql("SELECT council_id FROM dp_account WHERE id = :id").param("id", ids[2]).query(Long.class).single();
        ExecutorService pool = Executors.newFixedThreadPool(20);
        try {
            List<Callable<Boolean>> posts = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                int n = i % 100; // every key is posted twice, from different threads
                posts.add(() -> ledger.post(Posting.spending(council, "concurrent:" + ids[2] + ":" + n, ids[2],
                        Money.ofPence(n + 1), LocalDate.of(2026, 12, 8), "Spend " + n)));
            }
            long posted = 0;
            for (Future<Boolean> result : pool.invokeAll(posts)) {
                posted += result.get() ? 1 : 0;
            }
            assertThat(posted).isEqualTo(100);
        } finally {
            pool.shutdown();
        }
        // 1 + 2 + ... + 100 = 5050 pence spent
        assertThat(ledger.balance(ids[2])).isEqualTo(Money.ofPence(-5_050));
    }

    @Test
    void theDatabaseKeepsTheLedgerAppendOnlyAndBalanced() {
        long[] ids = activeDirectPayment();
        long council = jdbc.sql("SELECT council_id FROM dp_account WHERE id = :id").param("id", ids[2]).query(Long.class).single();
        ledger.post(Posting.funding(council, "append:" + ids[2], ids[2], Money.ofPence(100), LocalDate.of(2026, 12, 7), "Payment"));
        assertThatThrownBy(() -> jdbc.sql("UPDATE ledger_leg SET amount_pence = 999999 WHERE account_id = :a").param("a", ids[2]).update())
                .isInstanceOf(DataAccessException.class).hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("DELETE FROM ledger_transaction WHERE idempotency_key = :k").param("k", "append:" + ids[2]).update())
                .isInstanceOf(DataAccessException.class).hasMessageContaining("append-only");
        // one leg alone does not balance: refused at commit, nothing written
        assertThatThrownBy(() -> transaction.executeWithoutResult(status -> {
            long tx = jdbc.sql("""
                            INSERT INTO ledger_transaction (council_id, idempotency_key, kind, posted_on, description, created_by)
                            VALUES (:c, :k, 'CORRECTION', DATE '2026-12-07', 'x', 'test') RETURNING id""")
                    .param("c", council).param("k", "unbalanced:" + ids[2]).query(Long.class).single();
            jdbc.sql("INSERT INTO ledger_leg (transaction_id, leg, book, account_id, amount_pence) VALUES (:t, 1, 'ACCOUNT', :a, 5)")
                    .param("t", tx).param("a", ids[2]).update();
        })).hasStackTraceContaining("does not balance");
        assertThat(jdbc.sql("SELECT count(*) FROM ledger_transaction WHERE idempotency_key = :k").param("k", "unbalanced:" + ids[2])
                .query(Long.class).single()).isZero();
        assertThat(ledger.balance(ids[2])).isEqualTo(Money.ofPence(100));
    }
}
