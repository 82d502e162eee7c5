package org.dphub.rights.internal;

import org.dphub.people.ErasedPeople;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Whether a person was erased: an erasure (or the retention job's step after it) is recorded for them. */
@Component
class ErasedPeopleRecords implements ErasedPeople {

    private final JdbcClient jdbc;

    ErasedPeopleRecords(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public boolean erased(long councilId, long citizenId) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM personal_data_redaction WHERE council_id = :council AND citizen_id = :citizen)")
                .param("council", councilId).param("citizen", citizenId).query(Boolean.class).single();
    }
}
