package org.dphub.identity.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.dphub.identity.StaffAccounts;
import org.dphub.identity.UsernameTakenException;
import org.dphub.identity.web.StaffInput;
import org.dphub.shared.Role;
import org.dphub.shared.SignedInUser;
import org.dphub.web.FormErrors;
import org.springframework.context.MessageSource;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A council administrator's staff accounts: list, add someone who joins, change roles, and switch a
 * leaver's account off (or on again).
 */
@RestController
@RequestMapping("/api/v1/council/staff")
@Tag(name = "Identity")
class StaffAccountsApiController {

    /** alsoOwnUse: the account is also how they sign in as a person with a direct payment, a representative, a PA or a provider. */
    record StaffAccountJson(long id, String displayName, String username, List<Role> roles, boolean enabled, boolean hasPassword,
                            boolean councilAccount, boolean alsoOwnUse) {
        static StaffAccountJson of(StaffAccounts.StaffAccount s) {
            return new StaffAccountJson(s.userId(), s.displayName(), s.username(), s.roles(), s.enabled(), s.hasPassword(),
                    s.councilAccount(), s.alsoOwnUse());
        }
    }

    record NewStaffJson(String displayName, String email, String workPhone, List<String> roles) {
    }

    /** temporaryPassword: shown this once; null when the council's staff with these roles sign in with their council account. */
    record AddedStaffJson(StaffAccountJson account, String temporaryPassword) {
    }

    record RolesJson(List<String> roles) {
    }

    /** A member's name and how people reach them at work; a null phone or email means people see the DP team's. */
    record StaffDetailsJson(String displayName, String workPhone, String workEmail) {
    }

    private final StaffAccounts staff;
    private final MessageSource messages;

    StaffAccountsApiController(StaffAccounts staff, MessageSource messages) {
        this.staff = staff;
        this.messages = messages;
    }

    @PostMapping
    @PreAuthorize("hasRole('COUNCIL_ADMIN')")
    @Operation(summary = "Add someone who joins the council's staff ({displayName, email, workPhone, roles}); their work email is "
            + "their username. The answer has a temporary password, shown once, which they change at their first sign-in; none "
            + "when the council's staff with these roles must sign in with their council account. 409 when the email has an account")
    ResponseEntity<AddedStaffJson> add(SignedInUser admin, @RequestBody NewStaffJson body) {
        FormErrors errors = new FormErrors(messages, Locale.ENGLISH);
        String name = StaffInput.name(errors, body.displayName());
        String email = StaffInput.email(errors, body.email());
        String phone = StaffInput.phone(errors, body.workPhone());
        Set<Role> roles = StaffInput.roles(errors, body.roles());
        errors.throwIfAny();
        StaffAccounts.AddedStaff added;
        try {
            added = staff.add(admin, new StaffAccounts.NewStaffMember(name, email, phone, roles));
        } catch (UsernameTakenException | org.springframework.dao.DuplicateKeyException taken) {
            throw new org.dphub.web.Conflict("An account with this email address already exists: if they left and came back, "
                    + "switch their account on");
        }
        return ResponseEntity.created(URI.create("/api/v1/council/staff/" + added.account().userId()))
                .body(new AddedStaffJson(StaffAccountJson.of(added.account()), added.temporaryPassword()));
    }

    @PutMapping("/{id}/roles")
    @PreAuthorize("hasRole('COUNCIL_ADMIN')")
    @Operation(summary = "Give a member exactly these staff roles ({roles: [\"PRACTITIONER\", ...]}); they are signed out and the "
            + "roles apply at their next sign-in. 409 for taking away your own administrator role, or for a member whose roles come "
            + "from their council account's groups")
    StaffAccountJson changeRoles(SignedInUser admin, @PathVariable long id, @RequestBody RolesJson body) {
        staff.member(admin, id);
        FormErrors errors = new FormErrors(messages, Locale.ENGLISH);
        Set<Role> roles = StaffInput.roles(errors, body.roles());
        errors.throwIfAny();
        return StaffAccountJson.of(staff.changeRoles(admin, id, roles));
    }

    @PutMapping("/{id}")
    @PreAuthorize("hasRole('COUNCIL_ADMIN')")
    @Operation(summary = "Correct a member's name, work phone or work email ({displayName, workPhone, workEmail}): what people whose "
            + "named contact they are see. Their username stays. Only what changed is audited")
    StaffDetailsJson changeDetails(SignedInUser admin, @PathVariable long id, @RequestBody StaffDetailsJson body) {
        staff.member(admin, id);
        FormErrors errors = new FormErrors(messages, Locale.ENGLISH);
        String name = StaffInput.name(errors, body.displayName());
        String phone = StaffInput.phone(errors, body.workPhone());
        String email = StaffInput.workEmail(errors, body.workEmail());
        errors.throwIfAny();
        var member = staff.changeDetails(admin, id, name, phone, email);
        return new StaffDetailsJson(member.displayName(), member.workPhone(), member.workEmail());
    }

    @GetMapping
    @PreAuthorize("hasRole('COUNCIL_ADMIN')")
    @Operation(summary = "Your council's staff accounts: roles, how each signs in, and whether it is switched on")
    List<StaffAccountJson> list(SignedInUser admin) {
        return staff.staff(admin).stream().map(StaffAccountJson::of).toList();
    }

    @PostMapping("/{id}/switch-off")
    @PreAuthorize("hasRole('COUNCIL_ADMIN')")
    @Operation(summary = "Switch off the account of someone who has left: signed out everywhere, no sign-in by password, council "
            + "account or API key; what they did stays. 409 for your own account")
    StaffAccountJson switchOff(SignedInUser admin, @PathVariable long id) {
        return StaffAccountJson.of(staff.switchOff(admin, id));
    }

    @PostMapping("/{id}/switch-on")
    @PreAuthorize("hasRole('COUNCIL_ADMIN')")
    @Operation(summary = "Switch a staff account on again")
    StaffAccountJson switchOn(SignedInUser admin, @PathVariable long id) {
        return StaffAccountJson.of(staff.switchOn(admin, id));
    }
}
