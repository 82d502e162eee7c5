package org.dphub.rights.web;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.dphub.directory.Organization;
import org.dphub.rights.ErasureRefused;
import org.dphub.rights.PersonalDataRights;
import org.dphub.shared.SignedInUser;
import org.dphub.web.NotFound;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * A provider's data, for the DP team or an administrator of the council whose DP team checks them (issue 17):
 * their whole record to download (what their sign-in holds), the erasure steps carried out, and the button that erases a provider who leaves the directory and asked
 * another way than "Your data" (by phone, by letter), with what is kept and why. Anyone else: not found.
 */
@Controller
class ProviderDataController {

    private final PersonalDataRights rights;
    private final YourDataController downloads;

    ProviderDataController(PersonalDataRights rights, YourDataController downloads) {
        this.rights = rights;
        this.downloads = downloads;
    }

    @GetMapping("/providers/{id}/personal-data")
    String page(SignedInUser staff, @PathVariable UUID id, Model model) {
        return show(staff, rights.providerFor(staff, id), model, List.of());
    }

    /** Their whole record, for a subject access request they made another way: what their sign-in holds. */
    @GetMapping("/providers/{id}/personal-data.json")
    ResponseEntity<Map<String, Object>> json(SignedInUser staff, @PathVariable UUID id) {
        return YourDataController.json(rights.forProvider(staff, id, "json").orElseThrow(NotFound::new));
    }

    @GetMapping("/providers/{id}/personal-data.pdf")
    ResponseEntity<byte[]> pdf(SignedInUser staff, @PathVariable UUID id, Locale locale) {
        return downloads.pdf(rights.forProvider(staff, id, "pdf").orElseThrow(NotFound::new), locale);
    }

    private String show(SignedInUser staff, Organization organisation, Model model, List<String> settleFirst) {
        model.addAttribute("organisation", organisation);
        model.addAttribute("erasures", rights.providerErasures(staff, organisation.id()));
        model.addAttribute("settleFirst", settleFirst);
        model.addAttribute("years", rights.retentionYears());
        return "rights/provider-data";
    }

    @PostMapping("/providers/{id}/personal-data/erasure")
    String erase(SignedInUser staff, @PathVariable UUID id, Model model) {
        Organization organisation = rights.providerFor(staff, id);
        try {
            rights.eraseProvider(staff, id);
        } catch (ErasureRefused refused) {
            return show(staff, organisation, model, refused.settleFirst());
        }
        return "redirect:/providers/" + id + "/personal-data?erased";
    }
}
