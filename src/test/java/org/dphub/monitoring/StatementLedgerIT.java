package org.dphub.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.dphub.payments.Ledger;
import org.dphub.payments.Posting;
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
 * Statements reach the ledger (STYLE.md, how data flows 4): an imported statement's spending is
 * on the account's ledger, on "Your money" and on "Your spending", once; the council's own payment
 * and payroll already in the ledger are matched, not counted twice; a re-import or a refused file
 * changes nothing; every transaction still balances.
 */
@IntegrationTest
class StatementLedgerIT {

    static final String PRACTITIONER = "practitioner@demo-england";
    static final String FINANCE = "finance@demo-england";
    static final DateTimeFormatter GOV_UK = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Ledger ledger;

    Http http;
    LocalDate today;

    @BeforeEach
    void http() {
        http = new Http(port);
        today = LocalDate.now();
    }

    HttpResponse<String> upload(long accountId, String csv) {
        return http.postMultipartAs(FINANCE, Http.DEMO_PASSWORD, "/api/v1/accounts/" + accountId + "/transaction-imports",
                Map.of("format", "CSV"), "statement.csv", csv.getBytes(StandardCharsets.UTF_8));
    }

    long balance(long accountId) {
        return MoneyApi.ok(http.getAs(FINANCE, Http.DEMO_PASSWORD, "/api/v1/accounts/" + accountId), 200).get("balancePence").asLong();
    }

    JsonNode ledgerOf(long accountId) {
        return MoneyApi.ok(http.getAs(FINANCE, Http.DEMO_PASSWORD, "/api/v1/accounts/" + accountId + "/ledger"), 200);
    }

    long council(long accountId) {
        return jdbc.sql("SELECT council_id FROM dp_account WHERE id = :a").param("a", accountId).query(Long.class).single();
    }

    long unbalanced() {
        return jdbc.sql("""
                        SELECT count(*) FROM (SELECT t.id FROM ledger_transaction t JOIN ledger_leg l ON l.transaction_id = t.id
                        WHERE t.idempotency_key LIKE 'statement:%' GROUP BY t.id HAVING sum(l.amount_pence) <> 0) x""")
                .query(Long.class).single();
    }

