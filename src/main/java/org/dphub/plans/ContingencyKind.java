package org.dphub.plans;

/** Who steps in when a PA cannot come (issue 18: the contingency plan, as Shropshire's policy asks). */
public enum ContingencyKind {
    /** A back-up PA: by name, often a PA the person already employs. */
    BACKUP_PA,
    /** A family member or friend, with how to reach them. */
    FAMILY_OR_FRIEND,
    /** An agency: its name and phone number. */
    AGENCY,
    /** Find cover from the PA register (PAs who opted in to cover work). */
    FIND_COVER
}
