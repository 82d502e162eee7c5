package org.dphub.approvals.internal;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.dphub.shared.personaldata.PersonalDataRows;
import org.dphub.shared.personaldata.PersonalDataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Connect and Enable one-off payments asked for the person (issue 17): money records, kept. */
@Component
class ApprovalsPersonalData implements PersonalDataSource {

    private final JdbcClient jdbc;

    ApprovalsPersonalData(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String section() {
        return "one-off-payments";
    }

    @Override
    public Set<String> tables() {
        return Set.of("one_off_payment");
    }

    @Override
    public Optional<Section> forCitizen(long councilId, long citizenId) {
        return PersonalDataRows.section(jdbc, section(), Map.of("council", councilId, "citizen", citizenId), Map.of("one_off_payment",
                "SELECT * FROM one_off_payment WHERE council_id = :council AND citizen_id = :citizen ORDER BY id"));
    }

    @Override
    public Redacted erase(Redaction r) {
        return Redacted.kept("rights.kept.one-off-payments", "rights.why.money");
    }
}
