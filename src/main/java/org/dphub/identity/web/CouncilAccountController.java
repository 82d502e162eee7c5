package org.dphub.identity.web;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.dphub.identity.CouncilAccounts;
import org.dphub.web.CurrentUser;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * "Sign in with your council account" (issue 17): choose your council, go to its provider, and
 * the page that says why a council account was refused. Public pages, in English and Welsh.
 */
@Controller
@RequestMapping("/sign-in/council-account")
class CouncilAccountController {

    /** The reasons the refusal page has words for; anything else (Spring Security's own codes) is "not accepted". */
    private static final Set<String> REASONS = Set.of("no-known-group", "other-council", "wrong-issuer", "switched-off",
            "ambiguous-email", "access_denied");

    private final CouncilAccounts accounts;

    CouncilAccountController(CouncilAccounts accounts) {
        this.accounts = accounts;
    }

    record CouncilChoice(String code, String name) {
    }

    @GetMapping
    String choose(Model model, Locale locale) {
        if (CurrentUser.orNull() != null) {
            return "redirect:/home";
        }
        model.addAttribute("councils", accounts.offered().stream().map(c -> new CouncilChoice(c.code(), c.name(locale))).toList());
        return "identity/council-account-choose";
    }

    /** Off to the council's provider, or a page saying why not (a council without single sign-on is 404). */
    @GetMapping("/{code:[a-z0-9][a-z0-9-]{1,39}}")
    String go(@PathVariable String code, Model model, HttpServletResponse response) {
        return switch (accounts.availability(code)) {
            case AVAILABLE -> "redirect:/oauth2/authorization/" + code;
            case NOT_SET_UP -> {
                response.setStatus(HttpServletResponse.SC_NOT_FOUND);
                model.addAttribute("reason", "not-set-up");
                yield "identity/council-account-unavailable";
            }
            case NOT_WORKING -> {
                response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
                model.addAttribute("reason", "not-working");
                yield "identity/council-account-unavailable";
            }
        };
    }

    @GetMapping("/refused")
    String refused(@RequestParam(required = false) String reason, HttpSession session, Model model, Locale locale,
                   HttpServletResponse response) {
        Optional<CouncilAccounts.Refused> refusal = accounts.refusal(session.getAttribute(CouncilAccounts.REFUSAL_ATTRIBUTE));
        session.removeAttribute(CouncilAccounts.REFUSAL_ATTRIBUTE);
        // the reason noted in the session by the check itself wins over the one in the address
        String why = refusal.map(CouncilAccounts.Refused::reason).orElse(reason);
        model.addAttribute("reason", why != null && REASONS.contains(why) ? why : "not-accepted");
        model.addAttribute("councilName", refusal.map(r -> r.council().name(locale)).orElse(null));
        model.addAttribute("groups", refusal.map(CouncilAccounts.Refused::groups).orElse(List.of()));
        response.setStatus(HttpServletResponse.SC_FORBIDDEN);
        return "identity/council-account-refused";
    }
}
