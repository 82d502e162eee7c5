package org.dphub.plans.web;

import java.util.Locale;
import java.util.Optional;
import org.dphub.plans.DirectPayments;
import org.dphub.plans.ManagedAccountProviders;
import org.dphub.shared.SignedInUser;
import org.dphub.web.Conflict;
import org.dphub.web.FormErrors;
import org.dphub.web.NotFound;
import org.dphub.web.ValidationProblem;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Issue 18: the DP team (or a practitioner) names the managed-account provider — the payroll bureau
 * that holds a managed-account direct payment — from the direct payment's page: an organisation listed
 * in the council's community directory, or a name typed in for one that is not listed. The same rules,
 * errors and audit as {@code PUT /api/v1/direct-payments/{id}/managed-account-provider}
 * ({@link ManagedAccountProviders#name}). A direct payment not paid into a managed account has no
 * such page (404).
 */
@Controller
class ManagedAccountProviderPage {

    private final ManagedAccountProviders providers;
    private final DirectPayments directPayments;
    private final MessageSource messages;

    ManagedAccountProviderPage(ManagedAccountProviders providers, DirectPayments directPayments, MessageSource messages) {
        this.providers = providers;
        this.directPayments = directPayments;
        this.messages = messages;
    }

    @GetMapping("/direct-payments/{id}/managed-account-provider")
    String form(SignedInUser staff, @PathVariable long id, Model model, Locale locale) {
        allowed(staff, id);
        Optional<ManagedAccountProviders.ManagedAccountProvider> named = providers.find(staff, id);
        return show(staff, id, model, new FormErrors(messages, locale),
                named.map(p -> p.organizationId() == null ? "" : p.organizationId().toString()).orElse(""),
                named.filter(p -> p.organizationId() == null).map(ManagedAccountProviders.ManagedAccountProvider::name).orElse(""));
    }

    @PostMapping("/direct-payments/{id}/managed-account-provider")
    String save(SignedInUser staff, @PathVariable long id, @RequestParam(defaultValue = "") String organizationId,
                @RequestParam(defaultValue = "") String name, Model model, Locale locale) {
        allowed(staff, id);
        FormErrors errors = new FormErrors(messages, locale);
        try {
            providers.name(staff, id, organizationId, name, errors);
        } catch (ValidationProblem e) {
            return show(staff, id, model, errors, organizationId, name);
        }
        return "redirect:/direct-payments/" + id + "?provider";
    }

    /** Refuses as the API does; a direct payment that is not a managed account has no such page. */
    private void allowed(SignedInUser staff, long id) {
        try {
            providers.mayName(staff, id);
        } catch (Conflict notAManagedAccount) {
            throw new NotFound();
        }
    }

    private String show(SignedInUser staff, long id, Model model, FormErrors errors, String organizationId, String name) {
        DirectPayments.Details details = directPayments.find(staff, id).orElseThrow(NotFound::new);
        model.addAttribute("dp", details.directPayment());
        model.addAttribute("citizen", details.citizen());
        model.addAttribute("listed", providers.listed(details.directPayment().councilId()));
        model.addAttribute("organizationId", organizationId);
        model.addAttribute("name", name);
        model.addAttribute("errors", errors);
        return "plans/managed-account-provider";
    }
}
