package org.dphub.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
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

/** Checks go where there is a stated reason; a check recorded quietens the account; effort is counted. */
@IntegrationTest
class ChecksIT {

    static final String PRACTITIONER = "practitioner@demo-wales";
    static final String FINANCE = "finance@demo-wales";

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Ledger ledger;

    Http http;

    @BeforeEach
    void client() {
        http = new Http(port);
    }

    List<String> reasons(long account) {
        JsonNode due = MoneyApi.ok(http.getAs(FINANCE, Http.DEMO_PASSWORD, "/api/v1/monitoring/checks?status=DUE"), 200);
        return due.valueStream().filter(d -> d.get("accountId").asLong() == account).findFirst()
                .map(d -> d.get("reasons").valueStream().map(JsonNode::asString).toList()).orElse(List.of());
    }

    @Test
    void reasonsAreStatedAndACheckQuietensTheAccountUntilAConcern() {
        long account = new MoneyApi(http).activeWeekly(PRACTITIONER, "Elin", LocalDate.now().minusWeeks(2), "BANK_ACCOUNT", 5_000, "cy")
                .accountId();
        assertThat(reasons(account)).containsExactly("NEW_DIRECT_PAYMENT");

        long council = jdbc.sql("SELECT council_id FROM dp_account WHERE id = :a").param("a", account).query(Long.class).single();
        ledger.post(Posting.funding(council, "checks-test:" + account, account, Money.ofPence(100_000), LocalDate.now(), "Direct payment"));
        MoneyApi.ok(http.postMultipartAs(FINANCE, Http.DEMO_PASSWORD, "/api/v1/accounts/" + account + "/transaction-imports",
                Map.of("format", "CSV"), "s.csv", ("date,description,amount\n" + LocalDate.now().minusDays(2)
                        + ",Electronics shop,-300.00\n").getBytes(StandardCharsets.UTF_8)), 201);
        assertThat(reasons(account)).containsExactly("NEW_DIRECT_PAYMENT", "SURPLUS", "UNLINKED_SPENDING");

        JsonNode check = MoneyApi.ok(http.postJsonAs(FINANCE, Http.DEMO_PASSWORD, "/api/v1/monitoring/checks", """
                {"accountId": %d, "outcome": "ALL_WELL", "minutes": 15, "notes": "A new laptop for college: in the plan"}"""
                .formatted(account)), 201);
        assertThat(check.get("reasons").valueStream().map(JsonNode::asString).toList())
                .containsExactly("NEW_DIRECT_PAYMENT", "SURPLUS", "UNLINKED_SPENDING");
        assertThat(reasons(account)).as("checked: left alone for a while").isEmpty();

        assertThat(http.postJsonAs(PRACTITIONER, Http.DEMO_PASSWORD, "/api/v1/accounts/" + account + "/concerns",
                "{\"concern\": \"The PA says they have not been paid\"}").statusCode()).isEqualTo(201);
        assertThat(reasons(account)).containsExactly("CONCERN");

        JsonNode effort = MoneyApi.ok(http.getAs(FINANCE, Http.DEMO_PASSWORD, "/api/v1/monitoring/effort"), 200);
        JsonNode allWell = effort.valueStream().filter(e -> e.get("outcome").asString().equals("ALL_WELL")).findFirst().orElseThrow();
        assertThat(allWell.get("checks").asLong()).isPositive();
        assertThat(allWell.get("minutes").asLong()).isGreaterThanOrEqualTo(15);
    }

    @Test
    void badChecksAndOtherPeoplesAccountsChangeNothing() {
        long account = new MoneyApi(http).activeWeekly(PRACTITIONER, "Owain", LocalDate.now().minusWeeks(1), "PREPAID_CARD", 5_000, "en")
                .accountId();
        long before = jdbc.sql("SELECT count(*) FROM monitoring_check").query(Long.class).single();
        for (String bad : new String[] {
                "{\"accountId\": %d, \"outcome\": \"FINE\", \"minutes\": 5}",
                "{\"accountId\": %d, \"outcome\": \"ALL_WELL\", \"minutes\": -1}",
                "{\"accountId\": %d, \"outcome\": \"ALL_WELL\", \"minutes\": 1.5}",
                "{\"accountId\": %d, \"outcome\": \"ALL_WELL\"}"}) {
            assertThat(http.postJsonAs(FINANCE, Http.DEMO_PASSWORD, "/api/v1/monitoring/checks", bad.formatted(account)).statusCode())
                    .as(bad).isEqualTo(422);
        }
        assertThat(http.postJsonAs("finance@demo-england", Http.DEMO_PASSWORD, "/api/v1/monitoring/checks",
                "{\"accountId\": %d, \"outcome\": \"ALL_WELL\", \"minutes\": 5}".formatted(account)).statusCode()).isEqualTo(404);
        assertThat(http.getAs(PRACTITIONER, Http.DEMO_PASSWORD, "/api/v1/monitoring/checks?status=DUE").statusCode()).isEqualTo(403);
        assertThat(http.getAs(FINANCE, Http.DEMO_PASSWORD, "/api/v1/monitoring/checks?status=LATER").statusCode()).isEqualTo(422);
        assertThat(jdbc.sql("SELECT count(*) FROM monitoring_check").query(Long.class).single()).isEqualTo(before);
    }
}
