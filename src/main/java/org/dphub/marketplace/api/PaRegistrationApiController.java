package org.dphub.marketplace.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import org.dphub.identity.PasswordRules;
import org.dphub.marketplace.PaProfiles;
import org.dphub.web.FormErrors;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * The one API call anyone may make without signing in: a person signs up as a PA. Guarded by a
 * small body limit ({@link RegistrationSizeLimit}) and a limit of sign-ups per address an hour.
 */
@RestController
@Tag(name = "Marketplace")
class PaRegistrationApiController {

    record RegistrationJson(String email, String password, String displayName) {
    }

    record RegisteredJson(long userId, String username, List<String> roles) {
    }

    private final PaProfiles profiles;
    private final MessageSource messages;
    private final PasswordRules passwordRules;

    PaRegistrationApiController(PaProfiles profiles, MessageSource messages, PasswordRules passwordRules) {
        this.passwordRules = passwordRules;
        this.profiles = profiles;
        this.messages = messages;
    }

    @PostMapping("/api/v1/pa-registrations")
    @Operation(summary = "Sign up as a personal assistant (no sign-in needed): the account can sign in at once; "
            + "its profile goes live after the DP team's checks. Email taken: 409; weak password: 422")
    ResponseEntity<RegisteredJson> register(@RequestBody RegistrationJson body, HttpServletRequest request) {
        MarketplaceInput input = new MarketplaceInput(new FormErrors(messages, Locale.ENGLISH), null);
        String email = input.email("email", body.email(), true);
        String name = input.text("displayName", body.displayName(), 100, true, "marketplace.label.displayName", false);
        passwordRules.check("password", body.password(), email, input.errors());
        input.errors().throwIfAny();
        try {
            long userId = profiles.register(email, body.password(), name, request.getRemoteAddr());
            return ResponseEntity.created(URI.create("/api/v1/me"))
                    .body(new RegisteredJson(userId, email.toLowerCase(Locale.ROOT), List.of("PERSONAL_ASSISTANT")));
        } catch (PaProfiles.TooManyRegistrations e) {
            throw new ResponseStatusException(HttpStatus.TOO_MANY_REQUESTS, e.getMessage());
        }
    }
}
