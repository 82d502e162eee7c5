package org.dphub.marketplace.internal;

import java.util.Optional;
import java.util.Set;
import org.dphub.audit.AuditAction;
import org.dphub.audit.AuditDescriptions;
import org.dphub.audit.AuditEvent;
import org.dphub.audit.AuditWording;
import org.springframework.stereotype.Component;

/** PA profiles, vacancies, introductions, hires, reports and match weights, in the audit trail's words. */
@Component
class MarketplaceAuditDescriptions implements AuditDescriptions {

    static final String PROFILE = "pa_profile";
    static final String VACANCY = "vacancy";
    static final String INTRODUCTION = "introduction";
    static final String MESSAGE = "introduction_message";
    static final String HIRE = "pa_hire";
    static final String REPORT = "marketplace_report";
    static final String WEIGHTS = "marketplace_match_weights";
    static final String COVER = "pa_cover_offer";
    static final Set<String> TYPES = Set.of(PROFILE, VACANCY, INTRODUCTION, MESSAGE, HIRE, REPORT, WEIGHTS, COVER);

    private final PaNames names;

    MarketplaceAuditDescriptions(PaNames names) {
        this.names = names;
    }

    @Override
    public Set<String> entityTypes() {
        return TYPES;
    }

    @Override
    public Optional<String> describe(AuditEvent event, AuditWording words) {
        return Optional.ofNullable(switch (event.entityType()) {
            case PROFILE -> profile(event, words);
            case VACANCY -> vacancy(event, words);
            case INTRODUCTION -> introduction(event, words);
            case MESSAGE -> words.say("audit.say.introduction_message.sent");
            case HIRE -> words.say("audit.say.pa_hire.hired", paOfProfile(event.value("profileId"), words),
                    words.money(event.value("agreedHourlyRate")), words.date(event.value("startDate")));
            case REPORT -> event.value("profileId") != null
                    ? words.say("audit.say.marketplace_report.profile", paOfProfile(event.value("profileId"), words),
                            words.quote(event.value("reason")))
                    : words.say("audit.say.marketplace_report.vacancy", words.quote(event.value("reason")));
            case WEIGHTS -> words.say("audit.say.marketplace_match_weights.changed");
            case COVER -> words.say("audit.say.pa_cover_offer.changed", paOfProfile(event.entityId(), words));
            default -> null;
        });
    }

    private String profile(AuditEvent event, AuditWording words) {
        Object shown = event.value("displayName");
        String name = shown != null ? words.nameOr(String.valueOf(shown), "audit.a-pa") : paOfProfile(event.entityId(), words);
        if (event.action() == AuditAction.CREATE) {
            return words.say("audit.say.pa_profile.created", name);
        }
        if (event.after() != null && event.after().containsKey("identityChecked")) {
            return words.say("audit.say.pa_profile.checked", name);
        }
        Object before = event.valueBefore("status");
        Object after = event.after() == null ? null : event.after().get("status");
        if ("SUSPENDED".equals(after) && !"SUSPENDED".equals(before)) {
            return words.say("audit.say.pa_profile.suspended", name, words.quote(event.after().get("reason")));
        }
        if ("SUSPENDED".equals(before) && !"SUSPENDED".equals(after)) {
            return words.say("audit.say.pa_profile.reinstated", name);
        }
        return words.say("audit.say.pa_profile.changed", name);
    }

    private static String vacancy(AuditEvent event, AuditWording words) {
        if (event.action() == AuditAction.CREATE) {
            return words.say("audit.say.vacancy.posted", words.quote(event.value("title")));
        }
        Object status = event.after() == null ? null : event.after().get("status");
        if ("FILLED".equals(status) || "CLOSED".equals(status) || "SUSPENDED".equals(status) || "OPEN".equals(status)) {
            return words.say("audit.say.vacancy." + status, words.quote(event.after().get("reason")));
        }
        return null;
    }

    private String introduction(AuditEvent event, AuditWording words) {
        String pa = event.value("profileId") != null ? paOfProfile(event.value("profileId"), words)
                : words.nameOr(names.ofIntroduction(AuditWording.number(event.entityId())), "audit.a-pa");
        if (event.action() == AuditAction.CREATE) {
            return words.say("EMPLOYER".equals(event.value("startedBy")) ? "audit.say.introduction.invited"
                    : "audit.say.introduction.interested", pa);
        }
        Object status = event.after() == null ? null : event.after().get("status");
        if (status instanceof String s && Set.of("CONNECTED", "DECLINED", "BLOCKED", "HIRED").contains(s)) {
            return words.say("audit.say.introduction." + s, pa);
        }
        return null;
    }

    /** The name on the PA's profile ("Owain E."), or "a PA". */
    private String paOfProfile(Object profileId, AuditWording words) {
        return words.nameOr(names.ofProfile(AuditWording.number(profileId)), "audit.a-pa");
    }
}
