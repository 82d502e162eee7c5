package org.dphub.marketplace.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Locale;
import org.dphub.marketplace.AvailabilitySlot;
import org.dphub.marketplace.CoverNotice;
import org.dphub.marketplace.CoverOffer;
import org.dphub.marketplace.CoverOffers;
import org.dphub.marketplace.PaProfiles;
import org.dphub.shared.PostcodeDirectory;
import org.dphub.shared.SignedInUser;
import org.dphub.web.FormErrors;
import org.dphub.web.NotFound;
import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** A PA's offer of cover work at short notice (issue 18), a part of their profile. */
@RestController
@Tag(name = "Marketplace")
class CoverOfferApiController {

    /** offersCover; notice SAME_DAY (today and tomorrow) or NEXT_DAY (from tomorrow); times as the profile's availability. */
    record CoverJson(Boolean offersCover, String notice, List<MarketplaceInput.SlotJson> times) {
        static CoverJson of(CoverOffer offer) {
            return new CoverJson(offer.offersCover(), offer.notice().name(), offer.availability().stream()
                    .map(s -> new MarketplaceInput.SlotJson(s.day().name(), s.part().name())).toList());
        }
    }

    private final PaProfiles profiles;
    private final CoverOffers offers;
    private final PostcodeDirectory postcodes;
    private final MessageSource messages;

    CoverOfferApiController(PaProfiles profiles, CoverOffers offers, PostcodeDirectory postcodes, MessageSource messages) {
        this.profiles = profiles;
        this.offers = offers;
        this.postcodes = postcodes;
        this.messages = messages;
    }

    @GetMapping("/api/v1/pa-profiles/{id}/cover")
    @Operation(summary = "A PA's cover offer: to anyone who may see the profile")
    CoverJson get(SignedInUser user, @PathVariable long id) {
        profiles.view(user, id).orElseThrow(NotFound::new);
        return CoverJson.of(offers.offerOf(id));
    }

    @PutMapping("/api/v1/pa-profiles/{id}/cover")
    @PreAuthorize("hasRole('PERSONAL_ASSISTANT')")
    @Operation(summary = "A PA opts in to (or out of) cover work at short notice: the notice they need and the times they can cover")
    CoverJson put(SignedInUser pa, @PathVariable long id, @RequestBody CoverJson body) {
        profiles.view(pa, id).filter(PaProfiles.ProfileView::full).orElseThrow(NotFound::new);
        FormErrors errors = new FormErrors(messages, Locale.ENGLISH);
        boolean offersCover = body.offersCover() != null && body.offersCover();
        CoverNotice notice = CoverNotice.SAME_DAY;
        if (body.notice() != null || offersCover) {
            try {
                notice = CoverNotice.valueOf(body.notice() == null ? "" : body.notice().strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                errors.reject("notice", "cover.offer.error.notice");
            }
        }
        List<AvailabilitySlot> times = offersCover || (body.times() != null && !body.times().isEmpty())
                ? new MarketplaceInput(errors, postcodes).availability("times", body.times()) : List.of();
        errors.throwIfAny();
        return CoverJson.of(offers.save(pa, id, new CoverOffer(id, offersCover, notice, times), errors));
    }
}
