package org.dphub.plans.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dphub.support.AuditEvents.english;
import static org.dphub.support.AuditEvents.event;
import static org.dphub.support.AuditEvents.welsh;

import java.util.Map;
import org.dphub.audit.AuditAction;
import org.dphub.audit.AuditEvent;
import org.dphub.audit.AuditTrail;
import org.junit.jupiter.api.Test;

/** Direct payments, plans and reviews said in words, in English and Welsh. */
class PlanAuditDescriptionsTest {

    final PlanAuditDescriptions describe = new PlanAuditDescriptions();

    @Test
    void aPaperAgreementSaysWhoRecordedItForWhomAndWhenItWasSigned() {
        AuditEvent agreed = event("direct_payment", 30, AuditAction.UPDATE, Map.of("status", "AWAITING_AGREEMENT"),
                AuditTrail.values("status", "ACTIVE", "agreedBy", "practitioner@demo-england", "agreementMethod", "PAPER",
                        "paperSignedOn", "2026-12-05"));

        assertThat(describe.describe(agreed, english())).hasValue(
                "Priya Shah recorded a signed paper agreement for Emily Smith's direct payment, signed on 5 December 2026");
        assertThat(describe.describe(agreed, welsh())).hasValue(
                "Cofnodwyd cytundeb papur wedi'i lofnodi ar gyfer taliad uniongyrchol Emily Smith gan Priya Shah, a lofnodwyd ar 5 Rhagfyr 2026");
    }

    @Test
    void aSuspensionSaysFromWhenAndWhy() {
        AuditEvent suspended = event("direct_payment", 30, AuditAction.UPDATE, Map.of("status", "ACTIVE"),
                Map.of("status", "SUSPENDED", "event", "SUSPENDED", "effectiveOn", "2026-12-10", "reason", "In hospital for a while"));

        assertThat(describe.describe(suspended, english())).hasValue(
                "Priya Shah suspended Emily Smith's direct payment from 10 December 2026: “In hospital for a while”");
        assertThat(describe.describe(suspended, welsh())).hasValue(
                "Ataliwyd taliad uniongyrchol Emily Smith gan Priya Shah o 10 Rhagfyr 2026: ‘In hospital for a while’");
    }

    @Test
    void aChangedPlanGivesItsVersionStartAndWeeklyBudget() {
        AuditEvent version = event("care_plan_version", 70, AuditAction.CREATE, null, AuditTrail.values("planId", 69, "version", 2,
                "startDate", "2026-05-11", "endDate", "null", "weeklyBudget", "£96.28"));

        assertThat(describe.describe(version, english())).hasValue(
                "Priya Shah changed Emily Smith's care and support plan (version 2) from 11 May 2026: a weekly budget of £96.28");
    }

    @Test
    void anUnknownShapeIsLeftToTheGeneralSentence() {
        AuditEvent odd = event("direct_payment", 30, AuditAction.UPDATE, Map.of("colour", "red"), Map.of("colour", "blue"));

        assertThat(describe.describe(odd, english())).isEmpty();
    }
}
