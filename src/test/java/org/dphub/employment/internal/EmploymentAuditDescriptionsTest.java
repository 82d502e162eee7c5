package org.dphub.employment.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dphub.support.AuditEvents.english;
import static org.dphub.support.AuditEvents.event;
import static org.dphub.support.AuditEvents.welsh;

import java.util.Map;
import org.dphub.audit.AuditAction;
import org.junit.jupiter.api.Test;

/** Employing a PA said in words: a renewal is not a pay rise, pay is in pounds, and a PA with no record is "a PA". */
class EmploymentAuditDescriptionsTest {

    final EmploymentAuditDescriptions describe = new EmploymentAuditDescriptions(new EmployeeNames() {
        @Override
        public String ofEmployment(long employmentId) {
            return employmentId == 8 ? "Sophie Hall" : null;
        }

        @Override
        public String ofTimesheet(long timesheetId) {
            return null;
        }
    });

    static Map<String, Object> terms(long ratePence, String policy, String expires) {
        return Map.of("effectiveFrom", "2026-12-03", "hourlyRate", Map.of("pence", ratePence), "elPolicyNumber", policy,
                "elExpiresOn", expires);
    }

    @Test
    void renewedInsuranceSaysUntilWhen() {
        var renewed = event("pa_employment_terms", 8, AuditAction.UPDATE, terms(1350, "EL-1", "2026-12-20"), terms(1350, "EL-2", "2027-12-20"));

        assertThat(describe.describe(renewed, english())).hasValue(
                "Priya Shah recorded renewed employer's liability insurance for Sophie Hall, Emily Smith's PA, until 20 December 2027");
    }

    @Test
    void aPayRiseSaysTheOldAndNewRate() {
        var rise = event("pa_employment_terms", 8, AuditAction.UPDATE, terms(1350, "EL-1", "2027-12-20"), terms(1420, "EL-1", "2027-12-20"));

        assertThat(describe.describe(rise, english())).hasValue(
                "Priya Shah changed the pay of Sophie Hall, Emily Smith's PA, from 3 December 2026: £13.50 to £14.20 an hour");
        assertThat(describe.describe(rise, welsh())).hasValue(
                "Newidiwyd cyflog Sophie Hall, cynorthwy-ydd personol Emily Smith, gan Priya Shah o 3 Rhagfyr 2026: £13.50 i £14.20 yr awr");
    }

    @Test
    void anApprovedPayrollSaysWhereTheMoneyGoesAndATimesheetWithNoNameIsFromAPa() {
        var payroll = event("payroll_run", 4, AuditAction.UPDATE, null,
                Map.of("approvedBy", "citizen@demo-england", "netPence", 41234, "hmrcPence", 5000, "pensionPence", 1250));
        assertThat(describe.describe(payroll, english())).hasValue(
                "Priya Shah approved the pay of Emily Smith's PAs: £412.34 to the PAs, £50.00 to HMRC and £12.50 to the pension scheme");

        var queried = event("timesheet", 99, AuditAction.UPDATE, null, Map.of("decision", "QUERIED"));
        assertThat(describe.describe(queried, english())).hasValue("Priya Shah queried a timesheet from a PA, Emily Smith's PA");
    }
}
