package org.dphub.people;

public record HouseholdMember(long id, long citizenId, long councilId, String name, Relationship relationship,
                              boolean livesInSameHousehold) {
}
