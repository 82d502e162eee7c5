package org.dphub.employment.internal;

/**
 * The Employment Allowance (NICs Act 2014, s.1; care and support workers: SI 2015/578): up to the
 * year's allowance (£10,500) of employer Class 1 National Insurance is not paid, set against
 * each payslip in turn across all the employer's PAs until it is used up for the tax year.
 */
public final class EmploymentAllowance {

    private long remainingPence;

    public EmploymentAllowance(long yearAllowancePence, long usedSoFarPence) {
        this.remainingPence = Math.max(0, yearAllowancePence - usedSoFarPence);
    }

    /** How much of this employer NI the allowance covers (and uses up). */
    public long claim(long employerNiPence) {
        long claimed = Math.max(0, Math.min(employerNiPence, remainingPence));
        remainingPence -= claimed;
        return claimed;
    }

    public long remainingPence() {
        return remainingPence;
    }
}
