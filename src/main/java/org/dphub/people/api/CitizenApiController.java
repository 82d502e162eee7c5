package org.dphub.people.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.dphub.people.Citizen;
import org.dphub.people.CitizenInput;
import org.dphub.people.DpContact;
import org.dphub.people.DpContactChange;
import org.dphub.people.DpContacts;
import java.util.Optional;
import org.springframework.web.bind.annotation.PutMapping;
import org.dphub.people.Citizens;
import org.dphub.people.Duty;
import org.dphub.people.HouseholdChangeRefused;
import org.dphub.people.HouseholdMember;
import org.dphub.people.NewCitizen;
import org.dphub.people.Relationship;
import org.dphub.people.RemovedHouseholdMember;
import org.dphub.people.Representative;
import org.dphub.people.RepresentativeKind;
import org.dphub.people.RepresentativeStillNeeded;
import org.dphub.people.web.HouseholdMemberInput;
import org.dphub.people.web.RepresentativeInput;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.dphub.shared.PostcodeDirectory;
import org.dphub.shared.SignedInUser;
import org.dphub.web.FormErrors;
import org.dphub.web.NotFound;
import org.springframework.context.MessageSource;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/citizens")
@Tag(name = "People")
class CitizenApiController {

    record CitizenJson(long id, String reference, String givenName, String familyName, LocalDate dateOfBirth,
                       String postcode, String preferredLanguage, String contactPreference, String email, String phone,
                       String communicationNeeds,
                       @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
                       DpContactJson dpContact) {
        static CitizenJson of(Citizen c) {
            return of(c, null);
        }

        static CitizenJson of(Citizen c, DpContact contact) {
            return new CitizenJson(c.id(), c.reference(), c.givenName(), c.familyName(), c.dateOfBirth(),
                    c.postcode().value(), c.preferredLanguage(), c.contactPreference().name(), c.email(), c.phone(),
                    c.communicationNeeds(), contact == null ? null : DpContactJson.of(contact));
        }
    }

    /** A person's named direct payments contact: the DP team member's name, email and phone (the team's where they have none). */
    record DpContactJson(long userId, String name, String email, String phone) {
        static DpContactJson of(DpContact c) {
            return new DpContactJson(c.userId(), c.name(), c.email(), c.phone());
        }
    }

    /** Choose a person's named contact: the user id of a member of the DP team of the person's council. */
    record SetDpContactJson(Long userId) {
    }

    record DpContactChangeJson(long id, long contactUserId, String contactName, Long previousUserId, String previousName,
                               String changedBy, java.time.Instant changedAt) {
        static DpContactChangeJson of(DpContactChange c) {
            return new DpContactChangeJson(c.id(), c.contactUserId(), c.contactName(), c.previousUserId(), c.previousName(),
                    c.changedBy(), c.changedAt());
        }
    }

    record CitizenPage(List<CitizenJson> citizens, long total, int page, int pageSize) {
    }

    /** A new person. Dates as "1950-04-01"; preferredLanguage "en" or "cy". */
    record NewCitizenJson(String givenName, String familyName, String dateOfBirth, String postcode,
                          String preferredLanguage, String contactPreference, String email, String phone,
                          String communicationNeeds) {
    }

    record NewHouseholdMemberJson(String name, String relationship, Boolean livesInSameHousehold) {
    }

    record HouseholdMemberJson(long id, String name, Relationship relationship, boolean livesInSameHousehold) {
        static HouseholdMemberJson of(HouseholdMember m) {
            return new HouseholdMemberJson(m.id(), m.name(), m.relationship(), m.livesInSameHousehold());
        }
    }

    record NewRepresentativeJson(String name, String kind, String email) {
    }

    /** endedOn: the day they stopped acting for the person, null while they act; endReason only for staff. */
    record RepresentativeJson(long id, String name, RepresentativeKind kind, String email, boolean hasOnlineAccount,
                              LocalDate endedOn, String endReason) {
        static RepresentativeJson of(Representative r) {
            return of(r, true);
        }

        static RepresentativeJson of(Representative r, boolean withReason) {
            return new RepresentativeJson(r.id(), r.name(), r.kind(), r.email(), r.userId() != null, r.endedOn(),
                    withReason ? r.endReason() : null);
        }
    }

    /** Why a representative no longer acts (up to 500 characters). */
    record EndRepresentativeJson(String reason) {
    }

    record RemoveHouseholdMemberJson(String reason) {
    }

