package org.dphub.monitoring.web;

import org.dphub.monitoring.letters.Letters;
import org.dphub.shared.SignedInUser;
import org.dphub.web.NotFound;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** The letters written to people: sent, or waiting in the outbox exactly as they would go; each as a PDF too. */
@Controller
class OutboxPages {

    private final Letters letters;

    OutboxPages(Letters letters) {
        this.letters = letters;
    }

    @GetMapping("/outbox")
    String outbox(SignedInUser staff, Model model) {
        model.addAttribute("letters", letters.outbox(staff));
        return "monitoring/outbox";
    }

    @GetMapping("/outbox/{id}")
    String letter(SignedInUser user, @PathVariable long id, Model model) {
        model.addAttribute("letter", letters.find(user, id).orElseThrow(NotFound::new));
        return "monitoring/letter";
    }

    @GetMapping("/letters/{id}.pdf")
    ResponseEntity<byte[]> pdf(SignedInUser user, @PathVariable long id) {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header("Content-Disposition", "inline; filename=\"letter-" + id + ".pdf\"").body(letters.pdf(user, id));
    }
}
