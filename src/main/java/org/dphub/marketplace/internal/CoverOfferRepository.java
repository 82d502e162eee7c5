package org.dphub.marketplace.internal;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.dphub.marketplace.AvailabilitySlot;
import org.dphub.marketplace.CoverNotice;
import org.dphub.marketplace.CoverOffer;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** PAs' offers of cover work (issue 18): one row a profile. */
@Repository
public class CoverOfferRepository {

    private final JdbcClient jdbc;

    CoverOfferRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<CoverOffer> find(long profileId) {
        return jdbc.sql("SELECT profile_id, offers_cover, notice, availability_mask FROM pa_cover_offer WHERE profile_id = :p")
                .param("p", profileId)
                .query((rs, n) -> new CoverOffer(rs.getLong(1), rs.getBoolean(2), CoverNotice.valueOf(rs.getString(3)),
                        AvailabilitySlot.slotsOf(rs.getInt(4)))).optional();
    }

    public void save(CoverOffer offer, String by) {
        jdbc.sql("""
                        INSERT INTO pa_cover_offer (profile_id, offers_cover, notice, availability_mask, updated_by, updated_at)
                        VALUES (:p, :o, :n, :m, :by, now())
                        ON CONFLICT (profile_id) DO UPDATE SET offers_cover = EXCLUDED.offers_cover, notice = EXCLUDED.notice,
                            availability_mask = EXCLUDED.availability_mask, updated_by = EXCLUDED.updated_by, updated_at = now()""")
                .param("p", offer.profileId()).param("o", offer.offersCover()).param("n", offer.notice().name())
                .param("m", AvailabilitySlot.maskOf(offer.availability())).param("by", by).update();
    }

    /** Of these profiles, those offering cover: profile id → {notice, cover times mask}. */
    public Map<Long, Object[]> offering(Collection<Long> profileIds) {
        Map<Long, Object[]> offers = new HashMap<>();
        if (profileIds.isEmpty()) {
            return offers;
        }
        jdbc.sql("SELECT profile_id, notice, availability_mask FROM pa_cover_offer WHERE offers_cover AND profile_id = ANY(CAST(:ids AS bigint[]))")
                .param("ids", SqlArrays.longs(profileIds))
                .query(rs -> {
                    offers.put(rs.getLong(1), new Object[] {CoverNotice.valueOf(rs.getString(2)), rs.getInt(3)});
                });
        return offers;
    }
}
