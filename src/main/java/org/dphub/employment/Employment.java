package org.dphub.employment;

import java.time.LocalDate;
import java.time.Period;

/**
 * A PA employed by a person with a direct payment (the employer), with the terms in force today.
 * {@code endedOn}: the PA's last day once the employer has ended the employment (it may be ahead:
 * notice), else null.
 */
public record Employment(long id, long councilId, long citizenId, String employerName, Long paUserId, String paGivenName,
                         String paFamilyName, LocalDate paDateOfBirth, String paEmail, LocalDate startedOn, LocalDate endedOn,
                         EmploymentTerms terms) {

    public String paName() {
        return paGivenName + " " + paFamilyName;
    }

    public int ageOn(LocalDate day) {
        return Period.between(paDateOfBirth, day).getYears();
    }

    /** National Insurance category from the date of birth: under 21 is M (no employer NI up to the upper limit), else A. */
    public String niCategoryOn(LocalDate day) {
        return ageOn(day) < 21 ? "M" : "A";
    }

    public boolean insuranceExpired(LocalDate today) {
        return terms.elExpiresOn().isBefore(today);
    }

    /** Reminded from 30 days before the policy ends. */
    public boolean insuranceEndsSoon(LocalDate today) {
        return !insuranceExpired(today) && !terms.elExpiresOn().isAfter(today.plusDays(30));
    }

    /** The PA's last day has passed. */
    public boolean hasEnded(LocalDate today) {
        return endedOn != null && endedOn.isBefore(today);
    }

    /** A last day is set and has not passed yet (today or ahead): the PA is working their notice. */
    public boolean isLeaving(LocalDate today) {
        return endedOn != null && !endedOn.isBefore(today);
    }
}
