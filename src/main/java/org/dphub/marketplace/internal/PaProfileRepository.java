package org.dphub.marketplace.internal;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.dphub.marketplace.AvailabilitySlot;
import org.dphub.marketplace.EmploymentBasis;
import org.dphub.marketplace.Interest;
import org.dphub.marketplace.Language;
import org.dphub.marketplace.PaProfile;
import org.dphub.marketplace.PaProfileStatus;
import org.dphub.marketplace.Skill;
import org.dphub.shared.Money;
import org.dphub.shared.Postcode;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class PaProfileRepository {

    private final JdbcClient jdbc;

    PaProfileRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public PaProfile insert(PaProfile p) {
        long id = jdbc.sql("""
                        INSERT INTO pa_profile (user_id, registered_council_id, given_name, family_name, about, experience,
                            home_postcode, travel_km, hourly_rate_pence, employment_basis, skills, interests, languages,
                            availability, visible, status)
                        VALUES (:user, :council, :given, :family, :about, :experience, :postcode, :travel, :rate, :basis,
                            coalesce(string_to_array(:skills, ','), '{}'), coalesce(string_to_array(:interests, ','), '{}'), coalesce(string_to_array(:languages, ','), '{}'),
                            coalesce(string_to_array(:availability, ','), '{}'), :visible, :status)
                        RETURNING id""")
                .param("user", p.userId()).param("council", p.registeredCouncilId())
                .param("given", p.givenName()).param("family", p.familyName())
                .param("about", p.about()).param("experience", p.experience())
                .param("postcode", p.homePostcode().value()).param("travel", p.travelKm())
                .param("rate", p.hourlyRate().pence()).param("basis", p.employmentBasis().name())
                .param("skills", joined(p.skills().stream().map(Enum::name).sorted().toList()))
                .param("interests", joined(p.interests().stream().map(Enum::name).sorted().toList()))
                .param("languages", joined(p.languages().stream().map(Enum::name).sorted().toList()))
                .param("availability", joined(p.availability().stream().map(AvailabilitySlot::code).toList()))
                .param("visible", p.visible()).param("status", p.status().name())
                .query(Long.class).single();
        return new PaProfile(id, p.userId(), p.registeredCouncilId(), p.givenName(), p.familyName(), p.about(),
                p.experience(), p.homePostcode(), p.travelKm(), p.hourlyRate(), p.employmentBasis(), p.skills(),
                p.interests(), p.languages(), p.availability(), p.visible(), p.status());
    }

    public Optional<PaProfile> findByUserId(long userId) {
        return jdbc.sql("SELECT * FROM pa_profile WHERE user_id = :user").param("user", userId)
                .query(PaProfileRepository::map).optional();
    }

    public long countLive() {
        return jdbc.sql("SELECT count(*) FROM pa_profile WHERE status = 'LIVE'").query(Long.class).single();
    }

    private static String joined(List<String> values) {
        return values.isEmpty() ? null : String.join(",", values);
    }

    private static PaProfile map(ResultSet rs, int row) throws SQLException {
        return new PaProfile(rs.getLong("id"), rs.getObject("user_id", Long.class),
                rs.getObject("registered_council_id", Long.class), rs.getString("given_name"),
                rs.getString("family_name"), rs.getString("about"), rs.getString("experience"),
                Postcode.parse(rs.getString("home_postcode")), rs.getInt("travel_km"),
                Money.ofPence(rs.getLong("hourly_rate_pence")), EmploymentBasis.valueOf(rs.getString("employment_basis")),
                enums(rs.getArray("skills"), Skill.class), enums(rs.getArray("interests"), Interest.class),
                enums(rs.getArray("languages"), Language.class),
                strings(rs.getArray("availability")).stream().map(AvailabilitySlot::parse).toList(),
                rs.getBoolean("visible"), PaProfileStatus.valueOf(rs.getString("status")));
    }

    private static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }

    private static <E extends Enum<E>> Set<E> enums(Array array, Class<E> type) throws SQLException {
        Set<E> set = EnumSet.noneOf(type);
        strings(array).forEach(name -> set.add(Enum.valueOf(type, name)));
        return set;
    }
}
