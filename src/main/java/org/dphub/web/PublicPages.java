package org.dphub.web;

import java.util.Locale;
import org.springframework.boot.availability.ApplicationAvailability;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Pages anyone can read without signing in. */
@Controller
class PublicPages {

    private final MessageSource messages;
    private final FormTokens formTokens;
    private final ApplicationAvailability availability;

    PublicPages(MessageSource messages, FormTokens formTokens, ApplicationAvailability availability) {
        this.messages = messages;
        this.formTokens = formTokens;
        this.availability = availability;
    }

    @GetMapping("/")
    String start() {
        return "start";
    }

    /** The sign-in form. Spring Security handles the POST and sends people back here on failure. */
    @GetMapping("/sign-in")
    String signIn(@RequestParam(required = false) String error, @RequestParam(required = false) String locked,
                  @RequestParam(name = "too-many-from-here", required = false) String tooManyFromHere,
                  @RequestParam(name = "council-account", required = false) String councilAccount,
                  @RequestParam(name = "session-ended", required = false) String sessionEnded,
                  @RequestParam(name = "password-reset", required = false) String passwordReset,
                  @RequestParam(name = "temporary-password-expired", required = false) String temporaryExpired, Model model, Locale locale) {
        if (CurrentUser.orNull() != null) {
            return "redirect:/home";
        }
        FormErrors errors = new FormErrors(messages, locale);
        if (tooManyFromHere != null) {
            // issue 17: too many failed sign-ins from this address, whatever the usernames (a robot)
            errors.reject("username", "sign-in.error.too-many-from-here");
        } else if (locked != null) {
            errors.reject("username", "sign-in.error.locked");
        } else if (temporaryExpired != null) {
            // issue 17: a right temporary password, older than DPHUB_TEMPORARY_PASSWORD_LIFETIME
            errors.reject("password", "sign-in.error.temporary-expired");
        } else if (error != null) {
            errors.reject("username", "sign-in.error.wrong");
        }
        model.addAttribute("errors", errors);
        // the app answers before its start-up work is done (the demo data loads for about ten seconds
        // after the first ./mvnw spring-boot:run): until then an account may not exist yet
        model.addAttribute("starting", availability.getReadinessState() != ReadinessState.ACCEPTING_TRAFFIC);
        // issue 17: signed out because the session reached DPHUB_SESSION_MAX_AGE (SessionLifetime)
        model.addAttribute("sessionEnded", sessionEnded != null);
        // issue 17: a new password chosen with a link sent by email (identity's ForgottenPasswordController)
        model.addAttribute("passwordReset", passwordReset != null);
        // issue 17: a right password, but this council's staff use their council account (only a council's code, as in its address)
        if (councilAccount != null && councilAccount.matches("[a-z0-9][a-z0-9-]{1,39}")) {
            model.addAttribute("councilAccountOnly", councilAccount);
        }
        return "sign-in";
    }

    @GetMapping("/accessibility")
    String accessibility() {
        return "accessibility";
    }

    @GetMapping("/data-attribution")
    String dataAttribution() {
        return "data-attribution";
    }

    /** The cookies page names each cookie as this service sets it. */
    @GetMapping("/cookies")
    String cookies(Model model) {
        model.addAttribute("formCookie", formTokens.cookieName());
        return "cookies";
    }
}
