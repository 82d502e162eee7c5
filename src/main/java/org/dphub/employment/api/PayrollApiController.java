package org.dphub.employment.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import org.dphub.employment.PayFrequency;
import org.dphub.employment.Payslip;
import org.dphub.employment.PayrollRun;
import org.dphub.employment.PayrollRuns;
import org.dphub.employment.TaxYears;
import org.dphub.employment.PayrollCalculator;
import org.dphub.shared.SignedInUser;
import org.dphub.web.FormErrors;
import org.dphub.web.NotFound;
import org.springframework.context.MessageSource;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Payroll runs and payslips: the employer's side runs and approves; the PA reads their own payslips. */
@RestController
@Tag(name = "Payroll")
class PayrollApiController {

    /** {taxYear: "2026-27", frequency: MONTHLY, period: 8} */
    record RunJson(String taxYear, String frequency, Object period) {
    }

    private final PayrollRuns runs;
    private final TaxYears taxYears;
    private final MessageSource messages;
    private final org.dphub.employment.PayslipPdf pdf;

    PayrollApiController(PayrollRuns runs, PayrollCalculator calculator, MessageSource messages, org.dphub.employment.PayslipPdf pdf) {
        this.runs = runs;
        this.pdf = pdf;
        this.taxYears = calculator.taxYears();
        this.messages = messages;
    }

