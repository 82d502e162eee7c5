package org.dphub.directory;

/** What kind of organisation offers services. */
public enum OrganizationKind {
    MICRO_ENTERPRISE, COMMUNITY_GROUP, PA_AGENCY, CHARITY, COMPANY
}
