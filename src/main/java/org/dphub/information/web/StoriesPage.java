package org.dphub.information.web;

import java.util.List;
import java.util.Locale;
import org.dphub.information.Guide;
import org.dphub.information.Information;
import org.dphub.information.StoryInput;
import org.dphub.shared.SignedInUser;
import org.dphub.web.FormErrors;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** People's own words: the council's stories, and adding one with the person's consent recorded. */
@Controller
class StoriesPage {

    private final Information information;
    private final MessageSource messages;

    StoriesPage(Information information, MessageSource messages) {
        this.information = information;
        this.messages = messages;
    }

    @GetMapping("/council/information/stories")
    String list(SignedInUser admin, @RequestParam(required = false) String done, Model model, Locale locale) {
        model.addAttribute("done", done);
        return show(model, admin, new StoryInput(null, Information.language(locale), "", "", null), new FormErrors(messages, locale), locale);
    }

    @PostMapping("/council/information/stories")
    String add(SignedInUser admin, @ModelAttribute StoryInput form, Model model, Locale locale) {
        FormErrors errors = new FormErrors(messages, locale);
        if (information.addStory(admin, form, errors) == null) {
            return show(model, admin, form, errors, locale);
        }
        return "redirect:/council/information/stories?done=added";
    }

    private String show(Model model, SignedInUser admin, StoryInput form, FormErrors errors, Locale locale) {
        String language = Information.language(locale);
        List<Guide> guides = information.guides(language, admin.councilId());
        model.addAttribute("guides", guides);
        model.addAttribute("guideSlugs", guides.stream().map(Guide::slug).toList());
        model.addAttribute("guideTitles", guides.stream().map(Guide::title).toList());
        model.addAttribute("form", form);
        model.addAttribute("languages", List.of("en", "cy"));
        model.addAttribute("consentOptions", List.of("yes"));
        model.addAttribute("consentLabels", List.of(messages.getMessage("information.story.consent", null, locale)));
        model.addAttribute("consentSelected", form.consent() == null ? List.of() : List.of(form.consent()));
        model.addAttribute("errors", errors);
        model.addAttribute("stories", information.councilStories(admin.councilId(), "en"));
        model.addAttribute("storiesCy", information.councilStories(admin.councilId(), "cy"));
        return "information/stories";
    }
}
