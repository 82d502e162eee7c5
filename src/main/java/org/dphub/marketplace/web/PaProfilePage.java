package org.dphub.marketplace.web;

import org.dphub.marketplace.AvailabilitySlot;
import org.dphub.marketplace.PaProfiles;
import org.dphub.shared.SignedInUser;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** A PA reads their own profile as others will see it, and whether it is live and visible. */
@Controller
class PaProfilePage {

    private final PaProfiles profiles;
    private final org.dphub.marketplace.CoverOffers coverOffers;

    PaProfilePage(PaProfiles profiles, org.dphub.marketplace.CoverOffers coverOffers) {
        this.profiles = profiles;
        this.coverOffers = coverOffers;
    }

    @GetMapping("/pa/profile")
    String profile(SignedInUser pa, Model model) {
        var profile = profiles.ownProfile(pa.userId());
        model.addAttribute("profile", profile.orElse(null));
        model.addAttribute("days", java.time.DayOfWeek.values());
        model.addAttribute("parts", AvailabilitySlot.PartOfDay.values());
        model.addAttribute("availableSlots", profile.map(p -> p.availability().stream()
                .map(AvailabilitySlot::code).collect(java.util.stream.Collectors.toSet())).orElse(java.util.Set.of()));
        model.addAttribute("coverOffer", profile.map(p -> coverOffers.offerOf(p.id())).orElse(null));
        return "marketplace/own-profile";
    }
}
