package org.dphub.plans;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.dphub.councils.PaymentFrequency;
import org.dphub.shared.InvalidMoneyException;
import org.dphub.shared.Money;
import org.dphub.web.FormErrors;

/**
 * Reads and checks a plan as typed on the page or sent to the API, the same way for both.
 * Limits: at most 50 outcomes and 50 budget lines; money never negative and at most
 * £1,000,000.00 a line; hours at most 168 a week, to 2 decimal places.
 */
public final class PlanInput {

    public static final int MAX_OUTCOMES = 50;
    public static final int MAX_LINES = 50;
    public static final Money MAX_LINE_AMOUNT = Money.ofPounds(1_000_000);
    public static final BigDecimal MAX_HOURS = BigDecimal.valueOf(168);

    private PlanInput() {
    }

    /** A budget line as typed: amounts in pounds ("13.28") on pages, or pence from the API. */
    public record TypedLine(String description, String kind, String hoursPerWeek, String hourlyRate,
                            String weeklyAmount, String amount, String outcomes, String deliveryMechanism,
                            String isfProviderId) {

        /** A line with no individual service fund provider named (issue 18). */
        public TypedLine(String description, String kind, String hoursPerWeek, String hourlyRate,
                         String weeklyAmount, String amount, String outcomes, String deliveryMechanism) {
            this(description, kind, hoursPerWeek, hourlyRate, weeklyAmount, amount, outcomes, deliveryMechanism, null);
        }

        /** A line with no delivery mechanism given: a direct payment. */
        public TypedLine(String description, String kind, String hoursPerWeek, String hourlyRate,
                         String weeklyAmount, String amount, String outcomes) {
            this(description, kind, hoursPerWeek, hourlyRate, weeklyAmount, amount, outcomes, null);
        }

        boolean isBlank() {
            return blank(description) && blank(hoursPerWeek) && blank(hourlyRate) && blank(weeklyAmount)
                    && blank(amount) && blank(outcomes);
        }
    }

    /**
     * A plan as typed. {@code outcomeTerms}, when given, has one list for each entry of {@code outcomes}
     * (blank outcomes included, so the positions match): the directory term ids it is tagged with.
     */
    public record Typed(LocalDate startDate, LocalDate endDate, boolean temporary, String eligibleNeeds,
                        String howNeedsMet, String paymentFrequency, String weeklyContribution, String contingencyPlan,
                        String changeReason, List<String> outcomes, List<TypedLine> lines, List<List<String>> outcomeTerms,
                        List<TypedArrangement> contingency) {

        /** A plan as typed with no contingency arrangements (issue 18). */
        public Typed(LocalDate startDate, LocalDate endDate, boolean temporary, String eligibleNeeds,
                     String howNeedsMet, String paymentFrequency, String weeklyContribution, String contingencyPlan,
                     String changeReason, List<String> outcomes, List<TypedLine> lines, List<List<String>> outcomeTerms) {
            this(startDate, endDate, temporary, eligibleNeeds, howNeedsMet, paymentFrequency, weeklyContribution,
                    contingencyPlan, changeReason, outcomes, lines, outcomeTerms, null);
        }

        public Typed(LocalDate startDate, LocalDate endDate, boolean temporary, String eligibleNeeds,
                     String howNeedsMet, String paymentFrequency, String weeklyContribution, String contingencyPlan,
                     String changeReason, List<String> outcomes, List<TypedLine> lines) {
            this(startDate, endDate, temporary, eligibleNeeds, howNeedsMet, paymentFrequency, weeklyContribution,
                    contingencyPlan, changeReason, outcomes, lines, null, null);
        }
    }

    /** One contingency arrangement as typed (issue 18): a kind (a {@link ContingencyKind}), a name, how to reach them, notes. */
    public record TypedArrangement(String kind, String name, String contact, String notes) {

        boolean isBlank() {
            return (blank(kind) || "NONE".equalsIgnoreCase(kind.strip())) && blank(name) && blank(contact) && blank(notes);
        }
    }

    /** The most arrangements a contingency plan may have. */
    public static final int MAX_ARRANGEMENTS = 10;

