package org.dphub.identity.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import java.util.Optional;
import org.dphub.identity.OneTimeCodes;
import org.dphub.shared.SignedInUser;
import org.dphub.web.FormErrors;
import org.dphub.web.PendingSignIn;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The sign-in step after the password for finance officers and council administrators (issue
 * 17): set up an authentication app, then a code from it (or a recovery code) at each sign-in.
 * These pages serve only a sign-in held aside by {@link PendingSignIn}; with none, they send the
 * person to sign in (or, signed in already, home). The recovery codes, and the count left after one is used, are shown in the
 * answer to the form itself, not after a redirect: so they are never kept anywhere, not even in
 * the session.
 */
@Controller
class OneTimeCodePages {

    private final OneTimeCodes codes;
    private final MessageSource messages;

    OneTimeCodePages(OneTimeCodes codes, MessageSource messages) {
        this.codes = codes;
        this.messages = messages;
    }

    @GetMapping("/sign-in/set-up-code")
    String setUp(HttpServletRequest request, Model model, Locale locale) {
        Optional<SignedInUser> user = waiting(request);
        if (user.isEmpty()) {
            return noSignInWaiting();
        }
        if (codes.isSetUp(user.get().userId())) {
            return "redirect:/sign-in/code";
        }
        return setUpPage(user.get(), new FormErrors(messages, locale), model, locale);
    }

    @PostMapping("/sign-in/set-up-code")
    String confirm(@RequestParam(defaultValue = "") String code, HttpServletRequest request, HttpServletResponse response,
                   Model model, Locale locale) {
        Optional<SignedInUser> user = waiting(request);
        if (user.isEmpty()) {
            return noSignInWaiting();
        }
        if (codes.isSetUp(user.get().userId())) {
            return "redirect:/sign-in/code";
        }
        OneTimeCodes.Result result = codes.confirmSetUp(user.get(), code);
        if (!result.accepted()) {
            return setUpPage(user.get(), refused("code", result.outcome(), locale), model, locale);
        }
        PendingSignIn.complete(request, response);
        // the layout read who is signed in before this request signed them in
        model.addAttribute("signedInUser", user.get());
        model.addAttribute("recoveryCodes", result.recoveryCodes());
        model.addAttribute("next", next(user.get()));
        return "identity/recovery-codes";
    }

    @GetMapping("/sign-in/code")
    String code(HttpServletRequest request, Model model, Locale locale) {
        Optional<SignedInUser> user = waiting(request);
        if (user.isEmpty()) {
            return noSignInWaiting();
        }
        if (!codes.isSetUp(user.get().userId())) {
            return "redirect:/sign-in/set-up-code";
        }
        model.addAttribute("errors", new FormErrors(messages, locale));
        return "identity/one-time-code";
    }

    @PostMapping("/sign-in/code")
    String check(@RequestParam(defaultValue = "") String code, HttpServletRequest request, HttpServletResponse response,
                 Model model, Locale locale) {
        Optional<SignedInUser> user = waiting(request);
        if (user.isEmpty()) {
            return noSignInWaiting();
        }
        if (!codes.isSetUp(user.get().userId())) {
            return "redirect:/sign-in/set-up-code";
        }
        OneTimeCodes.Result result = codes.check(user.get(), code);
        if (!result.accepted()) {
            model.addAttribute("errors", refused("code", result.outcome(), locale));
            return "identity/one-time-code";
        }
        PendingSignIn.complete(request, response);
        return "redirect:" + next(user.get());
    }

    @GetMapping("/sign-in/recovery-code")
    String recovery(HttpServletRequest request, Model model, Locale locale) {
        Optional<SignedInUser> user = waiting(request);
        if (user.isEmpty()) {
            return noSignInWaiting();
        }
        if (!codes.isSetUp(user.get().userId())) {
            return "redirect:/sign-in/set-up-code";
        }
        model.addAttribute("errors", new FormErrors(messages, locale));
        return "identity/recovery-code";
    }

    @PostMapping("/sign-in/recovery-code")
    String useRecovery(@RequestParam(defaultValue = "") String recoveryCode, HttpServletRequest request, HttpServletResponse response,
                       Model model, Locale locale) {
        Optional<SignedInUser> user = waiting(request);
        if (user.isEmpty()) {
            return noSignInWaiting();
        }
        if (!codes.isSetUp(user.get().userId())) {
            return "redirect:/sign-in/set-up-code";
        }
        OneTimeCodes.Result result = codes.useRecoveryCode(user.get(), recoveryCode);
        if (!result.accepted()) {
            model.addAttribute("errors", refused("recoveryCode", result.outcome(), locale));
            return "identity/recovery-code";
        }
        PendingSignIn.complete(request, response);
        model.addAttribute("signedInUser", user.get());
        model.addAttribute("left", result.recoveryCodesLeft());
        model.addAttribute("next", next(user.get()));
        return "identity/recovery-code-used";
    }

    private String setUpPage(SignedInUser user, FormErrors errors, Model model, Locale locale) {
        OneTimeCodes.SetUp setUp = codes.startSetUp(user);
        model.addAttribute("errors", errors);
        model.addAttribute("setUp", setUp);
        model.addAttribute("username", user.username());
        model.addAttribute("qrCode", QrCodeSvg.of(setUp.keyUri(), messages.getMessage("one-time-code.set-up.qr", null, locale), 200));
        return "identity/set-up-one-time-code";
    }

    private FormErrors refused(String field, OneTimeCodes.Outcome outcome, Locale locale) {
        String prefix = "code".equals(field) ? "one-time-code.error." : "recovery-code.error.";
        FormErrors errors = new FormErrors(messages, locale);
        return switch (outcome) {
            case LOCKED -> errors.reject(field, prefix + "locked", codes.lockout().toMinutes());
            default -> errors.reject(field, prefix + outcome.name().toLowerCase(Locale.ROOT).replace('_', '-'));
        };
    }

    /** Nothing to finish: someone signed in already goes home, anyone else to sign in. */
    private static String noSignInWaiting() {
        return org.dphub.web.CurrentUser.orNull() != null ? "redirect:/home" : "redirect:/sign-in";
    }

    private static String next(SignedInUser user) {
        return user.mustChangePassword() ? "/account/password" : "/home";
    }

    private static Optional<SignedInUser> waiting(HttpServletRequest request) {
        return PendingSignIn.held(request)
                .filter(a -> a.getPrincipal() instanceof SignedInUser.Holder)
                .map(a -> ((SignedInUser.Holder) a.getPrincipal()).signedInUser());
    }
}
