package org.dphub.rights.web;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.dphub.people.Citizen;
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
 * A person's data for their council's staff (issue 17): download their whole record, and for the
 * DP team or an administrator, erase it — refused with what to settle first while money is held —
 * then what was removed and what was kept and why.
 */
@Controller
class CitizenDataController {

    private final PersonalDataRights rights;
    private final YourDataController downloads;

    CitizenDataController(PersonalDataRights rights, YourDataController downloads) {
        this.rights = rights;
        this.downloads = downloads;
    }

    @GetMapping("/citizens/{id}/personal-data")
    String page(SignedInUser staff, @PathVariable long id, Model model) {
        Citizen citizen = staffCitizen(staff, id);
        return show(staff, citizen, model, List.of());
    }

    private String show(SignedInUser staff, Citizen citizen, Model model, List<String> settleFirst) {
        return show(staff, citizen, model, settleFirst, "erase");
    }

    /** The page; {@code settleAnchor} is where the refusal's links go (the person's erasure, or the people who acted for them). */
    private String show(SignedInUser staff, Citizen citizen, Model model, List<String> settleFirst, String settleAnchor) {
        model.addAttribute("citizen", citizen);
        model.addAttribute("settleAnchor", settleAnchor);
        model.addAttribute("former", rights.formerRepresentatives(staff, citizen.id()));
        model.addAttribute("erasures", rights.erasures(staff, citizen.id()));
        model.addAttribute("mayErase", PersonalDataRights.mayErase(staff));
        model.addAttribute("settleFirst", settleFirst);
        model.addAttribute("years", rights.retentionYears());
        return "rights/citizen-data";
    }

    private Citizen staffCitizen(SignedInUser staff, long id) {
        return rights.citizenFor(staff, id).filter(c -> staff.isStaffOf(c.councilId())).orElseThrow(NotFound::new);
    }

    @GetMapping("/citizens/{id}/personal-data.json")
    ResponseEntity<Map<String, Object>> json(SignedInUser staff, @PathVariable long id) {
        staffCitizen(staff, id);
        return YourDataController.json(rights.forCitizen(staff, id, "json").orElseThrow(NotFound::new));
    }

    @GetMapping("/citizens/{id}/personal-data.pdf")
    ResponseEntity<byte[]> pdf(SignedInUser staff, @PathVariable long id, Locale locale) {
        staffCitizen(staff, id);
        return downloads.pdf(rights.forCitizen(staff, id, "pdf").orElseThrow(NotFound::new), locale);
    }

    @PostMapping("/citizens/{id}/personal-data/erasure")
    String erase(SignedInUser staff, @PathVariable long id, Model model) {
        Citizen citizen = staffCitizen(staff, id);
        try {
            rights.erase(staff, id);
        } catch (ErasureRefused refused) {
            return show(staff, citizen, model, refused.settleFirst());
        }
        return "redirect:/citizens/" + id + "/personal-data?erased";
    }

    /** Someone who acted for the person, and no longer does, asked for their details to be erased. */
    @PostMapping("/citizens/{id}/personal-data/representatives/{representativeId}/erasure")
    String eraseRepresentative(SignedInUser staff, @PathVariable long id, @PathVariable long representativeId, Model model) {
        Citizen citizen = staffCitizen(staff, id);
        try {
            rights.eraseRepresentative(staff, id, representativeId);
        } catch (ErasureRefused refused) {
            return show(staff, citizen, model, refused.settleFirst(), "representatives");
        }
        return "redirect:/citizens/" + id + "/personal-data?representativeErased#representatives";
    }
}
