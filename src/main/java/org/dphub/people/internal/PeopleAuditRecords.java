package org.dphub.people.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.dphub.audit.AuditAction;
import org.dphub.audit.AuditDescriptions;
import org.dphub.audit.AuditEvent;
import org.dphub.audit.AuditSubjects;
import org.dphub.audit.AuditWording;
import org.springframework.stereotype.Component;

/** People, their household and their representatives, in the audit trail's words. */
@Component
class PeopleAuditRecords implements AuditDescriptions, AuditSubjects {

    static final String CITIZEN = "citizen";
    static final String HOUSEHOLD_MEMBER = "household_member";
    static final String REPRESENTATIVE = "representative";
    static final String DP_CONTACT = "dp_contact";

    /** A person's details that a practitioner may change, as {@code Citizen.auditValues} names them, in the form's order. */
    static final List<String> CHANGEABLE = List.of("givenName", "familyName", "dateOfBirth", "postcode", "preferredLanguage",
            "contactPreference", "email", "phone", "communicationNeeds");

    @Override
    public Set<String> entityTypes() {
        return Set.of(CITIZEN, HOUSEHOLD_MEMBER, REPRESENTATIVE, DP_CONTACT);
    }

    @Override
    public Map<String, Long> citizens(String entityType, List<String> entityIds, Map<String, Object> values) {
        if (CITIZEN.equals(entityType)) {
            Map<String, Long> found = new LinkedHashMap<>();
            entityIds.forEach(id -> {
                Long citizen = AuditSubjects.id(id);
                if (citizen != null) {
                    found.put(id, citizen);
                }
            });
            return found;
        }
        return AuditSubjects.all(entityIds, values.get("citizenId"));
    }

    @Override
    public Optional<String> describe(AuditEvent event, AuditWording words) {
        if (event.action() == AuditAction.UPDATE && CITIZEN.equals(event.entityType()) && event.after() != null) {
            // the fields changed, by name (an erased person's recorded values are gone: then the trail's general words)
            List<String> fields = CHANGEABLE.stream().filter(event.after()::containsKey)
                    .map(f -> words.text("audit.citizen.field." + f)).toList();
            return fields.isEmpty() ? Optional.empty() : Optional.of(words.say("audit.say.citizen.changed", String.join(", ", fields)));
        }
        if (event.action() == AuditAction.UPDATE && REPRESENTATIVE.equals(event.entityType()) && event.after() != null
                && event.value("endedOn") == null && (event.after().containsKey("name") || event.after().containsKey("email"))) {
            List<String> fields = java.util.stream.Stream.of("name", "email").filter(event.after()::containsKey)
                    .map(f -> words.text("audit.representative.field." + f)).toList();
            return Optional.of(words.say("audit.say.representative.corrected", String.join(", ", fields)));
        }
        if (event.action() == AuditAction.UPDATE && REPRESENTATIVE.equals(event.entityType()) && event.value("endedOn") != null) {
            return Optional.of(words.say("audit.say.representative.ended", event.value("name"), words.date(event.value("endedOn")),
                    words.quote(event.value("reason"))));
        }
        if (event.action() == AuditAction.UPDATE && HOUSEHOLD_MEMBER.equals(event.entityType()) && event.after() != null) {
            List<String> fields = java.util.stream.Stream.of("name", "relationship", "livesInSameHousehold")
                    .filter(event.after()::containsKey).map(f -> words.text("audit.household_member.field." + f)).toList();
            return Optional.of(words.say("audit.say.household_member.corrected", String.join(", ", fields)));
        }
        if (event.action() == AuditAction.DELETE && HOUSEHOLD_MEMBER.equals(event.entityType()) && event.value("removedOn") != null) {
            return Optional.of(words.say("audit.say.household_member.removed", event.value("name"), words.date(event.value("removedOn")),
                    words.quote(event.value("reason"))));
        }
        if (event.action() != AuditAction.CREATE) {
            return Optional.empty();
        }
        return Optional.ofNullable(switch (event.entityType()) {
            case CITIZEN -> words.say("audit.say.citizen.created", event.value("reference"));
            case HOUSEHOLD_MEMBER -> words.say(Boolean.FALSE.equals(event.value("livesInSameHousehold"))
                            ? "audit.say.household_member.created.elsewhere" : "audit.say.household_member.created",
                    event.value("name"), words.lowerWord("household.relationship.", event.value("relationship")));
            case REPRESENTATIVE -> words.say("audit.say.representative.created", event.value("name"),
                    words.lowerWord("people.representative.kind.", event.value("kind")));
            case DP_CONTACT -> event.value("previousName") == null
                    ? words.say("audit.say.dp_contact.created", event.value("contactName"))
                    : words.say("audit.say.dp_contact.changed", event.value("contactName"), event.value("previousName"));
            default -> null;
        });
    }
}
