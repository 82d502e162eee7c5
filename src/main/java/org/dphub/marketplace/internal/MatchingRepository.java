package org.dphub.marketplace.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.dphub.marketplace.EmploymentBasis;
import org.dphub.marketplace.Gender;
import org.dphub.marketplace.MatchFilter;
import org.dphub.marketplace.MatchOffer;
import org.dphub.marketplace.MatchWants;
import org.dphub.marketplace.PaProfileStatus;
import org.dphub.marketplace.TrainingRecord;
import org.dphub.shared.database.Read;
import org.dphub.shared.database.Reads;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The hard filters pushed into SQL (live, visible, inside a box around the place, must-haves,
 * not blocked), on live data: a change to a profile shows in the next match. Rows are small
 * (numbers and bit masks; shared interests counted in the database) so that thousands of
 * candidates can be scored in Java; names and tags are read only for the page asked for.
 */
@Repository
public class MatchingRepository {

    /** A PA who may match, with the count of the vacancy's interests they share. */
    public record ProfileCandidate(MatchOffer offer, int sharedInterests) {
    }

    /** An open vacancy that may match a PA, with its council (for its weights) and shared interests. */
    public record VacancyCandidate(MatchWants wants, long councilId, int sharedInterests) {
    }

    /** What the person's side reads of a PA who matches: never contact details, never the gender. */
    public record ProfileDetails(long id, String displayName, List<String> interests, EmploymentBasis employmentBasis,
                                 List<TrainingRecord> training, LocalDate dbsCheckedOn) {
    }

    public record VacancyDetails(long id, String title, List<String> outcomes, List<String> interests, String postcode,
                                 BigDecimal hoursPerWeek, long hourlyRatePence, LocalDate startDate) {
    }

    /**
     * A flat-earth distance (kilometres per degree × degrees), a little generous (1% and 0.5 km), so
     * it never drops a row {@link MatchFilter} would keep; it spares sending rows beyond the nearer
     * of the two limits. {@code MatchFilter} measures exactly and decides.
     */
    private static final String NEAR_ENOUGH = "(({t}.latitude - CAST(:lat AS float8)) * 111.2) ^ 2"
            + " + (({t}.longitude - CAST(:lon AS float8)) * 111.2 * CAST(:cos AS float8)) ^ 2"
            + " <= (CAST({travel} AS float8) * 1.01 + 0.5) ^ 2";

    /**
     * How many of the given interests the row has, as one plain expression (a sub-select per row
     * costs several times more over thousands of candidates). Interests are at most 30.
     */
    private static String sharedInterests(String table, int count) {
        if (count == 0) {
            return "0";
        }
        StringBuilder sum = new StringBuilder("(");
        for (int i = 0; i < count; i++) {
            sum.append(i == 0 ? "" : " + ").append("(CASE WHEN CAST(:interest").append(i).append(" AS text) = ANY(").append(table)
                    .append(".interests) THEN 1 ELSE 0 END)");
        }
        return sum.append(')').toString();
    }

    private final JdbcClient jdbc;
    private final PaProfileRepository profiles;
    private final Reads reads;

    MatchingRepository(JdbcClient jdbc, PaProfileRepository profiles, Reads reads) {
        this.jdbc = jdbc;
        this.profiles = profiles;
        this.reads = reads;
    }