    @PostMapping("/api/v1/citizens/{id}/payroll-runs")
    @Operation(summary = "Run the payroll for a pay period: every PA paid at that frequency, from approved timesheets not yet paid. "
            + "201 with the run; 200 with the same run when the period was run before (nothing new is paid). 422 when a PA's rate "
            + "is below the minimum wage or the employer's liability insurance has ended by the pay day: nothing is paid.")
    ResponseEntity<PayrollRun> run(SignedInUser user, @PathVariable long id, @RequestBody(required = false) RunJson body) {
        FormErrors errors = new FormErrors(messages, Locale.ENGLISH);
        RunJson b = body == null ? new RunJson(null, null, null) : body;
        String taxYear = b.taxYear() == null ? "" : b.taxYear().strip();
        if (!taxYears.has(taxYear)) {
            errors.reject("taxYear", "payroll.error.taxYear");
        }
        PayFrequency frequency = null;
        try {
            frequency = PayFrequency.valueOf(b.frequency() == null ? "" : b.frequency().strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            errors.reject("frequency", "payroll.error.frequency");
        }
        Integer period = wholeNumber(b.period());
        if (period == null || period < 1) {
            errors.reject("period", "payroll.error.period");
        } else if (frequency != null && !frequency.isValidPeriod(period)) {
            errors.reject("period", "payroll.error.period.range", String.valueOf(period),
                    frequency.name().toLowerCase(Locale.ROOT).replace('_', '-'), frequency.lastPeriod());
        }
        errors.throwIfAny();
        PayrollRuns.Started started = runs.run(user, id, taxYear, frequency, period, Locale.ENGLISH);
        if (!started.created()) {
            return ResponseEntity.ok(started.run());
        }
        return ResponseEntity.created(URI.create("/api/v1/payroll-runs/" + started.run().id())).body(started.run());
    }

    @GetMapping("/api/v1/citizens/{id}/payroll-runs")
    @Operation(summary = "A person's payroll runs, newest first, each with its payslips and the employer's summary")
    List<PayrollRun> forCitizen(SignedInUser user, @PathVariable long id) {
        return runs.forCitizen(user, id);
    }

    @GetMapping("/api/v1/payroll-runs/{id}")
    @Operation(summary = "One payroll run with the employer's summary: what to pay the PAs, HMRC (by the 22nd of the next tax month) "
            + "and the pension scheme, and by when")
    PayrollRun one(SignedInUser user, @PathVariable long id) {
        return runs.find(user, id).orElseThrow(NotFound::new);
    }

    @PostMapping("/api/v1/payroll-runs/{id}/approval")
    @Operation(summary = "The employer approves the run, once: net pay, HMRC and pension are recorded as spending from the direct "
            + "payment account")
    PayrollRun approve(SignedInUser user, @PathVariable long id) {
        return runs.approve(user, id, Locale.ENGLISH);
    }

    @GetMapping("/api/v1/payslips/{id}")
    @Operation(summary = "A payslip: for the PA it belongs to and the employer's side")
    Payslip payslip(SignedInUser user, @PathVariable long id) {
        return runs.payslip(user, id).orElseThrow(NotFound::new);
    }

    @GetMapping(value = "/api/v1/payslips/{id}/pdf", produces = "application/pdf")
    @Operation(summary = "A payslip as an accessible PDF, in English (lang=en) or Welsh (lang=cy)")
    ResponseEntity<byte[]> pdf(SignedInUser user, @PathVariable long id,
                               @org.springframework.web.bind.annotation.RequestParam(defaultValue = "en") String lang) {
        Payslip payslip = runs.payslip(user, id).orElseThrow(NotFound::new);
        Locale locale = "cy".equalsIgnoreCase(lang) ? Locale.forLanguageTag("cy") : Locale.ENGLISH;
        return ResponseEntity.ok().contentType(org.springframework.http.MediaType.APPLICATION_PDF)
                .header("Content-Disposition", "inline; filename=\"payslip-" + id + "-" + locale.getLanguage() + ".pdf\"")
                .body(pdf.render(payslip, locale));
    }

    @GetMapping(value = "/api/v1/payroll-runs/{id}/pdf", produces = "application/pdf")
    @Operation(summary = "The employer's summary of a run as an accessible PDF (what each PA gets; what to pay HMRC and the "
            + "pension scheme, and by when), in English (lang=en) or Welsh (lang=cy)")
    ResponseEntity<byte[]> summaryPdf(SignedInUser user, @PathVariable long id,
                                      @org.springframework.web.bind.annotation.RequestParam(defaultValue = "en") String lang) {
        PayrollRun run = runs.find(user, id).orElseThrow(NotFound::new);
        Locale locale = "cy".equalsIgnoreCase(lang) ? Locale.forLanguageTag("cy") : Locale.ENGLISH;
        return ResponseEntity.ok().contentType(org.springframework.http.MediaType.APPLICATION_PDF)
                .header("Content-Disposition", "inline; filename=\"payroll-" + id + "-" + locale.getLanguage() + ".pdf\"")
                .body(pdf.renderSummary(run, runs.employerName(user, run.citizenId()), locale));
    }

    @GetMapping("/api/v1/my-payslips")
    @Operation(summary = "A PA's own payslips, newest first")
    List<Payslip> mine(SignedInUser user) {
        return runs.mine(user);
    }

    /** {hoursPerWeek: "20", hourlyRatePence: 1350, age: 30 (optional)} */
    record BudgetCheckJson(Object hoursPerWeek, Object hourlyRatePence, Object age) {
    }

    @PostMapping("/api/v1/citizens/{id}/budget-check")
    @Operation(summary = "Can the budget afford a PA? The full weekly and annual cost to the employer (wages, holiday, employer's "
            + "National Insurance after the Employment Allowance, pension) against the plan's hourly budget lines: whether it fits "
            + "and by how much (differencePence: negative when short). Saves nothing.")
    org.dphub.employment.BudgetCheck.Result budgetCheck(SignedInUser user, @PathVariable long id,
                                                         @RequestBody(required = false) BudgetCheckJson body) {
        FormErrors errors = new FormErrors(messages, Locale.ENGLISH);
        BudgetCheckJson b = body == null ? new BudgetCheckJson(null, null, null) : body;
        BigDecimal hours = null;
        try {
            hours = b.hoursPerWeek() == null || b.hoursPerWeek() instanceof Boolean ? null : new BigDecimal(b.hoursPerWeek().toString().strip());
        } catch (NumberFormatException e) {
            hours = null;
        }
        if (hours == null || hours.compareTo(new BigDecimal("0.5")) < 0 || hours.compareTo(BigDecimal.valueOf(100)) > 0 || hours.scale() > 2) {
            errors.reject("hoursPerWeek", "payroll.error.hours");
        }
        Integer rate = wholeNumber(b.hourlyRatePence());
        if (rate == null || rate < 1 || rate > 100_000) {
            errors.reject("hourlyRatePence", "payroll.error.rate");
        }
        Integer age = null;
        if (b.age() != null) {
            age = wholeNumber(b.age());
            if (age == null || age < 16 || age > 100) {
                errors.reject("age", "payroll.error.age");
            }
        }
        errors.throwIfAny();
        return runs.budgetCheck(user, id, hours, rate, age);
    }

    static Integer wholeNumber(Object value) {
        if (value == null || value instanceof Boolean) {
            return null;
        }
        try {
            return new BigDecimal(value.toString().strip()).intValueExact();
        } catch (NumberFormatException | ArithmeticException e) {
            return null;
        }
    }
}
