package org.dphub.letters.web;

import java.util.List;
import java.util.Locale;
import org.dphub.letters.LetterKind;
import org.dphub.letters.LetterWording;
import org.dphub.letters.Letters;
import org.dphub.letters.ReadingEase;
import org.dphub.shared.SignedInUser;
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
 * A council's own wording of its letters, in English and Welsh. Each save is checked as the API
 * checks it — threatening words, reading ease (English), placeholders we cannot fill — and the
 * page says what to change. Earlier wordings are kept; the newest is used.
 */
@Controller
@PreAuthorize("hasAnyRole('COUNCIL_ADMIN', 'DP_TEAM')")
class LetterWordingPages {

    private final Letters letters;
    private final MessageSource messages;

    LetterWordingPages(Letters letters, MessageSource messages) {
        this.letters = letters;
        this.messages = messages;
    }

    @GetMapping("/letter-templates")
    String list(SignedInUser staff, @RequestParam(required = false) String saved, Model model) {
        model.addAttribute("wordings", letters.wordings(staff));
        model.addAttribute("saved", saved);
        return "letters/letter-templates";
    }

    @GetMapping("/letter-templates/{kind}/{language}")
    String edit(SignedInUser staff, @PathVariable String kind, @PathVariable String language,
                @RequestParam(defaultValue = "false") boolean shipped, Model model, Locale locale) {
        Letters.Wording wording = letters.wording(staff, kind(kind), language(language));
        String subject = wording.subject();
        String body = wording.body();
        if (shipped) {
            Letters.Wording original = Letters.shippedWording(wording.kind(), wording.language());
            subject = original.subject();
            body = original.body();
        }
        return show(wording, subject, body, model, new FormErrors(messages, locale));
    }

    @PostMapping("/letter-templates/{kind}/{language}")
    String save(SignedInUser staff, @PathVariable String kind, @PathVariable String language,
                @RequestParam(defaultValue = "") String subject, @RequestParam(defaultValue = "") String body, Model model,
                Locale locale) {
        Letters.Wording wording = letters.wording(staff, kind(kind), language(language));
        FormErrors errors = new FormErrors(messages, locale);
        String cleanSubject = errors.text("subject", subject, 200, true, "letters.label.subject");
        String cleanBody = errors.text("body", body, 10000, true, "letters.label.body");
        if (errors.isEmpty()) {
            for (LetterWording.Problem problem : LetterWording.check(cleanSubject + "\n\n" + cleanBody,
                    Locale.forLanguageTag(wording.language()), wording.placeholders())) {
                errors.reject("body", problem.key(), problem.args().toArray());
            }
        }
        if (!errors.isEmpty()) {
            return show(wording, subject, body, model, errors);
        }
        letters.saveTemplate(staff, wording.kind(), wording.language(), cleanSubject, cleanBody);
        return "redirect:/letter-templates?saved=" + wording.kind().name() + "-" + wording.language();
    }

    private String show(Letters.Wording wording, String subject, String body, Model model, FormErrors errors) {
        model.addAttribute("wording", wording);
        model.addAttribute("subject", subject);
        model.addAttribute("body", body);
        model.addAttribute("placeholders", String.join(" ", wording.placeholders().stream().map(p -> "{" + p + "}").toList()));
        model.addAttribute("readingEase", wording.language().equals("en") && !body.isBlank()
                ? Math.round(Math.floor(ReadingEase.flesch(subject + "\n\n" + body))) : null);
        model.addAttribute("minimumEase", (long) LetterWording.MINIMUM_READING_EASE);
        model.addAttribute("errors", errors);
        return "letters/letter-template";
    }

    private static LetterKind kind(String kind) {
        try {
            return LetterKind.valueOf(kind);
        } catch (IllegalArgumentException e) {
            throw new NotFound();
        }
    }

    private static String language(String language) {
        if (!List.of("en", "cy").contains(language)) {
            throw new NotFound();
        }
        return language;
    }
}
