package org.dphub.letters.internal;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.dphub.audit.AuditAction;
import org.dphub.audit.AuditDescriptions;
import org.dphub.audit.AuditEvent;
import org.dphub.audit.AuditSubjects;
import org.dphub.audit.AuditWording;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Letters and the council's letter wording in the audit trail's words, and whose letter each is. */
@Component
class LetterAuditRecords implements AuditDescriptions, AuditSubjects {

    static final String LETTER = "letter";
    static final String TEMPLATE = "letter_template";

    private final JdbcClient jdbc;

    LetterAuditRecords(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Set<String> entityTypes() {
        return Set.of(LETTER, TEMPLATE);
    }

    @Override
    public Map<String, Long> citizens(String entityType, List<String> entityIds, Map<String, Object> values) {
        if (!LETTER.equals(entityType)) {
            return Map.of();
        }
        // a new letter names its person; a letter sent again is found by its row (one to a former representative is about
        // the person they acted for)
        Map<String, Long> named = AuditSubjects.all(entityIds, values.get("citizenId"));
        return named.isEmpty() ? AuditSubjects.query(jdbc,
                "SELECT id, COALESCE(citizen_id, about_citizen_id) AS citizen_id FROM letter WHERE id = ANY(:ids)", entityIds) : named;
    }

    @Override
    public Optional<String> describe(AuditEvent event, AuditWording words) {
        if (LETTER.equals(event.entityType())) {
            if (event.action() == AuditAction.UPDATE && event.after() != null && event.after().get("sentAgainBy") != null) {
                return Optional.of(words.say("audit.say.letter.sent-again"));
            }
            if (event.value("kind") == null) {
                return Optional.empty();
            }
            return Optional.of(words.say("audit.say.letter.sent", words.quote(words.word("wording.kind.", event.value("kind"))),
                    words.lowerWord("outbox.channel.", event.value("channel"))));
        }
        if (TEMPLATE.equals(event.entityType())) {
            // a template is recorded as "KIND/language": which letter, in which language
            String[] kindAndLanguage = event.entityId().split("/", 2);
            String language = kindAndLanguage.length == 2 ? words.word("language-name.", kindAndLanguage[1]) : "";
            return Optional.of(words.say("audit.say.letter_template.changed",
                    words.quote(words.word("wording.kind.", kindAndLanguage[0])), language));
        }
        return Optional.empty();
    }
}
