package org.dphub.rights.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.dphub.rights.Erasure;
import org.dphub.rights.ErasureRefused;
import org.dphub.rights.PersonalDataRights;
import org.dphub.rights.SubjectAccess;
import org.dphub.rights.internal.SubjectAccessPdf;
import org.dphub.shared.SignedInUser;
import org.dphub.web.NotFound;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Subject access (UK GDPR article 15) as JSON, or as an accessible PDF with
 * {@code Accept: application/pdf}; erasure (article 17) by the DP team or an administrator, or by a PA who registered
 * with no council themself.
 */
@RestController
@Tag(name = "Personal data")
class PersonalDataApiController {

    /** A subject access answer: whom it is about, when it was made, and per section its tables of records. */
    record SubjectAccessJson(String kind, long id, String name, java.time.Instant made,
                             Map<String, Map<String, List<Map<String, Object>>>> sections) {
        static SubjectAccessJson of(SubjectAccess a) {
            return new SubjectAccessJson(a.kind(), a.id(), a.name(), a.made(), a.sectionMap());
        }
    }

    /** What an erasure removed, and what it kept and why, in words (English, or Welsh with ?lang=cy). */
    record ErasureJson(long id, long citizenId, String step, java.time.Instant carriedOutAt, List<String> removed, List<KeptJson> kept) {
    }

    record KeptJson(String what, String why) {
    }

    /** What a PA's erasure removed, and what it kept and why, in words. */
    record PaErasureJson(long id, long paProfileId, String step, java.time.Instant carriedOutAt, List<String> removed,
                         List<KeptJson> kept) {
    }

    /** What a provider's erasure removed, and what it kept and why, in words. */
    record ProviderErasureJson(long id, java.util.UUID organizationId, String step, java.time.Instant carriedOutAt, List<String> removed,
                               List<KeptJson> kept) {
    }

    private final PersonalDataRights rights;
    private final SubjectAccessPdf pdf;
    private final MessageSource messages;

    PersonalDataApiController(PersonalDataRights rights, SubjectAccessPdf pdf, MessageSource messages) {
        this.rights = rights;
        this.pdf = pdf;
        this.messages = messages;
    }

    @GetMapping(path = "/api/v1/citizens/{id}/subject-access", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "A person's whole record (subject access): for the person, those who act for them, and their council's "
            + "practitioners, DP team and administrators; audited. Accept: application/pdf for an accessible PDF")
    SubjectAccessJson citizen(SignedInUser user, @PathVariable long id) {
        return SubjectAccessJson.of(rights.forCitizen(user, id, "json").orElseThrow(NotFound::new));
    }

    @GetMapping(path = "/api/v1/citizens/{id}/subject-access", produces = MediaType.APPLICATION_PDF_VALUE)
    ResponseEntity<byte[]> citizenPdf(SignedInUser user, @PathVariable long id, @RequestParam(defaultValue = "en") String lang) {
        return pdf(rights.forCitizen(user, id, "pdf").orElseThrow(NotFound::new), lang);
    }

    @GetMapping(path = "/api/v1/pa-profiles/{id}/subject-access", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "A PA's whole record (subject access): for the PA, and the DP team of the council they registered with; "
            + "audited. Accept: application/pdf for an accessible PDF")
    SubjectAccessJson pa(SignedInUser user, @PathVariable long id) {
        return SubjectAccessJson.of(rights.forPaProfile(user, id, "json").orElseThrow(NotFound::new));
    }

    @GetMapping(path = "/api/v1/pa-profiles/{id}/subject-access", produces = MediaType.APPLICATION_PDF_VALUE)
    ResponseEntity<byte[]> paPdf(SignedInUser user, @PathVariable long id, @RequestParam(defaultValue = "en") String lang) {
        return pdf(rights.forPaProfile(user, id, "pdf").orElseThrow(NotFound::new), lang);
    }

    @GetMapping(path = "/api/v1/providers/{id}/subject-access", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "A provider's whole record (subject access) by its organisation in the directory: what its sign-in holds, "
            + "for the DP team or an administrator of the council that checks it (404 for an organisation with no sign-in); audited. "
            + "Accept: application/pdf for an accessible PDF")
    SubjectAccessJson provider(SignedInUser user, @PathVariable java.util.UUID id) {
        return SubjectAccessJson.of(rights.forProvider(user, id, "json").orElseThrow(NotFound::new));
    }