    record RemovedHouseholdMemberJson(long id, String name, Relationship relationship, java.time.LocalDate removedOn, String reason) {
        static RemovedHouseholdMemberJson of(RemovedHouseholdMember m) {
            return new RemovedHouseholdMemberJson(m.id(), m.name(), m.relationship(), m.removedOn(), m.reason());
        }
    }

    private final Citizens citizens;
    private final DpContacts contacts;
    private final PostcodeDirectory postcodes;
    private final MessageSource messages;
    private final Clock clock;

    CitizenApiController(Citizens citizens, DpContacts contacts, PostcodeDirectory postcodes, MessageSource messages, Clock clock) {
        this.citizens = citizens;
        this.contacts = contacts;
        this.postcodes = postcodes;
        this.messages = messages;
        this.clock = clock;
    }

    @PostMapping
    @PreAuthorize("hasRole('PRACTITIONER')")
    @Operation(summary = "Add a person to your council")
    ResponseEntity<CitizenJson> create(SignedInUser practitioner, @RequestBody NewCitizenJson body) {
        FormErrors errors = new FormErrors(messages, Locale.ENGLISH);
        LocalDate born = errors.isoDate("dateOfBirth", body.dateOfBirth(), true, "people.label.dateOfBirth");
        NewCitizen citizen = CitizenInput.read(practitioner.councilId(), new CitizenInput.Typed(body.givenName(),
                        body.familyName(), born, body.postcode(), body.preferredLanguage(), body.contactPreference(),
                        body.email(), body.phone(), body.communicationNeeds()), errors, postcodes, clock,
                () -> citizens.postcodeExample(practitioner.councilId()));
        errors.throwIfAny();
        Citizen created = citizens.create(practitioner, citizen);
        return ResponseEntity.created(URI.create("/api/v1/citizens/" + created.id())).body(CitizenJson.of(created));
    }

    @GetMapping("/{id}")
    @Operation(summary = "One citizen: for their council's staff, themself, and those who act for them")
    CitizenJson get(SignedInUser user, @PathVariable long id) {
        Citizen citizen = citizens.find(user, id).orElseThrow(NotFound::new);
        return CitizenJson.of(citizen, contacts.current(user, id).orElse(null));
    }

    @PutMapping("/{id}")
    @PreAuthorize("hasRole('PRACTITIONER')")
    @Operation(summary = "Correct or update a citizen's details (the whole set, as when adding them; the reference stays): "
            + "only what changed is audited, with what it was. 422 with what to fix; 409 for a person whose details were erased")
    CitizenJson change(SignedInUser practitioner, @PathVariable long id, @RequestBody NewCitizenJson body) {
        Citizen citizen = citizens.findForPractitioner(practitioner, id).orElseThrow(NotFound::new);
        FormErrors errors = new FormErrors(messages, Locale.ENGLISH);
        LocalDate born = errors.isoDate("dateOfBirth", body.dateOfBirth(), true, "people.label.dateOfBirth");
        NewCitizen details = CitizenInput.read(citizen.councilId(), new CitizenInput.Typed(body.givenName(),
                        body.familyName(), born, body.postcode(), body.preferredLanguage(), body.contactPreference(),
                        body.email(), body.phone(), body.communicationNeeds()), errors, postcodes, clock,
                () -> citizens.postcodeExample(citizen.councilId()));
        errors.throwIfAny();
        return CitizenJson.of(citizens.changeDetails(practitioner, id, details));
    }

    @PutMapping("/{id}/dp-contact")
    @PreAuthorize("hasAnyRole('DP_TEAM', 'COUNCIL_ADMIN')")
    @Operation(summary = "Set or change the person's named direct payments contact (a member of their council's DP team); audited, "
            + "the history kept")
    DpContactJson setContact(SignedInUser staff, @PathVariable long id, @RequestBody SetDpContactJson body) {
        FormErrors errors = new FormErrors(messages, Locale.ENGLISH);
        Optional<DpContact> contact = contacts.set(staff, id, body == null ? null : body.userId(), errors);
        errors.throwIfAny();
        return DpContactJson.of(contact.orElseThrow());
    }

    @GetMapping("/{id}/dp-contact/history")
    @PreAuthorize("hasRole('STAFF')")
    @Operation(summary = "Every change of the person's named contact, newest first")
    List<DpContactChangeJson> contactHistory(SignedInUser staff, @PathVariable long id) {
        return contacts.history(staff, id).stream().map(DpContactChangeJson::of).toList();
    }