    /** The most directory terms one outcome may be tagged with. */
    public static final int MAX_TERMS_PER_OUTCOME = 20;

    public static NewPlanVersion read(Typed typed, Money defaultHourlyRate, FormErrors errors) {
        return read(typed, defaultHourlyRate, errors, java.util.Set.of());
    }

    /** Reads the plan; outcome tags must be among {@code knownTerms} (the directory's terms). */
    public static NewPlanVersion read(Typed typed, Money defaultHourlyRate, FormErrors errors, java.util.Set<java.util.UUID> knownTerms) {
        if (typed.startDate() == null && !errors.has("startDate")) {
            errors.reject("startDate", "date.error.required", label(errors, "plans.label.startDate"));
        }
        if (typed.temporary()) {
            if (typed.endDate() == null && !errors.has("endDate")) {
                errors.reject("endDate", "plans.error.endDate.required");
            } else if (typed.endDate() != null && typed.startDate() != null && typed.endDate().isBefore(typed.startDate())) {
                errors.reject("endDate", "plans.error.endDate.before-start");
            }
        }
        String needs = errors.text("eligibleNeeds", typed.eligibleNeeds(), 5000, false, "plans.label.eligibleNeeds");
        // a plan written to set up a direct payment meets needs by one unless it says otherwise
        HowNeedsMet how = blank(typed.howNeedsMet()) ? HowNeedsMet.DIRECT_PAYMENT_FULL
                : choice(typed.howNeedsMet(), HowNeedsMet.class, "howNeedsMet", errors);
        PaymentFrequency frequency = choice(typed.paymentFrequency(), PaymentFrequency.class, "paymentFrequency", errors);
        Money contribution = money(typed.weeklyContribution(), "weeklyContribution", errors, true);
        String contingency = errors.text("contingencyPlan", typed.contingencyPlan(), 5000, false, "plans.label.contingencyPlan");
        String reason = errors.text("changeReason", typed.changeReason(), 2000, false, "plans.label.changeReason");

        List<String> outcomes = new ArrayList<>();
        List<List<java.util.UUID>> outcomeTerms = new ArrayList<>();
        List<String> typedOutcomes = typed.outcomes() == null ? List.of() : typed.outcomes();
        if (typedOutcomes.size() > MAX_OUTCOMES) {
            errors.reject("outcomes", "plans.error.outcomes.too-many", MAX_OUTCOMES);
        } else {
            for (int i = 0; i < typedOutcomes.size(); i++) {
                String outcome = typedOutcomes.get(i);
                if (outcome == null || outcome.isBlank()) {
                    continue;
                }
                String text = errors.text("outcomes", outcome, 1000, true, "plans.label.outcome");
                if (text != null) {
                    outcomes.add(text);
                    outcomeTerms.add(terms(typed.outcomeTerms() == null || i >= typed.outcomeTerms().size()
                            ? null : typed.outcomeTerms().get(i), "outcomes[" + i + "].taxonomyTermIds", knownTerms, errors));
                }
            }
            if (outcomes.isEmpty() && !errors.has("outcomes")) {
                errors.reject("outcomes", "plans.error.outcomes.required");
            }
        }

        List<BudgetLine> lines = new ArrayList<>();
        List<TypedLine> typedLines = typed.lines() == null ? List.of() : typed.lines();
        if (typedLines.size() > MAX_LINES) {
            errors.reject("budgetLines", "plans.error.lines.too-many", MAX_LINES);
        } else {
            for (int i = 0; i < typedLines.size(); i++) {
                TypedLine line = typedLines.get(i);
                if (line == null || line.isBlank()) {
                    continue;
                }
                BudgetLine read = readLine(line, "budgetLines[" + i + "]", defaultHourlyRate, outcomes.size(), errors);
                if (read != null) {
                    lines.add(read);
                }
            }
            if (lines.isEmpty() && !errors.has("budgetLines") && typedLines.stream().allMatch(l -> l == null || l.isBlank())) {
                errors.reject("budgetLines", "plans.error.lines.required");
            }
        }
        List<ContingencyArrangement> arrangements = arrangements(typed.contingency(), errors);
        if (!errors.isEmpty()) {
            return null;
        }
        return new NewPlanVersion(typed.startDate(), typed.temporary() ? typed.endDate() : null, needs, how, frequency,
                contribution, contingency, reason, outcomes, lines, outcomeTerms, arrangements);
    }

