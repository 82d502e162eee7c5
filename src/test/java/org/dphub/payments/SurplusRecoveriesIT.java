package org.dphub.payments;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.dphub.shared.Money;
import org.dphub.support.Http;
import org.dphub.support.MoneyApi;
import org.dphub.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** Money left over: never more than the surplus, never twice, and the person gets a friendly letter. */
@IntegrationTest
class SurplusRecoveriesIT {

    static final String PRACTITIONER = "practitioner@demo-england";
    static final String FINANCE = "finance@demo-england";

    @LocalServerPort
    int port;
    @Autowired
    Ledger ledger;
    @Autowired
    JdbcClient jdbc;

    Http http;

    @BeforeEach
    void client() {
        http = new Http(port);
    }

    JsonNode ok(HttpResponse<String> response, int status) {
        return MoneyApi.ok(response, status);
    }

    /**
     * An account with a weekly budget of £50.00 (8 weeks to keep: £400.00), starting in two months,
     * funded with {@code fundedPence} now; returns {citizen, account}.
     */
    long[] fundedAccount(String language, long fundedPence) {
        MoneyApi.Active active = new MoneyApi(http).activeWeekly(PRACTITIONER, "Sam", LocalDate.now().plusMonths(2), "BANK_ACCOUNT",
                5000, language);
        long council = jdbc.sql("SELECT council_id FROM dp_account WHERE id = :a").param("a", active.accountId())
                .query(Long.class).single();
        ledger.post(Posting.funding(council, "test-funding:" + active.accountId(), active.accountId(), Money.ofPence(fundedPence),
                LocalDate.now(), "Direct payment"));
        return new long[] {active.citizenId(), active.accountId()};
    }

    HttpResponse<String> recover(String user, long account, String amount, String... headers) {
        return http.postJsonAs(user, Http.DEMO_PASSWORD, "/api/v1/accounts/" + account + "/surplus-recoveries",
                "{\"amountPence\": " + amount + ", \"reason\": \"Left over after the summer\"}", headers);
    }

    long legs(long account) {
        return jdbc.sql("SELECT count(*) FROM ledger_leg WHERE account_id = :a").param("a", account).query(Long.class).single();
    }

    long recoveryLetters(long citizen) {
        return jdbc.sql("SELECT count(*) FROM letter WHERE citizen_id = :c AND kind = 'SURPLUS_RECOVERED'").param("c", citizen)
                .query(Long.class).single();
    }

