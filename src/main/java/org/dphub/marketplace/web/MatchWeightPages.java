package org.dphub.marketplace.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.dphub.marketplace.MarketplaceSettings;
import org.dphub.marketplace.MatchWeights;
import org.dphub.shared.SignedInUser;
import org.dphub.web.FormErrors;
import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * A council administrator sets how much each part of a match counts: the same rule as the API
 * (each a whole number from 0 to 100, at least one above 0), nothing saved while any is wrong.
 */
@Controller
@PreAuthorize("hasRole('COUNCIL_ADMIN')")
class MatchWeightPages {

    static final List<String> NAMES = List.of("availability", "interests", "skills", "rate", "distance");

    private final MarketplaceSettings settings;
    private final MessageSource messages;

    MatchWeightPages(MarketplaceSettings settings, MessageSource messages) {
        this.settings = settings;
        this.messages = messages;
    }

    @GetMapping("/council/match-weights")
    String form(SignedInUser admin, @RequestParam(required = false) String saved, Model model, Locale locale) {
        MatchWeights w = settings.weights(admin.councilId());
        Map<String, String> values = new LinkedHashMap<>();
        int[] current = {w.availability(), w.interests(), w.skills(), w.rate(), w.distance()};
        for (int i = 0; i < NAMES.size(); i++) {
            values.put(NAMES.get(i), Integer.toString(current[i]));
        }
        return show(model, values, saved != null, new FormErrors(messages, locale));
    }

    @PostMapping("/council/match-weights")
    String save(SignedInUser admin, @RequestParam Map<String, String> form, Model model, Locale locale) {
        FormErrors errors = new FormErrors(messages, locale);
        Map<String, String> values = new LinkedHashMap<>();
        int[] weights = new int[NAMES.size()];
        int total = 0;
        for (int i = 0; i < NAMES.size(); i++) {
            String name = NAMES.get(i);
            String typed = form.getOrDefault(name, "").strip();
            values.put(name, typed);
            Integer weight = typed.matches("\\d{1,3}") ? Integer.valueOf(typed) : null;
            if (weight == null || weight > 100) {
                errors.reject(name, "mp.weights.error", messages.getMessage("mp.weights." + name, null, locale));
            } else {
                weights[i] = weight;
                total += weight;
            }
        }
        if (errors.isEmpty() && total == 0) {
            errors.reject(NAMES.get(0), "mp.weights.error.all-zero");
        }
        if (!errors.isEmpty()) {
            return show(model, values, false, errors);
        }
        settings.changeWeights(admin, new MatchWeights(weights[0], weights[1], weights[2], weights[3], weights[4]));
        return "redirect:/council/match-weights?saved=true";
    }

    private static String show(Model model, Map<String, String> values, boolean saved, FormErrors errors) {
        model.addAttribute("names", NAMES);
        model.addAttribute("values", values);
        model.addAttribute("saved", saved);
        model.addAttribute("errors", errors);
        return "marketplace/match-weights";
    }
}
