package org.dphub.monitoring.internal;

import java.util.Optional;
import java.util.Set;
import org.dphub.audit.AuditAction;
import org.dphub.audit.AuditDescriptions;
import org.dphub.audit.AuditEvent;
import org.dphub.audit.AuditWording;
import org.springframework.stereotype.Component;

/** Questions, returns, receipts, statements and checks, in the audit trail's words (letters describe their own). */
@Component
class MonitoringAuditDescriptions implements AuditDescriptions {

    static final String QUESTION = "monitoring_question";
    static final String ANSWER = "monitoring_answer";
    static final String TRANSACTION = "account_transaction";
    static final String RETURN = "financial_return";
    static final String RECEIPT = "return_receipt";
    static final String IMPORT = "transaction_import";
    static final String MAPPING = "csv_mapping";
    static final String CHECK = "monitoring_check";
    static final String CONCERN = "monitoring_concern";
    static final Set<String> TYPES = Set.of(QUESTION, ANSWER, TRANSACTION, RETURN, RECEIPT, IMPORT, MAPPING, CHECK, CONCERN);

    @Override
    public Set<String> entityTypes() {
        return TYPES;
    }

    @Override
    public Optional<String> describe(AuditEvent event, AuditWording words) {
        return Optional.ofNullable(switch (event.entityType()) {
            case QUESTION -> words.say("audit.say.monitoring_question.asked");
            case ANSWER -> words.say("audit.say.monitoring_answer.answered");
            case TRANSACTION -> words.say("audit.say.account_transaction.explained");
            case RETURN -> financialReturn(event, words);
            case RECEIPT -> words.say("audit.say.return_receipt.added");
            case IMPORT -> words.say(words.hasPerson() ? "audit.say.transaction_import.account" : "audit.say.transaction_import.many",
                    AuditWording.number(event.value("imported")), AuditWording.number(event.value("duplicates")));
            case MAPPING -> words.say("audit.say.csv_mapping.saved", words.quote(event.entityId()));
            case CHECK -> words.say("audit.say.monitoring_check.done", words.lowerWord("checks.outcome.", event.value("outcome")));
            case CONCERN -> words.say("audit.say.monitoring_concern.raised");
            default -> null;
        });
    }

    private static String financialReturn(AuditEvent event, AuditWording words) {
        if (event.action() == AuditAction.CREATE) {
            return words.say("audit.say.financial_return.requested", AuditWording.number(event.value("returns")),
                    words.date(event.value("periodStart")), words.date(event.value("periodEnd")));
        }
        if (event.after() == null) {
            return null;
        }
        if (Boolean.TRUE.equals(event.after().get("receiptsRequested"))) {
            return words.say("audit.say.financial_return.receipts");
        }
        if ("CONFIRMED".equals(event.after().get("status"))) {
            return words.say("audit.say.financial_return.confirmed");
        }
        if (event.after().get("dueOn") != null) {
            return words.say("audit.say.financial_return.due", words.date(event.after().get("dueOn")));
        }
        return null;
    }
}
