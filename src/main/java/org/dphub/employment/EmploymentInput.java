package org.dphub.employment;

import java.time.LocalDate;
import org.dphub.shared.Money;

/**
 * A new employment (or new terms) as typed on the page or sent to the API. Anything may be
 * missing or wrong; {@link Employments#check} says what to fix, field by field.
 */
public record EmploymentInput(String paGivenName, String paFamilyName, LocalDate paDateOfBirth, String paEmail,
                              LocalDate startedOn, Money hourlyRate, String hoursKind, Integer contractedMinutesPerWeek,
                              String payFrequency, String taxCode, boolean week1Month1, String starterDeclaration,
                              String pension, String elInsurer, String elPolicyNumber, LocalDate elExpiresOn) {
}
