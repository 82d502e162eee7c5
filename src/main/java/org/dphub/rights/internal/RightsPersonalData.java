package org.dphub.rights.internal;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.dphub.shared.personaldata.PersonalDataRows;
import org.dphub.shared.personaldata.PersonalDataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The erasure and retention steps carried out for the person: kept, as the record that they were done. */
@Component
class RightsPersonalData implements PersonalDataSource {

    private final JdbcClient jdbc;

    RightsPersonalData(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String section() {
        return "rights";
    }

    @Override
    public Set<String> tables() {
        return Set.of("personal_data_redaction");
    }

    @Override
    public Optional<Section> forCitizen(long councilId, long citizenId) {
        return PersonalDataRows.section(jdbc, section(), Map.of("council", councilId, "citizen", citizenId), Map.of("personal_data_redaction",
                "SELECT step, carried_out_at, removed::text AS removed, kept::text AS kept FROM personal_data_redaction"
                        + " WHERE council_id = :council AND citizen_id = :citizen ORDER BY id"));
    }
}