    /**
     * PAs near a vacancy holding every must-have (gender codes included: a profile's capabilities
     * hold "gender:female"), optionally only those who would work as {@code basis} (EITHER suits both).
     */
    public List<ProfileCandidate> profilesNear(MatchWants wants, List<String> mustHaves, List<String> interests, Long citizenId,
                                               EmploymentBasis basis) {
        MatchFilter.Box box = MatchFilter.boxAround(wants.latitude(), wants.longitude(), wants.maxDistanceKm());
        StringBuilder sql = new StringBuilder("SELECT p.profile_id, p.travel_km, p.hourly_rate_pence, p.skills_mask, p.languages_mask, "
                + "p.availability_mask, p.latitude, p.longitude, ");
        // gender and how they want to work are read only when asked for: rows stay small for the rest
        boolean readGender = wants.mustGender() != null;
        boolean readBasis = basis != null && basis != EmploymentBasis.EITHER;
        sql.append(readGender ? "p.gender, " : "NULL, ").append(readBasis ? "p.employment_basis, " : "NULL, ");
        sql.append(sharedInterests("p", interests.size()));
        // pa_match_candidate holds exactly the live, visible, placed profiles (kept by a trigger)
        sql.append(" AS shared FROM pa_match_candidate p WHERE"
                + " point(p.longitude, p.latitude) <@ box(point(:west, :south), point(:east, :north))"
                + " AND " + NEAR_ENOUGH.replace("{travel}", "least(p.travel_km, :limit)").replace("{t}", "p"));
        if (!mustHaves.isEmpty()) {
            sql.append(" AND p.capabilities @> CAST(:must AS text[])");
        }
        if (citizenId != null) {
            sql.append(" AND NOT EXISTS (SELECT 1 FROM marketplace_block b WHERE b.citizen_id = :citizen AND b.profile_id = p.profile_id)");
        }
        if (readBasis) {
            sql.append(" AND p.employment_basis IN (CAST(:basis AS text), 'EITHER')");
        }
        var statement = jdbc.sql(sql.toString())
                .param("west", box.west()).param("south", box.south()).param("east", box.east()).param("north", box.north())
                .param("lat", wants.latitude()).param("lon", wants.longitude())
                .param("cos", Math.cos(Math.toRadians(wants.latitude()))).param("limit", wants.maxDistanceKm());
        for (int i = 0; i < interests.size(); i++) {
            statement = statement.param("interest" + i, interests.get(i));
        }
        if (!mustHaves.isEmpty()) {
            statement = statement.param("must", SqlArrays.text(mustHaves));
        }
        if (citizenId != null) {
            statement = statement.param("citizen", citizenId);
        }
        if (readBasis) {
            statement = statement.param("basis", basis.name());
        }
        List<ProfileCandidate> candidates = new ArrayList<>();
        statement.query(rs -> {
            candidates.add(new ProfileCandidate(new MatchOffer(rs.getLong(1), PaProfileStatus.LIVE, true, rs.getDouble(7),
                    rs.getDouble(8), rs.getInt(2), rs.getLong(3), rs.getInt(4), rs.getInt(5), rs.getInt(6),
                    readGender ? Gender.parse(rs.getString(9)).orElse(null) : null,
                    readBasis ? EmploymentBasis.valueOf(rs.getString(10)) : null), rs.getInt(11)));
        });
        return candidates;
    }

    /** Every profile, whatever its status, with its interests: the full scan the benchmark compares with. */
    public void everyProfile(java.util.function.BiConsumer<MatchOffer, List<String>> each) {
        jdbc.sql("""
                        SELECT id, status, visible, latitude, longitude, travel_km, hourly_rate_pence, skills_mask, languages_mask,
                               availability_mask, interests, gender, employment_basis FROM pa_profile WHERE latitude IS NOT NULL""")
                .query(rs -> {
                    each.accept(new MatchOffer(rs.getLong(1), PaProfileStatus.valueOf(rs.getString(2)), rs.getBoolean(3),
                            rs.getDouble(4), rs.getDouble(5), rs.getInt(6), rs.getLong(7), rs.getInt(8), rs.getInt(9),
                            rs.getInt(10), Gender.parse(rs.getString(12)).orElse(null), EmploymentBasis.valueOf(rs.getString(13))),
                            SqlArrays.strings(rs.getArray(11)));
                });
    }

