package org.dphub.marketplace;

import java.util.List;

/**
 * A PA's offer of cover work at short notice (issue 18): whether they do it, the notice they need,
 * and the times of the week they can cover. Only a live profile takes part in cover searches.
 */
public record CoverOffer(long profileId, boolean offersCover, CoverNotice notice, List<AvailabilitySlot> availability) {

    public CoverOffer {
        availability = availability == null ? List.of() : List.copyOf(availability);
        notice = notice == null ? CoverNotice.SAME_DAY : notice;
    }

    /** A profile that has said nothing about cover: not offering it. */
    public static CoverOffer none(long profileId) {
        return new CoverOffer(profileId, false, CoverNotice.SAME_DAY, List.of());
    }
}
