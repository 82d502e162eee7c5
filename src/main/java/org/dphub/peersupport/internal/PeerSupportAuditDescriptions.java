package org.dphub.peersupport.internal;

import java.util.Optional;
import java.util.Set;
import org.dphub.audit.AuditDescriptions;
import org.dphub.audit.AuditEvent;
import org.dphub.audit.AuditWording;
import org.dphub.peersupport.PeerSupport;
import org.springframework.stereotype.Component;

/** Peer support in the audit trail's words: questions and answers posted, reports, and what moderators did and why. */
@Component
class PeerSupportAuditDescriptions implements AuditDescriptions {

    static final String POST = PeerSupport.POST_AUDIT;
    static final String REPORT = PeerSupport.REPORT_AUDIT;

    @Override
    public Set<String> entityTypes() {
        return Set.of(POST, REPORT);
    }

    @Override
    public Optional<String> describe(AuditEvent event, AuditWording words) {
        String board = words.word("peer.audit.board.", event.value("board"));
        String post = words.text("peer.audit.post." + ("ANSWER".equals(event.value("kind")) ? "ANSWER" : "QUESTION"),
                words.quote(event.value("title")));
        if (REPORT.equals(event.entityType())) {
            return Optional.of(words.say("audit.say.peer_report.reported", post, board, words.quote(event.value("reason"))));
        }
        if (!POST.equals(event.entityType())) {
            return Optional.empty();
        }
        Object moderation = event.value("moderation");
        if (moderation != null) {
            return switch (String.valueOf(moderation)) {
                case "HIDDEN", "RESTORED", "LOCKED", "UNLOCKED", "KEPT" -> Optional.of(words.say("audit.say.peer_post." + moderation, post,
                        board, words.quote(event.value("reason"))));
                default -> Optional.empty();
            };
        }
        if ("QUESTION".equals(event.value("kind"))) {
            return Optional.of(words.say("audit.say.peer_post.asked", words.quote(event.value("title")), board));
        }
        if ("ANSWER".equals(event.value("kind"))) {
            return Optional.of(words.say("audit.say.peer_post.answered", words.quote(event.value("title")), board));
        }
        return Optional.empty();
    }
}
