package org.dphub.identity.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import org.dphub.identity.ApiKeys;
import org.dphub.shared.SignedInUser;
import org.dphub.web.FormErrors;
import org.dphub.web.RuleRefusal;
import org.dphub.web.ValidationProblem;
import org.springframework.context.MessageSource;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** The caller's own API keys: list, make (the key is in the answer once), revoke. */
@RestController
@Tag(name = "Identity")
class ApiKeysApiController {

    record KeyJson(long id, String name, String status, OffsetDateTime createdAt, OffsetDateTime expiresAt,
                   OffsetDateTime lastUsedAt, OffsetDateTime revokedAt) {
        static KeyJson of(ApiKeys.ApiKey k) {
            return new KeyJson(k.id(), k.name(), k.status().name(), k.createdAt(), k.expiresAt(), k.lastUsedAt(), k.revokedAt());
        }
    }

    /** A new key: {@code key} is shown this once and cannot be read again. */
    record NewKeyJson(long id, String name, String status, OffsetDateTime createdAt, OffsetDateTime expiresAt, String key) {
    }

    /** {@code expiresOn} (optional, YYYY-MM-DD, after today): the key stops working when that day starts in the UK. */
    record NewKeyRequest(String name, String expiresOn) {
    }

    private final ApiKeys keys;
    private final MessageSource messages;

    ApiKeysApiController(ApiKeys keys, MessageSource messages) {
        this.keys = keys;
        this.messages = messages;
    }

    @GetMapping("/api/v1/api-keys")
    @Operation(summary = "Your API keys (never the keys themselves): live ones first, with when each was last used")
    List<KeyJson> list(SignedInUser user) {
        return keys.keysOf(user).stream().map(KeyJson::of).toList();
    }

    @GetMapping("/api/v1/api-keys/{id}")
    @Operation(summary = "One of your API keys")
    KeyJson get(SignedInUser user, @PathVariable long id) {
        return KeyJson.of(keys.keyOf(user, id));
    }

    @PostMapping("/api/v1/api-keys")
    @Operation(summary = "Make an API key, named, optionally expiring (expiresOn, YYYY-MM-DD); the key is in the answer "
            + "once and is stored only as a hash. Send it as Authorization: Bearer <key>. At most 10 live keys; "
            + "a key cannot make another key (use your password)")
    ResponseEntity<NewKeyJson> create(SignedInUser user, @RequestBody NewKeyRequest body) {
        // a key that leaked must not be able to make more keys that outlive its revocation
        if (ApiKeys.signedInWithAKey()) {
            throw new RuleRefusal("api-key-cannot-make-keys", "An API key cannot make another API key.",
                    "Make keys with your username and password (HTTP Basic), or on the page /account/api-keys.");
        }
        FormErrors errors = new FormErrors(messages, Locale.ENGLISH);
        LocalDate expiresOn = null;
        if (body.expiresOn() != null && !body.expiresOn().isBlank()) {
            try {
                expiresOn = LocalDate.parse(body.expiresOn().strip());
            } catch (DateTimeParseException e) {
                errors.reject("expiresOn", "api-keys.error.expiry-format");
            }
        }
        ApiKeys.NewApiKey made = keys.create(user, body.name(), expiresOn, errors)
                .orElseThrow(() -> new ValidationProblem(errors.list()));
        ApiKeys.ApiKey k = made.key();
        return ResponseEntity.created(URI.create("/api/v1/api-keys/" + k.id()))
                .cacheControl(CacheControl.noStore())
                .body(new NewKeyJson(k.id(), k.name(), k.status().name(), k.createdAt(), k.expiresAt(), made.secret()));
    }

    @DeleteMapping("/api/v1/api-keys/{id}")
    @Operation(summary = "Revoke one of your API keys: it stops working at once (revoking it again changes nothing)")
    ResponseEntity<Void> revoke(SignedInUser user, @PathVariable long id) {
        keys.revoke(user, id);
        return ResponseEntity.noContent().build();
    }
}
