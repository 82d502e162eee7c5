package org.dphub.employment.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import org.dphub.employment.InvalidTaxCodeException;
import org.dphub.employment.PayFrequency;
import org.dphub.employment.PayrollCalculator;
import org.dphub.employment.PayrollFigures;
import org.dphub.employment.PayrollInput;
import org.dphub.employment.PayrollInputException;
import org.dphub.employment.TaxCode;
import org.dphub.employment.TaxYear;
import org.dphub.employment.TaxYears;
import org.dphub.shared.Money;
import org.dphub.web.FormError;
import org.dphub.web.FormErrors;
import org.dphub.web.JsonInput;
import org.dphub.web.ValidationProblem;
import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/payroll/calculations")
@Tag(name = "Payroll")
class PayrollCalculationApiController {

    /**
     * One pay period. Amounts are whole pence; {@code previous...} are this employment's totals
     * before this period (0 or left out in period 1). {@code period} counts pay periods: 1 to 53
     * weekly, 1 to 27 fortnightly, 1 to 14 four-weekly, 1 to 12 monthly.
     */
    record CalculationJson(String taxYear, String frequency, Object period, String taxCode, Object week1Month1,
                           Object grossPayPence, Object previousTaxablePayToDatePence, Object previousTaxToDatePence,
                           String niCategory) {
    }

    /**
     * {@code taxPence} is negative for a refund. {@code taxablePayToDatePence} is pay subject to tax so
     * far this year, this period included, before free pay; {@code freePayPence} (L, M, N, T codes)
     * and {@code additionalPayPence} (K codes) are to date, or for this period alone on a week
     * 1/month 1 basis. National Insurance is on this period's pay alone.
     */
    record CalculationResultJson(String taxYear, PayFrequency frequency, int period, String taxCode, boolean week1Month1,
                                 String niCategory, long grossPayPence, long taxPence, long taxToDatePence,
                                 long taxablePayToDatePence, long freePayPence, long additionalPayPence,
                                 boolean regulatoryLimitApplied, long employeeNiPence, long employerNiPence) {
    }

    private final PayrollCalculator calculator;
    private final MessageSource messages;

    PayrollCalculationApiController(PayrollCalculator calculator, MessageSource messages) {
        this.calculator = calculator;
        this.messages = messages;
    }

    @PostMapping
    @PreAuthorize("hasAnyRole('CITIZEN', 'REPRESENTATIVE', 'STAFF')")
    @Operation(summary = "Work out PAYE income tax and Class 1 National Insurance for one pay period",
            description = "Cumulative or week 1/month 1 income tax for any HMRC tax code (S prefix Scotland, C prefix Wales), "
                    + "and employee's and employer's National Insurance for the category letter, from the tax year's "
                    + "tables. Saves nothing. A wrong input is 422 problem+json naming each field and what to fix.")
    CalculationResultJson calculate(@RequestBody CalculationJson body) {
        FormErrors errors = new FormErrors(messages, Locale.ENGLISH);
        TaxYears taxYears = calculator.taxYears();

        TaxYear year = null;
        if (body.taxYear() == null || body.taxYear().isBlank()) {
            errors.reject("taxYear", "payroll.error.taxYear.required");
        } else if (!taxYears.has(body.taxYear())) {
            errors.reject("taxYear", "payroll.error.taxYear.unknown", body.taxYear().strip(), String.join(", ", taxYears.known()));
        } else {
            year = taxYears.year(body.taxYear());
        }

        PayFrequency frequency = null;
        try {
            frequency = PayFrequency.valueOf(body.frequency() == null ? "" : body.frequency().strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            errors.reject("frequency", "payroll.error.frequency");
        }

        Integer period = wholeNumber(body.period());
        if (period == null) {
            errors.reject("period", "payroll.error.period.whole");
        } else if (frequency != null && !frequency.isValidPeriod(period)) {
            errors.reject("period", "payroll.error.period.range", String.valueOf(period),
                    frequency.name().toLowerCase(Locale.ROOT).replace('_', '-'), frequency.lastPeriod());
        }

        String taxCode = body.taxCode() == null ? "" : body.taxCode().strip();
        if (taxCode.isEmpty()) {
            errors.reject("taxCode", "payroll.error.taxCode.required");
        } else {
            try {
                TaxCode code = TaxCode.parse(taxCode);
                if (year != null && !year.hasFlatRateCode(code)) {
                    errors.reject("taxCode", "payroll.error.taxCode.year", code.text(), year.taxYear(),
                            String.join(", ", year.incomeTax(code.region()).flatRateCodes().keySet().stream()
                                    .map(flat -> code.region().prefix() + flat).sorted().toList()));
                }
            } catch (InvalidTaxCodeException e) {
                errors.reject("taxCode", "payroll.error.taxCode", taxCode);
            }
        }

        boolean week1Month1 = false;
        if (body.week1Month1() instanceof Boolean given) {
            week1Month1 = given;
        } else if (body.week1Month1() != null) {
            errors.reject("week1Month1", "payroll.error.week1Month1");
        }

        Long gross = pence("grossPayPence", body.grossPayPence(), true, PayrollCalculator.LARGEST_PAY, errors);
        Long previousPay = pence("previousTaxablePayToDatePence", body.previousTaxablePayToDatePence(), false,
                PayrollCalculator.LARGEST_TOTAL, errors);
        Long previousTax = pence("previousTaxToDatePence", body.previousTaxToDatePence(), false,
                PayrollCalculator.LARGEST_TOTAL, errors);

        String niCategory = body.niCategory() == null ? "" : body.niCategory().strip().toUpperCase(Locale.ROOT);
        if (year != null && year.niCategory(niCategory).isEmpty()) {
            errors.reject("niCategory", "payroll.error.niCategory", String.join(", ", year.niCategoryLetters()));
        }
        errors.throwIfAny();

        PayrollFigures figures;
        try {
            figures = calculator.calculate(new PayrollInput(year.taxYear(), frequency, period, taxCode, week1Month1,
                    Money.ofPence(gross), Money.ofPence(previousPay), Money.ofPence(previousTax), niCategory));
        } catch (PayrollInputException e) {
            // the checks above should have caught it; the rules' own words are still an answer to fix
            throw new ValidationProblem(List.of(new FormError(e.field(), e.getMessage())));
        }
        return new CalculationResultJson(year.taxYear(), frequency, period, taxCode.toUpperCase(Locale.ROOT), week1Month1,
                niCategory, gross, figures.tax().pence(), figures.taxToDate().pence(), figures.taxablePayToDate().pence(),
                figures.freePay().pence(), figures.additionalPay().pence(), figures.regulatoryLimitApplied(),
                figures.employeeNi().pence(), figures.employerNi().pence());
    }

    /** 1 or "1"; null when it is not a whole number. */
    private static Integer wholeNumber(Object value) {
        if (value == null || value instanceof Boolean) {
            return null;
        }
        try {
            return new BigDecimal(value.toString().strip()).intValueExact();
        } catch (NumberFormatException | ArithmeticException e) {
            return null;
        }
    }

    private static Long pence(String field, Object value, boolean required, Money largest, FormErrors errors) {
        if (value == null) {
            if (required) {
                errors.reject(field, "payroll.error.pence.required");
                return null;
            }
            return 0L;
        }
        Long pence = JsonInput.pence(value, field, errors);
        if (pence == null) {
            return null;
        }
        if (pence < 0) {
            errors.reject(field, "payroll.error.pence.negative");
            return null;
        }
        if (pence > largest.pence()) {
            errors.reject(field, "payroll.error.pence.too-large", largest.pence());
            return null;
        }
        return pence;
    }
}
