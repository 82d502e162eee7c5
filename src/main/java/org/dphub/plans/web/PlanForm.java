package org.dphub.plans.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.dphub.councils.CouncilSettings;
import org.dphub.plans.BudgetLine;
import org.dphub.plans.PlanInput;
import org.dphub.plans.PlanVersion;
import org.dphub.shared.Money;
import org.dphub.web.FormErrors;
import org.springframework.util.MultiValueMap;

/**
 * The care and support plan form as typed: one page, no JavaScript. Outcomes are one a line;
 * budget lines are rows named {@code budgetLines[0].hoursPerWeek}, the same ids
 * {@link PlanInput} gives its errors, so the error summary links land on the field.
 */
record PlanForm(String startDateDay, String startDateMonth, String startDateYear, String endDateDay, String endDateMonth,
                String endDateYear, boolean temporary, String eligibleNeeds, String outcomes, String howNeedsMet,
                String paymentFrequency, String weeklyContribution, String contingencyPlan, String changeReason,
                List<LineForm> budgetLines, List<List<String>> outcomeTerms, List<ArrangementForm> contingency) {

    /** The directory terms ticked for each outcome line (blank lines left out), as ids. */
    PlanForm {
        outcomeTerms = outcomeTerms == null ? List.of() : outcomeTerms;
        contingency = contingency == null ? List.of() : contingency;
    }

    /** One contingency arrangement as typed (issue 18): rows named {@code contingency[0].kind} and so on. */
    record ArrangementForm(String kind, String name, String contact, String notes) {

        static ArrangementForm blank() {
            return new ArrangementForm("NONE", "", "", "");
        }

        static ArrangementForm of(org.dphub.plans.ContingencyArrangement a) {
            return new ArrangementForm(a.kind().name(), a.name(), a.contact(), a.notes());
        }

        PlanInput.TypedArrangement typed() {
            return new PlanInput.TypedArrangement(kind, name, contact, notes);
        }
    }

    /** Contingency rows shown: every row typed and one blank, at least two. */
    List<ArrangementForm> contingencyRows() {
        List<ArrangementForm> rows = new ArrayList<>(contingency);
        rows.add(ArrangementForm.blank());
        while (rows.size() < 2) {
            rows.add(ArrangementForm.blank());
        }
        return rows.subList(0, Math.min(rows.size(), PlanInput.MAX_ARRANGEMENTS));
    }

    /** One outcome's tags as the form shows them: its number, its words (or none yet), the ids ticked. */
    record OutcomeGroup(int number, String text, List<String> selected) {

        public String field() {
            return "outcomes[" + (number - 1) + "].taxonomyTermIds";
        }

        public boolean open() {
            return !selected.isEmpty();
        }
    }

    /** Groups shown when no outcomes are typed yet, so a new plan can be tagged as it is written. */
    static final int BLANK_GROUPS = 3;

    /** Rows shown at least: blank rows are ignored. */
    static final int ROWS = 6;
    /** More rows than a plan may have are never read, so a huge post cannot make a huge list. */
    static final int MOST_ROWS_READ = PlanInput.MAX_LINES + 1;

    record LineForm(String description, String kind, String hoursPerWeek, String hourlyRate, String weeklyAmount,
                    String amount, String outcomes, String deliveryMechanism, String isfProviderId) {

        static LineForm blank() {
            return new LineForm("", "", "", "", "", "", "", "", "");
        }

        /** The mechanism to show ticked: a direct payment unless another was chosen. */
        public String mechanismShown() {
            return deliveryMechanism == null || deliveryMechanism.isBlank()
                    ? org.dphub.plans.DeliveryMechanism.DIRECT_PAYMENT.name() : deliveryMechanism;
        }

        static LineForm of(BudgetLine line) {
            return new LineForm(line.description(), line.kind().name(), PlanView.hours(line.hoursPerWeek()),
                    plain(line.hourlyRate()), plain(line.weeklyAmount()), plain(line.amount()),
                    String.join(", ", line.outcomes().stream().map(String::valueOf).toList()),
                    line.deliveryMechanism().name(), line.isfProviderId() == null ? "" : line.isfProviderId().toString());
        }

        PlanInput.TypedLine typed() {
            return new PlanInput.TypedLine(description, kind, hoursPerWeek, hourlyRate, weeklyAmount, amount, outcomes,
                    deliveryMechanism, isfProviderId);
        }
    }

    /** A new plan: the council's payment frequency, no contribution. */
    static PlanForm blank(CouncilSettings settings) {
        return new PlanForm("", "", "", "", "", "", false, "", "", "", settings.paymentFrequency().name(), "0", "", "",
                List.of(), List.of(), List.of());
    }

    /** A change, prefilled from the latest version, starting on {@code startDate}. */
    static PlanForm changing(PlanVersion latest, LocalDate startDate, boolean temporary) {
        return new PlanForm(Integer.toString(startDate.getDayOfMonth()), Integer.toString(startDate.getMonthValue()),
                Integer.toString(startDate.getYear()), "", "", "", temporary, latest.eligibleNeeds(),
                String.join("\n", latest.outcomes()), latest.howNeedsMet().name(), latest.paymentFrequency().name(),
                latest.weeklyContribution().toPlainString(), latest.contingencyPlan(), "",
                latest.budgetLines().stream().map(LineForm::of).toList(),
                latest.outcomeTerms().stream().map(terms -> terms.stream().map(Object::toString).toList()).toList(),
                latest.contingency().stream().map(ArrangementForm::of).toList());
    }

    static PlanForm from(MultiValueMap<String, String> p, boolean temporary) {
        List<LineForm> lines = new ArrayList<>();
        for (int i = 0; i < MOST_ROWS_READ; i++) {
            String row = "budgetLines[" + i + "].";
            if (p.keySet().stream().noneMatch(k -> k.startsWith(row))) {
                break;
            }
            lines.add(new LineForm(value(p, row + "description"), value(p, row + "kind"), value(p, row + "hoursPerWeek"),
                    value(p, row + "hourlyRate"), value(p, row + "weeklyAmount"), value(p, row + "amount"),
                    value(p, row + "outcomes"), value(p, row + "deliveryMechanism"), value(p, row + "isfProviderId")));
        }
        List<List<String>> terms = new ArrayList<>();
        for (int i = 0; i < PlanInput.MAX_OUTCOMES; i++) {
            List<String> ticked = p.get("outcomes[" + i + "].taxonomyTermIds");
            terms.add(ticked == null ? List.of() : ticked.stream().limit(PlanInput.MAX_TERMS_PER_OUTCOME + 1L).toList());
        }
        List<ArrangementForm> arrangements = new ArrayList<>();
        for (int i = 0; i < PlanInput.MAX_ARRANGEMENTS + 1; i++) {
            String row = "contingency[" + i + "].";
            if (p.keySet().stream().noneMatch(k -> k.startsWith(row))) {
                break;
            }
            arrangements.add(new ArrangementForm(value(p, row + "kind"), value(p, row + "name"), value(p, row + "contact"),
                    value(p, row + "notes")));
        }
        return new PlanForm(value(p, "startDate-day"), value(p, "startDate-month"), value(p, "startDate-year"),
                value(p, "endDate-day"), value(p, "endDate-month"), value(p, "endDate-year"), temporary,
                value(p, "eligibleNeeds"), value(p, "outcomes"), value(p, "howNeedsMet"), value(p, "paymentFrequency"),
                value(p, "weeklyContribution"), value(p, "contingencyPlan"), value(p, "changeReason"), lines, terms,
                arrangements.stream().filter(a -> !a.typed().equals(ArrangementForm.blank().typed())
                        && !(a.kind().isBlank() && a.name().isBlank() && a.contact().isBlank() && a.notes().isBlank())).toList());
    }

    /** A group of tags for each outcome line typed, or a few numbered ones before any are typed. */
    public List<OutcomeGroup> outcomeGroups() {
        List<String> lines = outcomes == null ? List.of() : outcomes.lines().filter(line -> !line.isBlank()).toList();
        List<OutcomeGroup> groups = new ArrayList<>();
        int count = lines.isEmpty() ? BLANK_GROUPS : Math.min(lines.size(), PlanInput.MAX_OUTCOMES);
        for (int i = 0; i < count; i++) {
            groups.add(new OutcomeGroup(i + 1, i < lines.size() ? lines.get(i).strip() : "",
                    i < outcomeTerms.size() ? outcomeTerms.get(i) : List.of()));
        }
        return groups;
    }

    /** The rows to show: every row typed, and blank ones up to {@link #ROWS}. */
    List<LineForm> rows() {
        List<LineForm> rows = new ArrayList<>(budgetLines);
        while (rows.size() < ROWS) {
            rows.add(LineForm.blank());
        }
        return rows;
    }

    /** Reads the dates (noting problems) and splits the outcomes, one a line, blank lines left out. */
    PlanInput.Typed typed(FormErrors errors) {
        LocalDate start = errors.date("startDate", startDateDay, startDateMonth, startDateYear, "plans.label.startDate");
        LocalDate end = temporary
                ? errors.date("endDate", endDateDay, endDateMonth, endDateYear, "plans.label.endDate")
                : null;
        List<String> outcomeLines = outcomes == null ? List.of()
                : outcomes.lines().filter(line -> !line.isBlank()).toList();
        return new PlanInput.Typed(start, end, temporary, eligibleNeeds, howNeedsMet, paymentFrequency, weeklyContribution,
                contingencyPlan, changeReason, outcomeLines, budgetLines.stream().map(LineForm::typed).toList(), outcomeTerms,
                contingency.stream().map(ArrangementForm::typed).toList());
    }

    private static String plain(Money money) {
        return money == null ? "" : money.toPlainString();
    }

    private static String value(MultiValueMap<String, String> params, String name) {
        String value = params.getFirst(name);
        return value == null ? "" : value;
    }
}
