package org.dphub.employment.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.dphub.employment.Employment;
import org.dphub.employment.Employments;
import org.dphub.employment.MinimumWagePolicy;
import org.dphub.employment.PayFrequency;
import org.dphub.employment.PayPeriod;
import org.dphub.employment.PayrollCalculator;
import org.dphub.employment.PayrollRun;
import org.dphub.employment.PayrollRuns;
import org.dphub.employment.Payslip;
import org.dphub.employment.PayslipPdf;
import org.dphub.people.Citizens;
import org.dphub.shared.SignedInUser;
import org.dphub.web.Conflict;
import org.dphub.web.FormErrors;
import org.dphub.web.NotFound;
import org.dphub.web.RuleRefusal;
import org.springframework.context.MessageSource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Paying PAs: the employer runs the payroll for a pay period (this one or the last), checks what
 * each PA gets and what is owed to HMRC and the pension scheme, and approves it; both the
 * employer and the PA read the payslip, as a page and as an accessible PDF, in English or Welsh.
 */
@Controller
class PayrollPages {

    private final PayrollRuns runs;
    private final Employments employments;
    private final Citizens citizens;
    private final PayrollCalculator calculator;
    private final PayslipPdf pdf;
    private final MessageSource messages;

    PayrollPages(PayrollRuns runs, Employments employments, Citizens citizens, PayrollCalculator calculator, PayslipPdf pdf,
                 MessageSource messages) {
        this.runs = runs;
        this.employments = employments;
        this.citizens = citizens;
        this.calculator = calculator;
        this.pdf = pdf;
        this.messages = messages;
    }

    /** A pay period on offer: its code for the form ("MONTHLY:2026-27:8") and its dates. */
    record Choice(String code, PayPeriod period) {
    }

    @GetMapping("/my-employees/payroll")
    String list(SignedInUser user, @RequestParam long citizen, Model model, Locale locale) {
        return show(user, citizen, model, new FormErrors(messages, locale), null);
    }

    private String show(SignedInUser user, long citizen, Model model, FormErrors errors, String chosen) {
        model.addAttribute("person", citizens.find(user, citizen).orElseThrow(NotFound::new));
        List<Choice> choices = choices(employments.forCitizen(user, citizen));
        model.addAttribute("choices", choices.stream().map(Choice::code).toList());
        java.time.format.DateTimeFormatter day = java.time.format.DateTimeFormatter.ofPattern("d MMMM", errors.locale());
        java.time.format.DateTimeFormatter dayYear = java.time.format.DateTimeFormatter.ofPattern("d MMMM yyyy", errors.locale());
        model.addAttribute("choiceLabels", choices.stream().map(c -> messages.getMessage("payroll.page.choice", new Object[] {
                messages.getMessage("employee.frequency." + c.period().frequency().name(), null, errors.locale()),
                day.format(c.period().start()), dayYear.format(c.period().end())}, errors.locale())).toList());
        model.addAttribute("chosen", chosen != null ? chosen : choices.isEmpty() ? null : choices.get(0).code());
        model.addAttribute("runs", runs.forCitizen(user, citizen));
        model.addAttribute("errors", errors);
        return "employment/payroll";
    }

    /** For each way the person pays PAs: the period that includes today, and the one before. */
    private List<Choice> choices(List<Employment> jobs) {
        Set<PayFrequency> frequencies = new LinkedHashSet<>();
        jobs.forEach(e -> frequencies.add(e.terms().payFrequency()));
        LocalDate today = employments.today();
        List<Choice> choices = new ArrayList<>();
        for (PayFrequency frequency : frequencies) {
            String year = MinimumWagePolicy.taxYearOf(today);
            if (!calculator.taxYears().has(year)) {
                continue;
            }
            for (int p = 1; p <= frequency.ordinaryPeriods(); p++) {
                PayPeriod period = PayPeriod.of(year, frequency, p);
                if (!today.isBefore(period.start()) && !today.isAfter(period.end())) {
                    choices.add(new Choice(frequency + ":" + year + ":" + p, period));
                    if (p > 1) {
                        choices.add(new Choice(frequency + ":" + year + ":" + (p - 1), PayPeriod.of(year, frequency, p - 1)));
                    }
                }
            }
        }
        return choices;
    }

    @PostMapping("/my-employees/payroll")
    String run(SignedInUser user, @RequestParam long citizen, @RequestParam(defaultValue = "") String period, Model model, Locale locale) {
        FormErrors errors = new FormErrors(messages, locale);
        String[] parts = period.split(":");
        PayFrequency frequency = null;
        int number = 0;
        try {
            frequency = PayFrequency.valueOf(parts[0]);
            number = Integer.parseInt(parts[2]);
        } catch (RuntimeException e) {
            errors.reject("period", "payroll.page.error.period");
        }
        if (errors.isEmpty()) {
            try {
                PayrollRuns.Started started = runs.run(user, citizen, parts[1], frequency, number, locale);
                return "redirect:/my-employees/payroll/" + started.run().id();
            } catch (RuleRefusal refused) {
                errors.reject("period", "payroll.page.error.refused", refused.getMessage());
            } catch (RuntimeException invalid) {
                if (!(invalid instanceof org.dphub.employment.PayrollInputException)) {
                    throw invalid;
                }
                errors.reject("period", "payroll.page.error.period");
            }
        }
        return show(user, citizen, model, errors, period);
    }

    @GetMapping("/my-employees/payroll/{id}")
    String one(SignedInUser user, @PathVariable long id, Model model) {
        PayrollRun run = runs.find(user, id).orElseThrow(NotFound::new);
        model.addAttribute("run", run);
        model.addAttribute("payingLine", runs.payingLine(user, run.citizenId(), run.payDate()).orElse(null));
        return "employment/payroll-run";
    }

    @PostMapping("/my-employees/payroll/{id}/approve")
    String approve(SignedInUser user, @PathVariable long id, Locale locale) {
        try {
            runs.approve(user, id, locale);
        } catch (Conflict already) {
            // approved a moment ago: the page says so
        }
        return "redirect:/my-employees/payroll/" + id + "?approved";
    }

    @GetMapping("/payslips/{id}")
    String payslip(SignedInUser user, @PathVariable long id, Model model) {
        Payslip payslip = runs.payslip(user, id).orElseThrow(NotFound::new);
        model.addAttribute("p", payslip);
        model.addAttribute("pa", payslip.paName());
        return "employment/payslip";
    }

    /** The employer's summary of a run as a PDF: to keep, or to hand to whoever pays HMRC and the pension scheme. */
    @GetMapping("/my-employees/payroll/{id}.pdf")
    ResponseEntity<byte[]> summaryPdf(SignedInUser user, @PathVariable long id, Locale locale) {
        PayrollRun run = runs.find(user, id).orElseThrow(NotFound::new);
        String employer = runs.employerName(user, run.citizenId());
        Locale language = "cy".equals(locale.getLanguage()) ? Locale.forLanguageTag("cy") : Locale.ENGLISH;
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header("Content-Disposition", "inline; filename=\"payroll-" + id + ".pdf\"").body(pdf.renderSummary(run, employer, language));
    }

    @GetMapping("/payslips/{id}.pdf")
    ResponseEntity<byte[]> payslipPdf(SignedInUser user, @PathVariable long id, Locale locale) {
        Payslip payslip = runs.payslip(user, id).orElseThrow(NotFound::new);
        Locale language = "cy".equals(locale.getLanguage()) ? Locale.forLanguageTag("cy") : Locale.ENGLISH;
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header("Content-Disposition", "inline; filename=\"payslip-" + id + ".pdf\"").body(pdf.render(payslip, language));
    }
}
