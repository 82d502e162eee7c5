package org.dphub.councils.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.dphub.councils.Council;
import org.dphub.councils.CouncilSettingsRules;
import org.dphub.councils.Councils;
import org.dphub.councils.SettingsChangedByAnotherUserException;
import org.dphub.councils.SingleSignOn;
import org.dphub.councils.VersionedSingleSignOn;
import org.dphub.shared.Role;
import org.dphub.shared.SignedInUser;
import org.dphub.web.FormErrors;
import org.dphub.web.NotFound;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A council administrator sets up their council's OpenID Connect provider for staff single
 * sign-on (issue 17), changes it, or turns it off. Part of the council's settings
 * ({@code /council/**} is the administrator's).
 */
@Controller
@RequestMapping("/council/settings/single-sign-on")
class SingleSignOnController {

    /** At most this many groups for one role: more is a mistake in typing, not a council's setup. */
    static final int MAX_GROUPS_PER_ROLE = 50;

    private final Councils councils;
    private final MessageSource messages;
    private final Environment environment;

    private final boolean localIssuers;
    private final String publicUrl;

    SingleSignOnController(Councils councils, MessageSource messages, Environment environment,
                           @Value("${dphub.single-sign-on.local-issuers:false}") boolean localIssuers,
                           @Value("${dphub.public-url:http://localhost:8080}") String publicUrl) {
        this.publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
        this.councils = councils;
        this.messages = messages;
        this.environment = environment;
        this.localIssuers = localIssuers;
    }

    @GetMapping
    String edit(SignedInUser admin, Model model, Locale locale) {
        Council council = council(admin);
        SingleSignOnForm form = councils.singleSignOn(council.id()).map(SingleSignOnForm::of)
                .orElseGet(() -> SingleSignOnForm.blank(council.code()));
        return form(council, model, form, new FormErrors(messages, locale));
    }

    @PostMapping
    String save(SignedInUser admin, @ModelAttribute SingleSignOnForm form, Model model, Locale locale, RedirectAttributes redirect) {
        Council council = council(admin);
        FormErrors errors = new FormErrors(messages, locale);
        Optional<SingleSignOn> settings = read(form, council.code(), localIssuers,
                secretPresent(SingleSignOn.defaultSecretVariable(council.code())), errors);
        Long version = null;
        if (form.version() != null && !form.version().isBlank()) {
            try {
                version = Long.parseLong(form.version().strip());
            } catch (NumberFormatException e) {
                errors.reject("issuer", "settings.error.stale");
            }
        }
        if (!errors.isEmpty() || settings.isEmpty()) {
            return form(council, model, form, errors);
        }
        try {
            councils.setSingleSignOn(council.id(), settings.get(), version);
        } catch (SettingsChangedByAnotherUserException e) {
            errors.reject("issuer", "settings.error.stale");
            return form(council, model, councils.singleSignOn(council.id()).map(SingleSignOnForm::of)
                    .orElseGet(() -> SingleSignOnForm.blank(council.code())), errors);
        }
        redirect.addFlashAttribute("ssoSaved", true);
        return "redirect:/council/settings";
    }

    /** Turns single sign-on off: staff sign in with their passwords only (accounts made by it have none, and cannot sign in). */
    @PostMapping("/remove")
    String remove(SignedInUser admin, @RequestParam(required = false) String version, Model model, Locale locale,
                  RedirectAttributes redirect) {
        Council council = council(admin);
        FormErrors errors = new FormErrors(messages, locale);
        try {
            councils.removeSingleSignOn(council.id(), Long.parseLong(version == null ? "" : version.strip()));
        } catch (SettingsChangedByAnotherUserException | NumberFormatException e) {
            errors.reject("issuer", "settings.error.stale");
            return form(council, model, councils.singleSignOn(council.id()).map(SingleSignOnForm::of)
                    .orElseGet(() -> SingleSignOnForm.blank(council.code())), errors);
        }
        redirect.addFlashAttribute("ssoRemoved", true);
        return "redirect:/council/settings";
    }

    private String form(Council council, Model model, SingleSignOnForm form, FormErrors errors) {
        model.addAttribute("council", council);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("roleFields", SingleSignOnForm.FIELDS);
        model.addAttribute("setUp", form.version() != null && !form.version().isBlank());
        // where the provider sends people back: Spring Security's callback, named by the council's code
        model.addAttribute("redirectUri", publicUrl + "/login/oauth2/code/" + council.code());
        model.addAttribute("secretVariable", SingleSignOn.defaultSecretVariable(council.code()));
        model.addAttribute("secretPresent", secretPresent(SingleSignOn.defaultSecretVariable(council.code())));
        return "councils/single-sign-on";
    }

    /** Whether the named variable holds something on this server (never what). */
    boolean secretPresent(String variable) {
        if (variable == null || !variable.matches("[A-Z][A-Z0-9_]{0,99}")) {
            return false;
        }
        String value = environment.getProperty(variable);
        return value != null && !value.isBlank();
    }

    private Council council(SignedInUser admin) {
        return councils.findById(admin.councilId()).orElseThrow(NotFound::new);
    }

    /** Reads the form; each group list is split at commas, and each group checked. Empty when something could not be read. */
    static Optional<SingleSignOn> read(SingleSignOnForm form, String councilCode, boolean localIssuers, boolean secretPresent,
                                       FormErrors errors) {
        List<SingleSignOn.GroupRole> mappings = new ArrayList<>();
        for (Map.Entry<Role, String> field : SingleSignOnForm.FIELDS.entrySet()) {
            String typed = form.groups(field.getKey());
            if (typed == null || typed.isBlank()) {
                continue;
            }
            List<String> groups = java.util.Arrays.stream(typed.split(",")).map(String::strip).filter(g -> !g.isEmpty()).distinct().toList();
            if (groups.size() > MAX_GROUPS_PER_ROLE) {
                errors.reject(field.getValue(), "sso.error.groups.too-many", MAX_GROUPS_PER_ROLE);
                continue;
            }
            for (String group : groups) {
                if (group.length() > 200 || group.chars().anyMatch(Character::isISOControl)) {
                    errors.reject(field.getValue(), "sso.error.group");
                }
                mappings.add(new SingleSignOn.GroupRole(group, field.getKey()));
            }
        }
        // the secret's variable is always the council's own (CouncilSettingsRules says why): not typed on the page
        String staffOnly = form.staffMustUseCouncilAccount() == null ? "false" : form.staffMustUseCouncilAccount().strip();
        if (!staffOnly.equals("true") && !staffOnly.equals("false")) {
            errors.reject("staffMustUseCouncilAccount", "sso.error.staffMustUseCouncilAccount");
        }
        SingleSignOn settings = new SingleSignOn(strip(form.issuer()), strip(form.clientId()), SingleSignOn.defaultSecretVariable(councilCode),
                strip(form.groupClaim()), mappings, staffOnly.equals("true"));
        CouncilSettingsRules.checkSingleSignOn(settings, councilCode, localIssuers, errors);
        CouncilSettingsRules.checkStaffPasswords(settings, secretPresent, errors);
        return errors.isEmpty() ? Optional.of(settings) : Optional.empty();
    }

    private static String strip(String value) {
        return value == null ? null : value.strip();
    }
}
