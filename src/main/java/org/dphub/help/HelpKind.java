package org.dphub.help;

/** What a person asks for help with (issue 18). */
public enum HelpKind {
    /** "How could I use my budget?" */
    BROKERAGE,
    /** Becoming an employer. */
    EMPLOYER,
    PAYROLL,
    /** A problem with a personal assistant. */
    PA_PROBLEM,
    /** Money worries. */
    MONEY,
    /** Something else. */
    OTHER
}