    /**
     * The contingency arrangements (issue 18), blank rows left out. A back-up PA needs a name; a family
     * member or friend and an agency need a name and how to reach them; finding cover needs neither.
     */
    static List<ContingencyArrangement> arrangements(List<TypedArrangement> typed, FormErrors errors) {
        List<ContingencyArrangement> read = new ArrayList<>();
        if (typed == null) {
            return read;
        }
        if (typed.size() > MAX_ARRANGEMENTS) {
            errors.reject("contingency", "plans.error.contingency.too-many", MAX_ARRANGEMENTS);
            return read;
        }
        for (int i = 0; i < typed.size(); i++) {
            TypedArrangement a = typed.get(i);
            if (a == null || a.isBlank()) {
                continue;
            }
            String field = "contingency[" + i + "]";
            int before = errors.list().size();
            ContingencyKind kind = choice(a.kind(), ContingencyKind.class, field + ".kind", errors);
            boolean needsName = kind != null && kind != ContingencyKind.FIND_COVER;
            boolean needsContact = kind == ContingencyKind.FAMILY_OR_FRIEND || kind == ContingencyKind.AGENCY;
            String name = errors.text(field + ".name", a.name(), 200, false, "plans.label.contingency.name");
            if (needsName && blank(name) && !errors.has(field + ".name")) {
                errors.reject(field + ".name", "plans.error.contingency.name." + kind.name());
            }
            String contact = errors.text(field + ".contact", a.contact(), 200, false, "plans.label.contingency.contact");
            if (needsContact && blank(contact) && !errors.has(field + ".contact")) {
                errors.reject(field + ".contact", "plans.error.contingency.contact." + kind.name());
            }
            String notes = errors.text(field + ".notes", a.notes(), 1000, false, "plans.label.contingency.notes");
            if (errors.list().size() == before) {
                read.add(new ContingencyArrangement(kind, name, contact, notes));
            }
        }
        return read;
    }

    private static List<java.util.UUID> terms(List<String> typed, String field, java.util.Set<java.util.UUID> known, FormErrors errors) {
        List<java.util.UUID> terms = new ArrayList<>();
        if (typed == null) {
            return terms;
        }
        if (typed.size() > MAX_TERMS_PER_OUTCOME) {
            errors.reject(field, "plans.error.outcome-terms.too-many", MAX_TERMS_PER_OUTCOME);
            return terms;
        }
        for (String id : typed) {
            if (blank(id)) {
                continue;
            }
            try {
                java.util.UUID term = java.util.UUID.fromString(id.strip());
                if (!known.contains(term)) {
                    throw new IllegalArgumentException("unknown term");
                }
                if (!terms.contains(term)) {
                    terms.add(term);
                }
            } catch (IllegalArgumentException e) {
                errors.reject(field, "plans.error.outcome-terms.unknown");
                return terms;
            }
        }
        return terms;
    }

