package org.dphub.councils;

/** Settings with the version they were read at, so two people editing at once cannot overwrite each other. */
public record VersionedSettings(long councilId, CouncilSettings settings, long version, java.time.Instant updatedAt) {
}
