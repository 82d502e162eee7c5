package org.dphub.directory.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.dphub.shared.personaldata.PersonalDataRows;
import org.dphub.shared.personaldata.PersonalDataSource;
import org.dphub.shared.personaldata.PersonalDataSource.Kept;
import org.dphub.shared.personaldata.PersonalDataSource.ProviderRedaction;
import org.dphub.shared.personaldata.PersonalDataSource.Redacted;
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
        return Set.of("directory_payment_request", "directory_regular_payment", "directory_group_member", "directory_organization",
                "directory_service");
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

    /** A provider who signed themself up: their organisation and its services as they gave them. */
    @Override
    public Optional<Section> forUser(long userId) {
        Map<String, String> q = new LinkedHashMap<>();
        q.put("directory_organization", "SELECT * FROM directory_organization WHERE user_id = :user");
        q.put("directory_service", "SELECT s.id, s.name, s.description, s.url, s.email, s.status, s.delivery, s.postcode, s.travel_km,"
                + " s.address, s.cost_pence, s.cost_unit, s.languages, s.accessibility, s.created_at, s.last_modified FROM directory_service s"
                + " JOIN directory_organization o ON o.id = s.organization_id WHERE o.user_id = :user ORDER BY s.created_at, s.id");
        return PersonalDataRows.section(jdbc, section(), Map.of("user", userId), q);
    }

    /**
     * A provider leaves while people still owe or expect something of them: a regular payment to them not stopped
     * with instalments still to come, a request for payment not yet agreed or withdrawn, or buying together still
     * open or with sessions to come.
     */
    @Override
    public List<String> blocksProviderErasure(UUID organizationId, LocalDate today) {
        Map<String, Object> p = Map.of("org", organizationId, "today", today);
        List<String> blocks = new ArrayList<>();
        if (exists("SELECT 1 FROM directory_regular_payment WHERE organization_id = :org AND status = 'ACTIVE' AND next_due IS NOT NULL", p)) {
            blocks.add("rights.block.provider-regular");
        }
        if (exists("SELECT 1 FROM directory_payment_request WHERE organization_id = :org AND status IN ('WAITING', 'QUERIED')", p)) {
            blocks.add("rights.block.provider-request");
        }
        if (exists("SELECT 1 FROM directory_group_purchase g JOIN directory_service s ON s.id = g.service_id WHERE s.organization_id = :org"
                + " AND (g.status = 'OPEN' OR (g.status = 'CONFIRMED' AND EXISTS (SELECT 1 FROM directory_group_session x"
                + " WHERE x.group_purchase_id = g.id AND x.held_on >= :today)))", p)) {
            blocks.add("rights.block.provider-group");
        }
        return blocks;
    }

    private boolean exists(String query, Map<String, Object> params) {
        return jdbc.sql("SELECT EXISTS (" + query + ")").params(params).query(Boolean.class).single();
    }

    /**
     * The provider's description and contact details go; their services come out of the directory for good
     * (withdrawn), and what they said and where they were go with them. The names of the organisation and its
     * services stay: people's records of what they paid for, and the money records, name them.
     */
    @Override
    public Redacted eraseProvider(ProviderRedaction r) {
        jdbc.sql("UPDATE directory_organization SET description = '', email = NULL, phone = NULL, website = NULL, erased_at = now(),"
                + " last_modified = now() WHERE id = :org").param("org", r.organizationId()).update();
        jdbc.sql("UPDATE directory_service SET status = 'WITHDRAWN', description = 'Erased', url = NULL, email = NULL, address = NULL,"
                + " postcode = NULL, latitude = NULL, longitude = NULL, accessibility = '', changed_since_check = false,"
                + " changed_fields = '{}', version = version + 1, last_modified = now() WHERE organization_id = :org")
                .param("org", r.organizationId()).update();
        return new Redacted(List.of("rights.removed.provider-listing"),
                List.of(new Kept("rights.kept.provider-names", "rights.why.provider-names")));
    }

    /** Once the money records' time is up, the names of the organisation and its services go too. */
    @Override
    public Redacted anonymiseProviderMoneyRecords(ProviderRedaction r) {
        jdbc.sql("UPDATE directory_organization SET name = 'Erased provider', last_modified = now() WHERE id = :org")
                .param("org", r.organizationId()).update();
        jdbc.sql("UPDATE directory_service SET name = 'Erased service', last_modified = now() WHERE organization_id = :org")
                .param("org", r.organizationId()).update();
        return Redacted.removed("rights.removed.provider-names");
    }

    @Override
    public Redacted erase(Redaction r) {
        // the first name other members of a group purchase were shown
        jdbc.sql("UPDATE directory_group_member SET first_name = 'Erased', show_name = false WHERE council_id = :council AND citizen_id = :citizen")
                .param("council", r.councilId()).param("citizen", r.citizenId()).update();
        return new Redacted(List.of("rights.removed.group-name"),
                List.of(new Kept("rights.kept.provider-payments", "rights.why.money")));
    }
}
