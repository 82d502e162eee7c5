package org.dphub.directory.web;

import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.dphub.councils.Councils;
import org.dphub.councils.Nation;
import org.dphub.directory.CostUnit;
import org.dphub.directory.Delivery;
import org.dphub.directory.Directory;
import org.dphub.directory.DirectoryService;
import org.dphub.directory.Organization;
import org.dphub.directory.ServiceInput;
import org.dphub.directory.ServiceLanguages;
import org.dphub.directory.ServiceTransitions;
import org.dphub.directory.internal.ServiceInputRules;
import org.dphub.shared.PostcodeDirectory;
import org.dphub.shared.SignedInUser;
import org.dphub.web.NotFound;
import org.dphub.web.FormErrors;
import org.dphub.web.RuleRefusal;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** A provider's services: the list with each status in words, adding and changing one, withdrawing one. */
@Controller
class ProviderServicePages {

    private final Directory directory;
    private final Councils councils;
    private final PostcodeDirectory postcodes;
    private final MessageSource messages;

    ProviderServicePages(Directory directory, Councils councils, PostcodeDirectory postcodes, MessageSource messages) {
        this.directory = directory;
        this.councils = councils;
        this.postcodes = postcodes;
        this.messages = messages;
    }

    @GetMapping("/provider/services")
    String list(SignedInUser provider, @RequestParam(required = false) String done, Model model) {
        model.addAttribute("organisation", directory.ownOrganization(provider).orElse(null));
        model.addAttribute("services", directory.ownServices(provider));
        model.addAttribute("done", done);
        return "directory/services";
    }

    @GetMapping("/provider/services/new")
    String newForm(SignedInUser provider, Model model, Locale locale) {
        Organization organisation = directory.ownOrganization(provider).orElseThrow(NotFound::new);
        return form(model, organisation, null, ServiceForm.empty(), new FormErrors(messages, locale), locale);
    }

    @PostMapping("/provider/services/new")
    String add(SignedInUser provider, @RequestParam MultiValueMap<String, String> params, Model model, Locale locale) {
        Organization organisation = directory.ownOrganization(provider).orElseThrow(NotFound::new);
        ServiceForm form = ServiceForm.of(params);
        ServiceInputRules rules = new ServiceInputRules(new FormErrors(messages, locale), postcodes);
        ServiceInput input = rules.service(form.raw());
        if (input != null) {
            try {
                directory.addService(provider, input);
                return "redirect:/provider/services?done=new";
            } catch (RuleRefusal unknownTerm) {
                rules.errors().reject("taxonomyTermIds", "directory.error.unknown-term");
            }
        }
        return form(model, organisation, null, form, rules.errors(), locale);
    }

    @GetMapping("/provider/services/{id}/edit")
    String editForm(SignedInUser provider, @PathVariable UUID id, Model model, Locale locale) {
        Organization organisation = directory.ownOrganization(provider).orElseThrow(NotFound::new);
        DirectoryService service = own(provider, id);
        return form(model, organisation, service, ServiceForm.of(service), new FormErrors(messages, locale), locale);
    }

    @PostMapping("/provider/services/{id}/edit")
    String edit(SignedInUser provider, @PathVariable UUID id, @RequestParam MultiValueMap<String, String> params, Model model,
                Locale locale) {
        Organization organisation = directory.ownOrganization(provider).orElseThrow(NotFound::new);
        DirectoryService service = own(provider, id);
        ServiceForm form = ServiceForm.of(params);
        ServiceInputRules rules = new ServiceInputRules(new FormErrors(messages, locale), postcodes);
        ServiceInput input = rules.service(form.raw());
        if (input != null) {
            try {
                directory.updateService(provider, id, input);
                return "redirect:/provider/services?done=saved";
            } catch (RuleRefusal unknownTerm) {
                rules.errors().reject("taxonomyTermIds", "directory.error.unknown-term");
            }
        }
        return form(model, organisation, service, form, rules.errors(), locale);
    }

    @GetMapping("/provider/services/{id}/withdraw")
    String withdrawForm(SignedInUser provider, @PathVariable UUID id, Model model) {
        model.addAttribute("service", own(provider, id));
        return "directory/withdraw";
    }

    @PostMapping("/provider/services/{id}/withdraw")
    String withdraw(SignedInUser provider, @PathVariable UUID id) {
        directory.withdraw(provider, own(provider, id).id());
        return "redirect:/provider/services?done=withdrawn";
    }

    private DirectoryService own(SignedInUser provider, UUID id) {
        return directory.ownServices(provider).stream().filter(s -> s.id().equals(id))
                .filter(s -> ServiceTransitions.editable(s.status())).findFirst().orElseThrow(NotFound::new);
    }

    private String form(Model model, Organization organisation, DirectoryService service, ServiceForm form, FormErrors errors,
                        Locale locale) {
        Nation nation = councils.findById(organisation.councilId()).map(c -> c.nation()).orElse(Nation.ENGLAND);
        model.addAttribute("service", service);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("action", service == null ? "/provider/services/new" : "/provider/services/" + service.id() + "/edit");
        model.addAttribute("deliveries", List.of(Delivery.values()));
        model.addAttribute("costUnits", List.of(CostUnit.values()));
        model.addAttribute("days", List.of(java.time.DayOfWeek.values()).stream().map(Enum::name).toList());
        model.addAttribute("languageCodes", ServiceLanguages.CODES);
        model.addAttribute("languageLabels", ServiceForm.languageLabels(messages, locale));
        model.addAttribute("termGroups", ServiceForm.groups(directory.termsFor(organisation.councilId()), nation, locale));
        return "directory/service-form";
    }
}