    private static BudgetLine readLine(TypedLine line, String field, Money defaultRate, int outcomeCount, FormErrors errors) {
        int before = errors.list().size();
        String description = errors.text(field + ".description", line.description(), 500, true, "plans.label.line.description");
        BudgetLineKind kind = choice(line.kind(), BudgetLineKind.class, field + ".kind", errors);
        BigDecimal hours = null;
        Money rate = null;
        Money weekly = null;
        Money amount = null;
        if (kind == BudgetLineKind.HOURLY) {
            hours = hours(line.hoursPerWeek(), field + ".hoursPerWeek", errors);
            rate = blank(line.hourlyRate()) ? defaultRate : money(line.hourlyRate(), field + ".hourlyRate", errors, false);
        } else if (kind == BudgetLineKind.WEEKLY) {
            weekly = money(line.weeklyAmount(), field + ".weeklyAmount", errors, false);
        } else if (kind == BudgetLineKind.ONE_OFF) {
            amount = money(line.amount(), field + ".amount", errors, false);
        }
        // every line is a direct payment unless the plan says how else it is taken
        DeliveryMechanism mechanism = blank(line.deliveryMechanism()) ? DeliveryMechanism.DIRECT_PAYMENT
                : choice(line.deliveryMechanism(), DeliveryMechanism.class, field + ".deliveryMechanism", errors);
        // issue 18: a line taken as an individual service fund names the directory provider holding it
        java.util.UUID isfProvider = null;
        if (mechanism == DeliveryMechanism.INDIVIDUAL_SERVICE_FUND) {
            if (blank(line.isfProviderId())) {
                errors.reject(field + ".isfProviderId", "plans.error.isfProvider.required");
            } else {
                try {
                    isfProvider = java.util.UUID.fromString(line.isfProviderId().strip());
                } catch (IllegalArgumentException e) {
                    errors.reject(field + ".isfProviderId", "plans.error.isfProvider.unknown");
                }
            }
        }
        List<Integer> serves = new ArrayList<>();
        if (!blank(line.outcomes())) {
            for (String number : line.outcomes().split("[,\\s]+")) {
                if (number.isBlank()) {
                    continue;
                }
                try {
                    int n = Integer.parseInt(number.strip());
                    if (n < 1 || n > outcomeCount) {
                        throw new NumberFormatException();
                    }
                    if (!serves.contains(n)) {
                        serves.add(n);
                    }
                } catch (NumberFormatException e) {
                    errors.reject(field + ".outcomes", "plans.error.line.outcomes", Math.max(outcomeCount, 1));
                    break;
                }
            }
        }
        if (errors.list().size() > before) {
            return null;
        }
        return new BudgetLine(description, kind, hours, rate, weekly, amount, serves, mechanism, isfProvider, null);
    }

    private static BigDecimal hours(String text, String field, FormErrors errors) {
        if (blank(text)) {
            errors.reject(field, "plans.error.hours.required");
            return null;
        }
        if (!text.strip().matches("^\\d+(\\.\\d+)?$") && !text.strip().matches("^-\\d+(\\.\\d+)?$")) {
            errors.reject(field, "plans.error.hours.number");
            return null;
        }
        try {
            BigDecimal hours = new BigDecimal(text.strip());
            if (hours.signum() < 0 || hours.compareTo(MAX_HOURS) > 0) {
                errors.reject(field, "plans.error.hours.range");
                return null;
            }
            if (hours.stripTrailingZeros().scale() > 2) {
                errors.reject(field, "plans.error.hours.decimals");
                return null;
            }
            return hours.setScale(2);
        } catch (NumberFormatException e) {
            errors.reject(field, "plans.error.hours.number");
            return null;
        }
    }

    /** Pounds as typed ("£13.28"), or whole pence when the text starts with "pence:" (from the API). */
    private static Money money(String text, String field, FormErrors errors, boolean zeroIfBlank) {
        if (blank(text) && zeroIfBlank) {
            return Money.ZERO;
        }
        try {
            Money money = text != null && text.startsWith("pence:")
                    ? Money.ofPence(Long.parseLong(text.substring(6)))
                    : Money.parse(text);
            if (money.isNegative()) {
                errors.reject(field, "money.error.negative");
                return null;
            }
            if (money.isGreaterThan(MAX_LINE_AMOUNT)) {
                errors.reject(field, "plans.error.money.too-large");
                return null;
            }
            return money;
        } catch (InvalidMoneyException e) {
            // the line limit, not Money's general one, is the limit that matters here
            errors.reject(field, e.reason() == InvalidMoneyException.Reason.TOO_LARGE ? "plans.error.money.too-large" : e.messageKey());
            return null;
        } catch (NumberFormatException e) {
            errors.reject(field, "money.error.not-a-number");
            return null;
        }
    }

    private static <E extends Enum<E>> E choice(String text, Class<E> type, String field, FormErrors errors) {
        try {
            return Enum.valueOf(type, text == null ? "" : text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            errors.reject(field, "plans.error.choose." + type.getSimpleName());
            return null;
        }
    }

    private static String label(FormErrors errors, String key) {
        return errors.messages().getMessage(key, null, key, errors.locale());
    }

    static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}
