package org.dphub.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Map;
import org.dphub.support.Http;
import org.dphub.support.IntegrationTest;
import org.dphub.support.MoneyApi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** Statements in: CSV and camt.053, whole or nothing, duplicates skipped, every bad line named. */
@IntegrationTest
class TransactionImportsIT {

    static final String PRACTITIONER = "practitioner@demo-england";
    static final String FINANCE = "finance@demo-england";

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    Http http;
    long account;

    @BeforeEach
    void account() {
        http = new Http(port);
        account = new MoneyApi(http).activeWeekly(PRACTITIONER, "Cerys", LocalDate.now().minusWeeks(2), "BANK_ACCOUNT", 10_000, "cy")
                .accountId();
    }

    HttpResponse<String> upload(String user, long accountId, String format, String name, String content) {
        return upload(user, accountId, format, name, content.getBytes(StandardCharsets.UTF_8));
    }

    HttpResponse<String> upload(String user, long accountId, String format, String name, byte[] content) {
        return http.postMultipartAs(user, Http.DEMO_PASSWORD, "/api/v1/accounts/" + accountId + "/transaction-imports",
                Map.of("format", format), name, content);
    }

    long stored(long accountId) {
        return jdbc.sql("SELECT count(*) FROM account_transaction WHERE account_id = :a").param("a", accountId).query(Long.class).single();
    }

    JsonNode errors(HttpResponse<String> response) {
        JsonNode body = MoneyApi.ok(response, 422);
        assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        return body.get("errors");
    }

    @Test
    void aCsvStatementIsImportedOnceWithDuplicatesCounted() {
        String csv = """
                date,description,amount,transaction_id
                2026-11-02,"PA wages, week 1",-250.00,T1
                03/11/2026,Leisure centre,-4.50,
                2026-11-04,Direct payment from council,400,T3
                """;
        JsonNode first = MoneyApi.ok(upload(FINANCE, account, "CSV", "statement.csv", csv), 201);
        assertThat(first.get("imported").asInt()).isEqualTo(3);
        assertThat(first.get("duplicates").asInt()).isZero();
        JsonNode again = MoneyApi.ok(upload(FINANCE, account, "CSV", "statement.csv", csv), 201);
        assertThat(again.get("imported").asInt()).isZero();
        assertThat(again.get("duplicates").asInt()).isEqualTo(3);
        // the same day, amount and description is the same transaction even without an id
        JsonNode overlap = MoneyApi.ok(upload(FINANCE, account, "CSV", "next.csv", """
                date,description,amount
                2026-11-03,Leisure centre,-4.50
                2026-11-05,Garden centre,-12.99
                """), 201);
        assertThat(overlap.get("imported").asInt()).isEqualTo(1);
        assertThat(overlap.get("duplicates").asInt()).isEqualTo(1);

        JsonNode list = MoneyApi.ok(http.getAs(FINANCE, Http.DEMO_PASSWORD, "/api/v1/accounts/" + account + "/transactions"), 200);
        assertThat(list.size()).isEqualTo(4);
        assertThat(list.get(0).get("date").asString()).isEqualTo("2026-11-05");
        assertThat(list.valueStream().map(t -> t.get("description").asString())).contains("PA wages, week 1");
        assertThat(list.valueStream().mapToLong(t -> t.get("amountPence").asLong()).sum()).isEqualTo(-25_000 - 450 + 40_000 - 1_299);
        assertThat(list.get(0).has("budgetLineId")).isTrue();
        assertThat(list.get(0).has("outcome")).isTrue();
        assertThat(list.get(0).has("note")).isTrue();
    }

