package org.dphub.feedback.web;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.dphub.feedback.Feedback;
import org.dphub.feedback.Results;
import org.dphub.feedback.RoleKind;
import org.dphub.feedback.Round;
import org.dphub.feedback.RoundInput;
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
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Council staff's feedback pages: the council's survey rounds, starting one (DP team and council
 * administrators), and a round's results for the coproduction board, each table also as a CSV.
 */
@Controller
@PreAuthorize("hasRole('STAFF')")
class FeedbackStaffPages {

    /** The new-round form as typed. */
    record RoundForm(String title, String titleCy, String opensDay, String opensMonth, String opensYear, String closesDay,
                     String closesMonth, String closesYear, List<String> invite) {
    }

    private final Feedback feedback;
    private final ResultTables tables;
    private final MessageSource messages;

    FeedbackStaffPages(Feedback feedback, ResultTables tables, MessageSource messages) {
        this.feedback = feedback;
        this.tables = tables;
        this.messages = messages;
    }

    @GetMapping("/feedback")
    String rounds(SignedInUser staff, Model model) {
        model.addAttribute("rounds", feedback.rounds(staff));
        model.addAttribute("today", feedback.today());
        model.addAttribute("mayStart", Feedback.mayStart(staff));
        return "feedback/rounds";
    }

    @GetMapping("/feedback/rounds/new")
    @PreAuthorize("hasAnyRole('DP_TEAM', 'COUNCIL_ADMIN')")
    String newRound(Model model, Locale locale) {
        LocalDate today = feedback.today();
        LocalDate closes = today.plusWeeks(4);
        return show(model, new RoundForm("", "", Integer.toString(today.getDayOfMonth()), Integer.toString(today.getMonthValue()),
                Integer.toString(today.getYear()), Integer.toString(closes.getDayOfMonth()), Integer.toString(closes.getMonthValue()),
                Integer.toString(closes.getYear()), List.of("HOLDER", "REPRESENTATIVE", "PA")), new FormErrors(messages, locale));
    }

    @PostMapping("/feedback/rounds/new")
    @PreAuthorize("hasAnyRole('DP_TEAM', 'COUNCIL_ADMIN')")
    String start(SignedInUser staff, @RequestParam MultiValueMap<String, String> params, Model model, Locale locale) {
        RoundForm form = new RoundForm(value(params, "title"), value(params, "titleCy"), value(params, "opensOn-day"),
                value(params, "opensOn-month"), value(params, "opensOn-year"), value(params, "closesOn-day"), value(params, "closesOn-month"),
                value(params, "closesOn-year"), params.getOrDefault("invite", List.of()));
        FormErrors errors = new FormErrors(messages, locale);
        LocalDate opens = errors.date("opensOn", form.opensDay(), form.opensMonth(), form.opensYear(), "feedback.label.opens");
        LocalDate closes = errors.date("closesOn", form.closesDay(), form.closesMonth(), form.closesYear(), "feedback.label.closes");
        Set<RoleKind> invited = EnumSet.noneOf(RoleKind.class);
        for (String kind : form.invite()) {
            for (RoleKind k : RoleKind.values()) {
                if (k.name().equals(kind)) {
                    invited.add(k);
                }
            }
        }
        Round round = feedback.start(staff, new RoundInput(form.title(), form.titleCy(), opens, closes, invited), errors);
        if (round == null) {
            return show(model, form, errors);
        }
        return "redirect:/feedback/rounds/" + round.id() + "/results?done=started";
    }

    private String show(Model model, RoundForm form, FormErrors errors) {
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("kinds", List.of("HOLDER", "REPRESENTATIVE", "PA", "STAFF"));
        return "feedback/new-round";
    }

    @GetMapping("/feedback/rounds/{id}/results")
    String results(SignedInUser staff, @PathVariable long id, @RequestParam(required = false) String done, Model model, Locale locale) {
        Results results = feedback.results(staff, id);
        model.addAttribute("done", done);
        model.addAttribute("results", results);
        model.addAttribute("round", results.round());
        model.addAttribute("state", results.round().state(feedback.today()).name());
        model.addAttribute("stageChart", tables.stageChart(results, locale));
        model.addAttribute("trendChart", tables.trendChart(results, locale));
        model.addAttribute("stages", tables.stages(results, locale));
        model.addAttribute("roles", tables.roles(results, locale));
        model.addAttribute("quarters", tables.quarters(results, locale));
        model.addAttribute("comments", tables.comments(results, locale));
        model.addAttribute("invitedNames", results.round().invited().stream().sorted()
                .map(k -> messages.getMessage("feedback.kind.plural." + k.key(), null, locale)).toList());
        return "feedback/results";
    }

    @GetMapping("/feedback/rounds/{id}/results/{table}.csv")
    ResponseEntity<byte[]> csv(SignedInUser staff, @PathVariable long id, @PathVariable String table, Locale locale) {
        Results results = feedback.results(staff, id);
        ResultTables.Table t = switch (table) {
            case "stages" -> tables.stages(results, locale);
            case "people" -> tables.roles(results, locale);
            case "quarters" -> tables.quarters(results, locale);
            case "comments" -> tables.comments(results, locale);
            default -> throw new NotFound();
        };
        return ResponseEntity.ok().contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"feedback-round-" + id + "-" + table + ".csv\"")
                .body(t.csv().getBytes(StandardCharsets.UTF_8));
    }

    private static String value(MultiValueMap<String, String> params, String name) {
        String value = params.getFirst(name);
        return value == null ? "" : value;
    }
}