    @GetMapping
    @PreAuthorize("hasRole('STAFF')")
    @Operation(summary = "Search your council's citizens by name or reference (page from 0)")
    CitizenPage search(SignedInUser staff, @RequestParam(defaultValue = "") String q,
                       @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int pageSize) {
        int size = Math.min(Math.max(1, pageSize), 100);
        Citizens.Page result = citizens.search(staff, q, Math.max(0, page), size);
        return new CitizenPage(result.citizens().stream().map(CitizenJson::of).toList(), result.total(),
                result.page(), result.pageSize());
    }

    @PostMapping("/{id}/household-members")
    @PreAuthorize("hasRole('PRACTITIONER')")
    @Operation(summary = "Record someone in the citizen's household (regulation 3 needs to know who lives with them)")
    ResponseEntity<HouseholdMemberJson> addHouseholdMember(SignedInUser practitioner, @PathVariable long id,
                                                           @RequestBody NewHouseholdMemberJson body) {
        citizens.findForPractitioner(practitioner, id).orElseThrow(NotFound::new);
        HouseholdMemberValues typed = read(body);
        HouseholdMember member = citizens.addHouseholdMember(practitioner, id, typed.name(), typed.relationship(), typed.together());
        return ResponseEntity.created(URI.create("/api/v1/citizens/" + id + "/household-members/" + member.id()))
                .body(HouseholdMemberJson.of(member));
    }

    @PutMapping("/{id}/household-members/{memberId}")
    @PreAuthorize("hasRole('PRACTITIONER')")
    @Operation(summary = "Correct what is recorded about someone in the citizen's household ({name, relationship, "
            + "livesInSameHousehold}); only what changed is audited. 409 when a direct payment not ended pays them and the "
            + "change would need the council's decision that paying them is necessary (stillNeeded says which)")
    HouseholdMemberJson correctHouseholdMember(SignedInUser practitioner, @PathVariable long id, @PathVariable long memberId,
                                               @RequestBody NewHouseholdMemberJson body) {
        citizens.findForPractitioner(practitioner, id).orElseThrow(NotFound::new);
        HouseholdMemberValues typed = read(body);
        return HouseholdMemberJson.of(citizens.correctHouseholdMember(practitioner, id, memberId, typed.name(), typed.relationship(),
                typed.together()));
    }

    /** A household member as the API was sent them, checked as the pages check them (422 naming each field). */
    private record HouseholdMemberValues(String name, Relationship relationship, boolean together) {
    }

    private HouseholdMemberValues read(NewHouseholdMemberJson body) {
        FormErrors errors = new FormErrors(messages, Locale.ENGLISH);
        String name = HouseholdMemberInput.name(errors, body.name());
        Relationship relationship = HouseholdMemberInput.relationship(errors, body.relationship());
        Boolean together = HouseholdMemberInput.livesInSameHousehold(errors, String.valueOf(body.livesInSameHousehold()));
        errors.throwIfAny();
        return new HouseholdMemberValues(name, relationship, together);
    }

    @PostMapping("/{id}/household-members/{memberId}/remove")
    @PreAuthorize("hasRole('PRACTITIONER')")
    @Operation(summary = "Take someone off the citizen's household, from today, with the reason ({reason}: recorded by mistake, "
            + "has died, no longer family). They stay on record, and out of the household and of whom a direct payment may pay. "
            + "409 while a direct payment not ended pays them (stillNeeded says which) or when they were already removed")
    ResponseEntity<?> removeHouseholdMember(SignedInUser practitioner, @PathVariable long id, @PathVariable long memberId,
                                            @RequestBody RemoveHouseholdMemberJson body) {
        citizens.findForPractitioner(practitioner, id).orElseThrow(NotFound::new);
        FormErrors errors = new FormErrors(messages, Locale.ENGLISH);
        String reason = errors.text("reason", body.reason(), 500, true, "people.label.removalReason");
        errors.throwIfAny();
        try {
            return ResponseEntity.ok(RemovedHouseholdMemberJson.of(citizens.removeHouseholdMember(practitioner, id, memberId, reason)));
        } catch (HouseholdChangeRefused refused) {
            return stillNeeded("A direct payment pays them, so they cannot be taken off the household yet", refused.duties());
        }
    }

    @ExceptionHandler(HouseholdChangeRefused.class)
    ResponseEntity<ProblemDetail> householdChangeRefused(HouseholdChangeRefused refused) {
        return stillNeeded("A direct payment pays them, and this change would need the council's decision that paying them is "
                + "necessary", refused.duties());
    }

    @GetMapping("/{id}/household-members")
    @Operation(summary = "The citizen's household members")
    List<HouseholdMemberJson> householdMembers(SignedInUser user, @PathVariable long id) {
        return citizens.household(user, id).stream().map(HouseholdMemberJson::of).toList();
    }

