package org.dphub.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A correction's audit entry names only what changed, with what it was, in the record's own order. */
class AuditTrailChangedTest {

    @Test
    void onlyTheFieldsThatDifferAreKeptWithWhatTheyWere() {
        AuditTrail.Changed changed = AuditTrail.changed(
                AuditTrail.values("name", "Dafyd Owen", "relationship", "SIBLING", "email", null, "postcode", "SY3 8XX"),
                AuditTrail.values("name", "Dafydd Owen", "relationship", "SIBLING", "email", "d@example.com", "postcode", "SY3 8XX"));
        assertThat(changed.isEmpty()).isFalse();
        assertThat(changed.was()).containsExactly(Map.entry("name", "Dafyd Owen"), entry("email", null));
        assertThat(changed.now()).containsExactly(Map.entry("name", "Dafydd Owen"), Map.entry("email", "d@example.com"));
        changed.with("citizenId", 7L);
        assertThat(changed.was()).containsEntry("citizenId", 7L);
        assertThat(changed.now()).containsEntry("citizenId", 7L);
    }

    @Test
    void nothingChangedIsEmpty() {
        assertThat(AuditTrail.changed(AuditTrail.values("name", "Siân", "email", null), AuditTrail.values("name", "Siân", "email", null))
                .isEmpty()).isTrue();
    }

    static Map.Entry<String, Object> entry(String key, Object value) {
        Map<String, Object> one = new HashMap<>();
        one.put(key, value);
        return one.entrySet().iterator().next();
    }
}