    @GetMapping(path = "/api/v1/providers/{id}/subject-access", produces = MediaType.APPLICATION_PDF_VALUE)
    ResponseEntity<byte[]> providerPdf(SignedInUser user, @PathVariable java.util.UUID id, @RequestParam(defaultValue = "en") String lang) {
        return pdf(rights.forProvider(user, id, "pdf").orElseThrow(NotFound::new), lang);
    }

    @GetMapping(path = "/api/v1/me/subject-access", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Your own whole record (subject access), whoever you are; audited. Accept: application/pdf for an accessible PDF")
    SubjectAccessJson me(SignedInUser user) {
        return SubjectAccessJson.of(rights.forMe(user, "json"));
    }

    @GetMapping(path = "/api/v1/me/subject-access", produces = MediaType.APPLICATION_PDF_VALUE)
    ResponseEntity<byte[]> mePdf(SignedInUser user, @RequestParam(defaultValue = "en") String lang) {
        return pdf(rights.forMe(user, "pdf"), lang);
    }

    @PostMapping("/api/v1/citizens/{id}/erasure")
    @Operation(summary = "Erase a person's details where no law keeps them (DP team or administrator of their council): 409 with what "
            + "to settle first while money is held (an account not at nil, a direct payment in force), nothing changed; the answer "
            + "says what was removed and what was kept and why. Audited")
    ErasureJson erase(SignedInUser staff, @PathVariable long id, @RequestParam(defaultValue = "en") String lang) {
        Erasure erasure = rights.erase(staff, id);
        Locale locale = Locale.forLanguageTag("cy".equals(lang) ? "cy" : "en");
        return new ErasureJson(erasure.id(), erasure.citizenId(), erasure.step(), erasure.carriedOutAt(), words(erasure.removed(), locale),
                keptWords(erasure.kept(), locale));
    }

    @PostMapping("/api/v1/citizens/{id}/representatives/{representativeId}/erasure")
    @Operation(summary = "Erase the details of someone who acted for the citizen and no longer does, at their request (DP team or "
            + "administrator of the citizen's council): their email address, the recorded values of changes to their row, and their "
            + "sign-in unless it is used for anything else; their name stays on the citizen's record as who acted for them. 409 while "
            + "they still act or when done already, nothing changed. 201 with what was removed and what was kept and why (?lang=cy). "
            + "Audited on the citizen's record")
    ResponseEntity<ErasureJson> eraseRepresentative(SignedInUser staff, @PathVariable long id, @PathVariable long representativeId,
                                                    @RequestParam(defaultValue = "en") String lang) {
        Erasure erasure = rights.eraseRepresentative(staff, id, representativeId);
        Locale locale = Locale.forLanguageTag("cy".equals(lang) ? "cy" : "en");
        return ResponseEntity.status(HttpStatus.CREATED).body(new ErasureJson(erasure.id(), id, erasure.step(), erasure.carriedOutAt(),
                words(erasure.removed(), locale), keptWords(erasure.kept(), locale)));
    }

    @PostMapping("/api/v1/pa-profiles/{id}/erasure")
    @Operation(summary = "Erase a PA who leaves the register (DP team or administrator of the council they registered with): "
            + "the profile comes off the register, contact details, words and the sign-in go; payroll records are kept. 409 with "
            + "what to settle first (an employment not ended, pay not yet approved, a cover shift to come), nothing changed. "
            + "201 with what was removed and what was kept and why (?lang=cy in Welsh). Audited")
    ResponseEntity<PaErasureJson> erasePa(SignedInUser staff, @PathVariable long id, @RequestParam(defaultValue = "en") String lang) {
        return paErased(rights.erasePa(staff, id), lang);
    }

    @PostMapping("/api/v1/me/pa-erasure")
    @Operation(summary = "A PA who registered with no council (the national self sign-up) leaves the register and erases their own "
            + "data: the same step as a council's erasure of a PA, recorded with no council and carried out by \"the PA themself\". "
            + "Their sign-in closes with it. 409 with what to settle first, nothing changed; 404 for anyone else (a PA who "
            + "registered with a council asks its DP team on \"Your data\"). 201 with what was removed and kept and why (?lang=cy)")
    ResponseEntity<PaErasureJson> leaveRegister(SignedInUser pa, @RequestParam(defaultValue = "en") String lang) {
        return paErased(rights.leaveRegister(pa), lang);
    }

    private ResponseEntity<PaErasureJson> paErased(Erasure erasure, String lang) {
        Locale locale = Locale.forLanguageTag("cy".equals(lang) ? "cy" : "en");
        return ResponseEntity.status(HttpStatus.CREATED).body(new PaErasureJson(erasure.id(), erasure.paProfileId(), erasure.step(),
                erasure.carriedOutAt(), words(erasure.removed(), locale), keptWords(erasure.kept(), locale)));
    }

    @PostMapping("/api/v1/providers/{id}/erasure")
    @Operation(summary = "Erase a provider who leaves the directory and asked another way than \"Your data\" (DP team or administrator "
            + "of the council whose DP team checks the provider; {id} is its organisation in the directory): its services are "
            + "withdrawn, its description, contact details, places and sign-in go; the names and the money records are kept. 409 "
            + "with what to settle first (money still to be paid to it, a regular payment not stopped, a request for payment not "
            + "settled, buying together not finished), nothing changed. 201 with what was removed and kept and why (?lang=cy)")
    ResponseEntity<ProviderErasureJson> eraseProvider(SignedInUser staff, @PathVariable java.util.UUID id,
                                                      @RequestParam(defaultValue = "en") String lang) {
        return providerErased(rights.eraseProvider(staff, id), lang);
    }

    @PostMapping("/api/v1/me/provider-erasure")
    @Operation(summary = "A provider leaves the directory and erases their own data: the same step as the council's, carried out by "
            + "\"the provider themself\". Their sign-in closes with it. 409 with what to settle first, nothing changed; 404 for "
            + "anyone without an organisation of their own. 201 with what was removed and kept and why (?lang=cy)")
    ResponseEntity<ProviderErasureJson> leaveDirectory(SignedInUser provider, @RequestParam(defaultValue = "en") String lang) {
        return providerErased(rights.leaveDirectory(provider), lang);
    }

    private ResponseEntity<ProviderErasureJson> providerErased(Erasure erasure, String lang) {
        Locale locale = Locale.forLanguageTag("cy".equals(lang) ? "cy" : "en");
        return ResponseEntity.status(HttpStatus.CREATED).body(new ProviderErasureJson(erasure.id(), erasure.organizationId(),
                erasure.step(), erasure.carriedOutAt(), words(erasure.removed(), locale), keptWords(erasure.kept(), locale)));
    }

    private List<String> words(List<String> keys, Locale locale) {
        return keys.stream().map(k -> messages.getMessage(k, null, locale)).toList();
    }

    private List<KeptJson> keptWords(List<org.dphub.shared.personaldata.PersonalDataSource.Kept> kept, Locale locale) {
        return kept.stream().map(k -> new KeptJson(messages.getMessage(k.what(), null, locale), messages.getMessage(k.why(), null, locale)))
                .toList();
    }

    /**
     * Refused, nothing changed: what to settle first, in the words the pages use for the one who asked (staff about a
     * person, a PA or a provider; a PA or provider about themself), in Welsh with ?lang=cy.
     */
    @ExceptionHandler(ErasureRefused.class)
    ResponseEntity<ProblemDetail> refused(ErasureRefused refused, jakarta.servlet.http.HttpServletRequest request) {
        Locale locale = Locale.forLanguageTag("cy".equals(request.getParameter("lang")) ? "cy" : "en");
        List<String> settle = refused.settleFirst().stream().map(k -> messages.getMessage(k, null, locale)).toList();
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
                messages.getMessage(refused.heading(), null, locale) + " " + String.join(" ", settle));
        problem.setProperty("settleFirst", settle);
        return ResponseEntity.status(HttpStatus.CONFLICT).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    private ResponseEntity<byte[]> pdf(SubjectAccess access, String lang) {
        Locale locale = Locale.forLanguageTag("cy".equals(lang) ? "cy" : "en");
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"your-data-" + access.kind() + "-" + access.id() + ".pdf\"")
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(pdf.render(access, locale));
    }
}
