package org.dphub.people;

public record Representative(long id, long citizenId, long councilId, String name, RepresentativeKind kind,
                             String email, Long userId) {
}
