package org.dphub.rights.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.dphub.identity.CitizenRelationship;
import org.dphub.identity.UserAccounts;

import org.dphub.people.Citizens;
import org.dphub.rights.ErasureRefused;
import org.dphub.rights.PersonalDataRights;
import org.dphub.rights.SubjectAccess;
import org.dphub.rights.internal.SubjectAccessPdf;
import org.dphub.shared.SignedInUser;
import org.dphub.web.FormErrors;
import org.dphub.web.NotFound;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * "Your data": download your whole record (PDF or JSON) — and, for someone who acts for others,
 * theirs — and ask for it to be erased, with what would be kept and why (issue 17).
 */
@Controller
class YourDataController {

    /** A person whose record this user may download: themself or someone they act for. */
    record Person(long citizenId, String name, boolean self) {
    }

    private final PersonalDataRights rights;
    private final UserAccounts accounts;
    private final Citizens citizens;
    private final SubjectAccessPdf pdf;
    private final MessageSource messages;

    YourDataController(PersonalDataRights rights, UserAccounts accounts, Citizens citizens, SubjectAccessPdf pdf, MessageSource messages) {
        this.rights = rights;
        this.accounts = accounts;
        this.citizens = citizens;
        this.pdf = pdf;
        this.messages = messages;
    }

    @GetMapping("/your-data")
    String page(SignedInUser user, @RequestParam(required = false) Long asked, Model model, Locale locale) {
        return show(user, model, new FormErrors(messages, locale), asked != null);
    }

    private String show(SignedInUser user, Model model, FormErrors errors, boolean asked) {
        List<Person> people = user.isStaff() ? List.of() : accounts.citizenAccessFor(user.userId()).stream()
                .map(a -> citizens.find(user, a.citizenId())
                        .map(c -> new Person(c.id(), c.fullName(), a.relationship() == CitizenRelationship.SELF)))
                .flatMap(Optional::stream).toList();
        model.addAttribute("people", people);
        model.addAttribute("others", people.stream().filter(p -> !p.self()).toList());
        model.addAttribute("mayAskForErasure", !people.isEmpty());
        // a PA on the register may ask to leave it and be erased (issue 17)
        model.addAttribute("paProfile", rights.ownPaProfile(user).filter(p -> p.status() != org.dphub.marketplace.PaProfileStatus.ERASED)
                .orElse(null));
        // one who registered with no council does it themself, on a page that asks them to be sure
        model.addAttribute("leavesThemself", rights.leavesRegisterThemself(user));
        // someone who acted for people and no longer does may ask for their details to be erased (issue 17)
        model.addAttribute("formerRepresentative", people.isEmpty() && rights.mayAskAsFormerRepresentative(user));
        // a provider leaves the directory and erases their data themself (issue 17)
        model.addAttribute("organisation", rights.ownOrganisation(user).orElse(null));
        model.addAttribute("years", rights.retentionYears());
        model.addAttribute("asked", asked);
        model.addAttribute("errors", errors);
        return "rights/your-data";
    }

    @GetMapping(path = "/your-data/download.json")
    ResponseEntity<Map<String, Object>> mineJson(SignedInUser user) {
        return json(rights.forMe(user, "json"));
    }

    @GetMapping(path = "/your-data/download.pdf")
    ResponseEntity<byte[]> minePdf(SignedInUser user, Locale locale) {
        return pdf(rights.forMe(user, "pdf"), locale);
    }

    @GetMapping(path = "/your-data/people/{id}.json")
    ResponseEntity<Map<String, Object>> personJson(SignedInUser user, @PathVariable long id) {
        return json(rights.forCitizen(user, id, "json").orElseThrow(NotFound::new));
    }

    @GetMapping(path = "/your-data/people/{id}.pdf")
    ResponseEntity<byte[]> personPdf(SignedInUser user, @PathVariable long id, Locale locale) {
        return pdf(rights.forCitizen(user, id, "pdf").orElseThrow(NotFound::new), locale);
    }

    /** The person, or someone acting for them, asks the DP team to erase their data. */
    @PostMapping("/your-data/erasure-request")
    String askForErasure(SignedInUser user, @RequestParam(required = false) Long citizenId, Model model, Locale locale) {
        FormErrors errors = new FormErrors(messages, locale);
        if (citizenId == null || user.isStaff() || citizens.find(user, citizenId).isEmpty()) {
            errors.reject("citizenId", "rights.error.choose-person");
            return show(user, model, errors, false);
        }
        Optional<Long> request = rights.requestErasure(user, citizenId, locale, errors);
        if (request.isEmpty()) {
            return show(user, model, errors, false);
        }
        return "redirect:/your-data?asked=" + request.get();
    }

