package org.dphub.people.web;

import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import org.dphub.identity.UserAccounts;
import org.dphub.identity.UsernameTakenException;
import org.dphub.people.Citizen;
import org.dphub.people.Citizens;
import org.dphub.people.OnlineAccount;
import org.dphub.people.Representative;
import org.dphub.shared.SignedInUser;
import org.dphub.web.Conflict;
import org.dphub.web.FormErrors;
import org.dphub.web.NotFound;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * A practitioner gives a person (or their representative) an online account. The temporary
 * password is shown once, in the answer to the form, and never stored anywhere in plain text: not
 * in the session, not in a redirect. Sending the form again finds the account made and says so.
 */
@Controller
class OnlineAccountController {

    private final Citizens citizens;
    private final MessageSource messages;
    private final UserAccounts accounts;

    OnlineAccountController(Citizens citizens, MessageSource messages, UserAccounts accounts) {
        this.citizens = citizens;
        this.messages = messages;
        this.accounts = accounts;
    }

    @GetMapping("/citizens/{id}/account/new")
    String citizenForm(SignedInUser practitioner, @PathVariable long id, Model model, Locale locale) {
        Citizen citizen = citizen(practitioner, id);
        if (citizens.hasOnlineAccount(citizen)) {
            return "redirect:/citizens/" + id;
        }
        return form(model, citizen, null, citizen.email() == null ? "" : citizen.email(), new FormErrors(messages, locale));
    }

    @PostMapping("/citizens/{id}/account/new")
    String giveCitizenAccount(SignedInUser practitioner, @PathVariable long id,
                              @RequestParam(defaultValue = "") String username, Model model, Locale locale) {
        Citizen citizen = citizen(practitioner, id);
        FormErrors errors = new FormErrors(messages, locale);
        String name = username(username, errors);
        if (name != null) {
            try {
                return created(model, citizen, null, citizens.giveOnlineAccount(practitioner, id, name));
            } catch (UsernameTakenException e) {
                errors.reject("username", "people.error.username.taken");
            } catch (Conflict e) {
                errors.reject("username", "people.error.account.exists");
            }
        }
        return form(model, citizen, null, username, errors);
    }

    @GetMapping("/citizens/{id}/representatives/{representativeId}/account/new")
    String representativeForm(SignedInUser practitioner, @PathVariable long id, @PathVariable long representativeId,
                              Model model, Locale locale) {
        Citizen citizen = citizen(practitioner, id);
        Representative representative = representative(practitioner, citizen, representativeId);
        if (representative.userId() != null) {
            return "redirect:/citizens/" + id;
        }
        return form(model, citizen, representative, representative.email() == null ? "" : representative.email(),
                new FormErrors(messages, locale));
    }

    @PostMapping("/citizens/{id}/representatives/{representativeId}/account/new")
    String giveRepresentativeAccount(SignedInUser practitioner, @PathVariable long id, @PathVariable long representativeId,
                                     @RequestParam(defaultValue = "") String username, Model model, Locale locale) {
        Citizen citizen = citizen(practitioner, id);
        Representative representative = representative(practitioner, citizen, representativeId);
        FormErrors errors = new FormErrors(messages, locale);
        String name = username(username, errors);
        if (name != null) {
            try {
                return created(model, citizen, representative,
                        citizens.giveRepresentativeAccount(practitioner, id, representativeId, name));
            } catch (UsernameTakenException e) {
                errors.reject("username", "people.error.username.taken");
            } catch (Conflict e) {
                errors.reject("username", "people.error.account.exists");
            }
        }
        return form(model, citizen, representative, username, errors);
    }

    /** Someone who has forgotten their password or is locked out: what a new temporary password does, and the button. */
    @GetMapping("/citizens/{id}/account/new-password")
    String citizenNewPasswordForm(SignedInUser practitioner, @PathVariable long id, Model model, Locale locale) {
        Citizen citizen = citizen(practitioner, id);
        if (!citizens.hasOnlineAccount(citizen)) {
            return "redirect:/citizens/" + id;
        }
        return newPasswordForm(model, citizen, null, new FormErrors(messages, locale));
    }

