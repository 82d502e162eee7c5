package org.dphub.rights.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.dphub.rights.Erasure;
import org.dphub.shared.personaldata.PersonalDataSource.Kept;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The record of each erasure and retention step ({@code personal_data_redaction}, append-only). */
@Repository
public class RedactionRepository {

    private final JdbcClient jdbc;
    private final JsonMapper json;

    RedactionRepository(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /**
     * Records a step and names it for this transaction ({@code set_config(..., true)} is {@code SET LOCAL}),
     * which is what lets the append-only tables' triggers accept its redactions, and nothing else.
     */
    public long begin(long councilId, long citizenId, String step, String by) {
        return begin(councilId, citizenId, null, step, by);
    }

    /** The same for a PA who left the register (their profile), under the council they registered with, or none (null). */
    public long beginPa(Long councilId, long paProfileId, String step, String by) {
        return begin(councilId, null, paProfileId, step, by);
    }

    /** The same for someone who acted for a person (their representative row), under the council that holds the person's record. */
    public long beginRepresentative(long councilId, long representativeId, String step, String by) {
        return begin(councilId, null, null, representativeId, step, by);
    }

    /** The same for a provider who left the directory (their organisation), under the council whose DP team checks it. */
    public long beginProvider(long councilId, UUID organizationId, String step, String by) {
        return begin(councilId, null, null, null, organizationId, step, by);
    }

    private long begin(Long councilId, Long citizenId, Long paProfileId, String step, String by) {
        return begin(councilId, citizenId, paProfileId, null, step, by);
    }

    private long begin(Long councilId, Long citizenId, Long paProfileId, Long representativeId, String step, String by) {
        return begin(councilId, citizenId, paProfileId, representativeId, null, step, by);
    }

    private long begin(Long councilId, Long citizenId, Long paProfileId, Long representativeId, UUID organizationId, String step,
                       String by) {
        long id = jdbc.sql("INSERT INTO personal_data_redaction (council_id, citizen_id, pa_profile_id, representative_id, organization_id,"
                        + " step, carried_out_by) VALUES (:council, :citizen, :profile, :representative, :organization, :step, :by) RETURNING id")
                .param("council", councilId).param("citizen", citizenId).param("profile", paProfileId)
                .param("representative", representativeId).param("organization", organizationId).param("step", step).param("by", by)
                .query(Long.class).single();
        jdbc.sql("SELECT set_config('dphub.redaction', :id, true)").param("id", String.valueOf(id)).query(String.class).single();
        return id;
    }

    /** What the step removed and kept, written by its own transaction (the trigger allows nothing later). */
    public void finish(long id, List<String> removed, List<Kept> kept) {
        jdbc.sql("UPDATE personal_data_redaction SET removed = :removed::jsonb, kept = :kept::jsonb WHERE id = :id")
                .param("removed", json.writeValueAsString(removed)).param("kept", json.writeValueAsString(kept)).param("id", id).update();
        jdbc.sql("SELECT set_config('dphub.redaction', '', true)").query(String.class).single();
    }

    public boolean exists(long citizenId, String step) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM personal_data_redaction WHERE citizen_id = :citizen AND step = :step)")
                .param("citizen", citizenId).param("step", step).query(Boolean.class).single();
    }

    public boolean existsPa(long paProfileId, String step) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM personal_data_redaction WHERE pa_profile_id = :profile AND step = :step)")
                .param("profile", paProfileId).param("step", step).query(Boolean.class).single();
    }

    public boolean existsRepresentative(long representativeId, String step) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM personal_data_redaction WHERE representative_id = :representative AND step = :step)")
                .param("representative", representativeId).param("step", step).query(Boolean.class).single();
    }

    public boolean existsProvider(UUID organizationId, String step) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM personal_data_redaction WHERE organization_id = :organization AND step = :step)")
                .param("organization", organizationId).param("step", step).query(Boolean.class).single();
    }

    /**
     * Holds the erasure of this person, PA or representative's row until the caller's transaction ends: a second
     * one asked at the same moment (another of the team, a form sent twice without JavaScript) waits, then finds
     * the first recorded, rather than failing on the step's unique key.
     */
    public void holdErasure(String kind, long id) {
        jdbc.sql("SELECT pg_advisory_xact_lock(hashtext(:kind), CAST(:id % 2147483647 AS int))").param("kind", kind + "_erasure")
                .param("id", id).query((rs, n) -> 1).single();
    }

    /** {@link #holdErasure(String, long)} for a provider, by their organisation. */
    public void holdErasure(String kind, UUID id) {
        jdbc.sql("SELECT pg_advisory_xact_lock(hashtext(:kind), hashtext(:id))").param("kind", kind + "_erasure")
                .param("id", id.toString()).query((rs, n) -> 1).single();
    }

    /** The steps carried out for these representative rows (the people who acted for one person), oldest first. */
    public List<Erasure> ofRepresentatives(long councilId, List<Long> representativeIds) {
        if (representativeIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("SELECT * FROM personal_data_redaction WHERE council_id = :council AND representative_id = ANY(:ids) ORDER BY id")
                .param("council", councilId).param("ids", new org.springframework.jdbc.support.SqlArrayValue("bigint", representativeIds.toArray()))
                .query(this::erasure).list();
    }

    public List<Erasure> of(long councilId, long citizenId) {
        return jdbc.sql("SELECT * FROM personal_data_redaction WHERE council_id = :council AND citizen_id = :citizen ORDER BY id")
                .param("council", councilId).param("citizen", citizenId).query(this::erasure).list();
    }

    /** The steps carried out for a PA (by their profile). */
    public List<Erasure> ofPa(long paProfileId) {
        return jdbc.sql("SELECT * FROM personal_data_redaction WHERE pa_profile_id = :profile ORDER BY id")
                .param("profile", paProfileId).query(this::erasure).list();
    }

    /** The steps carried out for a provider (by their organisation). */
    public List<Erasure> ofProvider(UUID organizationId) {
        return jdbc.sql("SELECT * FROM personal_data_redaction WHERE organization_id = :organization ORDER BY id")
                .param("organization", organizationId).query(this::erasure).list();
    }

    private Erasure erasure(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Erasure(rs.getLong("id"), rs.getObject("citizen_id", Long.class), rs.getObject("pa_profile_id", Long.class),
                rs.getObject("representative_id", Long.class), rs.getObject("organization_id", UUID.class), rs.getString("step"), rs.getString("carried_out_by"), rs.getTimestamp("carried_out_at").toInstant(),
                strings(rs.getString("removed")), kept(rs.getString("kept")));
    }

    /** Erased people whose money records have not yet been anonymised: council and citizen. */
    public List<long[]> awaitingRetention() {
        return jdbc.sql("SELECT e.council_id, e.citizen_id FROM personal_data_redaction e WHERE e.step = 'ERASURE' AND e.citizen_id IS NOT NULL"
                        + " AND NOT EXISTS (SELECT 1 FROM personal_data_redaction r WHERE r.citizen_id = e.citizen_id AND r.step = 'RETENTION')"
                        + " ORDER BY e.id")
                .query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)}).list();
    }

    /** Erased PAs whose payroll records have not yet been anonymised, first erased first. */
    public List<PaAwaiting> paAwaitingRetention() {
        return jdbc.sql("SELECT e.council_id, e.pa_profile_id FROM personal_data_redaction e WHERE e.step = 'ERASURE' AND e.pa_profile_id IS NOT NULL"
                        + " AND NOT EXISTS (SELECT 1 FROM personal_data_redaction r WHERE r.pa_profile_id = e.pa_profile_id AND r.step = 'RETENTION')"
                        + " ORDER BY e.id")
                .query((rs, n) -> new PaAwaiting(rs.getObject(1, Long.class), rs.getLong(2))).list();
    }

    /** Erased providers whose money records have not yet been anonymised, first erased first: council and organisation. */
    public List<ProviderAwaiting> providersAwaitingRetention() {
        return jdbc.sql("SELECT e.council_id, e.organization_id FROM personal_data_redaction e WHERE e.step = 'ERASURE'"
                        + " AND e.organization_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM personal_data_redaction r"
                        + " WHERE r.organization_id = e.organization_id AND r.step = 'RETENTION') ORDER BY e.id")
                .query((rs, n) -> new ProviderAwaiting(rs.getLong(1), rs.getObject(2, UUID.class))).list();
    }

    /** An erased provider whose money records have not yet been anonymised: the council whose DP team checks it, and its organisation. */
    public record ProviderAwaiting(long councilId, UUID organizationId) {
    }

    /** An erased PA whose payroll records have not yet been anonymised: the council they registered with (or none), and their profile. */
    public record PaAwaiting(Long councilId, long paProfileId) {
    }

    private List<String> strings(String text) {
        List<String> out = new ArrayList<>();
        json.readTree(text).forEach(n -> out.add(n.asString()));
        return out;
    }

    private List<Kept> kept(String text) {
        List<Kept> out = new ArrayList<>();
        for (JsonNode n : json.readTree(text)) {
            out.add(new Kept(n.get("what").asString(), n.get("why").asString()));
        }
        return out;
    }
}