    @PostMapping("/{id}/representatives")
    @PreAuthorize("hasRole('PRACTITIONER')")
    @Operation(summary = "Record someone who acts for the citizen: an authorised, nominated or (Wales) suitable person, or a person with parental responsibility for a child (kind PARENTAL_RESPONSIBILITY)")
    ResponseEntity<RepresentativeJson> addRepresentative(SignedInUser practitioner, @PathVariable long id,
                                                         @RequestBody NewRepresentativeJson body) {
        citizens.findForPractitioner(practitioner, id).orElseThrow(NotFound::new);
        FormErrors errors = new FormErrors(messages, Locale.ENGLISH);
        String name = RepresentativeInput.name(errors, body.name());
        RepresentativeKind kind = null;
        try {
            kind = RepresentativeKind.valueOf(body.kind() == null ? "" : body.kind().strip());
        } catch (IllegalArgumentException e) {
            errors.reject("kind", "people.error.kind");
        }
        String email = RepresentativeInput.email(errors, body.email());
        errors.throwIfAny();
        Representative representative = citizens.addRepresentative(practitioner, id, name, kind, email);
        return ResponseEntity.created(URI.create("/api/v1/citizens/" + id + "/representatives/" + representative.id()))
                .body(RepresentativeJson.of(representative));
    }

    @GetMapping("/{id}/representatives")
    @Operation(summary = "The people who act, or acted, for the citizen: endedOn is the day one stopped (null while they act); "
            + "endReason is shown to staff only")
    List<RepresentativeJson> representatives(SignedInUser user, @PathVariable long id) {
        return citizens.representatives(user, id).stream().map(r -> RepresentativeJson.of(r, user.isStaff())).toList();
    }

    @PutMapping("/{id}/representatives/{representativeId}")
    @PreAuthorize("hasRole('PRACTITIONER')")
    @Operation(summary = "Correct a representative's name or email ({name, email}); how they act is not changed here (end them "
            + "and add them again). Only what changed is audited. 404 for one who no longer acts")
    RepresentativeJson correctRepresentative(SignedInUser practitioner, @PathVariable long id, @PathVariable long representativeId,
                                             @RequestBody NewRepresentativeJson body) {
        citizens.findForPractitioner(practitioner, id).orElseThrow(NotFound::new);
        FormErrors errors = new FormErrors(messages, Locale.ENGLISH);
        String name = RepresentativeInput.name(errors, body.name());
        String email = RepresentativeInput.email(errors, body.email());
        errors.throwIfAny();
        return RepresentativeJson.of(citizens.correctRepresentative(practitioner, id, representativeId, name, email));
    }

    @PostMapping("/{id}/representatives/{representativeId}/end")
    @PreAuthorize("hasRole('PRACTITIONER')")
    @Operation(summary = "Record that a representative no longer acts for the citizen, from today, with the reason: their online "
            + "account stops seeing the citizen at once. 409 while a direct payment not ended is made to them (stillNeeded says "
            + "which) or when they have already stopped")
    RepresentativeJson endRepresentative(SignedInUser practitioner, @PathVariable long id, @PathVariable long representativeId,
                                         @RequestBody EndRepresentativeJson body) {
        citizens.findForPractitioner(practitioner, id).orElseThrow(NotFound::new);
        FormErrors errors = new FormErrors(messages, Locale.ENGLISH);
        String reason = errors.text("reason", body.reason(), 500, true, "people.label.endReason");
        errors.throwIfAny();
        return RepresentativeJson.of(citizens.endRepresentative(practitioner, id, representativeId, reason));
    }

    @ExceptionHandler(RepresentativeStillNeeded.class)
    ResponseEntity<ProblemDetail> stillNeeded(RepresentativeStillNeeded needed) {
        return stillNeeded("The representative cannot stop acting yet: a direct payment is made to them", needed.duties());
    }

    /** 409: what is refused, what to do first (in English), and the direct payments to deal with ({@code stillNeeded}). */
    private ResponseEntity<ProblemDetail> stillNeeded(String refused, List<Duty> duties) {
        List<String> first = duties.stream().map(d -> messages.getMessage(d.messageKey(), d.args().toArray(), Locale.ENGLISH)).toList();
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, refused + ". First: " + String.join("; ", first));
        problem.setProperty("stillNeeded", duties.stream().map(d -> d.args().get(0)).toList());
        return ResponseEntity.status(HttpStatus.CONFLICT).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
