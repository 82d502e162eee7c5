package org.dphub.directory.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dphub.support.AuditEvents.english;
import static org.dphub.support.AuditEvents.event;
import static org.dphub.support.AuditEvents.welsh;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.dphub.audit.AuditAction;
import org.junit.jupiter.api.Test;

/** Services are named in the trail by their name, looked up when the change does not carry it. */
class DirectoryAuditDescriptionsTest {

    static final UUID WALKS = UUID.fromString("00000000-0000-0000-0000-000000000001");
    final DirectoryAuditDescriptions describe = new DirectoryAuditDescriptions(
            id -> WALKS.equals(id) ? Optional.of("Riverside walks") : Optional.empty());

    @Test
    void aCheckSaysThatTheServiceWasPublished() {
        var checked = event("directory_service", WALKS, AuditAction.UPDATE, Map.of("status", "AWAITING_CHECKS"),
                Map.of("status", "PUBLISHED", "insuranceChecked", true, "safeguardingChecked", true));

        assertThat(describe.describe(checked, english())).hasValue(
                "Priya Shah checked the insurance and safeguarding of the service “Riverside walks” and published it");
        assertThat(describe.describe(checked, welsh())).hasValue(
                "Gwiriwyd yswiriant a threfniadau diogelu'r gwasanaeth ‘Riverside walks’ gan Priya Shah, a chafodd ei gyhoeddi");
    }

    @Test
    void aSuspensionSaysWhyAndAReportNamesTheService() {
        var suspended = event("directory_service", WALKS, AuditAction.UPDATE, Map.of("status", "PUBLISHED"),
                Map.of("status", "SUSPENDED", "reason", "Insurance lapsed"));
        var reported = event("directory_service_report", 7, AuditAction.CREATE, null,
                Map.of("serviceId", WALKS.toString(), "reason", "Nobody came"));

        assertThat(describe.describe(suspended, english())).hasValue("Priya Shah suspended the service “Riverside walks”: “Insurance lapsed”");
        assertThat(describe.describe(reported, welsh())).hasValue(
                "Adroddwyd y gwasanaeth ‘Riverside walks’ i'r cyngor gan Priya Shah: ‘Nobody came’");
    }

    @Test
    void everyKindHasASentenceInBothLanguages() {
        var added = event("directory_service", WALKS, AuditAction.CREATE, null, Map.of("name", "Riverside walks", "status", "AWAITING_CHECKS"));
        var organisation = event("directory_organization", WALKS, AuditAction.CREATE, null, Map.of("name", "Riverside Community Support"));
        var term = event("directory_taxonomy_term", WALKS, AuditAction.CREATE, null, Map.of("name", "Gardening", "nameCy", "Garddio"));

        assertThat(describe.describe(added, english())).hasValue("Priya Shah added the service “Riverside walks”, to be checked by the council");
        assertThat(describe.describe(organisation, welsh())).hasValue(
                "Ychwanegwyd y sefydliad ‘Riverside Community Support’ at y cyfeiriadur gan Priya Shah");
        assertThat(describe.describe(term, welsh())).hasValue("Ychwanegwyd y canlyniad ‘Garddio’ at restr y cyngor gan Priya Shah");
    }
}
