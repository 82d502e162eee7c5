package org.dphub.monitoring.letters;

import java.io.ByteArrayInputStream;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import uk.gov.service.notify.NotificationClient;
import uk.gov.service.notify.NotificationClientException;

/**
 * GOV.UK Notify, through its own Java client, when DPHUB_NOTIFY_API_KEY is set. Emails and texts
 * use one generic template each in the council's Notify service, with ((subject)) and ((body));
 * a posted letter goes as a precompiled PDF.
 */
@Component
class NotifyGateway {

    private final String apiKey;
    private final String emailTemplate;
    private final String textTemplate;

    NotifyGateway(@Value("${dphub.notify.api-key:}") String apiKey, @Value("${dphub.notify.email-template-id:}") String emailTemplate,
                  @Value("${dphub.notify.text-template-id:}") String textTemplate) {
        this.apiKey = apiKey.strip();
        this.emailTemplate = emailTemplate.strip();
        this.textTemplate = textTemplate.strip();
    }

    boolean configured() {
        return !apiKey.isEmpty();
    }

    /** Sends the letter; returns Notify's id for it. */
    String send(Letter letter, byte[] pdf) {
        NotificationClient client = new NotificationClient(apiKey);
        String reference = "dphub-letter-" + letter.id();
        Map<String, Object> personalisation = Map.of("subject", letter.subject(), "body", letter.body());
        try {
            return switch (letter.channel()) {
                case "EMAIL" -> client.sendEmail(emailTemplate, letter.recipient(), personalisation, reference).getNotificationId().toString();
                case "TEXT" -> client.sendSms(textTemplate, letter.recipient(), personalisation, reference).getNotificationId().toString();
                default -> client.sendPrecompiledLetterWithInputStream(reference, new ByteArrayInputStream(pdf)).getNotificationId().toString();
            };
        } catch (NotificationClientException e) {
            throw new IllegalStateException("GOV.UK Notify refused the letter: " + e.getMessage(), e);
        }
    }
}
