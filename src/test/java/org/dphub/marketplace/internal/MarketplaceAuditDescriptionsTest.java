package org.dphub.marketplace.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dphub.support.AuditEvents.english;
import static org.dphub.support.AuditEvents.event;
import static org.dphub.support.AuditEvents.welsh;

import java.util.Map;
import org.dphub.audit.AuditAction;
import org.junit.jupiter.api.Test;

/** PAs are named by the name on their profile, looked up when the change does not carry it. */
class MarketplaceAuditDescriptionsTest {

    final MarketplaceAuditDescriptions describe = new MarketplaceAuditDescriptions(new PaNames() {
        @Override
        public String ofProfile(long profileId) {
            return profileId == 400 ? "Owain E." : null;
        }

        @Override
        public String ofIntroduction(long introductionId) {
            return introductionId == 9 ? "Owain E." : null;
        }
    });

    @Test
    void aHireNamesThePaTheRateAndTheStart() {
        var hire = event("pa_hire", 3, AuditAction.CREATE, null, Map.of("introductionId", 9, "profileId", 400, "citizenId", 30,
                "agreedHourlyRate", "£13.50", "startDate", "2027-01-04"));

        assertThat(describe.describe(hire, english())).hasValue("Priya Shah hired Owain E. as Emily Smith's PA at £13.50 an hour from 4 January 2027");
        assertThat(describe.describe(hire, welsh())).hasValue(
                "Cyflogwyd Owain E. yn gynorthwy-ydd personol i Emily Smith gan Priya Shah ar £13.50 yr awr o 4 Ionawr 2027");
    }

    @Test
    void aSuspendedProfileSaysWhy() {
        var suspended = event("pa_profile", 400, AuditAction.UPDATE, Map.of("status", "LIVE"),
                Map.of("status", "SUSPENDED", "reason", "Reported twice"));

        assertThat(describe.describe(suspended, english())).hasValue("Priya Shah suspended the PA profile of Owain E.: “Reported twice”");
    }

    @Test
    void anIntroductionAcceptedNamesBothSides() {
        var accepted = event("introduction", 9, AuditAction.UPDATE, Map.of("status", "INVITED"), Map.of("status", "CONNECTED", "by", "PA"));

        assertThat(describe.describe(accepted, english())).hasValue(
                "Priya Shah agreed that Emily Smith and Owain E. talk about the vacancy: they can now see each other's contact details");
    }
}
