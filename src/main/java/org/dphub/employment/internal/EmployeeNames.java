package org.dphub.employment.internal;

/** The name of the PA an employment or timesheet is about, for the audit trail's sentences. */
interface EmployeeNames {

    /** The PA's name, or null if there is no such employment. */
    String ofEmployment(long employmentId);

    /** The name of the PA who sent the timesheet, or null. */
    String ofTimesheet(long timesheetId);
}
