package org.dphub.letters;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;

/**
 * A letter to a person ({@code citizenId}), to a PA on the register ({@code paProfileId}) or to someone who
 * acted for a person ({@code representativeId}): exactly one is set. Kept exactly as it was written, with how its delivery stands.
 */
public record Letter(long id, long councilId, Long citizenId, Long paProfileId, Long representativeId, LetterKind kind, String language, String channel, String recipient,
                     String subject, String body, LetterDelivery delivery, String createdBy, Instant createdAt) {

    /** The delivery status's name (OUTBOX, PENDING, SENDING, SENT, FAILED), as the API gives it. */
    public String status() {
        return delivery.status().name();
    }

    public LocalDateTime createdInUk() {
        return LocalDateTime.ofInstant(createdAt, ZoneId.of("Europe/London"));
    }
}
