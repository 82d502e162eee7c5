package org.dphub.feedback.internal;

import java.util.Optional;
import java.util.Set;
import org.dphub.audit.AuditDescriptions;
import org.dphub.audit.AuditEvent;
import org.dphub.audit.AuditWording;
import org.dphub.feedback.Feedback;
import org.springframework.stereotype.Component;

/**
 * Survey rounds in the audit trail's words. Answers are not audited: the trail names who acted,
 * which would undo an anonymous answer, and an answer is never changed.
 */
@Component
class FeedbackAuditDescriptions implements AuditDescriptions {

    @Override
    public Set<String> entityTypes() {
        return Set.of(Feedback.ROUND_AUDIT);
    }

    @Override
    public Optional<String> describe(AuditEvent event, AuditWording words) {
        if (!Feedback.ROUND_AUDIT.equals(event.entityType())) {
            return Optional.empty();
        }
        return Optional.of(words.say("audit.say.feedback_round.started", words.quote(event.value("title")),
                words.date(event.value("opensOn")), words.date(event.value("closesOn"))));
    }
}
