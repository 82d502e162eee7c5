package org.dphub.marketplace.api;

import java.time.LocalDate;
import java.util.List;
import org.dphub.marketplace.AvailabilitySlot;
import org.dphub.marketplace.Language;
import org.dphub.marketplace.PaProfile;
import org.dphub.marketplace.Skill;
import org.dphub.marketplace.TrainingRecord;

/** JSON shapes of a profile: in full for the PA and the DP team, public for everyone else (no contact details, no postcode). */
final class ProfileJson {

    private ProfileJson() {
    }

    record Full(long id, String displayName, String about, String experience, List<String> skills, List<String> interests,
                List<String> languages, List<MarketplaceInput.SlotJson> availability, String postcode, int travelRadiusKm,
                long hourlyRatePence, String employmentBasis, boolean visible, String status, String phone, String email,
                boolean codeOfConductAccepted, Checks checks, String gender, List<TrainingRecord> training) {
    }

    /** Never the gender: it is for the PA and the DP team only. */
    record Public(long id, String displayName, String about, String experience, List<String> skills, List<String> interests,
                  List<String> languages, List<MarketplaceInput.SlotJson> availability, String district, int travelRadiusKm,
                  long hourlyRatePence, String employmentBasis, String status, Checks checks, List<TrainingRecord> training) {
    }

    /** The verified badges: what the DP team checked and when. */
    record Checks(boolean identityChecked, boolean referencesChecked, LocalDate dbsCheckedOn, boolean codeOfConductAccepted) {
    }

    static Full full(PaProfile p) {
        return new Full(p.id(), p.displayName(), p.about(), p.experience(), skills(p), interests(p), languages(p), slots(p.availability()),
                p.homePostcode().value(), p.travelKm(), p.hourlyRate().pence(), p.employmentBasis().name(), p.visible(),
                p.status().name(), p.phone(), p.email(), p.codeOfConductAccepted(), checks(p),
                p.gender() == null ? null : p.gender().name(), p.training());
    }

    static Public open(PaProfile p) {
        return new Public(p.id(), p.displayName(), p.about(), p.experience(), skills(p), interests(p), languages(p),
                slots(p.availability()), p.homePostcode().outward(), p.travelKm(), p.hourlyRate().pence(), p.employmentBasis().name(),
                p.status().name(), checks(p), p.training());
    }

    static List<MarketplaceInput.SlotJson> slots(List<AvailabilitySlot> slots) {
        return slots.stream().map(s -> new MarketplaceInput.SlotJson(s.day().name(), s.part().name())).toList();
    }

    private static Checks checks(PaProfile p) {
        return new Checks(p.checks().identityChecked(), p.checks().referencesChecked(), p.checks().dbsCheckedOn(),
                p.codeOfConductAccepted());
    }

    private static List<String> skills(PaProfile p) {
        return p.skills().stream().map(Skill::code).sorted().toList();
    }

    private static List<String> interests(PaProfile p) {
        return p.interests().stream().sorted().toList();
    }

    private static List<String> languages(PaProfile p) {
        return p.languages().stream().map(Language::code).sorted().toList();
    }
}
