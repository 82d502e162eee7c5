package org.dphub.councils;

/** Which law applies: the Care Act 2014 (England) or the Social Services and Well-being (Wales) Act 2014. */
public enum Nation {
    ENGLAND, WALES
}
