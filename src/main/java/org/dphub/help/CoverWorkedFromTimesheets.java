package org.dphub.help;

import org.dphub.employment.TimesheetApproved;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Issue 18: cover is paid through the PA's timesheet, so the employer approving a timesheet with work
 * on the cover day is their word that the cover was worked — the booking becomes WORKED without a
 * second click. Runs after the approval commits, from Spring Modulith's event publication registry in
 * PostgreSQL (nothing is lost on a crash); a redelivered event finds nothing left to mark.
 */
@Component
class CoverWorkedFromTimesheets {

    private final CoverBookings bookings;

    CoverWorkedFromTimesheets(CoverBookings bookings) {
        this.bookings = bookings;
    }

    @ApplicationModuleListener
    void on(TimesheetApproved approved) {
        bookings.workedByTimesheet(approved);
    }
}
