package org.dphub.identity.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import java.util.Optional;
import org.dphub.identity.PasswordResets;
import org.dphub.web.FormErrors;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * "Forgotten your password?" (issue 17): the address they sign in with, then "check your email" —
 * the same words whether or not it is an account's — and the link's page, where they choose a new
 * password and are sent to sign in with it. A link that is unknown, used or more than an hour old
 * gets a page that says so and how to ask again, and changes nothing. One connection asking for
 * too many links within the hour, whoever's, gets 429 and the form again with what to do.
 */
@Controller
class ForgottenPasswordController {

    private static final String EXPIRED = "identity/reset-link-expired";

    private final PasswordResets resets;
    private final MessageSource messages;

    ForgottenPasswordController(PasswordResets resets, MessageSource messages) {
        this.resets = resets;
        this.messages = messages;
    }

    @GetMapping("/sign-in/forgotten-password")
    String form(@RequestParam(required = false) String asked, Model model, Locale locale) {
        model.addAttribute("asked", asked != null);
        model.addAttribute("email", "");
        model.addAttribute("errors", new FormErrors(messages, locale));
        model.addAttribute("minutes", PasswordResets.VALID_FOR.toMinutes());
        return "identity/forgotten-password";
    }

    @PostMapping("/sign-in/forgotten-password")
    String ask(@RequestParam(defaultValue = "") String email, Model model, Locale locale, HttpServletRequest request,
               HttpServletResponse response) {
        FormErrors errors = new FormErrors(messages, locale);
        String address = errors.text("email", email, 254, true, "forgotten-password.email.in-error");
        if (address != null && !address.contains("@")) {
            errors.reject("email", "forgotten-password.error.email");
        }
        if (errors.isEmpty() && !resets.ask(address, request.getRemoteAddr())) {
            // this connection has asked for too many links within the hour, whoever's (a robot): nothing sent
            errors.reject("email", "forgotten-password.error.too-many");
            response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
        }
        if (!errors.isEmpty()) {
            model.addAttribute("asked", false);
            model.addAttribute("email", email.length() > 254 ? "" : email);
            model.addAttribute("errors", errors);
            return "identity/forgotten-password";
        }
        return "redirect:/sign-in/forgotten-password?asked";
    }

    @GetMapping("/sign-in/new-password")
    String newPassword(@RequestParam(defaultValue = "") String token, Model model, Locale locale) {
        if (!resets.usable(token)) {
            return EXPIRED;
        }
        model.addAttribute("token", token);
        model.addAttribute("errors", new FormErrors(messages, locale));
        return "identity/new-password";
    }

    @PostMapping("/sign-in/new-password")
    String choose(@RequestParam(defaultValue = "") String token, @RequestParam(defaultValue = "") String newPassword,
                  @RequestParam(defaultValue = "") String confirmPassword, Model model, Locale locale) {
        FormErrors errors = new FormErrors(messages, locale);
        Optional<String> done = resets.choose(token, newPassword, confirmPassword, errors);
        if (done.isEmpty()) {
            return EXPIRED;
        }
        if (!errors.isEmpty()) {
            model.addAttribute("token", token);
            model.addAttribute("errors", errors);
            return "identity/new-password";
        }
        return "redirect:/sign-in?password-reset";
    }
}
