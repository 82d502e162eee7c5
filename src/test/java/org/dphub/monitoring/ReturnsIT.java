package org.dphub.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.dphub.councils.ReturnPeriod;
import org.dphub.support.Http;
import org.dphub.support.IntegrationTest;
import org.dphub.support.MoneyApi;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** Returns only where needed: bank accounts only, once a period, confirmed once, more time always. */
@IntegrationTest
class ReturnsIT {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    @Test
    void theLastFullPeriodIsWorkedOutFromToday() {
        assertThat(Returns.lastFullPeriod(ReturnPeriod.QUARTERLY, LocalDate.of(2026, 11, 23)))
                .containsExactly(LocalDate.of(2026, 7, 1), LocalDate.of(2026, 9, 30));
        assertThat(Returns.lastFullPeriod(ReturnPeriod.QUARTERLY, LocalDate.of(2026, 1, 5)))
                .containsExactly(LocalDate.of(2025, 10, 1), LocalDate.of(2025, 12, 31));
        assertThat(Returns.lastFullPeriod(ReturnPeriod.MONTHLY, LocalDate.of(2026, 3, 1)))
                .containsExactly(LocalDate.of(2026, 2, 1), LocalDate.of(2026, 2, 28));
        assertThat(Returns.lastFullPeriod(ReturnPeriod.YEARLY, LocalDate.of(2026, 6, 30)))
                .containsExactly(LocalDate.of(2025, 1, 1), LocalDate.of(2025, 12, 31));
    }

    @Test
    void onlyBankAccountsAreAskedOnceAndThePersonConfirmsOrAsksForMoreTime() {
        Http http = new Http(port);
        JsonNode asked = MoneyApi.ok(http.postJsonAs("finance@demo-england", Http.DEMO_PASSWORD, "/api/v1/monitoring/returns", "{}"), 201);
        assertThat(jdbc.sql("""
                        SELECT count(*) FROM financial_return r JOIN dp_account a ON a.id = r.account_id WHERE a.type <> 'BANK_ACCOUNT'""")
                .query(Long.class).single()).as("prepaid cards and managed accounts are never asked").isZero();
        assertThat(MoneyApi.ok(http.postJsonAs("finance@demo-england", Http.DEMO_PASSWORD, "/api/v1/monitoring/returns", "{}"), 201)
                .get("requested").asInt()).as("the same period again asks nobody").isZero();
        assertThat(asked.get("requested").asInt()).as("a count, even if another test asked first").isNotNegative();
        assertThat(jdbc.sql("""
                        SELECT count(*) FROM financial_return r JOIN council c ON c.id = r.council_id WHERE c.code = 'demo-england'""")
                .query(Long.class).single()).as("bank-account holders were asked").isPositive();
        assertThat(http.postJsonAs("practitioner@demo-england", Http.DEMO_PASSWORD, "/api/v1/monitoring/returns", "{}").statusCode())
                .isEqualTo(403);

        long citizen = jdbc.sql("""
                        SELECT ca.citizen_id FROM citizen_access ca JOIN app_user u ON u.id = ca.user_id
                        WHERE u.username = 'citizen@demo-england'""").query(Long.class).single();
        JsonNode mine = MoneyApi.ok(http.getAs("citizen@demo-england", Http.DEMO_PASSWORD, "/api/v1/citizens/" + citizen + "/returns"), 200);
        assertThat(mine.size()).as("the demo citizen has a bank account").isEqualTo(1);
        long id = mine.get(0).get("id").asLong();
        LocalDate due = LocalDate.parse(mine.get(0).get("dueOn").asString());
        assertThat(http.postJsonAs("citizen@demo-wales", Http.DEMO_PASSWORD, "/api/v1/returns/" + id + "/confirmation", "{}").statusCode())
                .isEqualTo(404);
        assertThat(http.postJsonAs("finance@demo-england", Http.DEMO_PASSWORD, "/api/v1/returns/" + id + "/confirmation", "{}").statusCode())
                .as("the person confirms their own").isEqualTo(403);
        JsonNode later = MoneyApi.ok(http.postJsonAs("citizen@demo-england", Http.DEMO_PASSWORD, "/api/v1/returns/" + id + "/more-time",
                "{\"note\": \"In hospital this week\"}"), 200);
        assertThat(later.get("dueOn").asString()).isEqualTo(due.plusDays(28).toString());
        JsonNode confirmed = MoneyApi.ok(http.postJsonAs("citizen@demo-england", Http.DEMO_PASSWORD, "/api/v1/returns/" + id + "/confirmation",
                "{}"), 200);
        assertThat(confirmed.get("status").asString()).isEqualTo("CONFIRMED");
        assertThat(http.postJsonAs("citizen@demo-england", Http.DEMO_PASSWORD, "/api/v1/returns/" + id + "/confirmation", "{}").statusCode())
                .isEqualTo(409);
        assertThat(jdbc.sql("SELECT count(*) FROM letter WHERE kind = 'RETURN_DUE' AND citizen_id = :c").param("c", citizen)
                .query(Long.class).single()).as("a friendly letter").isEqualTo(1);
    }
}
