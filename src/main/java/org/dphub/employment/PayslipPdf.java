package org.dphub.employment;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Locale;
import org.dphub.shared.Money;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

/**
 * A payslip, or the employer's summary of a payroll run, as an accessible PDF (tagged PDF/UA with its language and title, the font embedded),
 * in English or Welsh: every line, the deductions, what the employer pays on top, and the tax
 * year to date. Made the way letters are (openhtmltopdf, the bundled Liberation Sans fonts).
 */
@Component
public class PayslipPdf {

    private final MessageSource messages;

    PayslipPdf(MessageSource messages) {
        this.messages = messages;
    }

    public byte[] render(Payslip p, Locale locale) {
        String lang = "cy".equals(locale.getLanguage()) ? "cy" : "en";
        Locale l = Locale.forLanguageTag(lang);
        String title = text(l, "payslip.title", p.paName(), Dates.day(p.payDate(), l));
        StringBuilder html = start(lang, title);
        html.append("<table>");
        row(html, text(l, "payslip.employer"), p.employerName());
        row(html, text(l, "payslip.employee"), p.paName());
        row(html, text(l, "payslip.period"), text(l, "payslip.period.value", p.taxYear(),
                text(l, "payslip.frequency." + p.frequency().name()), p.period(), Dates.day(p.periodStart(), l), Dates.day(p.periodEnd(), l)));
        row(html, text(l, "payslip.tax-code"), p.taxCode() + (p.week1Month1() ? " W1/M1" : ""));
        row(html, text(l, "payslip.ni-category"), p.niCategory());
        html.append("</table>");

        html.append("<h2>").append(esc(text(l, "payslip.pay"))).append("</h2>");
        table(html, l);
        for (PayslipCalculation.Line line : p.lines()) {
            String label = line.kind() == PayslipCalculation.LineKind.SICK
                    ? text(l, "payslip.line.SICK", line.days())
                    : text(l, "payslip.line." + line.kind().name(), Hours.format(line.minutes()), money(line.ratePence()));
            money(html, label, line.amountPence());
        }
        money(html, text(l, "payslip.gross"), p.grossPence());
        html.append("</tbody></table>");

        html.append("<h2>").append(esc(text(l, "payslip.deductions"))).append("</h2>");
        table(html, l);
        money(html, text(l, "payslip.tax"), p.taxPence());
        money(html, text(l, "payslip.employee-ni"), p.employeeNiPence());
        money(html, text(l, "payslip.employee-pension"), p.employeePensionPence());
        money(html, text(l, "payslip.net"), p.netPence());
        html.append("</tbody></table>");

        html.append("<h2>").append(esc(text(l, "payslip.employer-costs"))).append("</h2>");
        table(html, l);
        money(html, text(l, "payslip.employer-ni"), p.employerNiPence());
        money(html, text(l, "payslip.employment-allowance"), p.employmentAllowancePence());
        money(html, text(l, "payslip.employer-pension"), p.employerPensionPence());
        html.append("</tbody></table>");
        html.append("<p>").append(esc(text(l, "payslip.pension-status"))).append(": ")
                .append(esc(text(l, "payslip.pension." + p.pensionStatus()))).append("</p>");

        html.append("<h2>").append(esc(text(l, "payslip.holiday"))).append("</h2><ul>");
        if (p.holidayEntitlementMinutes() != null) {
            html.append("<li>").append(esc(text(l, "payslip.holiday.entitlement", Hours.format(p.holidayEntitlementMinutes())))).append("</li>");
        } else {
            html.append("<li>").append(esc(text(l, "payslip.holiday.accrued", Hours.format(p.holidayAccruedMinutes())))).append("</li>");
        }
        html.append("<li>").append(esc(text(l, "payslip.holiday.taken", Hours.format(p.yearToDate().holidayTakenMinutes()))))
                .append("</li></ul>");

        PayslipCalculation.YearToDate y = p.yearToDate();
        html.append("<h2>").append(esc(text(l, "payslip.ytd"))).append("</h2>");
        table(html, l);
        money(html, text(l, "payslip.ytd.gross"), y.grossPence());
        money(html, text(l, "payslip.ytd.taxable"), y.taxablePence());
        money(html, text(l, "payslip.ytd.tax"), y.taxPence());
        money(html, text(l, "payslip.ytd.employee-ni"), y.employeeNiPence());
        money(html, text(l, "payslip.ytd.employee-pension"), y.employeePensionPence());
        money(html, text(l, "payslip.ytd.employer-pension"), y.employerPensionPence());
        money(html, text(l, "payslip.ytd.net"), y.netPence());
        html.append("</tbody></table></body></html>");
        return pdf(html.toString());
    }