    @Test
    void badFilesNameTheLineAndImportNothing() {
        long before = stored(account);
        assertThat(errors(upload(FINANCE, account, "CSV", "empty.csv", "")).get(0).get("message").asString()).contains("empty");
        assertThat(errors(upload(FINANCE, account, "CSV", "header.csv", "date,description,amount\n")).get(0).get("message").asString())
                .contains("no transactions");
        JsonNode missing = errors(upload(FINANCE, account, "CSV", "missing.csv", "date,description\n2026-11-01,Shop\n"));
        assertThat(missing.get(0).get("line").asInt()).isEqualTo(1);
        assertThat(missing.get(0).get("message").asString()).contains("\"amount\"");
        JsonNode bad = errors(upload(FINANCE, account, "CSV", "bad.csv", """
                date,description,amount
                2026-11-01,Fine line,-1.00
                31/02/2026,Not a day,-1.00
                2026-11-02,Too precise,12.345
                2026-11-03,European,"1,00"
                2026-11-04,,-3.00
                2026-11-05,Too many,1.00,extra
                """));
        assertThat(bad.valueStream().map(e -> e.get("line").asInt()).toList()).containsExactly(3, 4, 5, 6, 7);
        assertThat(bad.get(0).get("message").asString()).contains("31/02/2026 is not a real date");
        assertThat(bad.get(1).get("message").asString()).contains("more than 2 numbers after the decimal point");
        assertThat(bad.get(2).get("message").asString()).contains("comma");
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0, 0, 13, 'I', 'H', 'D', 'R', (byte) 0xff, (byte) 0xfe};
        assertThat(errors(upload(FINANCE, account, "CSV", "photo.png", png)).get(0).get("message").asString()).contains("not a text file");
        assertThat(errors(upload(FINANCE, account, "PDF", "statement.csv", "date,description,amount\n2026-11-01,x,1\n"))
                .get(0).get("message").asString()).contains("CSV or CAMT_053");
        assertThat(stored(account)).as("nothing imported from any of them").isEqualTo(before);

