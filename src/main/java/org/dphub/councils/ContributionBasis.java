package org.dphub.councils;

/** Whether the council pays the whole budget (gross) or the budget less the person's contribution (net). */
public enum ContributionBasis {
    GROSS, NET
}
