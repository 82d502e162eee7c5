package org.dphub.rights.internal;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.dphub.rights.SubjectAccess;
import org.dphub.shared.personaldata.PersonalDataSource.Section;
import org.dphub.shared.personaldata.PersonalDataSource.Table;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

/**
 * A subject access answer as an accessible PDF (tagged, PDF/UA, with its language and title, the
 * font embedded), made the way letters and payslips are: a heading per section and per table; a
 * narrow table as a table with column headers, a wide one as one small two-column table per record
 * (field and value, the field a row header), so every value fits on an A4 page.
 */
@Component
public class SubjectAccessPdf {

    /** Tables with more columns than this are set out a record at a time. */
    private static final int WIDE = 5;

    private final MessageSource messages;

    SubjectAccessPdf(MessageSource messages) {
        this.messages = messages;
    }

    public byte[] render(SubjectAccess access, Locale locale) {
        String title = text("rights.pdf.title", locale, access.name());
        StringBuilder html = new StringBuilder();
        html.append("<!DOCTYPE html><html lang=\"").append("cy".equals(locale.getLanguage()) ? "cy" : "en")
                .append("\"><head><meta charset=\"utf-8\"/><title>").append(esc(title)).append("</title>")
                .append("<meta name=\"subject\" content=\"").append(esc(title)).append("\"/>")
                .append("<style>@page { size: A4; margin: 20mm 15mm; } body { font-family: 'Liberation Sans'; font-size: 10pt; "
                        + "line-height: 1.4; } h1 { font-size: 18pt; } h2 { font-size: 14pt; margin-top: 16pt; } h3 { font-size: 11pt; } "
                        + "table { border-collapse: collapse; width: 100%; margin-bottom: 8pt; table-layout: fixed; } "
                        + "th, td { border: 0.5pt solid #505a5f; padding: 2pt 4pt; text-align: left; vertical-align: top; "
                        + "word-wrap: break-word; } th { font-weight: bold; } "
                        + "caption { text-align: left; font-weight: bold; }</style></head><body>")
                .append("<h1>").append(esc(title)).append("</h1>")
                .append("<p>").append(esc(text("rights.pdf.made", locale,
                        DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm", locale).format(access.made().atZone(ZoneId.of("Europe/London"))))))
                .append("</p><p>").append(esc(text("rights.pdf.intro", locale))).append("</p>");
        if (access.sections().isEmpty()) {
            html.append("<p>").append(esc(text("rights.pdf.nothing", locale))).append("</p>");
        }
        for (Section section : access.sections()) {
            html.append("<h2>").append(esc(text("rights.section." + section.key(), locale))).append("</h2>");
            for (Table table : section.tables()) {
                String name = text("rights.table." + table.key(), locale);
                html.append("<h3>").append(esc(name)).append("</h3>");
                table(html, name, table.rows(), locale);
            }
        }
        html.append("</body></html>");
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            builder.usePdfUaAccessbility(true);
            builder.useFont(() -> font("Regular"), "Liberation Sans", 400, PdfRendererBuilder.FontStyle.NORMAL, true);
            builder.useFont(() -> font("Bold"), "Liberation Sans", 700, PdfRendererBuilder.FontStyle.NORMAL, true);
            builder.withHtmlContent(html.toString(), null);
            builder.toStream(out);
            builder.run();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void table(StringBuilder html, String name, List<Map<String, Object>> rows, Locale locale) {
        List<String> columns = List.copyOf(rows.get(0).keySet());
        if (columns.size() <= WIDE) {
            html.append("<table><caption>").append(esc(name)).append("</caption><thead><tr>");
            columns.forEach(c -> html.append("<th scope=\"col\">").append(esc(c)).append("</th>"));
            html.append("</tr></thead><tbody>");
            for (Map<String, Object> row : rows) {
                html.append("<tr>");
                columns.forEach(c -> html.append("<td>").append(esc(value(row.get(c)))).append("</td>"));
                html.append("</tr>");
            }
            html.append("</tbody></table>");
            return;
        }
        int n = 0;
        for (Map<String, Object> row : rows) {
            n++;
            html.append("<table><caption>").append(esc(text("rights.pdf.record", locale, name, n, rows.size())))
                    .append("</caption><tbody>");
            row.forEach((c, v) -> html.append("<tr><th scope=\"row\" style=\"width: 35%\">").append(esc(c)).append("</th><td>")
                    .append(esc(value(v))).append("</td></tr>"));
            html.append("</tbody></table>");
        }
    }

    private static String value(Object v) {
        return v == null ? "" : String.valueOf(v);
    }

    private String text(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, key, locale);
    }

    private static String esc(String text) {
        return HtmlUtils.htmlEscape(text, "UTF-8");
    }

    private static InputStream font(String style) {
        return SubjectAccessPdf.class.getResourceAsStream("/fonts/LiberationSans-" + style + ".ttf");
    }
}
