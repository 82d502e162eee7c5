package org.dphub.information.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.dphub.audit.AuditAction;
import org.dphub.support.AuditEvents;
import org.junit.jupiter.api.Test;

class InformationAuditDescriptionsTest {

    final InformationAuditDescriptions descriptions = new InformationAuditDescriptions();

    @Test
    void aGuideAWordAndAStoryAreSaidInEnglishAndWelsh() {
        var guide = AuditEvents.event("information_guide", "reviews/en", AuditAction.UPDATE,
                Map.of("title", "Reviews", "language", "en", "version", 1), Map.of("title", "Reviews", "language", "en", "version", 2));
        assertThat(descriptions.describe(guide, AuditEvents.english())).hasValue("Priya Shah saved version 2 of the guide “Reviews” (English)");
        assertThat(descriptions.describe(guide, AuditEvents.welsh())).hasValueSatisfying(s -> assertThat(s).contains("Cadwodd Priya Shah fersiwn 2"));

        var term = AuditEvents.event("information_term", "surplus/cy", AuditAction.CREATE, null,
                Map.of("term", "gwarged", "language", "cy", "version", 1));
        assertThat(descriptions.describe(term, AuditEvents.english())).hasValueSatisfying(s -> assertThat(s).contains("“gwarged”", "Welsh"));

        var story = AuditEvents.event("information_story", 5, AuditAction.CREATE, null, Map.of("attribution", "Sam"));
        assertThat(descriptions.describe(story, AuditEvents.welsh())).hasValueSatisfying(s -> assertThat(s).contains("Sam", "gyda'u caniatâd"));
    }
}
