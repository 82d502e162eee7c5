package org.dphub.employment.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.dphub.audit.AuditAction;
import org.dphub.audit.AuditDescriptions;
import org.dphub.audit.AuditEvent;
import org.dphub.audit.AuditWording;
import org.springframework.stereotype.Component;

/** Employing PAs: employments, their terms, timesheets and payroll, in the audit trail's words. */
@Component
class EmploymentAuditDescriptions implements AuditDescriptions {

    static final String EMPLOYMENT = "pa_employment";
    static final String TERMS = "pa_employment_terms";
    static final String TIMESHEET = "timesheet";
    static final String PAYROLL = "payroll_run";
    static final Set<String> TYPES = Set.of(EMPLOYMENT, TERMS, TIMESHEET, PAYROLL);

    private final EmployeeNames names;

    EmploymentAuditDescriptions(EmployeeNames names) {
        this.names = names;
    }

    @Override
    public Set<String> entityTypes() {
        return TYPES;
    }

    @Override
    public Optional<String> describe(AuditEvent event, AuditWording words) {
        return Optional.ofNullable(switch (event.entityType()) {
            case EMPLOYMENT -> event.action() == AuditAction.CREATE ? words.say("audit.say.pa_employment.started",
                    event.value("paName"), words.date(event.value("startedOn")), words.money(event.value("hourlyRate"))) : null;
            case TERMS -> terms(event, words);
            case TIMESHEET -> timesheet(event, words);
            case PAYROLL -> payroll(event, words);
            default -> null;
        });
    }

    private String terms(AuditEvent event, AuditWording words) {
        String pa = words.nameOr(names.ofEmployment(AuditWording.number(event.entityId())), "audit.a-pa");
        boolean insurance = !Objects.equals(event.valueBefore("elPolicyNumber"), event.value("elPolicyNumber"))
                || !Objects.equals(event.valueBefore("elExpiresOn"), event.value("elExpiresOn"));
        boolean rate = !Objects.equals(event.valueBefore("hourlyRate"), event.value("hourlyRate"));
        if (insurance && !rate) {
            return words.say("audit.say.pa_employment_terms.insurance", pa, words.date(event.value("elExpiresOn")));
        }
        if (rate) {
            return words.say("audit.say.pa_employment_terms.rate", pa, words.date(event.value("effectiveFrom")),
                    words.money(event.valueBefore("hourlyRate")), words.money(event.value("hourlyRate")));
        }
        return words.say("audit.say.pa_employment_terms.changed", pa, words.date(event.value("effectiveFrom")));
    }

    private String timesheet(AuditEvent event, AuditWording words) {
        if (event.action() == AuditAction.CREATE) {
            BigDecimal hours = BigDecimal.valueOf(AuditWording.number(event.value("minutes")))
                    .divide(BigDecimal.valueOf(60), 2, RoundingMode.HALF_UP).stripTrailingZeros();
            return words.say("audit.say.timesheet.sent", AuditWording.number(event.value("days")), hours.toPlainString());
        }
        Object decision = event.value("decision");
        if ("APPROVED".equals(decision) || "QUERIED".equals(decision)) {
            String pa = words.nameOr(names.ofTimesheet(AuditWording.number(event.entityId())), "audit.a-pa");
            return words.say("audit.say.timesheet." + decision, pa);
        }
        return null;
    }

    private static String payroll(AuditEvent event, AuditWording words) {
        if (event.action() == AuditAction.CREATE) {
            return words.say("audit.say.payroll_run.worked-out", AuditWording.number(event.value("period")), event.value("taxYear"));
        }
        if (event.value("approvedBy") != null) {
            return words.say("audit.say.payroll_run.approved", words.money(AuditWording.number(event.value("netPence"))),
                    words.money(AuditWording.number(event.value("hmrcPence"))),
                    words.money(AuditWording.number(event.value("pensionPence"))));
        }
        return null;
    }
}