    @Test
    void spendingIsPostedOnceAndTheCouncilsPaymentAndPayrollAreMatchedNotCountedTwice() {
        long account = new MoneyApi(http).activeWeekly(PRACTITIONER, "Nia", today.minusWeeks(3), "BANK_ACCOUNT", 10_000, "en")
                .accountId();
        long council = council(account);
        LocalDate paid = today.minusDays(10);
        LocalDate payDay = today.minusDays(6);
        ledger.post(Posting.funding(council, "it-statement-funding:" + account, account, Money.ofPence(10_000), paid,
                "Direct payment"));
        long payslip = 900_000_000L + account;
        ledger.post(Posting.spending(council, "payslip:" + payslip + ":net", account, Money.ofPence(8_540), payDay,
                "Net pay to Ceri Jones"));
        long before = balance(account);
        assertThat(before).isEqualTo(10_000 - 8_540);
        int entriesBefore = ledgerOf(account).size();

        String csv = """
                date,description,amount,transaction_id
                %s,DEMO ENGLAND CC DIRECT PAYMENT,100.00,S1
                %s,Ceri Jones wages,-85.40,S2
                %s,Riverside Leisure Centre,-12.50,S3
                %s,Castle Taxis,-30.00,S4
                %s,Refund Castle Taxis,5.00,S5
                %s,Transfer from savings,100.00,S6
                """.formatted(paid.plusDays(1), payDay.plusDays(2), today.minusDays(4), today.minusDays(3), today.minusDays(2),
                today.minusDays(1));
        JsonNode done = MoneyApi.ok(upload(account, csv), 201);
        assertThat(done.get("imported").asInt()).isEqualTo(6);

        // the council's payment (a day after it was sent) and the PA's net pay (two days after pay day) are
        // already in the ledger; the £100.00 from savings nine days after the payment is not the council's
        JsonNode entries = ledgerOf(account);
        assertThat(entries.size()).isEqualTo(entriesBefore + 4);
        List<String> statementEntries = entries.valueStream()
                .filter(e -> !e.get("description").asString().startsWith("Direct payment") && !e.get("description").asString().startsWith("Net pay"))
                .map(e -> e.get("postedOn").asString() + " " + e.get("kind").asString() + " " + e.get("description").asString() + " "
                        + e.get("amountPence").asLong())
                .toList();
        assertThat(statementEntries).containsExactlyInAnyOrder(
                today.minusDays(4) + " SPENDING Riverside Leisure Centre -1250",
                today.minusDays(3) + " SPENDING Castle Taxis -3000",
                today.minusDays(2) + " MONEY_IN Refund Castle Taxis 500",
                today.minusDays(1) + " MONEY_IN Transfer from savings 10000");
        assertThat(balance(account)).as("down once for what went out, up for what came in from outside")
                .isEqualTo(before - 1_250 - 3_000 + 500 + 10_000);
        assertThat(jdbc.sql("""
                        SELECT m.matched_as || ' ' || t.idempotency_key FROM ledger_statement_match m
                        JOIN ledger_transaction t ON t.id = m.transaction_id WHERE m.account_id = :a ORDER BY 1""")
                .param("a", account).query(String.class).list())
                .containsExactly("FUNDING it-statement-funding:" + account, "PAYROLL payslip:" + payslip + ":net");
        assertThat(jdbc.sql("""
                        SELECT count(*) FROM ledger_statement_match m JOIN account_transaction s ON s.id = m.statement_line_id
                        WHERE m.account_id = :a AND s.transaction_id IN ('S1', 'S2')""").param("a", account).query(Long.class).single())
                .as("the match names the statement lines").isEqualTo(2);

        // the same statement again: nothing new anywhere
        JsonNode again = MoneyApi.ok(upload(account, csv), 201);
        assertThat(again.get("imported").asInt()).isZero();
        assertThat(ledgerOf(account).size()).isEqualTo(entriesBefore + 4);
        assertThat(balance(account)).isEqualTo(before + 6_250);

        // a refused file posts nothing, not even its good lines
        HttpResponse<String> refused = upload(account, """
                date,description,amount
                %s,Garden centre,-20.00
                31/02/2026,Not a day,-1.00
                """.formatted(today.minusDays(1)));
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(ledgerOf(account).size()).isEqualTo(entriesBefore + 4);
        assertThat(balance(account)).isEqualTo(before + 6_250);

        // a second council payment of the same amount comes in later on the next statement: it is matched
        // to the next payment, not to the first one again
        LocalDate paidAgain = today.minusDays(3);
        ledger.post(Posting.funding(council, "it-statement-funding-2:" + account, account, Money.ofPence(10_000), paidAgain,
                "Direct payment"));
        MoneyApi.ok(upload(account, """
                date,description,amount,transaction_id
                %s,DEMO ENGLAND CC DIRECT PAYMENT,100.00,S7
                """.formatted(paidAgain)), 201);
        assertThat(balance(account)).isEqualTo(before + 6_250 + 10_000);
        assertThat(ledgerOf(account).size()).isEqualTo(entriesBefore + 5);
        assertThat(unbalanced()).isZero();
    }

    @Test
    void aProviderFileForManyAccountsReachesEachLedgerAndACardLoadIsMatched() {
        long card = new MoneyApi(http).activeWeekly(PRACTITIONER, "Owain", today.minusWeeks(2), "PREPAID_CARD", 6_000, "en")
                .accountId();
        long other = new MoneyApi(http).activeWeekly(PRACTITIONER, "Aled", today.minusWeeks(2), "MANAGED_ACCOUNT", 6_000, "en")
                .accountId();
        LocalDate loaded = today.minusDays(5);
        ledger.post(Posting.funding(council(card), "it-card-load:" + card, card, Money.ofPence(6_000), loaded, "Direct payment"));
        long cardBefore = balance(card);
        long otherBefore = balance(other);
        MoneyApi.ok(http.postMultipartAs(FINANCE, Http.DEMO_PASSWORD, "/api/v1/transaction-imports", Map.of("format", "CSV"),
                "provider.csv", """
                        account,date,description,amount,transaction_id
                        DPHUB %d,%s,Card load DPHUB %d,60.00,C1
                        DPHUB %d,%s,Bus pass,-30.00,C2
                        %d,%s,Art class,-18.00,C3
                        """.formatted(card, loaded, card, card, today.minusDays(1), other, today.minusDays(1))
                        .getBytes(StandardCharsets.UTF_8)), 201);
        assertThat(balance(card)).isEqualTo(cardBefore - 3_000);
        assertThat(balance(other)).isEqualTo(otherBefore - 1_800);
        assertThat(unbalanced()).isZero();
    }

