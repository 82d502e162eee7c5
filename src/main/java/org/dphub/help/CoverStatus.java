package org.dphub.help;

/** Where a cover booking is (issue 18); {@link CoverTransitions} says how it moves. */
public enum CoverStatus { REQUESTED, ACCEPTED, DECLINED, WORKED, CANCELLED }
