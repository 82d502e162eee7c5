package org.dphub.directory;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.dphub.shared.Money;

/**
 * A group purchase of a published directory service: several people paying from their direct
 * payments for the same sessions. {@code councilId} is the organiser's council; members may hold
 * direct payments from other councils. {@code placePrice} is set at the first confirmation.
 */
public record GroupPurchase(UUID id, long councilId, long organiserUserId, String organiserName, UUID serviceId,
                            String serviceName, UUID organizationId, String organizationName, String title, Money total,
                            GroupSplit split, int maxMembers, GroupPurchaseStatus status, Money placePrice,
                            List<LocalDate> sessions, Instant createdAt) {

    public GroupPurchase {
        sessions = List.copyOf(sessions);
    }

    /** Sessions held by {@code today}: a session on today's date counts as held (the place is kept for it). */
    public int heldBy(LocalDate today) {
        return (int) sessions.stream().filter(d -> !d.isAfter(today)).count();
    }

    public boolean isHeld(LocalDate session, LocalDate today) {
        return !session.isAfter(today);
    }

    /** The sessions from {@code first} on: the ones a member who joined then pays for. */
    public List<LocalDate> sessionsFrom(LocalDate first) {
        return sessions.stream().filter(d -> !d.isBefore(first)).toList();
    }
}
