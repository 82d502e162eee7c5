package org.dphub.directory.web;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.dphub.directory.MarketGaps;
import org.dphub.shared.SignedInUser;
import org.dphub.web.PointChart;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * Gaps in the market for council staff: a table by postcode district, the same numbers as a
 * map-like chart drawn on the server, and the table as CSV.
 */
@Controller
class GapsPage {

    private final MarketGaps gaps;
    private final MessageSource messages;

    GapsPage(MarketGaps gaps, MessageSource messages) {
        this.gaps = gaps;
        this.messages = messages;
    }

    @GetMapping("/directory/gaps")
    String page(SignedInUser staff, Model model, Locale locale) {
        List<MarketGaps.District> districts = gaps.forCouncil(staff, locale);
        model.addAttribute("districts", districts);
        model.addAttribute("rows", districts.stream().map(d -> outcomes(d, locale)).toList());
        model.addAttribute("nearKm", MarketGaps.NEAR_KM);
        model.addAttribute("longOpenDays", MarketGaps.LONG_OPEN_DAYS);
        model.addAttribute("chart", PointChart.of("gaps-chart", msg("dir.gaps.chart.title", locale),
                msg("dir.gaps.chart.desc", locale, MarketGaps.NEAR_KM, MarketGaps.LONG_OPEN_DAYS),
                districts.stream().filter(d -> d.centre() != null)
                        .map(d -> new PointChart.Place(d.district(), d.centre().latitude().doubleValue(),
                                d.centre().longitude().doubleValue(), d.gaps()))
                        .toList()));
        model.addAttribute("legend", List.of(msg("dir.gaps.legend.1", locale), msg("dir.gaps.legend.2", locale),
                msg("dir.gaps.legend.3", locale)));
        return "directory/gaps";
    }

    /** The same columns as the table, one row a district. */
    @GetMapping("/directory/gaps.csv")
    ResponseEntity<byte[]> csv(SignedInUser staff, Locale locale) {
        StringBuilder csv = new StringBuilder("district,outcomes_with_no_service_within_" + MarketGaps.NEAR_KM + "_km,people,"
                + "pa_vacancies_open_over_" + MarketGaps.LONG_OPEN_DAYS + "_days,gaps\r\n");
        for (MarketGaps.District d : gaps.forCouncil(staff, locale)) {
            csv.append(cell(d.district())).append(',').append(cell(outcomes(d, locale))).append(',').append(d.people())
                    .append(',').append(d.longOpenVacancies()).append(',').append(d.gaps()).append("\r\n");
        }
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"gaps-in-the-market.csv\"")
                .body(csv.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** "Getting out and about (2 people); Keeping a home (1 person)" */
    String outcomes(MarketGaps.District d, Locale locale) {
        return d.missing().stream()
                .map(m -> msg("dir.gaps.outcome-people", locale, m.name(), m.people()))
                .collect(Collectors.joining("; "));
    }

    /** A CSV cell: quoted when needed, and never read as a formula by a spreadsheet. */
    static String cell(String text) {
        String t = text == null ? "" : text;
        if (!t.isEmpty() && "=+-@\t\r".indexOf(t.charAt(0)) >= 0) {
            t = "'" + t;
        }
        return t.matches(".*[\",\\r\\n].*") ? "\"" + t.replace("\"", "\"\"") + "\"" : t;
    }

    private String msg(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, key, locale);
    }
}
