package org.dphub.directory.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dphub.support.AuditEvents.english;
import static org.dphub.support.AuditEvents.event;
import static org.dphub.support.AuditEvents.welsh;

import java.util.Map;
import org.dphub.audit.AuditAction;
import org.junit.jupiter.api.Test;

/** A regular payment set up, stopped or missed, in the audit trail's words in English and Welsh. */
class RegularPaymentAuditDescriptionsTest {

    final RegularPaymentAuditDescriptions describe = new RegularPaymentAuditDescriptions(null);

    @Test
    void setUpStoppedAndMissedHaveASentenceInBothLanguages() {
        var created = event("regular_payment", 7, AuditAction.CREATE, null, Map.of("provider", "Sunny Days CIC", "amount", "£8.00",
                "frequency", "FORTNIGHTLY", "firstDate", "2026-12-08", "status", "ACTIVE"));
        var stopped = event("regular_payment", 7, AuditAction.UPDATE, Map.of("status", "ACTIVE"), Map.of("status", "STOPPED",
                "from", "2027-01-05", "provider", "Sunny Days CIC", "amount", "£8.00"));
        var missed = event("regular_payment", 7, AuditAction.UPDATE, null, Map.of("missed", 3, "dueOn", "2026-12-22",
                "reason", "NOT_ENOUGH_MONEY", "provider", "Sunny Days CIC", "amount", "£8.00"));

        assertThat(describe.describe(created, english()).orElseThrow()).startsWith("Priya Shah set up a regular payment of £8.00 every 2 weeks")
                .contains("“Sunny Days CIC”").endsWith("starting on 8 December 2026");
        assertThat(describe.describe(created, welsh()).orElseThrow()).startsWith("Trefnwyd taliad rheolaidd o £8.00 bob pythefnos")
                .contains("8 Rhagfyr 2026");
        assertThat(describe.describe(stopped, english()).orElseThrow()).startsWith("Priya Shah stopped the regular payment of £8.00")
                .endsWith("from 5 January 2027");
        assertThat(describe.describe(stopped, welsh()).orElseThrow()).startsWith("Ataliwyd y taliad rheolaidd o £8.00").contains("5 Ionawr 2027");
        assertThat(describe.describe(missed, english()).orElseThrow()).contains("due on 22 December 2026 was missed")
                .endsWith("there was not enough in the account to cover it");
        assertThat(describe.describe(missed, welsh()).orElseThrow()).contains("22 Rhagfyr 2026")
                .endsWith("nid oedd digon yn y cyfrif i dalu amdano");
    }
}
