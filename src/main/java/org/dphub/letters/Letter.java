package org.dphub.letters;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;

/** A letter to a person, exactly as it was written, and how its delivery stands. */
public record Letter(long id, long councilId, long citizenId, LetterKind kind, String language, String channel, String recipient,
                     String subject, String body, LetterDelivery delivery, String createdBy, Instant createdAt) {

    /** The delivery status's name (OUTBOX, PENDING, SENDING, SENT, FAILED), as the API gives it. */
    public String status() {
        return delivery.status().name();
    }

    public LocalDateTime createdInUk() {
        return LocalDateTime.ofInstant(createdAt, ZoneId.of("Europe/London"));
    }
}
