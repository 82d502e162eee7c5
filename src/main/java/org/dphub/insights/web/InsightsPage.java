package org.dphub.insights.web;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Locale;
import org.dphub.insights.Insights;
import org.dphub.insights.InsightsReport;
import org.dphub.insights.Period;
import org.dphub.insights.PeriodInput;
import org.dphub.shared.SignedInUser;
import org.dphub.web.FormErrors;
import org.dphub.web.NotFound;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The insights page for council staff: the period (a GET form, so the address can be shared and
 * bookmarked), then a section a figure with its sentence, chart, table and CSV. The period is
 * read from GOV.UK date inputs ({@code from-day}, …) or from {@code from}/{@code to} as YYYY-MM-DD.
 */
@Controller
@PreAuthorize("hasRole('STAFF')")
class InsightsPage {

    /** The period as typed in the date inputs, to show again. */
    record PeriodForm(String fromDay, String fromMonth, String fromYear, String toDay, String toMonth, String toYear) {

        static PeriodForm of(Period p) {
            return new PeriodForm(Integer.toString(p.from().getDayOfMonth()), Integer.toString(p.from().getMonthValue()),
                    Integer.toString(p.from().getYear()), Integer.toString(p.to().getDayOfMonth()),
                    Integer.toString(p.to().getMonthValue()), Integer.toString(p.to().getYear()));
        }
    }

    private final Insights insights;
    private final InsightsSections sections;
    private final MessageSource messages;
    private final Clock clock;

    InsightsPage(Insights insights, InsightsSections sections, MessageSource messages, Clock clock) {
        this.insights = insights;
        this.sections = sections;
        this.messages = messages;
        this.clock = clock;
    }

    @GetMapping("/insights")
    String page(SignedInUser staff, @RequestParam MultiValueMap<String, String> params, Model model, Locale locale) {
        FormErrors errors = new FormErrors(messages, locale);
        Period period = read(params, errors, locale);
        model.addAttribute("errors", errors);
        model.addAttribute("england", insights.inEngland(staff));
        model.addAttribute("mayExtract", Insights.mayExtract(staff));
        model.addAttribute("cldLaCode", insights.cldLaCode(staff));
        model.addAttribute("councilCode", insights.councilCode(staff));
        if (period == null) {
            model.addAttribute("form", new PeriodForm(value(params, "from-day"), value(params, "from-month"),
                    value(params, "from-year"), value(params, "to-day"), value(params, "to-month"), value(params, "to-year")));
            model.addAttribute("sections", java.util.List.of());
            return "insights/insights";
        }
        InsightsReport report = insights.report(staff, period);
        model.addAttribute("form", PeriodForm.of(period));
        model.addAttribute("period", period);
        model.addAttribute("sections", sections.of(report, locale));
        return "insights/insights";
    }

    /** A figure's table as CSV, for the same period. */
    @GetMapping("/insights/{key}.csv")
    ResponseEntity<byte[]> csv(SignedInUser staff, @PathVariable String key,
                               @RequestParam MultiValueMap<String, String> params, Locale locale) {
        FormErrors errors = new FormErrors(messages, locale);
        Period period = read(params, errors, locale);
        if (period == null) {
            errors.throwIfAny();
        }
        FigureSection section = sections.section(key, insights.report(staff, period), locale);
        if (section == null || section.table() == null) {
            throw new NotFound();
        }
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + key + "-" + period.from() + "-to-"
                        + period.to() + ".csv\"")
                .body(section.table().csv().getBytes(StandardCharsets.UTF_8));
    }

    private Period read(MultiValueMap<String, String> params, FormErrors errors, Locale locale) {
        LocalDate from = date(params, "from", "insights.label.from", errors);
        LocalDate to = date(params, "to", "insights.label.to", errors);
        return PeriodInput.read(from, to, LocalDate.now(clock), errors);
    }

    /** From the date input's three boxes if any is typed, else from an ISO date, else none. */
    static LocalDate date(MultiValueMap<String, String> params, String field, String label, FormErrors errors) {
        String day = value(params, field + "-day");
        String month = value(params, field + "-month");
        String year = value(params, field + "-year");
        if (!day.isBlank() || !month.isBlank() || !year.isBlank()) {
            return errors.date(field, day, month, year, label);
        }
        return errors.isoDate(field, value(params, field), false, label);
    }

    static String value(MultiValueMap<String, String> params, String name) {
        String value = params.getFirst(name);
        return value == null ? "" : value;
    }
}
