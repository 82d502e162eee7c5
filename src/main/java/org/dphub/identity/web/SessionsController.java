package org.dphub.identity.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.time.ZoneId;
import org.dphub.identity.SignedInSessions;
import org.dphub.shared.SignedInUser;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * "Where you are signed in" (issue 17, ASVS 3.3.4): the person's sessions — this device and any
 * others, when each began and was last used, and the device — and a button that signs them out
 * everywhere else, for a phone lost or a computer left signed in.
 */
@Controller
class SessionsController {

    static final ZoneId UK = ZoneId.of("Europe/London");

    private final SignedInSessions sessions;

    SessionsController(SignedInSessions sessions) {
        this.sessions = sessions;
    }

    @GetMapping("/account/sessions")
    String page(SignedInUser user, @RequestParam(required = false) Integer ended, HttpServletRequest request, Model model) {
        model.addAttribute("sessions", sessions.of(user, currentId(request)).stream()
                .map(s -> new Row(s.thisDevice(), s.signedInAt().atZone(UK).toLocalDateTime(), s.lastUsedAt().atZone(UK).toLocalDateTime(),
                        s.device().browser(), s.device().system()))
                .toList());
        model.addAttribute("ended", ended);
        return "identity/sessions";
    }

    @PostMapping("/account/sessions/sign-out-others")
    String signOutOthers(SignedInUser user, HttpServletRequest request) {
        return "redirect:/account/sessions?ended=" + sessions.endAllBut(user, currentId(request));
    }

    private static String currentId(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        return session == null ? "" : session.getId();
    }

    /** A session as the page shows it, its times in the UK; browser and system may be null (not known). */
    record Row(boolean thisDevice, java.time.LocalDateTime signedInAt, java.time.LocalDateTime lastUsedAt, String browser, String system) {
    }
}
