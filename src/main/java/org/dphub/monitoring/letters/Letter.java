package org.dphub.monitoring.letters;

import java.time.Instant;

/** A letter to a person, exactly as it was sent (or, with no Notify key, as it would have been). */
public record Letter(long id, long councilId, long citizenId, LetterKind kind, String language, String channel, String recipient,
                     String subject, String body, String status, String notifyId, String failure, String createdBy,
                     Instant createdAt) {

    public java.time.LocalDateTime createdInUk() {
        return java.time.LocalDateTime.ofInstant(createdAt, java.time.ZoneId.of("Europe/London"));
    }
}
