package org.dphub.audit.internal;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.dphub.shared.personaldata.PersonalDataRows;
import org.dphub.shared.personaldata.PersonalDataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The audit entries about the person (issue 17): who changed what about them, and when. The
 * entries stay (they are the council's record of who did what with the person's money and
 * records), but on erasure the recorded values of the changes to their personal details and their
 * own words are blanked, through the recorded-redaction path the append-only trigger allows.
 */
@Component
class AuditPersonalData implements PersonalDataSource {

    /** The kinds of change whose values are the person's details or words, not money. */
    static final String[] PERSONAL_KINDS = {"citizen", "household_member", "representative", "help_request", "help_reply",
            "vacancy", "introduction_message", "peer_post", "plan_contingency_arrangement", "user"};

    /** The recorded values replaced by {@code {"erased": true}}, the entry kept: an erasure's part (the WHERE follows). */
    private static final String BLANK_VALUES = """
            UPDATE audit_event SET
                before_state = CASE WHEN before_state IS NULL THEN NULL ELSE '{"erased": true}'::jsonb END,
                after_state = CASE WHEN after_state IS NULL THEN NULL ELSE '{"erased": true}'::jsonb END
            """;

    private final JdbcClient jdbc;

    AuditPersonalData(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String section() {
        return "audit";
    }

    @Override
    public Set<String> tables() {
        return Set.of("audit_event", "audit_event_subject");
    }

    @Override
    public Optional<Section> forCitizen(long councilId, long citizenId) {
        return PersonalDataRows.section(jdbc, section(), Map.of("council", councilId, "citizen", citizenId), Map.of("audit_event",
                "SELECT e.occurred_at, e.actor, e.action, e.entity_type, e.entity_id FROM audit_event e"
                        + " JOIN audit_event_subject s ON s.event_id = e.id WHERE e.council_id = :council AND s.citizen_id = :citizen"
                        + " ORDER BY e.occurred_at, e.id"));
    }

    @Override
    public Redacted erase(Redaction r) {
        jdbc.sql("""
                        UPDATE audit_event e SET
                            before_state = CASE WHEN e.before_state IS NULL THEN NULL ELSE '{"erased": true}'::jsonb END,
                            after_state = CASE WHEN e.after_state IS NULL THEN NULL ELSE '{"erased": true}'::jsonb END
                        FROM audit_event_subject s
                        WHERE s.event_id = e.id AND s.citizen_id = :citizen AND e.council_id = :council
                          AND e.entity_type = ANY (:kinds) AND e.after_state IS DISTINCT FROM '{"erased": true}'::jsonb""")
                .param("citizen", r.citizenId()).param("council", r.councilId())
                .param("kinds", new org.springframework.jdbc.support.SqlArrayValue("text", (Object[]) PERSONAL_KINDS)).update();
        return new Redacted(java.util.List.of("rights.removed.audit-values"),
                java.util.List.of(new Kept("rights.kept.audit", "rights.why.audit")));
    }

    /**
     * The recorded values of changes to the PA's profile, cover offer and sign-in go (they hold the
     * PA's words and contact details); the entries stay. Payroll entries are kept with the payroll.
     */
    @Override
    public Redacted erasePa(PaRedaction r) {
        jdbc.sql(BLANK_VALUES + """
                        WHERE ((entity_type IN ('pa_profile', 'pa_cover_offer') AND entity_id = :profile)
                               OR (entity_type = 'user' AND entity_id = :user))
                          AND after_state IS DISTINCT FROM '{"erased": true}'::jsonb""")
                .param("profile", String.valueOf(r.paProfileId())).param("user", String.valueOf(r.userId())).update();
        return new Redacted(java.util.List.of("rights.removed.audit-values"),
                java.util.List.of(new Kept("rights.kept.audit", "rights.why.audit")));
    }

    /**
     * The recorded values of changes to the former representative's row (their name and email as given) go,
     * and, when their sign-in closes, those of changes to it; the entries stay.
     */
    @Override
    public Redacted eraseRepresentative(RepresentativeRedaction r) {
        jdbc.sql(BLANK_VALUES + """
                        WHERE ((entity_type = 'representative' AND entity_id = :representative AND council_id = :council)
                               OR (entity_type = 'user' AND entity_id = :user AND :closing))
                          AND after_state IS DISTINCT FROM '{"erased": true}'::jsonb""")
                .param("representative", String.valueOf(r.representativeId())).param("council", r.councilId())
                .param("user", String.valueOf(r.userId())).param("closing", r.closeAccount()).update();
        return new Redacted(java.util.List.of("rights.removed.representative-audit-values"),
                java.util.List.of(new Kept("rights.kept.audit", "rights.why.audit")));
    }

    /** The recorded values of changes to the provider's organisation, services and sign-in go (their words and contact details); the entries stay. */
    @Override
    public Redacted eraseProvider(ProviderRedaction r) {
        jdbc.sql(BLANK_VALUES + """
                        WHERE ((entity_type = 'directory_organization' AND entity_id = :org)
                               OR (entity_type = 'directory_service' AND entity_id = ANY (:services))
                               OR (entity_type = 'user' AND entity_id = :user))
                          AND after_state IS DISTINCT FROM '{"erased": true}'::jsonb""")
                .param("org", r.organizationId().toString())
                .param("services", new org.springframework.jdbc.support.SqlArrayValue("text",
                        r.serviceIds().stream().map(java.util.UUID::toString).toArray()))
                .param("user", r.userId() == null ? null : r.userId().toString()).update(); // an organisation with no sign-in: none
        return new Redacted(java.util.List.of("rights.removed.provider-audit-values"),
                java.util.List.of(new Kept("rights.kept.audit", "rights.why.audit")));
    }
}
