package org.dphub.directory.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.dphub.councils.Councils;
import org.dphub.directory.Directory;
import org.dphub.directory.Organization;
import org.dphub.directory.TaxonomyTerm;
import org.dphub.directory.internal.ServiceInputRules;
import org.dphub.identity.PasswordRules;
import org.dphub.shared.PostcodeDirectory;
import org.dphub.shared.SignedInUser;
import org.dphub.web.FormErrors;
import org.dphub.web.NotFound;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** A provider's sign-up and organisation, the DP team's queue, and the council's own outcome terms. */
@RestController
@Tag(name = "Directory")
class DirectoryAdminApiController {

    record OrganizationJson(String name, String description, String kind, String email, String phone, String website) {
    }

    record RegistrationJson(String email, String password, String displayName, String councilCode, OrganizationJson organization) {
    }

    record RegisteredJson(long userId, String username, List<String> roles) {
    }

    record OrganizationOutJson(UUID id, String name, String description, String kind, String email, String phone, String website) {
        static OrganizationOutJson of(Organization o) {
            return new OrganizationOutJson(o.id(), o.name(), o.description(), o.kind().name(), o.email(), o.phone(), o.website());
        }
    }

    record TermInputJson(String name, String nameCy, String description, String descriptionCy) {
    }

    record TermJson(UUID id, UUID taxonomyId, String code, String name, String nameCy, String description, String descriptionCy,
                    boolean councilOwn) {
        static TermJson of(TaxonomyTerm t) {
            return new TermJson(t.id(), t.taxonomyId(), t.code(), t.name(), t.nameCy(), t.description(), t.descriptionCy(),
                    t.councilId() != null);
        }
    }

    record QueueJson(long awaitingChecks, long changedSinceCheck, long openReports, List<ServiceJson> services) {
    }

    private final Directory directory;
    private final Councils councils;
    private final PostcodeDirectory postcodes;
    private final MessageSource messages;
    private final PasswordRules passwordRules;

    DirectoryAdminApiController(Directory directory, Councils councils, PostcodeDirectory postcodes, MessageSource messages,
                                PasswordRules passwordRules) {
        this.passwordRules = passwordRules;
        this.directory = directory;
        this.councils = councils;
        this.postcodes = postcodes;
        this.messages = messages;
    }

    @PostMapping("/api/v1/provider-registrations")
    @Operation(summary = "A provider signs up (no sign-in needed): an account with the PROVIDER role and its organisation, in the "
            + "council it works in (councilCode), whose DP team checks its services. Email taken: 409")
    ResponseEntity<RegisteredJson> register(@RequestBody RegistrationJson body, HttpServletRequest request) {
        ServiceInputRules rules = new ServiceInputRules(new FormErrors(messages, LocaleContextHolder.getLocale()), postcodes);
        String email = rules.email("email", body.email(), true);
        String name = rules.text("displayName", body.displayName(), 100, true, "directory.label.display-name");
        passwordRules.check("password", body.password(), email, rules.errors());
        Long council = body.councilCode() == null ? null
                : councils.findByCode(body.councilCode().strip()).map(c -> c.id()).orElse(null);
        if (council == null) {
            rules.errors().reject("councilCode", "directory.error.council");
        }
        OrganizationJson org = body.organization() == null ? new OrganizationJson(null, null, null, null, null, null)
                : body.organization();
        Organization.Input organization = rules.organization(org.name(), org.description(), org.kind(), org.email(), org.phone(),
                org.website());
        rules.errors().throwIfAny();
        try {
            long userId = directory.registerProvider(email, body.password(), name, council, organization, request.getRemoteAddr());
            return ResponseEntity.created(URI.create("/api/v1/directory/organization"))
                    .body(new RegisteredJson(userId, email.toLowerCase(Locale.ROOT), List.of("PROVIDER")));
        } catch (Directory.TooManyRegistrations e) {
            throw new ResponseStatusException(HttpStatus.TOO_MANY_REQUESTS, e.getMessage());
        }
    }

    @GetMapping("/api/v1/directory/organization")
    @PreAuthorize("hasRole('PROVIDER')")
    @Operation(summary = "The provider's own organisation")
    OrganizationOutJson organization(SignedInUser provider) {
        return OrganizationOutJson.of(directory.ownOrganization(provider).orElseThrow(NotFound::new));
    }

    @PutMapping("/api/v1/directory/organization")
    @PreAuthorize("hasRole('PROVIDER')")
    @Operation(summary = "The provider describes its organisation (made the first time, changed after)")
    OrganizationOutJson saveOrganization(SignedInUser provider, @RequestBody OrganizationJson body) {
        ServiceInputRules rules = new ServiceInputRules(new FormErrors(messages, LocaleContextHolder.getLocale()), postcodes);
        Organization.Input input = rules.organization(body.name(), body.description(), body.kind(), body.email(), body.phone(),
                body.website());
        rules.errors().throwIfAny();
        Organization saved = directory.ownOrganization(provider).isPresent() ? directory.updateOwnOrganization(provider, input)
                : directory.createOwnOrganization(provider, input);
        return OrganizationOutJson.of(saved);
    }

    @GetMapping("/api/v1/directory/checks")
    @PreAuthorize("hasRole('DP_TEAM')")
    @Operation(summary = "The DP team's queue: services awaiting checks, and published services changed since their check "
            + "(changedFields says what)")
    QueueJson queue(SignedInUser dpTeam) {
        Directory.Waiting waiting = directory.waiting(dpTeam);
        return new QueueJson(waiting.awaitingChecks(), waiting.changedSinceCheck(), waiting.openReports(),
                directory.queue(dpTeam).stream().map(s -> ServiceJson.of(new Directory.ServiceView(s, true))).toList());
    }

    @GetMapping("/api/v1/directory/taxonomy-terms")
    @Operation(summary = "The outcomes and needs a service of the signed-in person's council may serve: both nations' seeded "
            + "outcomes and the council's own terms")
    List<TermJson> terms(SignedInUser user) {
        if (user.councilId() == null) {
            throw new NotFound();
        }
        return directory.termsFor(user.councilId()).stream().map(TermJson::of).toList();
    }

    @PostMapping("/api/v1/directory/taxonomy-terms")
    @PreAuthorize("hasAnyRole('DP_TEAM', 'COUNCIL_ADMIN')")
    @Operation(summary = "The council's DP team or administrator adds an outcome or need of its own, in English and Welsh")
    ResponseEntity<TermJson> addTerm(SignedInUser staff, @RequestBody TermInputJson body) {
        ServiceInputRules rules = new ServiceInputRules(new FormErrors(messages, LocaleContextHolder.getLocale()), postcodes);
        String name = rules.text("name", body.name(), 200, true, "directory.label.term-name");
        String nameCy = rules.text("nameCy", body.nameCy(), 200, true, "directory.label.term-name-cy");
        String description = rules.text("description", body.description(), 1000, true, "directory.label.term-description");
        String descriptionCy = rules.text("descriptionCy", body.descriptionCy(), 1000, true, "directory.label.term-description-cy");
        rules.errors().throwIfAny();
        TaxonomyTerm term = directory.addTerm(staff, name, nameCy, description, descriptionCy);
        return ResponseEntity.status(201).body(TermJson.of(term));
    }
}
