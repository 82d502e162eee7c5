package org.dphub.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import org.dphub.shared.SignedInUser;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.function.SingletonSupplier;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * Where everyone lands after signing in: for a citizen or representative, each person's money,
 * what needs doing and the next review; for staff, their work queue with counts; for everyone,
 * what they can do here. The modules say what to show ({@link HomeContribution}).
 */
@Controller
class HomePage {

    // listed once when first needed (singletons), not at every sign-in
    private final Supplier<List<HomeContribution>> contributions;
    private final MessageSource messages;
    private final OneReadOnlyTransaction oneReadOnlyTransaction;

    HomePage(ObjectProvider<HomeContribution> contributions, MessageSource messages, OneReadOnlyTransaction oneReadOnlyTransaction) {
        this.contributions = SingletonSupplier.of(() -> contributions.orderedStream().toList());
        this.messages = messages;
        this.oneReadOnlyTransaction = oneReadOnlyTransaction;
    }

    @GetMapping("/home")
    String home(SignedInUser user, Model model, Locale locale) {
        // every module's part read on one connection in one read-only transaction: a page of some twenty
        // small queries borrows one connection from the pool, not twenty (bin/bench load); what the
        // modules will read is first sent together, a round trip for each step, not one for each query
        List<HomeContribution> parts = contributions.get();
        List<HomeItem> items = oneReadOnlyTransaction.read(model, user, ahead -> parts.forEach(c -> c.readAhead(user, ahead)), () -> {
            List<HomeItem> all = new ArrayList<>();
            parts.forEach(c -> all.addAll(c.itemsFor(user)));
            return all;
        });
        model.addAttribute("user", user);
        model.addAttribute("home", HomeView.of(user, items, messages, locale));
        return "home";
    }
}
