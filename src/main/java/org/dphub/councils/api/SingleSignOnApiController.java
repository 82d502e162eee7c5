package org.dphub.councils.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.dphub.councils.Council;
import org.dphub.councils.CouncilSettingsRules;
import org.dphub.councils.Councils;
import org.dphub.councils.SettingsChangedByAnotherUserException;
import org.dphub.councils.SingleSignOn;
import org.dphub.councils.VersionedSingleSignOn;
import org.dphub.shared.Role;
import org.dphub.shared.SignedInUser;
import org.dphub.web.FormErrors;
import org.dphub.web.NotFound;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The signed-in administrator's own council's single sign-on (issue 17): read, set, turn off.
 * The client secret is never here: only the variable it is in
 * ({@code DPHUB_OIDC_SECRET_<CODE>}) and whether this server has it.
 */
@RestController
@RequestMapping("/api/v1/council/single-sign-on")
@Tag(name = "Councils")
class SingleSignOnApiController {

    /** A group at the provider and the dphub staff role it gives (PRACTITIONER, BUDGET_HOLDER, DP_TEAM, FINANCE, COUNCIL_ADMIN). */
    record GroupRoleJson(String group, String role) {
    }

    /**
     * The provider as JSON. On a change {@code clientSecretVariable} may be left out (it is always the
     * council's own) and {@code groupClaim} defaults to "groups"; {@code version} is the one read, or
     * none the first time. {@code setUp} and {@code secretPresent} are only ever answered: a council
     * without single sign-on reads {@code setUp: false} and nothing else. {@code staffMustUseCouncilAccount}
     * true: practitioners, budget holders, the DP team and finance officers can no longer sign in with a
     * password (page or HTTP Basic), only with their council account; administrators keep password and
     * one-time code, and API keys already made keep working. Left out of a change, it stays as it was.
     */
    record SingleSignOnJson(Boolean setUp, String issuer, String clientId, String clientSecretVariable, String groupClaim,
                            List<GroupRoleJson> groupRoles, Boolean staffMustUseCouncilAccount, Long version, Boolean secretPresent) {

        static SingleSignOnJson of(VersionedSingleSignOn v, boolean secretPresent) {
            SingleSignOn s = v.settings();
            return new SingleSignOnJson(true, s.issuer(), s.clientId(), s.clientSecretVariable(), s.groupClaim(),
                    s.groupRoles().stream().map(m -> new GroupRoleJson(m.group(), m.role().name())).toList(),
                    s.staffMustUseCouncilAccount(), v.version(), secretPresent);
        }

        static final SingleSignOnJson NONE = new SingleSignOnJson(false, null, null, null, null, List.of(), null, null, null);
    }

    private final Councils councils;
    private final MessageSource messages;
    private final Environment environment;
    private final boolean localIssuers;

    SingleSignOnApiController(Councils councils, MessageSource messages, Environment environment,
                              @Value("${dphub.single-sign-on.local-issuers:false}") boolean localIssuers) {
        this.councils = councils;
        this.messages = messages;
        this.environment = environment;
        this.localIssuers = localIssuers;
    }

    @GetMapping
    @PreAuthorize("hasRole('COUNCIL_ADMIN')")
    @Operation(summary = "Your council's single sign-on for staff (setUp false if none)")
    SingleSignOnJson get(SignedInUser admin) {
        return councils.singleSignOn(admin.councilId()).map(this::json).orElse(SingleSignOnJson.NONE);
    }

    @PutMapping
    @PreAuthorize("hasRole('COUNCIL_ADMIN')")
    @Operation(summary = "Set or change your council's single sign-on; send the version you read (none the first time)")
    SingleSignOnJson put(SignedInUser admin, @RequestBody SingleSignOnJson body) {
        Council council = councils.findById(admin.councilId()).orElseThrow(NotFound::new);
        FormErrors errors = new FormErrors(messages, Locale.ENGLISH);
        List<SingleSignOn.GroupRole> mappings = new ArrayList<>();
        for (GroupRoleJson mapping : body.groupRoles() == null ? List.<GroupRoleJson>of() : body.groupRoles()) {
            Role role = mapping == null ? null : staffRole(mapping.role());
            if (role == null) {
                errors.reject("groupRoles", "sso.error.groupRoles.unknown-role", mapping == null ? "" : String.valueOf(mapping.role()));
            } else {
                mappings.add(new SingleSignOn.GroupRole(mapping.group(), role));
            }
        }
        String variable = body.clientSecretVariable() == null ? SingleSignOn.defaultSecretVariable(council.code()) : body.clientSecretVariable();
        boolean staffOnly = body.staffMustUseCouncilAccount() != null ? body.staffMustUseCouncilAccount()
                : councils.singleSignOn(council.id()).map(v -> v.settings().staffMustUseCouncilAccount()).orElse(false);
        SingleSignOn settings = new SingleSignOn(body.issuer(), body.clientId(), variable, body.groupClaim(), mappings, staffOnly);
        CouncilSettingsRules.checkSingleSignOn(settings, council.code(), localIssuers, errors);
        // the council's own variable only: the rules above refuse any other
        CouncilSettingsRules.checkStaffPasswords(settings, secretPresent(SingleSignOn.defaultSecretVariable(council.code())), errors);
        errors.throwIfAny();
        return json(councils.setSingleSignOn(council.id(), settings, body.version()));
    }

    @DeleteMapping
    @PreAuthorize("hasRole('COUNCIL_ADMIN')")
    @Operation(summary = "Turn off your council's single sign-on (404 if none); send the version you read")
    ResponseEntity<Void> delete(SignedInUser admin, @RequestParam long version) {
        councils.singleSignOn(admin.councilId()).orElseThrow(NotFound::new);
        councils.removeSingleSignOn(admin.councilId(), version);
        return ResponseEntity.noContent().build();
    }

    private SingleSignOnJson json(VersionedSingleSignOn v) {
        return SingleSignOnJson.of(v, secretPresent(v.settings().clientSecretVariable()));
    }

    private boolean secretPresent(String variable) {
        String secret = variable == null ? null : environment.getProperty(variable);
        return secret != null && !secret.isBlank();
    }

    private static Role staffRole(String name) {
        try {
            Role role = name == null ? null : Role.valueOf(name.strip().toUpperCase(Locale.ROOT));
            return role != null && role.isStaff() ? role : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    @ExceptionHandler(SettingsChangedByAnotherUserException.class)
    ResponseEntity<ProblemDetail> conflict(SettingsChangedByAnotherUserException e) {
        return ResponseEntity.status(HttpStatus.CONFLICT).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
                        "Someone changed the single sign-on after you read it (or it was not set up). Read it again and resend your change."));
    }
}
