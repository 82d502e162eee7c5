package org.dphub.marketplace;

public enum EmploymentBasis {
    EMPLOYED, SELF_EMPLOYED, EITHER
}
