package org.dphub.people;

import java.time.LocalDate;

/**
 * Someone taken off a person's household (recorded by mistake, has died, is no longer family): kept, with
 * from when and why, as a direct payment that paid them and the audit trail still point at them. Shown to
 * staff on the person's page; not someone a direct payment may pay.
 */
public record RemovedHouseholdMember(long id, long citizenId, String name, Relationship relationship, LocalDate removedOn,
                                     String reason) {
}
