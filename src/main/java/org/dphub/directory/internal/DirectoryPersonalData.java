package org.dphub.directory.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.dphub.shared.personaldata.PersonalDataRows;
import org.dphub.shared.personaldata.PersonalDataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Paying providers from the directory (issue 17): requests for payment, regular payments, buying together. Money records, kept. */
@Component
class DirectoryPersonalData implements PersonalDataSource {

    private final JdbcClient jdbc;

    DirectoryPersonalData(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String section() {
        return "providers";
    }

    @Override
    public Set<String> tables() {
        return Set.of("directory_payment_request", "directory_regular_payment", "directory_group_member", "directory_organization");
    }

    @Override
    public Optional<Section> forCitizen(long councilId, long citizenId) {
        Map<String, String> q = new LinkedHashMap<>();
        q.put("directory_payment_request", "SELECT r.id, o.name AS provider, r.amount_pence, r.description, r.reference, r.service_dates,"
                + " r.status, r.created_at FROM directory_payment_request r JOIN directory_organization o ON o.id = r.organization_id"
                + " WHERE r.council_id = :council AND r.citizen_id = :citizen ORDER BY r.id");
        q.put("directory_regular_payment", "SELECT r.id, o.name AS provider, r.amount_pence, r.frequency, r.first_date, r.end_date,"
                + " r.status, r.created_at FROM directory_regular_payment r JOIN directory_organization o ON o.id = r.organization_id"
                + " WHERE r.council_id = :council AND r.citizen_id = :citizen ORDER BY r.id");
        q.put("directory_group_member", "SELECT id, group_purchase_id, first_name, show_name, status, share_pence, charged_pence, joined_at"
                + " FROM directory_group_member WHERE council_id = :council AND citizen_id = :citizen ORDER BY id");
        return PersonalDataRows.section(jdbc, section(), Map.of("council", councilId, "citizen", citizenId), q);
    }

    /** A provider who signed themself up: their organisation as they gave it. */
    @Override
    public Optional<Section> forUser(long userId) {
        return PersonalDataRows.section(jdbc, section(), Map.of("user", userId), Map.of("directory_organization",
                "SELECT * FROM directory_organization WHERE user_id = :user"));
    }

    @Override
    public Redacted erase(Redaction r) {
        // the first name other members of a group purchase were shown
        jdbc.sql("UPDATE directory_group_member SET first_name = 'Erased', show_name = false WHERE council_id = :council AND citizen_id = :citizen")
                .param("council", r.councilId()).param("citizen", r.citizenId()).update();
        return new Redacted(java.util.List.of("rights.removed.group-name"),
                java.util.List.of(new Kept("rights.kept.provider-payments", "rights.why.money")));
    }
}
