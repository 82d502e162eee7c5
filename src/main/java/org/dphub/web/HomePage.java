package org.dphub.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.dphub.shared.SignedInUser;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * Where everyone lands after signing in: for a citizen or representative, each person's money,
 * what needs doing and the next review; for staff, their work queue with counts; for everyone,
 * what they can do here. The modules say what to show ({@link HomeContribution}).
 */
@Controller
class HomePage {

    private final ObjectProvider<HomeContribution> contributions;
    private final MessageSource messages;

    HomePage(ObjectProvider<HomeContribution> contributions, MessageSource messages) {
        this.contributions = contributions;
        this.messages = messages;
    }

    @GetMapping("/home")
    String home(SignedInUser user, Model model, Locale locale) {
        List<HomeItem> items = new ArrayList<>();
        contributions.orderedStream().forEach(c -> items.addAll(c.itemsFor(user)));
        model.addAttribute("user", user);
        model.addAttribute("home", HomeView.of(user, items, messages, locale));
        return "home";
    }
}
