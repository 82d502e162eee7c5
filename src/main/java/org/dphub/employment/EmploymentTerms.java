package org.dphub.employment;

import java.time.LocalDate;
import org.dphub.shared.Money;

/**
 * What an employer and PA agreed, from a day on: rate, hours, how often paid, tax code, pension,
 * and the employer's liability insurance. A change is a new version; earlier ones are kept.
 */
public record EmploymentTerms(long id, LocalDate effectiveFrom, Money hourlyRate, HoursKind hoursKind,
                              Integer contractedMinutesPerWeek, PayFrequency payFrequency, String taxCode, boolean week1Month1,
                              String starterDeclaration, PensionChoice pension, String elInsurer, String elPolicyNumber,
                              LocalDate elExpiresOn) {

    /** Contracted hours (holiday: 5.6 weeks, capped at 28 days) or irregular hours (holiday accrues at 12.07% of hours worked). */
    public enum HoursKind { CONTRACTED, IRREGULAR }

    /** ASSESS: the PA is assessed for workplace pension auto-enrolment each pay day; OPTED_OUT: they chose to leave. */
    public enum PensionChoice { ASSESS, OPTED_OUT }

    /** Statutory holiday a year in minutes for contracted hours: 5.6 weeks of the contracted week, never more than 28 days of 8 hours. */
    public Integer holidayMinutesPerYear() {
        if (hoursKind != HoursKind.CONTRACTED) {
            return null;
        }
        long minutes = Math.round(contractedMinutesPerWeek * 5.6);
        return (int) Math.min(minutes, 28L * 8 * 60);
    }

    public String holidayHoursText() {
        Integer minutes = holidayMinutesPerYear();
        return minutes == null ? "" : Hours.format(minutes);
    }

    public String contractedHoursText() {
        return contractedMinutesPerWeek == null ? "" : Hours.format(contractedMinutesPerWeek);
    }
}
