package org.dphub.letters.web;

import java.util.Locale;
import org.dphub.letters.Letter;
import org.dphub.letters.Letters;
import org.dphub.shared.SignedInUser;
import org.dphub.web.Conflict;
import org.dphub.web.FormErrors;
import org.dphub.web.NotFound;
import org.springframework.context.MessageSource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The letters written to people, with how each one's delivery stands (waiting, sent, trying again,
 * not sent and why), filtered to those not sent; each letter with every attempt to send it, "Send
 * again" for one that was not sent, and the letter as a PDF.
 */
@Controller
class OutboxPages {

    private final Letters letters;
    private final MessageSource messages;

    OutboxPages(Letters letters, MessageSource messages) {
        this.letters = letters;
        this.messages = messages;
    }

    @GetMapping("/outbox")
    String outbox(SignedInUser staff, @RequestParam(required = false) String show, Model model) {
        boolean onlyFailed = "not-sent".equals(show);
        Letters.Outbox outbox = letters.outbox(staff, onlyFailed);
        model.addAttribute("letters", outbox.letters());
        model.addAttribute("failed", outbox.failed());
        model.addAttribute("onlyFailed", onlyFailed);
        model.addAttribute("canSend", letters.canSend());
        return "letters/outbox";
    }

    @GetMapping("/outbox/{id}")
    String letter(SignedInUser user, @PathVariable long id, @RequestParam(name = "sent-again", defaultValue = "false") boolean sentAgain,
                  Model model) {
        return show(user, id, sentAgain, model, null);
    }

    /** Staff of the letter's council only (another council's letter: 404); on success back to the letter with a banner. */
    @PostMapping("/outbox/{id}/send-again")
    String sendAgain(SignedInUser staff, @PathVariable long id, Model model, Locale locale) {
        try {
            letters.sendAgain(staff, id);
        } catch (Conflict refused) {
            FormErrors errors = new FormErrors(messages, locale)
                    .reject("delivery", letters.canSend() ? "letters.send-again.error.not-failed" : "letters.send-again.error.no-notify");
            return show(staff, id, false, model, errors);
        }
        return "redirect:/outbox/" + id + "?sent-again=true";
    }

    private String show(SignedInUser user, long id, boolean sentAgain, Model model, FormErrors errors) {
        Letter letter = letters.find(user, id).orElseThrow(NotFound::new);
        model.addAttribute("letter", letter);
        model.addAttribute("attempts", letters.attempts(user, id));
        model.addAttribute("canSend", letters.canSend());
        model.addAttribute("sentAgain", sentAgain);
        model.addAttribute("errors", errors);
        return "letters/letter";
    }

    @GetMapping("/letters/{id}.pdf")
    ResponseEntity<byte[]> pdf(SignedInUser user, @PathVariable long id) {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header("Content-Disposition", "inline; filename=\"letter-" + id + ".pdf\"").body(letters.pdf(user, id));
    }
}