        byte[] huge = new byte[25 * 1024 * 1024];
        assertThat(upload(FINANCE, account, "CSV", "huge.csv", huge).statusCode()).isEqualTo(413);
        assertThat(upload(PRACTITIONER, account, "CSV", "s.csv", "date,description,amount\n2026-11-01,x,1\n").statusCode())
                .as("only finance imports").isEqualTo(403);
        assertThat(upload("finance@demo-wales", account, "CSV", "s.csv", "date,description,amount\n2026-11-01,x,1\n").statusCode())
                .as("another council's account").isEqualTo(404);
        assertThat(stored(account)).isEqualTo(before);
    }

    @Test
    void aCamt053StatementIsReadAndUnsafeXmlIsRefused() {
        String camt = """
                <?xml version="1.0" encoding="UTF-8"?>
                <Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.02">
                  <BkToCstmrStmt>
                    <GrpHdr><MsgId>STMT-1</MsgId><CreDtTm>2026-11-06T09:00:00</CreDtTm></GrpHdr>
                    <Stmt>
                      <Id>1</Id>
                      <Ntry>
                        <NtryRef>E1</NtryRef>
                        <Amt Ccy="GBP">45.00</Amt>
                        <CdtDbtInd>DBIT</CdtDbtInd>
                        <BookgDt><Dt>2026-11-03</Dt></BookgDt>
                        <AcctSvcrRef>BANK-REF-1</AcctSvcrRef>
                        <NtryDtls><TxDtls><RmtInf><Ustrd>Art class, 4 weeks</Ustrd></RmtInf></TxDtls></NtryDtls>
                      </Ntry>
                      <Ntry>
                        <Amt Ccy="GBP">400.00</Amt>
                        <CdtDbtInd>CRDT</CdtDbtInd>
                        <BookgDt><Dt>2026-11-04</Dt></BookgDt>
                        <AddtlNtryInf>Direct payment</AddtlNtryInf>
                      </Ntry>
                    </Stmt>
                  </BkToCstmrStmt>
                </Document>
                """;
        JsonNode done = MoneyApi.ok(upload(FINANCE, account, "CAMT_053", "statement.xml", camt), 201);
        assertThat(done.get("imported").asInt()).isEqualTo(2);
        JsonNode list = MoneyApi.ok(http.getAs(FINANCE, Http.DEMO_PASSWORD, "/api/v1/accounts/" + account + "/transactions"), 200);
        assertThat(list.valueStream().map(t -> t.get("description").asString() + " " + t.get("amountPence").asLong()).toList())
                .containsExactlyInAnyOrder("Direct payment 40000", "Art class, 4 weeks -4500");
        assertThat(MoneyApi.ok(upload(FINANCE, account, "CAMT_053", "statement.xml", camt), 201).get("duplicates").asInt()).isEqualTo(2);

        long before = stored(account);
        String bomb = """
                <?xml version="1.0"?>
                <!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>
                <Document><BkToCstmrStmt><Stmt><Ntry><Amt Ccy="GBP">1.00</Amt><CdtDbtInd>DBIT</CdtDbtInd>
                <BookgDt><Dt>2026-11-01</Dt></BookgDt><AddtlNtryInf>&lol2;</AddtlNtryInf></Ntry></Stmt></BkToCstmrStmt></Document>
                """;
        assertThat(errors(upload(FINANCE, account, "CAMT_053", "bomb.xml", bomb)).get(0).get("message").asString())
                .contains("refused for safety");
        String external = """
                <?xml version="1.0"?>
                <!DOCTYPE d [<!ENTITY x SYSTEM "file:///etc/passwd">]>
                <Document><BkToCstmrStmt><Stmt><Ntry><Amt Ccy="GBP">1.00</Amt><CdtDbtInd>DBIT</CdtDbtInd>
                <BookgDt><Dt>2026-11-01</Dt></BookgDt><AddtlNtryInf>&x;</AddtlNtryInf></Ntry></Stmt></BkToCstmrStmt></Document>
                """;
        JsonNode refused = errors(upload(FINANCE, account, "CAMT_053", "external.xml", external));
        assertThat(refused.get(0).get("message").asString()).contains("refused for safety").doesNotContain("root:");
        assertThat(errors(upload(FINANCE, account, "CAMT_053", "broken.xml", "<Document><BkToCstmrStmt>")).get(0).get("message")
                .asString()).contains("not a well-formed");
        assertThat(stored(account)).isEqualTo(before);
    }

    @Test
    void aProviderFileCoversManyAccountsAndNamesAccountsThatAreNotTheCouncils() {
        long second = new MoneyApi(http).activeWeekly(PRACTITIONER, "Dewi", LocalDate.now().minusWeeks(1), "PREPAID_CARD", 8_000, "en")
                .accountId();
        String file = """
                account,date,description,amount,transaction_id
                %d,2026-11-02,Cinema,-9.00,P1
                DPHUB %d,2026-11-02,Bus pass,-30.00,P2
                """.formatted(account, second);
        JsonNode done = MoneyApi.ok(http.postMultipartAs(FINANCE, Http.DEMO_PASSWORD, "/api/v1/transaction-imports",
                Map.of("format", "CSV"), "provider.csv", file.getBytes(StandardCharsets.UTF_8)), 201);
        assertThat(done.get("imported").asInt()).isEqualTo(2);
        assertThat(stored(second)).isEqualTo(1);

        long wales = jdbc.sql("SELECT a.id FROM dp_account a JOIN council c ON c.id = a.council_id WHERE c.code = 'demo-wales' LIMIT 1")
                .query(Long.class).single();
        long before = stored(account);
        JsonNode refused = errors(http.postMultipartAs(FINANCE, Http.DEMO_PASSWORD, "/api/v1/transaction-imports",
                Map.of("format", "CSV"), "provider.csv", """
                        account,date,description,amount
                        %d,2026-11-03,Cafe,-3.00
                        %d,2026-11-03,Not ours,-3.00
                        """.formatted(account, wales).getBytes(StandardCharsets.UTF_8)));
        assertThat(refused.get(0).get("line").asInt()).isEqualTo(3);
        assertThat(stored(account)).as("whole or nothing").isEqualTo(before);
    }

    @Test
    void aBanksOwnLayoutIsReadWithASavedMapping() {
        MoneyApi.ok(http.putJsonAs(FINANCE, Http.DEMO_PASSWORD, "/api/v1/csv-mappings/example-bank", """
                {"date": "Posting Date", "description": "Narrative", "amount": "Value", "transactionId": "Ref"}"""), 200);
        JsonNode done = MoneyApi.ok(http.postMultipartAs(FINANCE, Http.DEMO_PASSWORD, "/api/v1/accounts/" + account + "/transaction-imports",
                Map.of("format", "CSV", "mapping", "example-bank"), "bank.csv", """
                        Posting Date,Ref,Narrative,Value,Balance
                        06/11/2026,R9,Swimming,-5.20,100.00
                        """.getBytes(StandardCharsets.UTF_8)), 201);
        assertThat(done.get("imported").asInt()).isEqualTo(1);
        assertThat(errors(http.postMultipartAs(FINANCE, Http.DEMO_PASSWORD, "/api/v1/accounts/" + account + "/transaction-imports",
                Map.of("format", "CSV", "mapping", "no-such-bank"), "bank.csv", "x\n".getBytes(StandardCharsets.UTF_8)))
                .get(0).get("message").asString()).contains("no-such-bank");
    }

    @Test
    void spendingIsLinkedToThePlanAndSimilarSpendingIsSuggested() {
        LocalDate day = LocalDate.now().minusDays(8);
        MoneyApi.ok(upload(FINANCE, account, "CSV", "s.csv", """
                date,description,amount
                %s,GYM MEMBERSHIP 0001,-25.00
                %s,GYM MEMBERSHIP 0002,-25.00
                """.formatted(day, day.plusDays(7))), 201);
        JsonNode list = MoneyApi.ok(http.getAs(FINANCE, Http.DEMO_PASSWORD, "/api/v1/accounts/" + account + "/transactions"), 200);
        long older = list.get(1).get("id").asLong();
        assertThat(http.postJsonAs(PRACTITIONER, Http.DEMO_PASSWORD, "/api/v1/transactions/" + older + "/tags", """
                {"budgetLinePosition": 1, "outcome": "Get out and about", "note": "Gym: stay active and see friends"}""")
                .statusCode()).isEqualTo(204);
        assertThat(http.postJsonAs(PRACTITIONER, Http.DEMO_PASSWORD, "/api/v1/transactions/" + older + "/tags", """
                {"budgetLinePosition": 9}""").statusCode()).as("not one of the plan's lines").isEqualTo(422);
        assertThat(http.postJsonAs("practitioner@demo-wales", Http.DEMO_PASSWORD, "/api/v1/transactions/" + older + "/tags", """
                {"note": "x"}""").statusCode()).isEqualTo(404);
        JsonNode after = MoneyApi.ok(http.getAs(FINANCE, Http.DEMO_PASSWORD, "/api/v1/accounts/" + account + "/transactions"), 200);
        JsonNode tagged = after.get(1);
        assertThat(tagged.get("outcome").asString()).isEqualTo("Get out and about");
        assertThat(tagged.get("note").asString()).isEqualTo("Gym: stay active and see friends");
        assertThat(tagged.get("budgetLineId").isNull()).isFalse();
        assertThat(tagged.get("suggested").asBoolean()).isFalse();
        JsonNode suggested = after.get(0);
        assertThat(suggested.get("suggested").asBoolean()).as("the next gym payment is suggested the same").isTrue();
        assertThat(suggested.get("budgetLineId").asLong()).isEqualTo(tagged.get("budgetLineId").asLong());
    }
}
