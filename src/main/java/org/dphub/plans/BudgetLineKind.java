package org.dphub.plans;

public enum BudgetLineKind {
    /** hours a week × an hourly rate */
    HOURLY,
    /** a fixed amount every week */
    WEEKLY,
    /** a single amount in the year */
    ONE_OFF
}