    @PostMapping("/citizens/{id}/account/new-password")
    String giveCitizenNewPassword(SignedInUser practitioner, @PathVariable long id, Model model, Locale locale,
                                  HttpServletResponse response) {
        Citizen citizen = citizen(practitioner, id);
        try {
            return renewed(model, citizen, null, citizens.giveNewTemporaryPassword(practitioner, id));
        } catch (Conflict e) {
            return workAccount(model, citizen, null, locale, response);
        }
    }

    @GetMapping("/citizens/{id}/representatives/{representativeId}/account/new-password")
    String representativeNewPasswordForm(SignedInUser practitioner, @PathVariable long id, @PathVariable long representativeId,
                                         Model model, Locale locale) {
        Citizen citizen = citizen(practitioner, id);
        Representative representative = representative(practitioner, citizen, representativeId);
        if (representative.userId() == null) {
            return "redirect:/citizens/" + id;
        }
        return newPasswordForm(model, citizen, representative, new FormErrors(messages, locale));
    }

    @PostMapping("/citizens/{id}/representatives/{representativeId}/account/new-password")
    String giveRepresentativeNewPassword(SignedInUser practitioner, @PathVariable long id, @PathVariable long representativeId,
                                         Model model, Locale locale, HttpServletResponse response) {
        Citizen citizen = citizen(practitioner, id);
        Representative representative = representative(practitioner, citizen, representativeId);
        try {
            return renewed(model, citizen, representative,
                    citizens.giveRepresentativeNewTemporaryPassword(practitioner, id, representativeId));
        } catch (Conflict e) {
            return workAccount(model, citizen, representative, locale, response);
        }
    }

    private String newPasswordForm(Model model, Citizen citizen, Representative representative, FormErrors errors) {
        model.addAttribute("citizen", citizen);
        model.addAttribute("representative", representative);
        model.addAttribute("errors", errors);
        return "people/new-password";
    }

    /** The account is also someone's work account: its password is not replaced here, and nothing changed. */
    private String workAccount(Model model, Citizen citizen, Representative representative, Locale locale, HttpServletResponse response) {
        response.setStatus(HttpServletResponse.SC_CONFLICT);
        FormErrors errors = new FormErrors(messages, locale);
        errors.reject("give-new-password", "people.account.new-password.work-account");
        return newPasswordForm(model, citizen, representative, errors);
    }

    private String renewed(Model model, Citizen citizen, Representative representative, OnlineAccount account) {
        model.addAttribute("renewed", true);
        return created(model, citizen, representative, account);
    }

    /** A username people can type: 3 to 254 characters, no spaces (usually an email address). */
    private static String username(String typed, FormErrors errors) {
        String name = errors.text("username", typed, 254, true, "people.label.username");
        if (name != null && (name.length() < 3 || !name.matches("^\\S+$"))) {
            errors.reject("username", "people.error.username.format");
            return null;
        }
        return name;
    }

    private Citizen citizen(SignedInUser practitioner, long id) {
        return citizens.findForPractitioner(practitioner, id).orElseThrow(NotFound::new);
    }

    private Representative representative(SignedInUser practitioner, Citizen citizen, long representativeId) {
        // one who no longer acts for the person is not given an account or a password for them here
        return citizens.representatives(practitioner, citizen.id()).stream()
                .filter(r -> r.id() == representativeId && r.current()).findFirst().orElseThrow(NotFound::new);
    }

    private String form(Model model, Citizen citizen, Representative representative, String username, FormErrors errors) {
        model.addAttribute("citizen", citizen);
        model.addAttribute("representative", representative);
        model.addAttribute("username", username);
        model.addAttribute("errors", errors);
        return "people/new-account";
    }

    private String created(Model model, Citizen citizen, Representative representative, OnlineAccount account) {
        model.addAttribute("citizen", citizen);
        model.addAttribute("representative", representative);
        model.addAttribute("account", account);
        // how long the temporary password works (DPHUB_TEMPORARY_PASSWORD_LIFETIME), in days, or hours when under a day
        java.time.Duration lifetime = accounts.temporaryPasswordLifetime();
        long days = lifetime.toDays();
        model.addAttribute("lifetimeKey", days >= 1 ? "people.account.created.lifetime-days" : "people.account.created.lifetime-hours");
        model.addAttribute("lifetime", days >= 1 ? days : lifetime.toHours());
        return "people/account-created";
    }
}
