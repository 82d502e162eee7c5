package org.dphub.information.web;

import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.dphub.information.GlossaryTerm;
import org.dphub.information.Information;
import org.dphub.information.TermEdit;
import org.dphub.shared.SignedInUser;
import org.dphub.web.FormErrors;
import org.dphub.web.NotFound;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/** Adding a word to the jargon buster, or changing one, in English and Welsh. */
@Controller
class TermEditPage {

    private final Information information;
    private final MessageSource messages;

    TermEditPage(Information information, MessageSource messages) {
        this.information = information;
        this.messages = messages;
    }

    @GetMapping("/council/information/terms/new")
    String add(SignedInUser admin, Model model, Locale locale) {
        return show(model, admin, null, new TermEdit("", "", "", ""), new FormErrors(messages, locale));
    }

    @PostMapping("/council/information/terms/new")
    String create(SignedInUser admin, @ModelAttribute TermEdit form, Model model, Locale locale) {
        return save(admin, null, form, model, locale);
    }

    @GetMapping("/council/information/terms/{key}")
    String edit(SignedInUser admin, @PathVariable String key, Model model, Locale locale) {
        GlossaryTerm en = current(admin, key, "en");
        GlossaryTerm cy = current(admin, key, "cy");
        return show(model, admin, key, new TermEdit(en.term(), en.definition(), cy.term(), cy.definition()),
                new FormErrors(messages, locale));
    }

    @PostMapping("/council/information/terms/{key}")
    String change(SignedInUser admin, @PathVariable String key, @ModelAttribute TermEdit form, Model model, Locale locale) {
        current(admin, key, "en");
        return save(admin, key, form, model, locale);
    }

    private String save(SignedInUser admin, String key, TermEdit form, Model model, Locale locale) {
        FormErrors errors = new FormErrors(messages, locale);
        String saved = information.saveTerm(admin, key, form, errors);
        if (saved == null) {
            return show(model, admin, key, form, errors);
        }
        return "redirect:/council/information?done=term";
    }

    private GlossaryTerm current(SignedInUser admin, String key, String language) {
        if (!HubScope.isSlug(key)) {
            throw new NotFound();
        }
        Map<String, GlossaryTerm> terms = information.terms(language, admin.councilId()).stream()
                .collect(Collectors.toMap(GlossaryTerm::key, Function.identity()));
        GlossaryTerm term = terms.get(key);
        if (term == null) {
            throw new NotFound();
        }
        return term;
    }

    private String show(Model model, SignedInUser admin, String key, TermEdit form, FormErrors errors) {
        model.addAttribute("key", key);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("history", key == null ? java.util.List.of() : information.termHistory(key, admin));
        return "information/term-edit";
    }
}