    public List<VacancyCandidate> vacanciesNear(MatchOffer offer, List<String> interests) {
        MatchFilter.Box box = MatchFilter.boxAround(offer.latitude(), offer.longitude(), offer.travelKm());
        StringBuilder sql = new StringBuilder("SELECT v.id, v.council_id, v.latitude, v.longitude, v.max_distance_km, "
                + "v.hourly_rate_pence, v.skills_wanted_mask, v.must_skills_mask, v.must_languages_mask, v.availability_mask, "
                + "cardinality(v.interests), v.must_gender, ");
        sql.append(sharedInterests("v", interests.size()));
        sql.append(" AS shared FROM vacancy v WHERE v.status = 'OPEN'"
                + " AND point(v.longitude, v.latitude) <@ box(point(:west, :south), point(:east, :north))"
                + " AND " + NEAR_ENOUGH.replace("{travel}", "least(v.max_distance_km, :limit)").replace("{t}", "v")
                + " AND (v.must_skills_mask & ~CAST(:skills AS int)) = 0 AND (v.must_languages_mask & ~CAST(:languages AS int)) = 0"
                + " AND (v.must_gender IS NULL OR v.must_gender = CAST(:gender AS text))"
                + " AND NOT EXISTS (SELECT 1 FROM marketplace_block b WHERE b.citizen_id = v.citizen_id AND b.profile_id = :profile)");
        var statement = jdbc.sql(sql.toString())
                .param("west", box.west()).param("south", box.south()).param("east", box.east()).param("north", box.north())
                .param("skills", offer.skillsMask()).param("languages", offer.languagesMask()).param("profile", offer.profileId())
                .param("gender", offer.gender() == null ? null : offer.gender().name())
                .param("lat", offer.latitude()).param("lon", offer.longitude())
                .param("cos", Math.cos(Math.toRadians(offer.latitude()))).param("limit", offer.travelKm());
        for (int i = 0; i < interests.size(); i++) {
            statement = statement.param("interest" + i, interests.get(i));
        }
        List<VacancyCandidate> candidates = new ArrayList<>();
        statement.query(rs -> {
            candidates.add(new VacancyCandidate(new MatchWants(rs.getLong(1), rs.getDouble(3), rs.getDouble(4), rs.getInt(5),
                    rs.getLong(6), rs.getInt(7), rs.getInt(8), rs.getInt(9), rs.getInt(10), rs.getInt(11),
                    Gender.parse(rs.getString(12)).orElse(null)), rs.getLong(2), rs.getInt(13)));
        });
        return candidates;
    }

    public Map<Long, ProfileDetails> profileDetails(Collection<Long> ids) {
        Map<Long, ProfileDetails> details = new HashMap<>();
        if (ids.isEmpty()) {
            return details;
        }
        // the profiles and their training sent together, in a read-only transaction (a vacancy's page)
        Read<Map<Long, List<TrainingRecord>>> trainingRead = profiles.trainingRead(ids);
        Read<List<ProfileDetails>> detailsRead = Read.list(new DetailsOf(List.copyOf(ids)), """
                SELECT id, display_name, interests, employment_basis, dbs_checked_on FROM pa_profile
                WHERE id = ANY(CAST(:ids AS bigint[]))""", Map.of("ids", SqlArrays.longs(ids)),
                (rs, row) -> new ProfileDetails(rs.getLong(1), rs.getString(2), SqlArrays.strings(rs.getArray(3)),
                        EmploymentBasis.valueOf(rs.getString(4)), List.of(),
                        rs.getDate(5) == null ? null : rs.getDate(5).toLocalDate()));
        reads.together().add(trainingRead).add(detailsRead).send();
        Map<Long, List<TrainingRecord>> training = reads.get(trainingRead);
        for (ProfileDetails d : reads.get(detailsRead)) {
            details.put(d.id(), new ProfileDetails(d.id(), d.displayName(), d.interests(), d.employmentBasis(),
                    training.getOrDefault(d.id(), List.of()), d.dbsCheckedOn()));
        }
        return details;
    }

    private record DetailsOf(List<Long> profileIds) {
    }

    public Map<Long, VacancyDetails> vacancyDetails(Collection<Long> ids) {
        Map<Long, VacancyDetails> details = new HashMap<>();
        if (ids.isEmpty()) {
            return details;
        }
        jdbc.sql("""
                        SELECT id, title, outcomes, interests, postcode, hours_per_week, hourly_rate_pence, start_date
                        FROM vacancy WHERE id = ANY(CAST(:ids AS bigint[]))""")
                .param("ids", SqlArrays.longs(ids))
                .query(rs -> {
                    details.put(rs.getLong(1), new VacancyDetails(rs.getLong(1), rs.getString(2), SqlArrays.strings(rs.getArray(3)),
                            SqlArrays.strings(rs.getArray(4)), rs.getString(5), rs.getBigDecimal(6), rs.getLong(7),
                            rs.getDate(8).toLocalDate()));
                });
        return details;
    }
}
