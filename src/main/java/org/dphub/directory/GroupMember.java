package org.dphub.directory;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.dphub.shared.Money;

/**
 * One member of a group purchase: a citizen (of {@code councilId}) paying from {@code accountId}.
 * {@code share} is what they pay (for the sessions from {@code firstSession}); {@code charged} what
 * is on their ledger; {@code refund} what came back when they left.
 */
public record GroupMember(long id, UUID groupId, long councilId, long citizenId, long accountId, String firstName,
                          boolean showName, boolean askedToJoin, int joinOrder, GroupMemberStatus status, Money setShare,
                          Money share, LocalDate firstSession, String consentedBy, Instant consentedAt, String chargeKey,
                          Money charged, LocalDate leftOn, String leaveKey, Money refund) {

    public boolean isCurrent() {
        return status != GroupMemberStatus.LEFT;
    }

    /** The idempotency key of this member's share on their ledger. */
    public static String chargeKey(UUID groupId, long memberId) {
        return "group:" + groupId + ":member:" + memberId;
    }

    /** The idempotency key of this member's refund when they leave. */
    public static String refundKey(UUID groupId, long memberId) {
        return chargeKey(groupId, memberId) + ":refund";
    }

    /** How the member is named on the provider's remittance: a reference, never a name. */
    public String remittanceReference() {
        return "GP-" + groupId.toString().substring(0, 8).toUpperCase(java.util.Locale.ROOT) + "-M" + id;
    }
}