    @Test
    void yourMoneyAndYourSpendingShowTheSameStatementSpending() {
        long citizen = jdbc.sql("""
                        SELECT ca.citizen_id FROM citizen_access ca JOIN app_user u ON u.id = ca.user_id
                        WHERE u.username = 'citizen@demo-england'""").query(Long.class).single();
        long account = jdbc.sql("SELECT min(id) FROM dp_account WHERE citizen_id = :c AND direct_payment_id IS NOT NULL")
                .param("c", citizen).query(Long.class).single();
        LocalDate day = today.minusDays(1);
        MoneyApi.ok(upload(account, """
                date,description,amount,transaction_id
                %s,Hillside Garden Centre,-3.17,IT-PAGES-1
                """.formatted(day)), 201);

        String cookie = http.signIn("citizen@demo-england", Http.DEMO_PASSWORD);
        String money = http.get("/my-money?lang=en", "Cookie", cookie).body();
        assertThat(money).contains("£3.17", GOV_UK.format(day), "Spending shows here from your bank or card statements",
                "Say what each payment was for");
        String spending = http.get("/my-spending?lang=en", "Cookie", cookie).body();
        assertThat(spending).contains("Hillside Garden Centre", "£3.17").doesNotContain("No statement from your bank");
        assertThat(http.get("/my-money?lang=cy", "Cookie", cookie).body()).contains("Dywedwch beth oedd pob taliad ar ei gyfer");
    }

    @Test
    void payrollNotOnAStatementYetIsOnYourMoneyAndYourSpendingSaysSo() {
        // the demo representative acts for person 3, whose account has statements but not this pay
        long account = jdbc.sql("""
                        SELECT min(a.id) FROM dp_account a JOIN citizen_access ca ON ca.citizen_id = a.citizen_id
                        JOIN app_user u ON u.id = ca.user_id WHERE u.username = 'representative@demo-england'""")
                .query(Long.class).single();
        ledger.post(Posting.spending(council(account), "payslip:" + (910_000_000L + account) + ":net", account, Money.ofPence(12_345),
                today.minusDays(1), "Net pay to Ceri Jones"));
        String cookie = http.signIn("representative@demo-england", Http.DEMO_PASSWORD);
        assertThat(http.get("/my-money?lang=en", "Cookie", cookie).body())
                .contains("£123.45", "not on a statement from your bank or card provider yet");
        String spending = http.get("/my-spending?lang=en", "Cookie", cookie).body();
        assertThat(spending).contains("Pay for your PAs worked out on this service is on Your money already", "£123.45")
                .doesNotContain("Nothing has come in from your statements yet");
        assertThat(http.get("/my-spending?lang=cy", "Cookie", cookie).body()).contains("ar Eich arian yn barod");

        // once the statement shows it, it is matched to the pay, and neither page says it is missing
        MoneyApi.ok(upload(account, """
                date,description,amount,transaction_id
                %s,Ceri Jones wages,-123.45,IT-PAY-1
                """.formatted(today)), 201);
        assertThat(http.get("/my-spending?lang=en", "Cookie", cookie).body()).contains("Ceri Jones wages")
                .doesNotContain("is on Your money already");
        assertThat(jdbc.sql("""
                        SELECT count(*) FROM ledger_transaction WHERE idempotency_key LIKE 'statement:%' AND description = 'Ceri Jones wages'""")
                .query(Long.class).single()).as("the pay is not spent twice").isZero();
    }
}
