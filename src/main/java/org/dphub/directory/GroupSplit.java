package org.dphub.directory;

/** How a group purchase's total is divided: equally ({@link GroupSharePolicy}), or by shares the organiser sets. */
public enum GroupSplit {
    EQUAL,
    SET_SHARES
}
