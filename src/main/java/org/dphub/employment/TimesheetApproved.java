package org.dphub.employment;

import java.time.LocalDate;
import java.util.List;

/**
 * The employer's side approved a PA's timesheet. {@code workedOn}: the days it shows work on (not
 * holiday or sickness), earliest first; {@code approvedByUserId}: who approved it. The help module
 * marks cover booked through this employment on those days as worked (issue 18).
 */
public record TimesheetApproved(long timesheetId, long councilId, long citizenId, long employmentId, long approvedByUserId,
                                List<LocalDate> workedOn) {

    public TimesheetApproved {
        workedOn = List.copyOf(workedOn);
    }
}
