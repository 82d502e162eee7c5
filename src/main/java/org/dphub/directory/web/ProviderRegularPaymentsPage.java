package org.dphub.directory.web;

import org.dphub.directory.RegularPayments;
import org.dphub.shared.SignedInUser;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** A provider's regular payments to its services: reference, amount, how often, next date, status; nothing else about the person. */
@Controller
class ProviderRegularPaymentsPage {

    private final RegularPayments payments;

    ProviderRegularPaymentsPage(RegularPayments payments) {
        this.payments = payments;
    }

    @GetMapping("/provider/regular-payments")
    String show(SignedInUser provider, Model model) {
        model.addAttribute("payments", payments.forProvider(provider));
        return "directory/provider-regular-payments";
    }
}
