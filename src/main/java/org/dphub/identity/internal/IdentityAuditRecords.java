package org.dphub.identity.internal;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.dphub.audit.AuditAction;
import org.dphub.audit.AuditDescriptions;
import org.dphub.audit.AuditEvent;
import org.dphub.audit.AuditSubjects;
import org.dphub.audit.AuditWording;
import org.dphub.identity.CitizenRelationship;
import org.springframework.stereotype.Component;

/** Sign-in accounts and who may see whose records, in the audit trail's words. */
@Component
class IdentityAuditRecords implements AuditDescriptions, AuditSubjects {

    static final String USER = "user";
    static final String CITIZEN_ACCESS = "citizen_access";
    static final String API_KEY = "api_key";
    static final String ONE_TIME_CODES = "one_time_codes";

    @Override
    public Set<String> entityTypes() {
        return Set.of(USER, CITIZEN_ACCESS, API_KEY, ONE_TIME_CODES);
    }

    /** Access to a person's records names the person; an account on its own concerns nobody in particular. */
    @Override
    public Map<String, Long> citizens(String entityType, List<String> entityIds, Map<String, Object> values) {
        return CITIZEN_ACCESS.equals(entityType) ? AuditSubjects.all(entityIds, values.get("citizenId")) : Map.of();
    }

    @Override
    public Optional<String> describe(AuditEvent event, AuditWording words) {
        return Optional.ofNullable(switch (event.entityType()) {
            case USER -> user(event, words);
            case CITIZEN_ACCESS -> access(event, words);
            case API_KEY -> apiKey(event, words);
            case ONE_TIME_CODES -> oneTimeCodes(event, words);
            default -> null;
        });
    }

    private static String user(AuditEvent event, AuditWording words) {
        if (event.action() == AuditAction.CREATE) {
            List<String> roles = event.value("roles") instanceof Collection<?> c
                    ? c.stream().map(r -> words.lowerWord("audit.role.", r)).toList() : List.of();
            // issue 17: made at the first sign-in with the council's provider
            return words.say("council account".equals(event.value("signIn")) ? "audit.say.user.created-by-council-account"
                    : "audit.say.user.created", event.value("displayName"), String.join(", ", roles));
        }
        if (event.action() == AuditAction.UPDATE && event.after() != null && event.after().containsKey("roles")) {
            List<String> roles = event.after().get("roles") instanceof Collection<?> c
                    ? c.stream().map(r -> words.lowerWord("audit.role.", r)).toList() : List.of();
            // set by the groups at the council's provider at a sign-in, or by an administrator
            return words.say("council account groups".equals(event.after().get("from")) ? "audit.say.user.roles"
                    : "audit.say.user.roles-by-administrator", event.value("displayName"), String.join(", ", roles));
        }
        if (event.after() != null && event.after().containsKey("password")) {
            return words.say("audit.say.user.password");
        }
        // a council administrator switched a staff account off (someone left) or on again
        if (event.after() != null && "SWITCHED_OFF".equals(event.after().get("event"))) {
            return words.say("audit.say.user.switched-off", event.value("displayName"));
        }
        if (event.after() != null && "SWITCHED_ON".equals(event.after().get("event"))) {
            return words.say("audit.say.user.switched-on", event.value("displayName"));
        }
        // a council administrator corrected a member's name or work contact: what changed (before holds only that)
        if (event.after() != null && "DETAILS_CORRECTED".equals(event.after().get("event")) && event.before() != null) {
            List<String> fields = java.util.stream.Stream.of("displayName", "workPhone", "workEmail")
                    .filter(event.before()::containsKey).map(f -> words.text("audit.user.field." + f)).toList();
            return words.say("audit.say.user.details-corrected", event.value("displayName"), String.join(", ", fields));
        }
        return null;
    }

    /** Made or revoked, by name: the key itself is never recorded. */
    private static String apiKey(AuditEvent event, AuditWording words) {
        if (event.action() == AuditAction.CREATE) {
            return words.say("audit.say.api_key.created", event.value("name"));
        }
        if (event.after() != null && Boolean.TRUE.equals(event.after().get("revoked"))) {
            return words.say("audit.say.api_key.revoked", event.value("name"));
        }
        return null;
    }

    /** Set up, a recovery code used, a code refused, reset by an administrator: never the secret or a code itself. */
    private static String oneTimeCodes(AuditEvent event, AuditWording words) {
        Object what = event.value("event");
        if ("SET_UP".equals(what)) {
            return words.say("audit.say.one_time_codes.set_up");
        }
        if ("RECOVERY_CODE_USED".equals(what)) {
            return words.say("audit.say.one_time_codes.recovery_code_used", event.value("recoveryCodesLeft"));
        }
        if ("REFUSED".equals(what)) {
            return words.say("audit.say.one_time_codes.refused", words.text("audit.one_time_codes.reason." + event.value("reason")));
        }
        if ("RESET".equals(what)) {
            return words.say("audit.say.one_time_codes.reset", event.value("displayName"));
        }
        return null;
    }

    private static String access(AuditEvent event, AuditWording words) {
        Object relationship = event.value("relationship");
        if (event.action() == AuditAction.DELETE) {
            return words.say("audit.say.citizen_access.ended", words.lowerWord("people.representative.kind.", relationship));
        }
        if (event.action() != AuditAction.CREATE) {
            return null;
        }
        if (CitizenRelationship.SELF.name().equals(relationship)) {
            return words.say("audit.say.citizen_access.self");
        }
        return words.say("audit.say.citizen_access.other", words.lowerWord("people.representative.kind.", relationship));
    }
}
