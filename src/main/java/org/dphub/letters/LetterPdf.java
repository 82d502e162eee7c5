package org.dphub.letters;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

/**
 * A letter as an accessible PDF (tagged, PDF/UA, with its language and title, the font embedded):
 * readable by screen readers and fit to post.
 */
@Component
class LetterPdf {

    byte[] render(Letter letter) {
        StringBuilder html = new StringBuilder();
        html.append("<!DOCTYPE html><html lang=\"").append(letter.language()).append("\"><head><meta charset=\"utf-8\"/>")
                .append("<title>").append(HtmlUtils.htmlEscape(letter.subject(), "UTF-8")).append("</title>")
                .append("<meta name=\"subject\" content=\"").append(HtmlUtils.htmlEscape(letter.subject(), "UTF-8")).append("\"/>")
                .append("<style>@page { size: A4; margin: 25mm 20mm; } body { font-family: 'Liberation Sans'; font-size: 12pt; "
                        + "line-height: 1.5; } h1 { font-size: 16pt; }</style></head><body>")
                .append("<h1>").append(HtmlUtils.htmlEscape(letter.subject(), "UTF-8")).append("</h1>");
        for (String paragraph : letter.body().split("\\n\\s*\\n")) {
            html.append("<p>").append(HtmlUtils.htmlEscape(paragraph.strip(), "UTF-8").replace("\n", "<br/>")).append("</p>");
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

    private static InputStream font(String style) {
        return LetterPdf.class.getResourceAsStream("/fonts/LiberationSans-" + style + ".ttf");
    }
}
