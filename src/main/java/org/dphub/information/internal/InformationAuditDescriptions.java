package org.dphub.information.internal;

import java.util.Optional;
import java.util.Set;
import org.dphub.audit.AuditDescriptions;
import org.dphub.audit.AuditEvent;
import org.dphub.audit.AuditWording;
import org.dphub.information.Information;
import org.springframework.stereotype.Component;

/** Changes to the information hub in the audit trail's words. */
@Component
class InformationAuditDescriptions implements AuditDescriptions {

    static final String GUIDE = Information.GUIDE_AUDIT;
    static final String TERM = Information.TERM_AUDIT;
    static final String STORY = Information.STORY_AUDIT;

    @Override
    public Set<String> entityTypes() {
        return Set.of(GUIDE, TERM, STORY);
    }

    @Override
    public Optional<String> describe(AuditEvent event, AuditWording words) {
        return switch (event.entityType()) {
            case GUIDE -> Optional.of(words.say("audit.say.information_guide.changed", words.quote(event.value("title")),
                    words.word("language-name.", event.value("language")), AuditWording.number(event.value("version"))));
            case TERM -> Optional.of(words.say("audit.say.information_term.changed", words.quote(event.value("term")),
                    words.word("language-name.", event.value("language")), AuditWording.number(event.value("version"))));
            case STORY -> Optional.of(words.say("audit.say.information_story.added", words.quote(event.value("attribution"))));
            default -> Optional.empty();
        };
    }
}
