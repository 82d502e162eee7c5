package org.dphub.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.dphub.support.Http;
import org.dphub.support.IntegrationTest;
import org.dphub.support.MoneyApi;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * The demo's money is what a real council's would be: accounts opened on the day the agreement
 * was made, payments described as a run describes them, and spending that came in on statements
 * through the import (the council's payments on them matched, never counted twice), dated no later
 * than today, most of each payment spent, some of it explained.
 */
@IntegrationTest
class DemoMoneyIT {

    /** The statements the demo imports (tests import others). */
    static final String DEMO_FILE = "(i.filename LIKE 'bank-statement-%.xml' OR i.filename IN ('prepaid-card-transactions.csv', "
            + "'managed-account-transactions.csv', 'open-banking-statements.csv'))";

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    @Test
    void accountsOpenOnTheDayTheirAgreementWasMade() {
        List<Map<String, Object>> wrong = jdbc.sql("""
                        SELECT a.id, a.opened_on, dp.paper_signed_on FROM dp_account a JOIN direct_payment dp ON dp.id = a.direct_payment_id
                        JOIN council c ON c.id = a.council_id
                        WHERE c.code IN ('demo-england', 'demo-wales')
                          AND dp.paper_signed_on IS NOT NULL AND a.opened_on <> dp.paper_signed_on""").query().listOfRows();
        assertThat(wrong).isEmpty();
        assertThat(jdbc.sql("""
                        SELECT count(*) FROM dp_account a JOIN council c ON c.id = a.council_id
                        WHERE c.code IN ('demo-england', 'demo-wales') AND a.opened_on < current_date - 30""")
                .query(Long.class).single()).as("most demo accounts were opened months ago").isGreaterThan(20);
    }

    @Test
    void paymentsAreDescribedAsARunDescribesThemAndSpendingCameInOnStatements() {
        assertThat(jdbc.sql("""
                        SELECT count(*) FROM ledger_transaction t JOIN council c ON c.id = t.council_id
                        WHERE c.code IN ('demo-england', 'demo-wales') AND t.idempotency_key LIKE 'schedule:%'
                          AND (t.description ~ '[0-9]{4}-[0-9]{2}-[0-9]{2}' OR t.description !~ '^Direct payment for the period from [0-9]{1,2} [A-Z][a-z]+ [0-9]{4}$')""")
                .query(Long.class).single()).as("no date written as 2026-11-07").isZero();
        assertThat(jdbc.sql("SELECT count(*) FROM ledger_transaction WHERE idempotency_key LIKE 'demo-spending:%'").query(Long.class).single())
                .isZero();
        assertThat(jdbc.sql("""
                        SELECT count(*) FROM account_transaction t JOIN council c ON c.id = t.council_id
                        WHERE c.code IN ('demo-england', 'demo-wales') AND t.booked_on > current_date""").query(Long.class).single())
                .as("nothing on a statement is dated after today").isZero();
        assertThat(jdbc.sql("SELECT count(*) FROM transaction_import i WHERE " + DEMO_FILE).query(Long.class).single())
                .as("the demo imported its statements").isPositive();
        // every demo account the council paid before the day the demo was loaded has a statement, and its council
        // payments on it are matched (other tests in this context pay on their own keys, or in runs paid that day and
        // later, which no statement shows yet; "that day", not today, as a suite can run past midnight)
        assertThat(jdbc.sql("""
                        WITH demo_day AS (SELECT min(i.imported_at)::date AS day FROM transaction_import i
                                          JOIN council c ON c.id = i.council_id
                                          WHERE c.code IN ('demo-england', 'demo-wales') AND {demoFile})
                        SELECT count(*) FROM dp_account a JOIN council c ON c.id = a.council_id
                        WHERE c.code IN ('demo-england', 'demo-wales')
                          -- an individual service fund has no statement: its provider reports what it spent (issue 18)
                          AND a.type <> 'INDIVIDUAL_SERVICE_FUND'
                          AND EXISTS (SELECT 1 FROM ledger_leg l JOIN ledger_transaction t ON t.id = l.transaction_id
                                      WHERE l.account_id = a.id AND t.kind = 'FUNDING' AND l.amount_pence > 0
                                        AND t.idempotency_key LIKE 'schedule:%' AND t.posted_on < (SELECT day FROM demo_day))
                          AND NOT EXISTS (SELECT 1 FROM ledger_statement_match m WHERE m.account_id = a.id AND m.matched_as = 'FUNDING')"""
                        .replace("{demoFile}", DEMO_FILE))
                .query(Long.class).single()).isZero();
        assertThat(jdbc.sql("""
                        SELECT count(*) FROM account_transaction s JOIN transaction_import i ON i.id = s.import_id
                        JOIN council c ON c.id = s.council_id
                        WHERE c.code IN ('demo-england', 'demo-wales') AND {demoFile} AND s.amount_pence < 0
                          AND NOT EXISTS (SELECT 1 FROM ledger_transaction t WHERE t.idempotency_key = 'statement:' || s.id)
                          AND NOT EXISTS (SELECT 1 FROM ledger_statement_match m WHERE m.statement_line_id = s.id)"""
                        .replace("{demoFile}", DEMO_FILE))
                .query(Long.class).single()).as("all the spending is in the ledger").isZero();
    }

    @Test
    void mostOfEachPaymentIsSpentAndNeverMore() {
        // accounts only the demo has touched (other tests top some up, spend from them or pay them)
        List<Map<String, Object>> accounts = jdbc.sql("""
                        SELECT a.id,
                               sum(l.amount_pence) FILTER (WHERE t.kind = 'FUNDING') AS funded,
                               count(*) FILTER (WHERE t.kind = 'FUNDING') AS periods,
                               sum(l.amount_pence) AS balance
                        FROM dp_account a JOIN council c ON c.id = a.council_id
                        JOIN ledger_leg l ON l.account_id = a.id AND l.book = 'ACCOUNT'
                        JOIN ledger_transaction t ON t.id = l.transaction_id
                        WHERE c.code IN ('demo-england', 'demo-wales')
                          AND NOT EXISTS (SELECT 1 FROM payment p WHERE p.account_id = a.id)
                          AND NOT EXISTS (SELECT 1 FROM ledger_leg l2 JOIN ledger_transaction t2 ON t2.id = l2.transaction_id
                                          WHERE l2.account_id = a.id AND t2.idempotency_key NOT LIKE 'schedule:%'
                                            AND t2.idempotency_key NOT LIKE 'statement:%')
                          AND NOT EXISTS (SELECT 1 FROM account_transaction s JOIN transaction_import i ON i.id = s.import_id
                                          WHERE s.account_id = a.id AND NOT {demoFile})
                        GROUP BY a.id HAVING count(*) FILTER (WHERE t.kind = 'FUNDING') >= 4""".replace("{demoFile}", DEMO_FILE))
                .query().listOfRows();
        assertThat(accounts).hasSizeGreaterThan(20);
        for (Map<String, Object> account : accounts) {
            long funded = ((Number) account.get("funded")).longValue();
            long balance = ((Number) account.get("balance")).longValue();
            assertThat(balance).as("account %s: never more spent than came in", account.get("id")).isNotNegative();
            assertThat(balance).as("account %s: most of %s paid in is spent", account.get("id"), funded).isLessThan(funded / 2);
        }
    }

    @Test
    void theDemoCitizensSpendingIsPartlyExplainedAndTheRestSuggested() {
        Http http = new Http(port);
        for (String council : List.of("demo-england", "demo-wales")) {
            long citizen = jdbc.sql("""
                            SELECT ca.citizen_id FROM citizen_access ca JOIN app_user u ON u.id = ca.user_id
                            WHERE u.username = :u""").param("u", "citizen@" + council).query(Long.class).single();
            long account = jdbc.sql("SELECT min(id) FROM dp_account WHERE citizen_id = :c AND direct_payment_id IS NOT NULL")
                    .param("c", citizen).query(Long.class).single();
            JsonNode transactions = MoneyApi.ok(http.getAs("finance@" + council, Http.DEMO_PASSWORD,
                    "/api/v1/accounts/" + account + "/transactions"), 200);
            assertThat(transactions.valueStream().filter(t -> !t.get("suggested").asBoolean() && t.get("note").isString()))
                    .as("%s: spending the person explained", council).isNotEmpty();
            assertThat(transactions.valueStream().filter(t -> t.get("suggested").asBoolean()))
                    .as("%s: spending with a suggestion", council).isNotEmpty();
            assertThat(transactions.valueStream().map(t -> LocalDate.parse(t.get("date").asString())))
                    .allMatch(d -> !d.isAfter(LocalDate.now()));
        }
    }
}
