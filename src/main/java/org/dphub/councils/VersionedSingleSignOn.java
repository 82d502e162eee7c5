package org.dphub.councils;

/** A council's single sign-on as stored, with the version a change must name (so two administrators never overwrite each other). */
public record VersionedSingleSignOn(long councilId, SingleSignOn settings, long version) {
}
