package org.dphub.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Map;
import org.dphub.support.Http;
import org.dphub.support.IntegrationTest;
import org.dphub.support.MoneyApi;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** Receipts only when asked, only over the threshold, only real PDFs and photos, at most 10 MB. */
@IntegrationTest
class ReceiptsIT {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    HttpResponse<String> upload(Http http, long returnId, long transactionId, String name, byte[] content) {
        return http.postMultipartAs("citizen@demo-england", Http.DEMO_PASSWORD, "/api/v1/returns/" + returnId + "/receipts",
                Map.of("transactionId", Long.toString(transactionId)), name, content);
    }

    @Test
    void receiptsAreAskedForOnlyOverTheThresholdAndOnlyRealOnesAreTaken() {
        Http http = new Http(port);
        long citizen = jdbc.sql("""
                        SELECT ca.citizen_id FROM citizen_access ca JOIN app_user u ON u.id = ca.user_id
                        WHERE u.username = 'citizen@demo-england'""").query(Long.class).single();
        long account = jdbc.sql("SELECT id FROM dp_account WHERE citizen_id = :c ORDER BY id LIMIT 1").param("c", citizen)
                .query(Long.class).single();
        MoneyApi.ok(http.postJsonAs("finance@demo-england", Http.DEMO_PASSWORD, "/api/v1/monitoring/returns", "{}"), 201);
        JsonNode ret = MoneyApi.ok(http.getAs("citizen@demo-england", Http.DEMO_PASSWORD, "/api/v1/citizens/" + citizen + "/returns"), 200).get(0);
        long returnId = ret.get("id").asLong();
        LocalDate inPeriod = LocalDate.parse(ret.get("periodStart").asString()).plusDays(5);
        MoneyApi.ok(http.postMultipartAs("finance@demo-england", Http.DEMO_PASSWORD, "/api/v1/accounts/" + account + "/transaction-imports",
                Map.of("format", "CSV"), "s.csv", ("date,description,amount,transaction_id\n" + inPeriod + ",Garden tools,-45.00,RC-1\n"
                        + inPeriod + ",Coffee,-3.00,RC-2\n").getBytes(StandardCharsets.UTF_8)), 201);
        long big = jdbc.sql("SELECT id FROM account_transaction WHERE account_id = :a AND transaction_id = 'RC-1'").param("a", account)
                .query(Long.class).single();
        long small = jdbc.sql("SELECT id FROM account_transaction WHERE account_id = :a AND transaction_id = 'RC-2'").param("a", account)
                .query(Long.class).single();
        byte[] pdf = "%PDF-1.4\n1 0 obj\n<<>>\nendobj\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

        assertThat(upload(http, returnId, big, "r.pdf", pdf).statusCode()).as("not asked for yet").isEqualTo(422);
        assertThat(http.postJsonAs("citizen@demo-england", Http.DEMO_PASSWORD, "/api/v1/returns/" + returnId + "/receipt-request", "{}")
                .statusCode()).isEqualTo(403);
        assertThat(http.postJsonAs("finance@demo-england", Http.DEMO_PASSWORD, "/api/v1/returns/" + returnId + "/receipt-request", "{}")
                .statusCode()).isEqualTo(204);

        assertThat(upload(http, returnId, small, "r.pdf", pdf).body()).as("£3.00 is under the threshold").contains("No receipt is needed");
        byte[] exe = new byte[] {'M', 'Z', (byte) 0x90, 0, 3, 0, 0, 0};
        assertThat(upload(http, returnId, big, "receipt.pdf", exe).body()).contains("must be a PDF, or a JPG or PNG");
        assertThat(upload(http, returnId, big, "big.jpg", new byte[Receipts.LARGEST + 1]).body()).contains("larger than 10 MB");
        assertThat(jdbc.sql("SELECT count(*) FROM return_receipt WHERE return_id = :r").param("r", returnId).query(Long.class).single()).isZero();

        JsonNode stored = MoneyApi.ok(upload(http, returnId, big, "garden-tools.pdf", pdf), 201);
        assertThat(stored.get("contentType").asString()).isEqualTo("application/pdf");
        HttpResponse<String> back = http.getAs("finance@demo-england", Http.DEMO_PASSWORD, "/api/v1/receipts/" + stored.get("id").asLong());
        assertThat(back.statusCode()).isEqualTo(200);
        assertThat(back.body()).startsWith("%PDF-1.4");
        assertThat(http.getAs("finance@demo-wales", Http.DEMO_PASSWORD, "/api/v1/receipts/" + stored.get("id").asLong()).statusCode())
                .isEqualTo(404);
    }
}
