package org.dphub.directory.web;

import java.util.List;
import java.util.Locale;
import org.dphub.directory.Directory;
import org.dphub.directory.Organization;
import org.dphub.directory.OrganizationKind;
import org.dphub.directory.internal.ServiceInputRules;
import org.dphub.shared.PostcodeDirectory;
import org.dphub.shared.SignedInUser;
import org.dphub.web.FormErrors;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;

/** A provider describes its organisation: made the first time (in its account's council), changed after. */
@Controller
class OrganisationPage {

    record OrganisationForm(String organisationName, String organisationDescription, String kind, String organisationEmail,
                            String phone, String website) {
    }

    private final Directory directory;
    private final PostcodeDirectory postcodes;
    private final MessageSource messages;

    OrganisationPage(Directory directory, PostcodeDirectory postcodes, MessageSource messages) {
        this.directory = directory;
        this.postcodes = postcodes;
        this.messages = messages;
    }

    @GetMapping("/provider/organisation")
    String form(SignedInUser provider, Model model, Locale locale) {
        OrganisationForm form = directory.ownOrganization(provider)
                .map(o -> new OrganisationForm(o.name(), o.description(), o.kind().name(), o.email() == null ? "" : o.email(),
                        o.phone() == null ? "" : o.phone(), o.website() == null ? "" : o.website()))
                .orElse(new OrganisationForm("", "", "", "", "", ""));
        return show(model, form, new FormErrors(messages, locale));
    }

    @PostMapping("/provider/organisation")
    String save(SignedInUser provider, @ModelAttribute OrganisationForm form, Model model, Locale locale) {
        ServiceInputRules rules = new ServiceInputRules(new FormErrors(messages, locale), postcodes);
        Organization.Input input = rules.organization(form.organisationName(), form.organisationDescription(), form.kind(),
                form.organisationEmail(), form.phone(), form.website());
        if (input == null) {
            return show(model, form, rules.errors());
        }
        if (directory.ownOrganization(provider).isPresent()) {
            directory.updateOwnOrganization(provider, input);
        } else {
            directory.createOwnOrganization(provider, input);
        }
        return "redirect:/provider/services?done=organisation";
    }

    private String show(Model model, OrganisationForm form, FormErrors errors) {
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("kinds", List.of(OrganizationKind.values()));
        return "directory/organisation";
    }
}
