package org.dphub.directory.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Locale;
import org.dphub.councils.Council;
import org.dphub.councils.Councils;
import org.dphub.directory.Directory;
import org.dphub.directory.Organization;
import org.dphub.directory.OrganizationKind;
import org.dphub.directory.internal.ServiceInputRules;
import org.dphub.identity.PasswordRules;
import org.dphub.shared.PostcodeDirectory;
import org.dphub.web.Conflict;
import org.dphub.web.FormErrors;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;

/** A provider signs itself up, with its organisation and the council it works with (no sign-in needed). */
@Controller
class ProviderSignUpPage {

    /** The form as typed. */
    record SignUpForm(String displayName, String email, String password, String councilCode, String organisationName,
                      String organisationDescription, String kind, String organisationEmail, String phone, String website) {
    }

    private final Directory directory;
    private final Councils councils;
    private final PostcodeDirectory postcodes;
    private final MessageSource messages;
    private final PasswordRules passwordRules;

    ProviderSignUpPage(Directory directory, Councils councils, PostcodeDirectory postcodes, MessageSource messages, PasswordRules passwordRules) {
        this.passwordRules = passwordRules;
        this.directory = directory;
        this.councils = councils;
        this.postcodes = postcodes;
        this.messages = messages;
    }

    @GetMapping("/join-as-a-provider")
    String form(Model model, Locale locale) {
        return show(model, new SignUpForm("", "", "", "", "", "", "", "", "", ""), new FormErrors(messages, locale), locale);
    }

    @PostMapping("/join-as-a-provider")
    String signUp(@ModelAttribute SignUpForm form, HttpServletRequest request, Model model, Locale locale) {
        ServiceInputRules rules = new ServiceInputRules(new FormErrors(messages, locale), postcodes);
        String name = rules.text("displayName", form.displayName(), 100, true, "directory.label.display-name");
        String email = rules.email("email", form.email(), true);
        passwordRules.check("password", form.password(), email, rules.errors());
        Council council = form.councilCode() == null ? null : councils.findByCode(form.councilCode()).orElse(null);
        if (council == null) {
            rules.errors().reject("councilCode", "directory.error.council");
        }
        Organization.Input organisation = rules.organization(form.organisationName(), form.organisationDescription(), form.kind(),
                form.organisationEmail(), form.phone(), form.website());
        if (rules.errors().isEmpty()) {
            try {
                directory.registerProvider(email, form.password(), name, council.id(), organisation, request.getRemoteAddr());
                return "redirect:/sign-in?joined";
            } catch (Conflict taken) {
                rules.errors().reject("email", "directory.error.email-taken");
            } catch (Directory.TooManyRegistrations busy) {
                rules.errors().reject("email", "directory.error.too-many-sign-ups");
            }
        }
        return show(model, form, rules.errors(), locale);
    }

    private String show(Model model, SignUpForm form, FormErrors errors, Locale locale) {
        List<Council> all = councils.all();
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("councilCodes", all.stream().map(Council::code).toList());
        model.addAttribute("councilNames", all.stream().map(c -> c.name(locale)).toList());
        model.addAttribute("kinds", List.of(OrganizationKind.values()));
        return "directory/join";
    }
}
