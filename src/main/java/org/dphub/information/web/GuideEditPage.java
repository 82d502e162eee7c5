package org.dphub.information.web;

import java.util.Locale;
import org.dphub.information.Guide;
import org.dphub.information.GuideEdit;
import org.dphub.information.Information;
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

/** Changing a guide for the council's readers, in English and Welsh, with every earlier version listed. */
@Controller
class GuideEditPage {

    private final Information information;
    private final MessageSource messages;

    GuideEditPage(Information information, MessageSource messages) {
        this.information = information;
        this.messages = messages;
    }

    @GetMapping("/council/information/guides/{slug}")
    String edit(SignedInUser admin, @PathVariable String slug, Model model, Locale locale) {
        Guide en = current(slug, "en", admin);
        Guide cy = current(slug, "cy", admin);
        return show(model, admin, slug, new GuideEdit(en.title(), en.summary(), en.body(), cy.title(), cy.summary(), cy.body(), en.id(), cy.id()),
                new FormErrors(messages, locale));
    }

    @PostMapping("/council/information/guides/{slug}")
    String save(SignedInUser admin, @PathVariable String slug, @ModelAttribute GuideEdit form, Model model, Locale locale) {
        current(slug, "en", admin);
        FormErrors errors = new FormErrors(messages, locale);
        int added = information.saveGuide(admin, slug, form, errors);
        if (!errors.isEmpty()) {
            return show(model, admin, slug, form, errors);
        }
        return "redirect:/council/information?done=" + (added == 0 ? "unchanged" : "guide");
    }

    private Guide current(String slug, String language, SignedInUser admin) {
        if (!HubScope.isSlug(slug)) {
            throw new NotFound();
        }
        return information.guide(slug, language, admin.councilId()).orElseThrow(NotFound::new);
    }

    private String show(Model model, SignedInUser admin, String slug, GuideEdit form, FormErrors errors) {
        model.addAttribute("slug", slug);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("history", information.guideHistory(slug, admin));
        return "information/guide-edit";
    }
}
