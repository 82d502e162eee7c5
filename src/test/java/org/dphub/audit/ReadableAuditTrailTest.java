package org.dphub.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dphub.support.AuditEvents.ENGLISH;
import static org.dphub.support.AuditEvents.WELSH;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.dphub.support.AuditEvents;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;

/** The sentence for a change when its module cannot say it: still who and whose, never field names. */
class ReadableAuditTrailTest {

    final StaticListableBeanFactory beans = new StaticListableBeanFactory(Map.of("describer", new AuditDescriptions() {
        @Override
        public Set<String> entityTypes() {
            return Set.of("direct_payment");
        }

        @Override
        public Optional<String> describe(AuditEvent event, AuditWording wording) {
            throw new ClassCastException("recorded in an older shape");
        }
    }));

    final ReadableAuditTrail trail = new ReadableAuditTrail(null, beans.getBeanProvider(AuditDescriptions.class),
            beans.getBeanProvider(AuditActors.class), beans.getBeanProvider(AuditPeople.class), AuditEvents.messages());

    static AuditEvent event(String type, AuditAction action) {
        return new AuditEvent(7, Instant.parse("2026-12-03T14:03:00Z"), 1L, "practitioner@demo-england", action, type, "12",
                Map.of("fooBar", "x"), Map.of("fooBar", "y"), 30L);
    }

    @Test
    void anUnknownKindGetsAGeneralSentenceInBothLanguages() {
        var person = new AuditPeople.Person(30, "Emily Smith", "DE-00001");
        AuditEvent unknown = event("something_new", AuditAction.UPDATE);

        assertThat(trail.sentence(unknown, "Priya Shah", person, ENGLISH)).isEqualTo("Priya Shah changed a record about Emily Smith");
        assertThat(trail.sentence(unknown, "Priya Shah", person, WELSH)).isEqualTo("Newidiwyd cofnod am Emily Smith gan Priya Shah");
        assertThat(trail.sentence(event("something_new", AuditAction.CREATE), "Priya Shah", null, ENGLISH))
                .isEqualTo("Priya Shah added a record").doesNotContain("something_new").doesNotContain("fooBar");
    }

    @Test
    void aDescriberThatFailsFallsBackToTheGeneralSentenceWithTheKindInWords() {
        AuditEvent odd = event("direct_payment", AuditAction.UPDATE);

        assertThat(trail.sentence(odd, "Priya Shah", null, ENGLISH)).isEqualTo("Priya Shah changed a record (direct payments)");
        assertThat(trail.sentence(odd, "Priya Shah", null, WELSH)).isEqualTo("Newidiwyd cofnod (taliadau uniongyrchol) gan Priya Shah");
    }

    @Test
    void onlyKindsAModuleDescribesCanBeChosen() {
        assertThat(trail.kinds(ENGLISH)).containsExactly(new ReadableAuditTrail.Kind("direct_payment", "Direct payments"));
        assertThat(trail.kinds(WELSH)).containsExactly(new ReadableAuditTrail.Kind("direct_payment", "Taliadau uniongyrchol"));
        assertThat(trail.isKind("direct_payment")).isTrue();
        assertThat(trail.isKind("'; DROP TABLE audit_event; --")).isFalse();
    }

    @Test
    void theNightlyRunAndStartUpWorkAreTheSystem() {
        assertThat(AuditTrail.isSystem("system")).isTrue();
        assertThat(AuditTrail.isSystem("nightly")).isTrue();
        assertThat(AuditTrail.isSystem("admin@demo-england")).isFalse();
    }
}
