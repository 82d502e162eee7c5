package org.dphub.identity.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.dphub.identity.StaffAccounts;
import org.dphub.shared.Role;
import org.dphub.shared.SignedInUser;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** A council administrator's staff accounts: list, and switch a leaver's account off (or on again). */
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

    private final StaffAccounts staff;

    StaffAccountsApiController(StaffAccounts staff) {
        this.staff = staff;
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