    /**
     * The employer's summary of a payroll run as an accessible PDF: what each PA gets, and what to
     * pay HMRC and the pension scheme and by when, with the Employment Allowance used and left.
     */
    public byte[] renderSummary(PayrollRun run, String employerName, Locale locale) {
        String lang = "cy".equals(locale.getLanguage()) ? "cy" : "en";
        Locale l = Locale.forLanguageTag(lang);
        String title = text(l, "payroll.summary.title", Dates.day(run.periodStart(), l), Dates.day(run.periodEnd(), l));
        StringBuilder html = start(lang, title);
        html.append("<table>");
        row(html, text(l, "payslip.employer"), employerName);
        row(html, text(l, "payroll.summary.pay-day"), Dates.day(run.payDate(), l));
        row(html, text(l, "payroll.summary.status"), text(l, "payroll.page.status." + run.status().name()));
        html.append("</table>");

        html.append("<h2>").append(esc(text(l, "payroll.page.pas"))).append("</h2>");
        html.append("<table><thead><tr><th scope=\"col\">").append(esc(text(l, "employees.pa"))).append("</th><th scope=\"col\" class=\"n\">")
                .append(esc(text(l, "payroll.page.gross"))).append("</th><th scope=\"col\" class=\"n\">")
                .append(esc(text(l, "payroll.page.net"))).append("</th></tr></thead><tbody>");
        for (PayrollRun.PayslipSummary p : run.payslips()) {
            html.append("<tr><td>").append(esc(p.paName())).append("</td><td class=\"n\">").append(esc(money(p.grossPence())))
                    .append("</td><td class=\"n\">").append(esc(money(p.netPence()))).append("</td></tr>");
        }
        html.append("</tbody></table>");

        PayrollRun.Totals t = run.totals();
        html.append("<h2>").append(esc(text(l, "payroll.summary.to-pas"))).append("</h2>");
        table(html, l);
        money(html, text(l, "payroll.page.to-pas"), t.netPence());
        html.append("</tbody></table>");

        html.append("<h2>").append(esc(text(l, "payroll.page.to-hmrc", Dates.day(t.hmrcDueBy(), l)))).append("</h2>");
        table(html, l);
        money(html, text(l, "payslip.tax"), t.taxPence());
        money(html, text(l, "payslip.employee-ni"), t.employeeNiPence());
        money(html, text(l, "payslip.employer-ni"), t.employerNiPence());
        money(html, text(l, "payroll.summary.less-allowance"), -t.employmentAllowancePence());
        money(html, text(l, "payroll.summary.total"), t.hmrcPence());
        html.append("</tbody></table>");
        html.append("<p>").append(esc(text(l, "payroll.summary.allowance-left", money(t.employmentAllowanceLeftPence())))).append("</p>");
        html.append("<p>").append(esc(text(l, "payroll.summary.hmrc-how"))).append("</p>");

        html.append("<h2>").append(esc(text(l, "payroll.page.to-pension", Dates.day(t.pensionDueBy(), l)))).append("</h2>");
        table(html, l);
        money(html, text(l, "payroll.summary.employee-pension"), t.employeePensionPence());
        money(html, text(l, "payslip.employer-pension"), t.employerPensionPence());
        money(html, text(l, "payroll.summary.total"), t.pensionPence());
        html.append("</tbody></table></body></html>");
        return pdf(html.toString());
    }

    private StringBuilder start(String lang, String title) {
        return new StringBuilder().append("<!DOCTYPE html><html lang=\"").append(lang).append("\"><head><meta charset=\"utf-8\"/>")
                .append("<title>").append(esc(title)).append("</title>")
                .append("<meta name=\"subject\" content=\"").append(esc(title)).append("\"/>")
                .append(STYLE).append("</head><body>")
                .append("<h1>").append(esc(title)).append("</h1>");
    }

    private static final String STYLE = "<style>@page { size: A4; margin: 20mm 18mm; } body { font-family: 'Liberation Sans'; font-size: 11pt; "
            + "line-height: 1.4; } h1 { font-size: 16pt; } h2 { font-size: 13pt; margin-top: 14pt; } "
            + "table { width: 100%; border-collapse: collapse; } th, td { text-align: left; padding: 3pt 4pt; "
            + "border-bottom: 0.5pt solid #b1b4b6; } td.n, th.n { text-align: right; }</style>";

    private static byte[] pdf(String html) {
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            builder.usePdfUaAccessbility(true);
            builder.useFont(() -> font("Regular"), "Liberation Sans", 400, PdfRendererBuilder.FontStyle.NORMAL, true);
            builder.useFont(() -> font("Bold"), "Liberation Sans", 700, PdfRendererBuilder.FontStyle.NORMAL, true);
            builder.withHtmlContent(html, null);
            builder.toStream(out);
            builder.run();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String text(Locale locale, String key, Object... args) {
        return messages.getMessage(key, args, locale);
    }

    private void table(StringBuilder html, Locale l) {
        html.append("<table><thead><tr><th scope=\"col\">").append(esc(text(l, "payslip.item"))).append("</th><th scope=\"col\" class=\"n\">")
                .append(esc(text(l, "payslip.amount"))).append("</th></tr></thead><tbody>");
    }

    private static void row(StringBuilder html, String label, String value) {
        html.append("<tr><th scope=\"row\">").append(esc(label)).append("</th><td>").append(esc(value)).append("</td></tr>");
    }

    private static void money(StringBuilder html, String label, long pence) {
        html.append("<tr><td>").append(esc(label)).append("</td><td class=\"n\">").append(esc(money(pence))).append("</td></tr>");
    }

    private static String money(long pence) {
        return Money.ofPence(pence).formatWithPence();
    }

    private static String esc(String text) {
        return HtmlUtils.htmlEscape(text == null ? "" : text, "UTF-8");
    }

    private static InputStream font(String style) {
        return PayslipPdf.class.getResourceAsStream("/fonts/LiberationSans-" + style + ".ttf");
    }
}
