package org.dphub.identity.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import org.dphub.identity.CouncilAccounts;
import org.dphub.identity.PasswordRules;
import org.dphub.identity.UserAccounts;
import org.dphub.shared.SignedInUser;
import org.dphub.web.FormErrors;
import org.springframework.context.MessageSource;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Choose a new password: required after signing in with a temporary one, possible at any time. */
@Controller
@RequestMapping("/account/password")
class ChangePasswordController {

    private final UserAccounts accounts;
    private final UserDetailsService users;
    private final MessageSource messages;
    private final PasswordRules passwordRules;
    private final SecurityContextRepository contexts = new HttpSessionSecurityContextRepository();

    ChangePasswordController(UserAccounts accounts, UserDetailsService users, MessageSource messages, PasswordRules passwordRules) {
        this.passwordRules = passwordRules;
        this.accounts = accounts;
        this.users = users;
        this.messages = messages;
    }

    @GetMapping
    String form(SignedInUser user, Model model, Locale locale, Authentication signedIn) {
        model.addAttribute("errors", new FormErrors(messages, locale));
        model.addAttribute("temporary", user.mustChangePassword());
        model.addAttribute("councilAccount", CouncilAccounts.signedInWithCouncilAccount(signedIn));
        return "identity/change-password";
    }

    @PostMapping
    String change(SignedInUser user, @RequestParam(defaultValue = "") String newPassword,
                  @RequestParam(defaultValue = "") String confirmPassword, Model model, Locale locale,
                  HttpServletRequest request, HttpServletResponse response, Authentication signedIn) {
        if (CouncilAccounts.signedInWithCouncilAccount(signedIn)) {
            // issue 17: signed in through the council's provider, no dphub password is set here
            response.setStatus(HttpServletResponse.SC_FORBIDDEN);
            model.addAttribute("errors", new FormErrors(messages, locale));
            model.addAttribute("temporary", false);
            model.addAttribute("councilAccount", true);
            return "identity/change-password";
        }
        FormErrors errors = new FormErrors(messages, locale);
        passwordRules.check("newPassword", newPassword, user.username(), errors);
        if (errors.isEmpty() && !newPassword.equals(confirmPassword)) {
            errors.reject("confirmPassword", "password.error.mismatch");
        }
        if (!errors.isEmpty()) {
            model.addAttribute("errors", errors);
            model.addAttribute("temporary", user.mustChangePassword());
            return "identity/change-password";
        }
        accounts.changePassword(user.userId(), newPassword);
        // the session's principal still says "must change": replace it with the fresh one
        UserDetails fresh = users.loadUserByUsername(user.username());
        Authentication authentication = UsernamePasswordAuthenticationToken.authenticated(fresh, null, fresh.getAuthorities());
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(authentication);
        SecurityContextHolder.setContext(context);
        contexts.saveContext(context, request, response);
        return "redirect:/home?password-changed";
    }
}
