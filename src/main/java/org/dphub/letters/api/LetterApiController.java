package org.dphub.letters.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.dphub.letters.Letter;
import org.dphub.letters.LetterKind;
import org.dphub.letters.Letters;
import org.dphub.shared.SignedInUser;
import org.dphub.web.FormErrors;
import org.dphub.web.NotFound;
import org.springframework.context.MessageSource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Letters")
class LetterApiController {

    record SendJson(String kind, Map<String, String> values) {
    }

    record TemplateJson(String subject, String body) {
    }

    /**
     * A letter to a person has a citizenId; one to a PA (issue 18) a paProfileId instead; one to someone who acted for a
     * person (issue 17) a representativeId.
     */
    record LetterJson(long id, Long citizenId, Long paProfileId, Long representativeId, LetterKind kind, String language, String channel,
                      String recipient, String subject, String body, String status, Instant createdAt) {
        static LetterJson of(Letter l) {
            return new LetterJson(l.id(), l.citizenId(), l.paProfileId(), l.representativeId(), l.kind(), l.language(), l.channel(),
                    l.recipient(), l.subject(), l.body(), l.status(), l.createdAt());
        }
    }

    private final Letters letters;
    private final MessageSource messages;

    LetterApiController(Letters letters, MessageSource messages) {
        this.letters = letters;
        this.messages = messages;
    }

    @PostMapping("/api/v1/citizens/{id}/letters")
    @PreAuthorize("hasRole('STAFF')")
    @Operation(summary = "Write to a person from a template (RETURN_DUE, QUESTION, SURPLUS_FOUND, REVIEW_DUE, INSURANCE_RENEWAL) in their language. "
            + "With GOV.UK Notify set up the letter is PENDING and sent after this request commits (retried with back-off: then SENT or "
            + "FAILED); otherwise it is kept in the outbox (OUTBOX)")
    ResponseEntity<LetterJson> send(SignedInUser staff, @PathVariable long id, @RequestBody SendJson body) {
        FormErrors errors = new FormErrors(messages, Locale.ENGLISH);
        LetterKind kind = kind(body.kind(), errors);
        if (kind != null && kind.writtenByTheDirectory()) {
            errors.reject("kind", "letters.error.kind.written-by-the-directory", kind.name());
        } else if (kind == LetterKind.FEEDBACK_INVITED) {
            errors.reject("kind", "letters.error.kind.written-by-a-survey-round", kind.name());
        } else if (kind != null && !kind.staffMayWrite()) {
            errors.reject("kind", "letters.error.kind.written-by-the-service", kind.name());
        }
        Map<String, String> values = body.values() == null ? Map.of() : body.values();
        values.forEach((name, value) -> errors.text("values." + name, value, 2000, false, "letters.label.value"));
        errors.throwIfAny();
        Letter letter = letters.send(staff, id, kind, values);
        return ResponseEntity.created(URI.create("/api/v1/letters/" + letter.id())).body(LetterJson.of(letter));
    }

    @GetMapping("/api/v1/letters/{id}")
    @Operation(summary = "A letter exactly as written, with its delivery status (OUTBOX, PENDING, SENDING, SENT, FAILED)")
    LetterJson get(SignedInUser user, @PathVariable long id) {
        return letters.find(user, id).map(LetterJson::of).orElseThrow(NotFound::new);
    }

    @GetMapping("/api/v1/citizens/{id}/letters")
    @Operation(summary = "Letters written to a person, newest first")
    List<LetterJson> forCitizen(SignedInUser user, @PathVariable long id) {
        return letters.forCitizen(user, id).stream().map(LetterJson::of).toList();
    }

    @GetMapping(path = "/api/v1/letters/{id}/pdf", produces = MediaType.APPLICATION_PDF_VALUE)
    @Operation(summary = "The letter as an accessible PDF")
    ResponseEntity<byte[]> pdf(SignedInUser user, @PathVariable long id) {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF).body(letters.pdf(user, id));
    }

    @PutMapping("/api/v1/letter-templates/{kind}/{language}")
    @PreAuthorize("hasAnyRole('COUNCIL_ADMIN', 'DP_TEAM')")
    @Operation(summary = "The council's own wording of a letter; refused (422, with what to change) if it threatens or, in "
            + "English, reads at under 60 on the Flesch scale")
    TemplateJson saveTemplate(SignedInUser staff, @PathVariable String kind, @PathVariable String language, @RequestBody TemplateJson body) {
        FormErrors errors = new FormErrors(messages, Locale.ENGLISH);
        LetterKind letterKind = kind(kind, errors);
        if (!language.equals("en") && !language.equals("cy")) {
            errors.reject("language", "letters.error.language");
        }
        String subject = errors.text("subject", body.subject(), 200, true, "letters.label.subject");
        String text = errors.text("body", body.body(), 10000, true, "letters.label.body");
        errors.throwIfAny();
        letters.saveTemplate(staff, letterKind, language, subject, text);
        return body;
    }

    private static LetterKind kind(String kind, FormErrors errors) {
        try {
            return LetterKind.valueOf(kind == null ? "" : kind.strip());
        } catch (IllegalArgumentException e) {
            errors.reject("kind", "letters.error.kind");
            return null;
        }
    }
}