    @Test
    void upToTheSurplusOnceWithALetterAndNothingForBadInput() {
        long[] ids = fundedAccount("en", 65_000); // keep £400.00, so £250.00 is left over
        long account = ids[1];
        JsonNode before = ok(http.getAs(FINANCE, Http.DEMO_PASSWORD, "/api/v1/accounts/" + account), 200);
        assertThat(before.get("surplusPence").asLong()).isEqualTo(25_000);
        long legsBefore = legs(account);

        for (String bad : new String[] {"25001", "0", "-5", "1.5", "\"abc\"", "1e9", "100000001", "null"}) {
            assertThat(recover(FINANCE, account, bad).statusCode()).as(bad).isEqualTo(422);
        }
        HttpResponse<String> tooMuch = recover(FINANCE, account, "25001");
        assertThat(tooMuch.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        assertThat(tooMuch.body()).contains("£250.00");
        assertThat(recover(PRACTITIONER, account, "100").statusCode()).as("only finance").isEqualTo(403);
        assertThat(recover("finance@demo-wales", account, "100").statusCode()).as("another council").isEqualTo(404);
        assertThat(legs(account)).as("the ledger is unchanged").isEqualTo(legsBefore);
        assertThat(recoveryLetters(ids[0])).as("and no letter").isZero();

        JsonNode recovered = ok(recover(FINANCE, account, "10000", "Idempotency-Key", "summer-" + account), 201);
        assertThat(recovered.get("amountPence").asLong()).isEqualTo(10_000);
        assertThat(recovered.get("surplusBeforePence").asLong()).isEqualTo(25_000);
        assertThat(recovered.get("letterLanguage").asString()).isEqualTo("en");
        assertThat(recovered.get("letter").asString())
                .startsWith("Dear Sam,")
                .contains("£650.00", "8 weeks", "£400.00", "£250.00", "taken back £100.00", "Left over after the summer")
                .doesNotContain("failure", "penalty", "terminate", "must comply");
        JsonNode again = ok(recover(FINANCE, account, "10000", "Idempotency-Key", "summer-" + account), 200);
        assertThat(again.get("id").asLong()).as("a retry is the same recovery").isEqualTo(recovered.get("id").asLong());
        // the letter is a letter of the letters module, once, exactly as the recovery keeps it
        assertThat(recoveryLetters(ids[0])).as("one letter, though the request came twice").isEqualTo(1);
        var letter = jdbc.sql("SELECT kind, language, status, body FROM letter WHERE idempotency_key = :k")
                .param("k", "surplus-recovery:" + recovered.get("id").asLong()).query().singleRow();
        assertThat(letter).containsEntry("kind", "SURPLUS_RECOVERED").containsEntry("language", "en")
                .containsEntry("status", "OUTBOX").containsEntry("body", recovered.get("letter").asString());

        JsonNode after = ok(http.getAs(FINANCE, Http.DEMO_PASSWORD, "/api/v1/accounts/" + account), 200);
        assertThat(after.get("balancePence").asLong()).isEqualTo(55_000);
        assertThat(after.get("surplusPence").asLong()).isEqualTo(15_000);
        JsonNode entries = ok(http.getAs(FINANCE, Http.DEMO_PASSWORD, "/api/v1/accounts/" + account + "/ledger"), 200);
        assertThat(entries.valueStream().filter(e -> e.get("kind").asString().equals("RECOVERY"))
                .map(e -> e.get("amountPence").asLong()).toList()).containsExactly(-10_000L);

        // the person sees the letter; someone else does not
        assertThat(ok(http.getAs(FINANCE, Http.DEMO_PASSWORD, "/api/v1/accounts/" + account + "/surplus-recoveries"), 200)
                .size()).isEqualTo(1);
        assertThat(http.getAs("citizen@demo-england", Http.DEMO_PASSWORD, "/api/v1/accounts/" + account + "/surplus-recoveries")
                .statusCode()).isEqualTo(404);
    }

    @Test
    void aWelshSpeakerGetsTheLetterInWelsh() {
        long account = fundedAccount("cy", 50_000)[1];
        JsonNode recovered = ok(recover(FINANCE, account, "5000"), 201);
        assertThat(recovered.get("letterLanguage").asString()).isEqualTo("cy");
        assertThat(recovered.get("letter").asString()).startsWith("Annwyl Sam,").contains("£50.00", "wythnos");
    }

    @Test
    void twentyOfficersAtOnceCannotTakeMoreThanTheSurplus() throws Exception {
        long[] ids = fundedAccount("en", 55_000); // £150.00 left over
        long account = ids[1];
        ExecutorService pool = Executors.newFixedThreadPool(20);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Integer>> results = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            results.add(pool.submit(() -> {
                go.await();
                return recover(FINANCE, account, "1000").statusCode();
            }));
        }
        go.countDown();
        List<Integer> statuses = new ArrayList<>();
        for (Future<Integer> result : results) {
            statuses.add(result.get());
        }
        pool.shutdown();
        assertThat(statuses).filteredOn(s -> s == 201).hasSize(15);
        assertThat(statuses).filteredOn(s -> s == 422).hasSize(5);
        JsonNode after = ok(http.getAs(FINANCE, Http.DEMO_PASSWORD, "/api/v1/accounts/" + account), 200);
        assertThat(after.get("balancePence").asLong()).isEqualTo(40_000);
        assertThat(after.get("surplusPence").asLong()).isZero();
        long sum = jdbc.sql("SELECT sum(amount_pence) FROM ledger_leg WHERE book = 'ACCOUNT' AND account_id = :a")
                .param("a", account).query(Long.class).single();
        assertThat(sum).as("the balance is the sum of the entries").isEqualTo(40_000);
        assertThat(recoveryLetters(ids[0])).as("a letter for each recovery").isEqualTo(15);
    }
}
