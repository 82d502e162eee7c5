package org.dphub.plans.internal;

import java.util.Optional;
import java.util.Set;
import org.dphub.audit.AuditAction;
import org.dphub.audit.AuditDescriptions;
import org.dphub.audit.AuditEvent;
import org.dphub.audit.AuditWording;
import org.springframework.stereotype.Component;

/** Care and support plans, direct payments and reviews, in the audit trail's words. */
@Component
class PlanAuditDescriptions implements AuditDescriptions {

    static final String PLAN_VERSION = "care_plan_version";
    static final String DIRECT_PAYMENT = "direct_payment";
    static final String REVIEW = "review";
    static final Set<String> TYPES = Set.of(PLAN_VERSION, DIRECT_PAYMENT, REVIEW);

    @Override
    public Set<String> entityTypes() {
        return TYPES;
    }

    @Override
    public Optional<String> describe(AuditEvent event, AuditWording words) {
        return Optional.ofNullable(switch (event.entityType()) {
            case PLAN_VERSION -> planVersion(event, words);
            case DIRECT_PAYMENT -> directPayment(event, words);
            case REVIEW -> event.action() == AuditAction.CREATE ? review(event, words) : null;
            default -> null;
        });
    }

    private static String review(AuditEvent event, AuditWording words) {
        String key = Boolean.TRUE.equals(event.value("planToChange")) ? "audit.say.review.recorded.plan-to-change"
                : "audit.say.review.recorded";
        return words.say(key, words.date(event.value("reviewedOn")), words.lowerWord("reviews.reason.", event.value("reason")));
    }

    private static String planVersion(AuditEvent event, AuditWording words) {
        if (event.action() != AuditAction.CREATE) {
            return null;
        }
        String start = words.date(event.value("startDate"));
        String weekly = words.money(event.value("weeklyBudget"));
        long version = AuditWording.number(event.value("version"));
        String end = words.date(event.value("endDate"));
        if (version <= 1) {
            return words.say("audit.say.care_plan_version.first", start, weekly);
        }
        return end.isEmpty() ? words.say("audit.say.care_plan_version.changed", start, weekly, version)
                : words.say("audit.say.care_plan_version.temporary", start, weekly, version, end);
    }

    private static String directPayment(AuditEvent event, AuditWording words) {
        if (event.action() == AuditAction.CREATE) {
            return words.say("audit.say.direct_payment.requested", words.date(event.value("requestedOn")),
                    words.date(event.value("startDate")));
        }
        if (event.after() == null) {
            return null;
        }
        Object method = event.after().get("agreementMethod");
        if ("PAPER".equals(method)) {
            return words.say("audit.say.direct_payment.agreed.paper", words.date(event.after().get("paperSignedOn")));
        }
        if ("ONLINE".equals(method)) {
            return words.say("audit.say.direct_payment.agreed.online");
        }
        Object change = event.after().get("event");
        if ("SUSPENDED".equals(change) || "RESUMED".equals(change) || "ENDED".equals(change) || "WITHDRAWN".equals(change)) {
            return words.say("audit.say.direct_payment." + change, words.date(event.after().get("effectiveOn")),
                    words.quote(event.after().get("reason")));
        }
        if (event.after().get("managedAccountProvider") != null) {
            return words.say("audit.say.direct_payment.managed-account-provider", String.valueOf(event.after().get("managedAccountProvider")));
        }
        if (event.after().get("firstPaymentDate") != null) {
            return words.say("audit.say.direct_payment.first-payment", words.date(event.after().get("firstPaymentDate")));
        }
        return null;
    }
}
