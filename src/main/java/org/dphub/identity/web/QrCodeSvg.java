package org.dphub.identity.web;

import io.nayuki.qrcodegen.QrCode;
import org.springframework.web.util.HtmlUtils;

/**
 * A QR code drawn on the server as inline SVG (no script, no image request): dark modules as
 * {@code <rect>}s — a run of dark modules in a row is one rect — on a white square with the quiet
 * zone of 4 modules the standard asks for. An image with a name for screen readers; the same
 * secret is always on the page as text too, for people who cannot scan.
 */
final class QrCodeSvg {

    private static final int QUIET_ZONE = 4;

    private QrCodeSvg() {
    }

    static String of(String text, String label, int pixels) {
        QrCode qr = QrCode.encodeText(text, QrCode.Ecc.MEDIUM);
        int size = qr.size + 2 * QUIET_ZONE;
        String name = HtmlUtils.htmlEscape(label);
        StringBuilder svg = new StringBuilder(8_192)
                .append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"dphub-qr-code\" role=\"img\" aria-labelledby=\"qr-code-title\"")
                .append(" width=\"").append(pixels).append("\" height=\"").append(pixels).append('"')
                .append(" viewBox=\"0 0 ").append(size).append(' ').append(size).append("\" shape-rendering=\"crispEdges\">")
                .append("<title id=\"qr-code-title\">").append(name).append("</title>")
                .append("<rect x=\"0\" y=\"0\" width=\"").append(size).append("\" height=\"").append(size).append("\" fill=\"#ffffff\"/>");
        for (int y = 0; y < qr.size; y++) {
            int x = 0;
            while (x < qr.size) {
                if (!qr.getModule(x, y)) {
                    x++;
                    continue;
                }
                int start = x;
                while (x < qr.size && qr.getModule(x, y)) {
                    x++;
                }
                svg.append("<rect x=\"").append(start + QUIET_ZONE).append("\" y=\"").append(y + QUIET_ZONE)
                        .append("\" width=\"").append(x - start).append("\" height=\"1\" fill=\"#0b0c0c\"/>");
            }
        }
        return svg.append("</svg>").toString();
    }
}
