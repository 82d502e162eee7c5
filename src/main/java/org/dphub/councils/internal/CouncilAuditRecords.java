package org.dphub.councils.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.dphub.audit.AuditAction;
import org.dphub.audit.AuditDescriptions;
import org.dphub.audit.AuditEvent;
import org.dphub.audit.AuditWording;
import org.springframework.stereotype.Component;

/** Councils and their settings, in the audit trail's words: which settings changed, from what to what. */
@Component
class CouncilAuditRecords implements AuditDescriptions {

    static final String COUNCIL = "council";
    static final String SETTINGS = "council_settings";
    static final String SINGLE_SIGN_ON = "council_single_sign_on";

    /** How each setting's value is said: an amount, a choice, a count of weeks, months or days, yes or no. */
    private static final Map<String, String> SETTING_VALUES = Map.ofEntries(
            Map.entry("selfApprovalLimit", "money"),
            Map.entry("receiptsThreshold", "money"),
            Map.entry("paHourlyRate", "money"),
            Map.entry("agencyHourlyRate", "money"),
            Map.entry("returnPeriod", "settings.returnPeriod."),
            Map.entry("paymentFrequency", "settings.paymentFrequency."),
            Map.entry("contributionBasis", "audit.contributionBasis."),
            Map.entry("surplusWeeks", "settings.weeks"),
            Map.entry("firstReviewMonths", "settings.months"),
            Map.entry("reviewIntervalMonths", "settings.months"),
            Map.entry("targetDaysToMoney", "settings.days"),
            Map.entry("welshLanguage", "yes-no"),
            Map.entry("oneOffMaximum", "money"),
            Map.entry("contactPhone", "as-typed"),
            Map.entry("contactEmail", "as-typed"),
            Map.entry("cldLaCode", "as-typed"));

    @Override
    public Set<String> entityTypes() {
        return Set.of(COUNCIL, SETTINGS, SINGLE_SIGN_ON);
    }

    @Override
    public Optional<String> describe(AuditEvent event, AuditWording words) {
        if (COUNCIL.equals(event.entityType()) && event.action() == AuditAction.CREATE) {
            Object name = "cy".equals(words.locale().getLanguage()) && event.value("nameCy") != null
                    ? event.value("nameCy") : event.value("name");
            return Optional.of(words.say("audit.say.council.created", name));
        }
        if (SINGLE_SIGN_ON.equals(event.entityType())) {
            // issue 17: who set up, changed or turned off staff sign-in with the council's provider
            return Optional.of(switch (event.action()) {
                case CREATE -> words.say("audit.say.council_single_sign_on.created", event.value("issuer"));
                // passwords turned off or on for staff is said as such: it changes how everyone signs in
                case UPDATE -> !java.util.Objects.equals(event.valueBefore("staffMustUseCouncilAccount"), event.value("staffMustUseCouncilAccount"))
                        ? words.say(Boolean.TRUE.equals(event.value("staffMustUseCouncilAccount"))
                                ? "audit.say.council_single_sign_on.staff-passwords-off"
                                : "audit.say.council_single_sign_on.staff-passwords-on", event.value("issuer"))
                        : words.say("audit.say.council_single_sign_on.changed", event.value("issuer"));
                case DELETE -> words.say("audit.say.council_single_sign_on.removed");
            });
        }
        if (SETTINGS.equals(event.entityType())) {
            if (event.action() == AuditAction.CREATE) {
                return Optional.of(words.say("audit.say.council_settings.created"));
            }
            List<String> changes = new ArrayList<>();
            boolean others = false;
            for (String field : event.changedFields()) {
                String how = SETTING_VALUES.get(field);
                if (how == null) {
                    others = true;
                    continue;
                }
                Object after = event.after() == null ? null : event.after().get(field);
                changes.add(words.text("audit.setting.change", words.text("audit.setting." + field),
                        value(how, event.valueBefore(field), words), value(how, after, words)));
            }
            if (others) {
                changes.add(words.text("audit.setting.other"));
            }
            return Optional.of(words.say("audit.say.council_settings.changed", String.join("; ", changes)));
        }
        return Optional.empty();
    }

    private static String value(String how, Object value, AuditWording words) {
        if (value == null) {
            return words.text("audit.nothing");
        }
        return switch (how) {
            case "money" -> words.money(value);
            case "yes-no" -> words.text(Objects.equals(value, Boolean.TRUE) ? "audit.yes" : "audit.no");
            case "settings.weeks", "settings.months", "settings.days" -> words.text(how, AuditWording.number(value));
            case "as-typed" -> String.valueOf(value);
            default -> words.lowerWord(how, value);
        };
    }
}
