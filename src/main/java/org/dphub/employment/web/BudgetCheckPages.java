package org.dphub.employment.web;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.dphub.employment.BudgetCheck;
import org.dphub.employment.Employments;
import org.dphub.employment.PayrollRuns;
import org.dphub.people.Citizen;
import org.dphub.people.Citizens;
import org.dphub.shared.InvalidMoneyException;
import org.dphub.shared.Money;
import org.dphub.shared.SignedInUser;
import org.dphub.web.FormErrors;
import org.dphub.web.NotFound;
import org.dphub.web.RuleRefusal;
import org.springframework.context.MessageSource;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * "Can my budget afford 20 hours a week at £13.50?" before the employer commits: the full cost
 * of a PA (wages, holiday pay, employer's National Insurance after the Employment Allowance,
 * pension) against the plan's budget for paid support. A GET form, so the answer works without
 * JavaScript and can be bookmarked; it saves nothing. The employer's side only: the person,
 * someone acting for them, or the council's DP team or a practitioner (as the API allows).
 */
@Controller
class BudgetCheckPages {

    static final BigDecimal MOST_HOURS = BigDecimal.valueOf(100);
    static final BigDecimal FEWEST_HOURS = new BigDecimal("0.5");
    static final Money HIGHEST_RATE = Money.ofPounds(1000);

    private final PayrollRuns runs;
    private final Employments employments;
    private final Citizens citizens;
    private final MessageSource messages;

    BudgetCheckPages(PayrollRuns runs, Employments employments, Citizens citizens, MessageSource messages) {
        this.runs = runs;
        this.employments = employments;
        this.citizens = citizens;
        this.messages = messages;
    }

    /** One line of the table: what it is, a week and a year. */
    record Line(String label, Money weekly, Money yearly, boolean total) {
    }

    /** A bar of the chart: what it is, its value, and the longest bar's value (the meter's max). */
    record Bar(String label, long pence, long max) {
        public Money money() {
            return Money.ofPence(pence);
        }
    }

    @GetMapping("/my-employees/budget-check")
    String check(SignedInUser user, @RequestParam long citizen, @RequestParam(required = false) String hours,
                 @RequestParam(required = false) String rate, @RequestParam(required = false) String age, Model model, Locale locale) {
        Citizen person = citizens.find(user, citizen).orElseThrow(NotFound::new);
        if (!employments.isEmployerSideOf(user, citizen)) {
            throw new AccessDeniedException("Only the employer's side checks what a PA would cost");
        }
        FormErrors errors = new FormErrors(messages, locale);
        model.addAttribute("person", person);
        // staff come from the person's page; the employer from "Your PAs"
        model.addAttribute("back", user.isStaff() ? "/citizens/" + citizen : "/my-employees");
        model.addAttribute("form", Map.of("hours", hours == null ? "" : hours, "rate", rate == null ? "" : rate, "age", age == null ? "" : age));
        model.addAttribute("errors", errors);
        if (hours == null && rate == null && age == null) {
            return "employment/budget-check";
        }
        BigDecimal hoursPerWeek = hours(errors, hours);
        Money hourlyRate = rate(errors, rate);
        Integer years = age(errors, age);
        if (!errors.isEmpty()) {
            return "employment/budget-check";
        }
        BudgetCheck.Result result;
        try {
            result = runs.budgetCheck(user, citizen, hoursPerWeek, hourlyRate.pence(), years);
        } catch (RuleRefusal noPlan) {
            model.addAttribute("noPlan", true);
            return "employment/budget-check";
        }
        if (result.belowMinimumWage()) {
            // costing a rate the law does not allow would only mislead: say what the least is, and nothing else
            errors.reject("rate", "budget.error.minimum-wage", Money.ofPence(result.minimumWagePence()).formatWithPence());
            return "employment/budget-check";
        }
        model.addAttribute("result", result);
        model.addAttribute("lines", lines(result, locale));
        long longest = Math.max(result.annualCostPence(), result.annualBudgetPence());
        model.addAttribute("bars", List.of(
                new Bar(messages.getMessage("budget.chart.cost", null, locale), result.annualCostPence(), longest),
                new Bar(messages.getMessage("budget.chart.budget", null, locale), result.annualBudgetPence(), longest)));
        model.addAttribute("difference", Money.ofPence(Math.abs(result.differencePence())));
        model.addAttribute("allowanceLeftAfter",
                Money.ofPence(result.employmentAllowanceLeftPence() - result.employmentAllowancePence()));
        return "employment/budget-check";
    }

