package org.dphub.letters;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.dphub.support.Http;
import org.dphub.support.IntegrationTest;
import org.dphub.support.MoneyApi;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** Letters: the person's language, the template filled in, the outbox without Notify, an accessible PDF, checked wording. */
@IntegrationTest
class LettersIT {

    @LocalServerPort
    int port;

    @Test
    void aWelshSpeakerGetsTheLetterInWelshAsTextAndAsAnAccessiblePdf() throws Exception {
        Http http = new Http(port);
        long citizen = MoneyApi.ok(http.postJsonAs("practitioner@demo-wales", Http.DEMO_PASSWORD, "/api/v1/citizens", """
                {"givenName": "Megan", "familyName": "Jones", "dateOfBirth": "1950-06-06", "postcode": "CH7 1XY",
                 "preferredLanguage": "cy", "contactPreference": "LETTER"}"""), 201).get("id").asLong();
        JsonNode letter = MoneyApi.ok(http.postJsonAs("dp-team@demo-wales", Http.DEMO_PASSWORD, "/api/v1/citizens/" + citizen + "/letters",
                "{\"kind\": \"SURPLUS_FOUND\", \"values\": {\"weeks\": \"8\", \"surplus\": \"£212.40\"}}"), 201);
        assertThat(letter.get("language").asString()).isEqualTo("cy");
        assertThat(letter.get("status").asString()).as("no Notify key: the outbox").isEqualTo("OUTBOX");
        assertThat(letter.get("channel").asString()).isEqualTo("LETTER");
        assertThat(letter.get("body").asString()).startsWith("Annwyl Megan,").contains("£212.40", "8 wythnos").doesNotContain("{");

        HttpResponse<byte[]> pdf = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/api/v1/letters/" + letter.get("id").asLong() + "/pdf"))
                .header("Authorization", Http.basic("dp-team@demo-wales", Http.DEMO_PASSWORD)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdf.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/pdf");
        try (PDDocument document = Loader.loadPDF(pdf.body())) {
            String text = new PDFTextStripper().getText(document);
            assertThat(text).contains("Annwyl Megan", "£212.40");
            assertThat(document.getDocumentCatalog().getMarkInfo()).as("tagged for screen readers").isNotNull();
            assertThat(document.getDocumentCatalog().getMarkInfo().isMarked()).isTrue();
            assertThat(document.getDocumentCatalog().getLanguage()).isEqualTo("cy");
            assertThat(document.getDocumentInformation().getTitle()).isEqualTo(letter.get("subject").asString());
        }
        assertThat(http.getAs("dp-team@demo-england", Http.DEMO_PASSWORD, "/api/v1/letters/" + letter.get("id").asLong()).statusCode())
                .as("another council").isEqualTo(404);
    }

    @Test
    void aThreateningOrHardToReadTemplateIsRefusedAndAGoodOneIsUsed() throws IOException {
        Http http = new Http(port);
        HttpResponse<String> threat = http.putJsonAs("admin@demo-england", Http.DEMO_PASSWORD, "/api/v1/letter-templates/QUESTION/en", """
                {"subject": "Your returns", "body": "Failure to comply will result in termination of your direct payment."}""");
        assertThat(threat.statusCode()).isEqualTo(422);
        assertThat(threat.body()).contains("failure", "comply");
        HttpResponse<String> hard = http.putJsonAs("admin@demo-england", Http.DEMO_PASSWORD, "/api/v1/letter-templates/QUESTION/en", """
                {"subject": "Documentation", "body": "Notwithstanding the aforementioned considerations, supplementary documentation necessitates comprehensive verification."}""");
        assertThat(hard.statusCode()).isEqualTo(422);
        assertThat(hard.body()).contains("reading ease");
        HttpResponse<String> unknown = http.putJsonAs("admin@demo-england", Http.DEMO_PASSWORD, "/api/v1/letter-templates/QUESTION/en", """
                {"subject": "A question", "body": "Hello {name}. We have a question: {question}. Call {officer}."}""");
        assertThat(unknown.statusCode()).as("a placeholder we cannot fill would reach the person as written").isEqualTo(422);
        assertThat(unknown.body()).contains("{officer} is not something we can fill in");
        assertThat(http.putJsonAs("practitioner@demo-england", Http.DEMO_PASSWORD, "/api/v1/letter-templates/QUESTION/en",
                "{\"subject\": \"Hi\", \"body\": \"Hello {name}.\"}").statusCode()).isEqualTo(403);

        MoneyApi.ok(http.putJsonAs("admin@demo-england", Http.DEMO_PASSWORD, "/api/v1/letter-templates/QUESTION/en", """
                {"subject": "A quick question", "body": "Hello {name},\\n\\nWe have a quick question. {question}\\n\\nThank you."}"""), 200);
        long citizen = MoneyApi.ok(http.postJsonAs("practitioner@demo-england", Http.DEMO_PASSWORD, "/api/v1/citizens", """
                {"givenName": "Tom", "familyName": "Baker", "dateOfBirth": "1960-01-01", "postcode": "SY1 1AA", "preferredLanguage": "en",
                 "contactPreference": "EMAIL", "email": "tom.baker@example.com"}"""), 201).get("id").asLong();
        JsonNode letter = MoneyApi.ok(http.postJsonAs("finance@demo-england", Http.DEMO_PASSWORD, "/api/v1/citizens/" + citizen + "/letters",
                "{\"kind\": \"QUESTION\", \"values\": {\"question\": \"What was the payment of £80 on 3 November for?\"}}"), 201);
        assertThat(letter.get("subject").asString()).isEqualTo("A quick question");
        assertThat(letter.get("body").asString()).contains("Hello Tom,", "£80 on 3 November");
        assertThat(letter.get("channel").asString()).isEqualTo("EMAIL");
        assertThat(letter.get("recipient").asString()).isEqualTo("tom.baker@example.com");
        assertThat(http.postJsonAs("finance@demo-england", Http.DEMO_PASSWORD, "/api/v1/citizens/" + citizen + "/letters",
                "{\"kind\": \"THREAT\"}").statusCode()).isEqualTo(422);
        HttpResponse<String> recovered = http.postJsonAs("finance@demo-england", Http.DEMO_PASSWORD, "/api/v1/citizens/" + citizen + "/letters",
                "{\"kind\": \"SURPLUS_RECOVERED\", \"values\": {\"amount\": \"£100.00\"}}");
        assertThat(recovered.statusCode()).as("only a recovery writes it: it would tell the person money was taken").isEqualTo(422);
        assertThat(recovered.body()).contains("SURPLUS_RECOVERED is written only when a finance officer recovers money left over");
    }
}
