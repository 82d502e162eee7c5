package org.dphub.marketplace.web;

import java.util.List;
import java.util.Locale;
import org.dphub.marketplace.PaProfiles;
import org.dphub.marketplace.Vacancies;
import org.dphub.marketplace.internal.PaProfileRepository;
import org.dphub.shared.PostcodeDirectory;
import org.dphub.shared.SignedInUser;
import org.dphub.web.Conflict;
import org.dphub.web.FormErrors;
import org.dphub.web.NotFound;
import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The DP team reads reports of profiles (any: the register is national) and of its council's
 * vacancies, newest first, and suspends what was reported, with a reason; a suspension of a
 * profile is lifted here too, and the profile is then checked again before it is live. Every
 * action names a report the team can see, so nothing else can be suspended from this page.
 */
@Controller
@PreAuthorize("hasRole('DP_TEAM')")
class ReportReviewPages {

    static final int MAX_REASON = 2000;
    /** Times are shown as people here read a clock. */
    static final java.time.ZoneId LONDON = java.time.ZoneId.of("Europe/London");

    private final PaProfiles profiles;
    private final Vacancies vacancies;
    private final PostcodeDirectory postcodes;
    private final MessageSource messages;

    ReportReviewPages(PaProfiles profiles, Vacancies vacancies, PostcodeDirectory postcodes, MessageSource messages) {
        this.profiles = profiles;
        this.vacancies = vacancies;
        this.postcodes = postcodes;
        this.messages = messages;
    }

    @GetMapping("/pa-checks/reports")
    String reports(SignedInUser dpTeam, @RequestParam(required = false) String done, Model model, Locale locale) {
        return show(dpTeam, model, new FormErrors(messages, locale), done, 0, "");
    }

    @PostMapping("/pa-checks/reports/{reportId}/suspension")
    String suspend(SignedInUser dpTeam, @PathVariable long reportId, @RequestParam(defaultValue = "") String reason, Model model,
                   Locale locale) {
        PaProfileRepository.Report report = reportFor(dpTeam, reportId);
        FormErrors errors = new FormErrors(messages, locale);
        String field = "reason-" + reportId;
        String text = new PageInput(errors, postcodes).text(field, reason, MAX_REASON, true, "mp.reports.reason-label");
        if (errors.isEmpty()) {
            try {
                if (report.profileId() != null) {
                    profiles.suspend(dpTeam, report.profileId(), text);
                    return "redirect:/pa-checks/reports?done=profile-suspended";
                }
                vacancies.suspend(dpTeam, report.vacancyId(), text);
                return "redirect:/pa-checks/reports?done=vacancy-suspended";
            } catch (Conflict notNow) {
                errors.reject(field, "mp.reports.error.not-now");
            }
        }
        return show(dpTeam, model, errors, null, reportId, reason);
    }

    @PostMapping("/pa-checks/reports/{reportId}/reinstatement")
    String reinstate(SignedInUser dpTeam, @PathVariable long reportId, Model model, Locale locale) {
        PaProfileRepository.Report report = reportFor(dpTeam, reportId);
        if (report.profileId() == null) {
            throw new NotFound();
        }
        FormErrors errors = new FormErrors(messages, locale);
        try {
            profiles.reinstate(dpTeam, report.profileId());
            return "redirect:/pa-checks/reports?done=lifted";
        } catch (Conflict notSuspended) {
            errors.reject("lift-" + reportId, "mp.reports.error.not-suspended");
        }
        return show(dpTeam, model, errors, null, 0, "");
    }

    private PaProfileRepository.Report reportFor(SignedInUser dpTeam, long reportId) {
        return profiles.reports(dpTeam).stream().filter(r -> r.id() == reportId).findFirst().orElseThrow(NotFound::new);
    }

    private String show(SignedInUser dpTeam, Model model, FormErrors errors, String done, long reasonFor, String reason) {
        List<PaProfileRepository.Report> reports = profiles.reports(dpTeam);
        model.addAttribute("reports", reports);
        model.addAttribute("zone", LONDON);
        model.addAttribute("done", done != null && List.of("profile-suspended", "vacancy-suspended", "lifted").contains(done)
                ? done : null);
        model.addAttribute("reasonFor", reasonFor);
        model.addAttribute("reason", reason);
        model.addAttribute("errors", errors);
        return "marketplace/reports";
    }
}