    private List<Line> lines(BudgetCheck.Result r, Locale locale) {
        long weeklyDifference = BigDecimal.valueOf(Math.abs(r.differencePence())).divide(BigDecimal.valueOf(52), 0, RoundingMode.HALF_UP)
                .longValueExact();
        String wages = messages.getMessage("budget.line.wages", new Object[] {hoursText(r.hoursPerWeek()),
                Money.ofPence(r.hourlyRatePence()).formatWithPence()}, locale);
        return List.of(
                new Line(wages, Money.ofPence(r.weeklyWagesPence()), Money.ofPence(r.weeklyWagesPence() * 52), false),
                new Line(msg("budget.line.holiday", locale), Money.ofPence(r.weeklyHolidayPence()), Money.ofPence(r.weeklyHolidayPence() * 52), false),
                new Line(msg("budget.line.ni", locale), Money.ofPence(r.weeklyEmployerNiAfterAllowancePence()),
                        Money.ofPence(r.annualEmployerNiAfterAllowancePence()), false),
                new Line(msg("budget.line.pension", locale), Money.ofPence(r.weeklyEmployerPensionPence()),
                        Money.ofPence(r.weeklyEmployerPensionPence() * 52), false),
                new Line(msg("budget.line.total", locale), Money.ofPence(r.weeklyCostPence()), Money.ofPence(r.annualCostPence()), true),
                new Line(msg(r.budgetFromHourlyLines() ? "budget.line.budget" : "budget.line.budget-weekly", locale),
                        Money.ofPence(r.weeklyBudgetPence()), Money.ofPence(r.annualBudgetPence()), true),
                new Line(msg(r.fits() ? "budget.line.spare" : "budget.line.short", locale), Money.ofPence(weeklyDifference),
                        Money.ofPence(Math.abs(r.differencePence())), true));
    }

    private String msg(String key, Locale locale) {
        return messages.getMessage(key, null, locale);
    }

    static String hoursText(BigDecimal hours) {
        return hours.stripTrailingZeros().toPlainString();
    }

    /** Hours a week, like 20 or 7.5: from half an hour to 100 (as the API and a PA's contracted hours). */
    static BigDecimal hours(FormErrors errors, String text) {
        String t = text == null ? "" : text.strip();
        if (t.isEmpty()) {
            errors.reject("hours", "budget.error.hours.required");
            return null;
        }
        if (!t.matches("\\d{1,3}(\\.\\d{1,2})?")) {
            errors.reject("hours", "budget.error.hours");
            return null;
        }
        BigDecimal hours = new BigDecimal(t);
        if (hours.compareTo(FEWEST_HOURS) < 0 || hours.compareTo(MOST_HOURS) > 0) {
            errors.reject("hours", "budget.error.hours");
            return null;
        }
        return hours;
    }

    /** The hourly rate in pounds, like 13.50: more than nothing, £1,000 at most. */
    static Money rate(FormErrors errors, String text) {
        if (text == null || text.isBlank()) {
            errors.reject("rate", "budget.error.rate.required");
            return null;
        }
        try {
            Money rate = Money.parsePositive(text);
            if (rate.isGreaterThan(HIGHEST_RATE)) {
                errors.reject("rate", "budget.error.rate");
                return null;
            }
            return rate;
        } catch (InvalidMoneyException e) {
            errors.reject("rate", "budget.error.rate");
            return null;
        }
    }

    /** The PA's age, or blank for 21 or over. */
    static Integer age(FormErrors errors, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String t = text.strip();
        if (!t.matches("\\d{1,3}") || Integer.parseInt(t) < 16 || Integer.parseInt(t) > 100) {
            errors.reject("age", "budget.error.age");
            return null;
        }
        return Integer.parseInt(t);
    }
}
