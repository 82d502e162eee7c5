package org.dphub.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.dphub.support.Http;
import org.dphub.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What a person sees when a form asks for something the record is not at a step for, or a form was
 * changed by hand: a page that says so in their language, never the 500 page (found by
 * PageMatrixIT: a page that threw Conflict or ValidationProblem showed "Something went wrong").
 */
@IntegrationTest
class StepErrorPagesIT {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    @Test
    void restoringAServiceThatWasNeverPublishedSaysItCannotBeDoneNowInEnglishAndWelsh() {
        Http http = new Http(port);
        String session = http.signIn("dp-team@demo-england", Http.DEMO_PASSWORD);
        String waiting = jdbc.sql("SELECT id FROM directory_service WHERE status = 'AWAITING_CHECKS' AND council_id ="
                + " (SELECT id FROM council WHERE code = 'demo-england') ORDER BY created_at, id LIMIT 1").query(String.class).single();
        HttpResponse<String> page = http.get("/directory-checks/" + waiting, "Cookie", session);
        assertThat(page.statusCode()).isEqualTo(200);
        String token = Http.csrfToken(page.body());

        HttpResponse<String> english = http.postForm("/directory-checks/" + waiting + "/restoration", "_csrf=" + token,
                "Cookie", session, "Accept", "text/html", "Referer", "http://localhost:" + port + "/directory-checks/" + waiting);
        assertThat(english.statusCode()).isEqualTo(409);
        assertThat(english.body()).contains("This cannot be done now").doesNotContain("Something went wrong")
                .contains("href=\"/directory-checks/" + waiting + "\"");
        assertThat(jdbc.sql("SELECT status FROM directory_service WHERE id = CAST(:id AS uuid)").param("id", waiting)
                .query(String.class).single()).as("nothing changed").isEqualTo("AWAITING_CHECKS");

        HttpResponse<String> welsh = http.postForm("/directory-checks/" + waiting + "/restoration?lang=cy", "_csrf=" + token,
                "Cookie", session, "Accept", "text/html");
        assertThat(welsh.statusCode()).isEqualTo(409);
        assertThat(welsh.body()).contains("Ni ellir gwneud hyn nawr");
    }

    @Test
    void aFormChangedByHandGetsTheProblemPageNotTheErrorPage() {
        Http http = new Http(port);
        // the demo representative acts for more than one person; a regular payment's form always says for whom
        assertThat(jdbc.sql("SELECT count(*) FROM citizen_access a JOIN app_user u ON u.id = a.user_id"
                + " WHERE u.username = 'representative@demo-england'").query(Long.class).single()).isGreaterThan(1);
        String session = http.signIn("representative@demo-england", Http.DEMO_PASSWORD);
        String service = jdbc.sql("SELECT id FROM directory_service WHERE status = 'PUBLISHED' AND council_id ="
                + " (SELECT id FROM council WHERE code = 'demo-england') ORDER BY created_at, id LIMIT 1").query(String.class).single();
        HttpResponse<String> form = http.get("/directory/services/" + service + "/pay-regularly", "Cookie", session);
        assertThat(form.statusCode()).isEqualTo(200);
        long before = jdbc.sql("SELECT count(*) FROM directory_regular_payment").query(Long.class).single();

        HttpResponse<String> sent = http.postForm("/directory/services/" + service + "/pay-regularly",
                "_csrf=" + Http.csrfToken(form.body()) + "&amount=10.00&frequency=WEEKLY", "Cookie", session, "Accept", "text/html");
        assertThat(sent.statusCode()).isEqualTo(400);
        assertThat(sent.body()).contains("There is a problem with your request").doesNotContain("Something went wrong");
        assertThat(jdbc.sql("SELECT count(*) FROM directory_regular_payment").query(Long.class).single()).isEqualTo(before);
    }
}
