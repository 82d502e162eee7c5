package org.dphub.employment;

import java.time.LocalDate;

/**
 * An employer's liability insurance policy (on the terms in force of one of their PAs) ends within
 * {@link InsuranceReminders#DAYS_BEFORE} days, and nobody has been reminded of this policy and end
 * date yet. Published once per employer, policy and end date.
 */
public record EmployerInsuranceEnding(long councilId, long citizenId, String insurer, String policyNumber, LocalDate expiresOn) {
}
