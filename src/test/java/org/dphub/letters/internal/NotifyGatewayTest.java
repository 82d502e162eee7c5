package org.dphub.letters.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import org.junit.jupiter.api.Test;
import uk.gov.service.notify.NotificationClientException;

/** What Notify said, in its own words, taken from the client's exception. */
class NotifyGatewayTest {

    @Test
    void theMessagesOfNotifysErrorBody() {
        // the client's words for a 400: "Status code: 400 " and Notify's body
        NotificationClientException refused = new NotificationClientException("Status code: 400 {\"errors\": [{\"error\": "
                + "\"ValidationError\", \"message\": \"email_address Not a valid email address\"}], \"status_code\": 400}");
        assertThat(NotifyGateway.said(refused)).isEqualTo("email_address Not a valid email address");
        assertThat(NotifyGateway.said(new NotificationClientException("Status code: 500 not json {")))
                .isEqualTo("Status code: 500 not json {");
    }

    @Test
    void noAnswerIsTheConnectionsOwnWords() {
        NotificationClientException refused = new NotificationClientException(new ConnectException("Connection refused"));
        assertThat(refused.getHttpResult()).as("no HTTP status: no answer").isZero();
        assertThat(NotifyGateway.said(refused)).isEqualTo("java.net.ConnectException: Connection refused");
    }
}
