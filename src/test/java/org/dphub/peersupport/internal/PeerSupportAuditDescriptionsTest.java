package org.dphub.peersupport.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.dphub.audit.AuditAction;
import org.dphub.support.AuditEvents;
import org.junit.jupiter.api.Test;

class PeerSupportAuditDescriptionsTest {

    final PeerSupportAuditDescriptions descriptions = new PeerSupportAuditDescriptions();

    @Test
    void postsReportsAndModerationAreSaidInEnglishAndWelsh() {
        var asked = AuditEvents.event("peer_post", 7, AuditAction.CREATE, null,
                Map.of("board", "EMPLOYERS", "kind", "QUESTION", "title", "Holiday pay", "displayName", "Alys"));
        assertThat(descriptions.describe(asked, AuditEvents.english()))
                .hasValue("Priya Shah asked “Holiday pay” on the employers' peer support board");
        assertThat(descriptions.describe(asked, AuditEvents.welsh()))
                .hasValue("Gofynnodd Priya Shah ‘Holiday pay’ ar fwrdd cymorth gan gymheiriaid y cyflogwyr");

        var hidden = AuditEvents.event("peer_post", 8, AuditAction.UPDATE, Map.of("hidden", false, "locked", false),
                Map.of("moderation", "HIDDEN", "board", "PRACTITIONERS", "kind", "ANSWER", "title", "Card reviews", "reason", "Names a person"));
        assertThat(descriptions.describe(hidden, AuditEvents.english()))
                .hasValue("Priya Shah removed an answer to “Card reviews” from the practitioners' peer support board: “Names a person”");
        assertThat(descriptions.describe(hidden, AuditEvents.welsh()))
                .hasValue("Tynnodd Priya Shah ateb i ‘Card reviews’ oddi ar fwrdd cymorth gan gymheiriaid yr ymarferwyr: ‘Names a person’");

        var locked = AuditEvents.event("peer_post", 9, AuditAction.UPDATE, Map.of("hidden", false, "locked", false),
                Map.of("moderation", "LOCKED", "board", "EMPLOYERS", "kind", "QUESTION", "title", "Holiday pay", "reason", "Answered"));
        assertThat(descriptions.describe(locked, AuditEvents.english())).hasValueSatisfying(s -> assertThat(s).startsWith("Priya Shah locked the question “Holiday pay”"));

        var report = AuditEvents.event("peer_report", 3, AuditAction.CREATE, null,
                Map.of("postId", 8, "board", "EMPLOYERS", "kind", "ANSWER", "title", "Holiday pay", "reason", "Rude"));
        assertThat(descriptions.describe(report, AuditEvents.english()))
                .hasValue("Priya Shah reported an answer to “Holiday pay” on the employers' peer support board: “Rude”");
        assertThat(descriptions.describe(report, AuditEvents.welsh())).hasValueSatisfying(s -> assertThat(s).startsWith("Rhoddodd Priya Shah wybod am ateb i"));
    }
}
