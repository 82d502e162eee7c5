package org.dphub.marketplace.internal;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.dphub.marketplace.MatchWeights;
import org.dphub.shared.Money;
import org.dphub.shared.database.Read;
import org.dphub.shared.database.Reads;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The council's match weights and the National Living Wage rates. */
@Repository
public class MarketplaceSettingsRepository {

    private final JdbcClient jdbc;
    private final Reads reads;

    MarketplaceSettingsRepository(JdbcClient jdbc, Reads reads) {
        this.jdbc = jdbc;
        this.reads = reads;
    }

    public Optional<MatchWeights> weights(long councilId) {
        return reads.get(weightsRead(councilId));
    }

    private record WeightsOf(long councilId) {
    }

    /** {@link #weights} as a read, to send with others ({@code shared.database.Reads.Together}). */
    public Read<Optional<MatchWeights>> weightsRead(long councilId) {
        return Read.optional(new WeightsOf(councilId),
                "SELECT availability, interests, skills, rate, distance FROM marketplace_match_weights WHERE council_id = :c",
                Map.of("c", councilId), (rs, n) -> new MatchWeights(rs.getInt(1), rs.getInt(2), rs.getInt(3), rs.getInt(4), rs.getInt(5)));
    }

    public Map<Long, MatchWeights> allWeights() {
        Map<Long, MatchWeights> all = new java.util.HashMap<>();
        jdbc.sql("SELECT council_id, availability, interests, skills, rate, distance FROM marketplace_match_weights")
                .query(rs -> {
                    all.put(rs.getLong(1), new MatchWeights(rs.getInt(2), rs.getInt(3), rs.getInt(4), rs.getInt(5), rs.getInt(6)));
                });
        return all;
    }

    public void saveWeights(long councilId, MatchWeights w, String by) {
        jdbc.sql("""
                        INSERT INTO marketplace_match_weights (council_id, availability, interests, skills, rate, distance, updated_by)
                        VALUES (:c, :a, :i, :s, :r, :d, :by)
                        ON CONFLICT (council_id) DO UPDATE SET availability = :a, interests = :i, skills = :s, rate = :r,
                            distance = :d, updated_by = :by, updated_at = now()""")
                .param("c", councilId).param("a", w.availability()).param("i", w.interests()).param("s", w.skills())
                .param("r", w.rate()).param("d", w.distance()).param("by", by).update();
    }

    public Map<LocalDate, Money> nationalLivingWage() {
        Map<LocalDate, Money> rates = new LinkedHashMap<>();
        jdbc.sql("SELECT effective_from, hourly_pence FROM marketplace_national_living_wage ORDER BY effective_from")
                .query(rs -> {
                    rates.put(rs.getDate(1).toLocalDate(), Money.ofPence(rs.getLong(2)));
                });
        return rates;
    }
}