    /** Someone who acted for people and no longer does asks for their details to be erased: a request to their council's DP team. */
    @PostMapping("/your-data/representative-erasure-request")
    String askForRepresentativeErasure(SignedInUser user, Model model, Locale locale) {
        FormErrors errors = new FormErrors(messages, locale);
        Optional<Long> request = rights.requestRepresentativeErasure(user, locale, errors);
        if (request.isEmpty()) {
            return show(user, model, errors, false);
        }
        return "redirect:/your-data?asked=" + request.get();
    }

    /** A PA asks to leave the register and have their data erased: a request to their council's DP team. */
    @PostMapping("/your-data/pa-erasure-request")
    String askForPaErasure(SignedInUser user, Model model, Locale locale) {
        if (rights.ownPaProfile(user).isEmpty()) {
            throw new NotFound();
        }
        FormErrors errors = new FormErrors(messages, locale);
        Optional<Long> request = rights.requestPaErasure(user, locale, errors);
        if (request.isEmpty()) {
            return show(user, model, errors, false);
        }
        return "redirect:/your-data?asked=" + request.get();
    }

    /** A PA who registered with no council: what leaving the register does, and the button that does it. Anyone else: not found. */
    @GetMapping("/your-data/leave-register")
    String leaveRegister(SignedInUser user, Model model) {
        return confirmLeaving(user, model, List.of());
    }

    private String confirmLeaving(SignedInUser user, Model model, List<String> settleFirst) {
        if (!rights.leavesRegisterThemself(user)) {
            throw new NotFound();
        }
        model.addAttribute("years", rights.retentionYears());
        model.addAttribute("settleFirst", settleFirst);
        return "rights/leave-register";
    }

    /**
     * The PA leaves the register and their data is erased there and then. Their sign-in is closed with
     * it, so their session ends here and they land on the start page, told it is done. Refused while
     * something is unsettled: the same page with what to settle first, nothing changed.
     */
    @PostMapping("/your-data/leave-register")
    String leave(SignedInUser user, Model model, HttpServletRequest request) {
        try {
            rights.leaveRegister(user);
        } catch (ErasureRefused refused) {
            return confirmLeaving(user, model, refused.settleFirst());
        }
        return signedOutErased(request, "data-erased");
    }

    /** After erasing one's own data, whose sign-in it closed: the session ends, and the start page says it is done ({@code said}). */
    private static String signedOutErased(HttpServletRequest request, String said) {
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
        SecurityContextHolder.clearContext();
        return "redirect:/?" + said;
    }

    /** A provider: what leaving the directory does, and the button that does it. Anyone without an organisation: not found. */
    @GetMapping("/your-data/leave-directory")
    String leaveDirectory(SignedInUser user, Model model) {
        return confirmLeavingDirectory(user, model, List.of());
    }

    private String confirmLeavingDirectory(SignedInUser user, Model model, List<String> settleFirst) {
        model.addAttribute("organisation", rights.ownOrganisation(user).orElseThrow(NotFound::new));
        model.addAttribute("years", rights.retentionYears());
        model.addAttribute("settleFirst", settleFirst);
        return "rights/leave-directory";
    }

    /**
     * The provider leaves the directory and their data is erased there and then; their sign-in is closed with it, so
     * their session ends and they land on the start page, told it is done. Refused while something is unsettled: the
     * same page with what to settle first, nothing changed.
     */
    @PostMapping("/your-data/leave-directory")
    String leaveDirectory(SignedInUser user, Model model, HttpServletRequest request) {
        try {
            rights.leaveDirectory(user);
        } catch (ErasureRefused refused) {
            return confirmLeavingDirectory(user, model, refused.settleFirst());
        }
        return signedOutErased(request, "left-directory");
    }

    static ResponseEntity<Map<String, Object>> json(SubjectAccess access) {
        Map<String, Object> body = new java.util.LinkedHashMap<>();
        body.put("kind", access.kind());
        body.put("id", access.id());
        body.put("name", access.name());
        body.put("made", access.made().toString());
        body.put("sections", access.sectionMap());
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"your-data-" + access.kind() + "-" + access.id() + ".json\"")
                .header(HttpHeaders.CACHE_CONTROL, "no-store").body(body);
    }

    ResponseEntity<byte[]> pdf(SubjectAccess access, Locale locale) {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"your-data-" + access.kind() + "-" + access.id() + ".pdf\"")
                .header(HttpHeaders.CACHE_CONTROL, "no-store").body(pdf.render(access, locale));
    }

}
