package org.dphub.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import org.dphub.support.Http;
import org.dphub.support.IntegrationTest;
import org.dphub.support.MoneyApi;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** An officer asks in plain words; the person gets a letter and answers online, once. */
@IntegrationTest
class QuestionsIT {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    @Test
    void askedByAnOfficerAnsweredByThePersonOnce() {
        Http http = new Http(port);
        long account = jdbc.sql("""
                        SELECT a.id FROM dp_account a JOIN citizen_access ca ON ca.citizen_id = a.citizen_id
                        JOIN app_user u ON u.id = ca.user_id WHERE u.username = 'citizen@demo-england' ORDER BY a.id LIMIT 1""")
                .query(Long.class).single();
        JsonNode asked = MoneyApi.ok(http.postJsonAs("finance@demo-england", Http.DEMO_PASSWORD, "/api/v1/accounts/" + account + "/questions",
                "{\"question\": \"What was the payment of £80 on 3 November for?\"}"), 201);
        long id = asked.get("id").asLong();
        long letters = jdbc.sql("SELECT count(*) FROM letter l JOIN monitoring_question q ON q.letter_id = l.id WHERE q.id = :q")
                .param("q", id).query(Long.class).single();
        assertThat(letters).as("the person is told in a letter").isEqualTo(1);

        assertThat(http.postJsonAs("finance@demo-england", Http.DEMO_PASSWORD, "/api/v1/questions/" + id + "/answer",
                "{\"answer\": \"x\"}").statusCode()).as("staff do not answer for the person").isEqualTo(403);
        assertThat(http.postJsonAs("citizen@demo-wales", Http.DEMO_PASSWORD, "/api/v1/questions/" + id + "/answer",
                "{\"answer\": \"x\"}").statusCode()).as("someone else's question").isEqualTo(404);
        assertThat(http.postJsonAs("citizen@demo-england", Http.DEMO_PASSWORD, "/api/v1/questions/" + id + "/answer",
                "{\"answer\": \"  \"}").statusCode()).isEqualTo(422);
        JsonNode answered = MoneyApi.ok(http.postJsonAs("citizen@demo-england", Http.DEMO_PASSWORD, "/api/v1/questions/" + id + "/answer",
                "{\"answer\": \"Swimming lessons for the term\"}"), 201);
        assertThat(answered.get("answer").asString()).isEqualTo("Swimming lessons for the term");
        assertThat(http.postJsonAs("citizen@demo-england", Http.DEMO_PASSWORD, "/api/v1/questions/" + id + "/answer",
                "{\"answer\": \"again\"}").statusCode()).as("answered once").isEqualTo(409);
        JsonNode list = MoneyApi.ok(http.getAs("finance@demo-england", Http.DEMO_PASSWORD, "/api/v1/accounts/" + account + "/questions"), 200);
        assertThat(list.valueStream().filter(q -> q.get("id").asLong() == id).findFirst().orElseThrow().get("answer").asString())
                .isEqualTo("Swimming lessons for the term");
    }
}
