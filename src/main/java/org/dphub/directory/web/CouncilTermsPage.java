package org.dphub.directory.web;

import java.util.Locale;
import org.dphub.directory.Directory;
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
import org.springframework.web.bind.annotation.RequestParam;

/** The council's own outcomes and needs: the list, and adding one in English and Welsh. */
@Controller
class CouncilTermsPage {

    record TermForm(String name, String nameCy, String description, String descriptionCy) {
    }

    private final Directory directory;
    private final PostcodeDirectory postcodes;
    private final MessageSource messages;

    CouncilTermsPage(Directory directory, PostcodeDirectory postcodes, MessageSource messages) {
        this.directory = directory;
        this.postcodes = postcodes;
        this.messages = messages;
    }

    @GetMapping("/directory-terms")
    String list(SignedInUser staff, @RequestParam(required = false) String done, Model model, Locale locale) {
        return show(model, staff, new TermForm("", "", "", ""), done, new FormErrors(messages, locale));
    }

    @PostMapping("/directory-terms")
    String add(SignedInUser staff, @ModelAttribute TermForm form, Model model, Locale locale) {
        ServiceInputRules rules = new ServiceInputRules(new FormErrors(messages, locale), postcodes);
        String name = rules.text("name", form.name(), 200, true, "directory.label.term-name");
        String nameCy = rules.text("nameCy", form.nameCy(), 200, true, "directory.label.term-name-cy");
        String description = rules.text("description", form.description(), 1000, true, "directory.label.term-description");
        String descriptionCy = rules.text("descriptionCy", form.descriptionCy(), 1000, true, "directory.label.term-description-cy");
        if (!rules.errors().isEmpty()) {
            return show(model, staff, form, null, rules.errors());
        }
        directory.addTerm(staff, name, nameCy, description, descriptionCy);
        return "redirect:/directory-terms?done=added";
    }

    private String show(Model model, SignedInUser staff, TermForm form, String done, FormErrors errors) {
        model.addAttribute("terms", directory.councilTerms(staff));
        model.addAttribute("form", form);
        model.addAttribute("done", done);
        model.addAttribute("errors", errors);
        return "directory/terms";
    }
}
