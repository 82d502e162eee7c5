package org.dphub.marketplace.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.dphub.marketplace.AvailabilitySlot;
import org.dphub.marketplace.CoverNotice;
import org.dphub.marketplace.CoverOffer;
import org.dphub.marketplace.CoverOffers;
import org.dphub.marketplace.PaProfile;
import org.dphub.marketplace.PaProfiles;
import org.dphub.shared.SignedInUser;
import org.dphub.web.FormErrors;
import org.dphub.web.NotFound;
import org.dphub.web.ValidationProblem;
import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** A PA says whether they do cover work at short notice, the notice they need and when (issue 18). */
@Controller
@PreAuthorize("hasRole('PERSONAL_ASSISTANT')")
class CoverOfferPage {

    private final PaProfiles profiles;
    private final CoverOffers offers;
    private final MessageSource messages;

    CoverOfferPage(PaProfiles profiles, CoverOffers offers, MessageSource messages) {
        this.profiles = profiles;
        this.offers = offers;
        this.messages = messages;
    }

    @GetMapping("/pa/cover")
    String form(SignedInUser pa, Model model, Locale locale) {
        PaProfile own = profiles.ownProfile(pa.userId()).orElseThrow(NotFound::new);
        CoverOffer offer = offers.offerOf(own.id());
        return show(model, offer.offersCover(), offer.notice().name(),
                offer.availability().stream().map(AvailabilitySlot::code).toList(), new FormErrors(messages, locale));
    }

    @PostMapping("/pa/cover")
    String save(SignedInUser pa, @RequestParam(defaultValue = "false") boolean offersCover,
                @RequestParam(defaultValue = "") String notice, @RequestParam(required = false) List<String> coverTimes,
                Model model, Locale locale) {
        PaProfile own = profiles.ownProfile(pa.userId()).orElseThrow(NotFound::new);
        FormErrors errors = new FormErrors(messages, locale);
        List<String> typed = coverTimes == null ? List.of() : coverTimes.stream().limit(28).toList();
        CoverNotice chosen = null;
        try {
            chosen = CoverNotice.valueOf(notice);
        } catch (IllegalArgumentException e) {
            if (offersCover) {
                errors.reject("notice", "cover.offer.error.notice");
            }
        }
        List<AvailabilitySlot> slots = new ArrayList<>();
        for (String code : typed) {
            try {
                slots.add(AvailabilitySlot.parse(code));
            } catch (RuntimeException e) {
                errors.reject("coverTimes", "cover.offer.error.times");
                break;
            }
        }
        if (offersCover && slots.isEmpty() && !errors.has("coverTimes")) {
            errors.reject("coverTimes", "cover.offer.error.times");
        }
        if (!errors.isEmpty()) {
            return show(model, offersCover, notice, typed, errors);
        }
        try {
            offers.save(pa, own.id(), new CoverOffer(own.id(), offersCover, chosen, slots), errors);
        } catch (ValidationProblem e) {
            return show(model, offersCover, notice, typed, errors);
        }
        return "redirect:/pa/profile?saved#cover";
    }

    private String show(Model model, boolean offersCover, String notice, List<String> times, FormErrors errors) {
        model.addAttribute("offersCover", offersCover);
        model.addAttribute("notice", notice);
        model.addAttribute("coverTimes", times);
        model.addAttribute("notices", List.of(CoverNotice.SAME_DAY.name(), CoverNotice.NEXT_DAY.name()));
        model.addAttribute("days", java.time.DayOfWeek.values());
        model.addAttribute("parts", AvailabilitySlot.PartOfDay.values());
        model.addAttribute("errors", errors);
        return "marketplace/cover-offer";
    }
}
