package org.dphub.councils.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dphub.support.AuditEvents.event;

import java.util.Locale;
import java.util.Map;
import org.dphub.audit.AuditAction;
import org.dphub.audit.AuditWording;
import org.dphub.support.AuditEvents;
import org.junit.jupiter.api.Test;

/** A settings change names each setting and its old and new value in words, never the field name. */
class CouncilAuditRecordsTest {

    final CouncilAuditRecords describe = new CouncilAuditRecords();

    @Test
    void changedSettingsAreNamedWithTheirValues() {
        var changed = event("council_settings", 2, AuditAction.UPDATE,
                Map.of("selfApprovalLimit", "£500.00", "surplusWeeks", 8, "welshLanguage", true, "returnPeriod", "QUARTERLY"),
                Map.of("selfApprovalLimit", "£750.00", "surplusWeeks", 10, "welshLanguage", true, "returnPeriod", "MONTHLY",
                        "oneOffUpperLimit", "£10,000.00"));

        String english = describe.describe(changed, new AuditWording(AuditEvents.messages(), AuditEvents.ENGLISH, "Alex Admin", null))
                .orElseThrow();
        assertThat(english).isEqualTo("Alex Admin changed the council's settings: how often returns are sent from every 3 months to "
                + "every month; the most a practitioner can approve from £500.00 to £750.00; the money a person may keep before it can "
                + "be asked back from 8 weeks to 10 weeks; another setting");
        assertThat(english).doesNotContain("selfApprovalLimit").doesNotContain("oneOffUpperLimit");

        String welsh = describe.describe(changed, new AuditWording(AuditEvents.messages(), AuditEvents.WELSH, "Alex Admin", null))
                .orElseThrow();
        assertThat(welsh).startsWith("Newidiwyd gosodiadau'r cyngor gan Alex Admin: pa mor aml yr anfonir ffurflenni o bob 3 mis i bob mis;")
                .contains("y mwyaf y gall ymarferydd ei gymeradwyo o £500.00 i £750.00").endsWith("gosodiad arall");
    }

    @Test
    void aCouncilIsNamedInTheReadersLanguage() {
        var created = event("council", 2, AuditAction.CREATE, null,
                Map.of("code", "demo-wales", "name", "Demo Wales County Council", "nameCy", "Cyngor Sir Demo Cymru"));

        assertThat(describe.describe(created, new AuditWording(AuditEvents.messages(), Locale.forLanguageTag("cy"), "y system", null)))
                .hasValue("Sefydlwyd Cyngor Sir Demo Cymru gan y system");
    }
}
