package org.dphub.payments.internal;

import java.util.Collection;
import java.util.Optional;
import java.util.Set;
import org.dphub.audit.AuditAction;
import org.dphub.audit.AuditDescriptions;
import org.dphub.audit.AuditEvent;
import org.dphub.audit.AuditWording;
import org.springframework.stereotype.Component;

/** Accounts, regular payments, the ledger, bank details, surplus taken back and payment runs, in the audit trail's words. */
@Component
class PaymentAuditDescriptions implements AuditDescriptions {

    static final String ACCOUNT = "dp_account";
    static final String SCHEDULE = "payment_schedule";
    static final String LEDGER = "ledger_transaction";
    static final String BANK_DETAILS = "bank_details";
    static final String RECOVERY = "surplus_recovery";
    static final String RUN = "payment_run";
    /** Lines of imported statements posted to (or matched in) the ledger: a council's import, nobody's record. */
    static final String STATEMENT_LINES = "ledger_statement_lines";
    /** Spending from an account to a provider, and money back from it (issue 15). */
    static final String PROVIDER_CHARGE = "provider_charge";
    static final String PROVIDER_REFUND = "provider_refund";
    /** Spending a provider reports from an individual service fund it holds (issue 18). */
    static final String ISF_SPENDING = "isf_spending";
    static final Set<String> TYPES = Set.of(ACCOUNT, SCHEDULE, LEDGER, BANK_DETAILS, RECOVERY, RUN, STATEMENT_LINES,
            PROVIDER_CHARGE, PROVIDER_REFUND, ISF_SPENDING);

    @Override
    public Set<String> entityTypes() {
        return TYPES;
    }

    @Override
    public Optional<String> describe(AuditEvent event, AuditWording words) {
        return Optional.ofNullable(switch (event.entityType()) {
            case ACCOUNT -> account(event, words);
            case SCHEDULE -> words.say("audit.say.payment_schedule.changed", words.money(event.valueBefore("regularPayment")),
                    words.money(event.value("regularPayment")), words.date(event.value("from")));
            case LEDGER -> ledger(event, words);
            case BANK_DETAILS -> bankDetails(event, words);
            case RECOVERY -> words.say("audit.say.surplus_recovery.recovered", words.money(event.value("amount")),
                    words.money(event.value("surplus")));
            case RUN -> run(event, words);
            case PROVIDER_CHARGE -> words.say("audit.say.provider_charge.charged", words.money(event.value("amount")),
                    words.quote(event.value("organization")), words.date(event.value("on")));
            case PROVIDER_REFUND -> words.say("audit.say.provider_refund.refunded", words.money(event.value("amount")),
                    words.quote(event.value("organization")), words.date(event.value("on")));
            case ISF_SPENDING -> words.say("audit.say.isf_spending.recorded", words.money(event.value("amount")),
                    words.quote(event.value("provider")), words.date(event.value("spentOn")), words.quote(event.value("description")));
            case STATEMENT_LINES -> words.say("audit.say.ledger_statement_lines.posted", AuditWording.number(event.value("lines")),
                    AuditWording.number(event.value("spending")), words.money(event.value("spent")),
                    AuditWording.number(event.value("moneyIn")), words.money(event.value("paidIn")),
                    AuditWording.number(event.value("matchedToCouncilPayments")) + AuditWording.number(event.value("matchedToPayroll"))
                            + AuditWording.number(event.value("matchedToRecoveries")));
            default -> null;
        });
    }

    private static String account(AuditEvent event, AuditWording words) {
        if (event.action() == AuditAction.CREATE) {
            String type = words.lowerWord("dp.accountType.", event.value("type"));
            if (event.value("oneOffPaymentId") != null) {
                return words.say("audit.say.dp_account.opened.one-off", type);
            }
            return words.say("audit.say.dp_account.opened", type, words.money(event.value("regularPayment")),
                    words.lowerWord("settings.paymentFrequency.", event.value("paymentFrequency")),
                    words.date(event.value("firstPaymentDate")));
        }
        Object status = event.after() == null ? null : event.after().get("status");
        if ("SUSPENDED".equals(status) || "OPEN".equals(status) || "CLOSED".equals(status)) {
            return words.say("audit.say.dp_account." + status, words.date(event.value("from")));
        }
        return null;
    }

    /** The amount is the account's leg ("ACCOUNT:56 -£300.39"), without its sign: the sentence says which way it went. */
    private static String ledger(AuditEvent event, AuditWording words) {
        Object kind = event.value("kind");
        if (!(kind instanceof String k) || !Set.of("FUNDING", "SPENDING", "RECOVERY", "CORRECTION").contains(k)) {
            return null;
        }
        String amount = "";
        if (event.value("legs") instanceof Collection<?> legs) {
            for (Object leg : legs) {
                String text = String.valueOf(leg);
                if (text.startsWith("ACCOUNT") && text.contains(" ")) {
                    amount = text.substring(text.lastIndexOf(' ') + 1).replace("-", "");
                    break;
                }
            }
        }
        return words.say("audit.say.ledger_transaction." + k, amount, words.date(event.value("postedOn")),
                words.quote(event.value("description")));
    }

    private static String bankDetails(AuditEvent event, AuditWording words) {
        Object name = event.value("accountName");
        Object ending = event.value("accountNumberEnding");
        if (event.value("provider") != null) {
            return words.say("audit.say.bank_details.provider", name, ending, words.quote(event.value("provider")));
        }
        if (!words.hasPerson()) {
            return words.say("audit.say.bank_details.council", name, ending);
        }
        return words.say(event.before() == null ? "audit.say.bank_details.added" : "audit.say.bank_details.changed", name, ending);
    }

    private static String run(AuditEvent event, AuditWording words) {
        if (event.action() == AuditAction.CREATE) {
            return words.say("audit.say.payment_run.started", words.date(event.value("paymentDate")));
        }
        Object status = event.after() == null ? null : event.after().get("status");
        if ("RUNNING".equals(status)) {
            return words.say("audit.say.payment_run.restarted");
        }
        if ("APPROVED".equals(status)) {
            return words.say("audit.say.payment_run.approved", AuditWording.number(event.value("paymentsPosted")),
                    words.money(event.value("total")));
        }
        return null;
    }
}
