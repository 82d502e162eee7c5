package org.dphub.identity.web;

import jakarta.servlet.http.HttpServletResponse;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.dphub.identity.ApiKeys;
import org.dphub.shared.SignedInUser;
import org.dphub.web.FormErrors;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * "Your API keys": make a named key for a program that uses the API as you (shown once, on the
 * page that answers the form, never stored in the session), see when each was last used, revoke.
 */
@Controller
class ApiKeysController {

    static final ZoneId UK = ZoneId.of("Europe/London");

    /** A key as the page shows it, its times in the UK. */
    record KeyRow(long id, String name, String status, java.time.LocalDate made, java.time.LocalDateTime lastUsed,
                  java.time.LocalDate stopsOn, java.time.LocalDate revokedOn) {
        static KeyRow of(ApiKeys.ApiKey k) {
            return new KeyRow(k.id(), k.name(), k.status().name(), k.createdAt().atZoneSameInstant(UK).toLocalDate(),
                    k.lastUsedAt() == null ? null : k.lastUsedAt().atZoneSameInstant(UK).toLocalDateTime(),
                    k.expiresAt() == null ? null : k.expiresAt().atZoneSameInstant(UK).toLocalDate(),
                    k.revokedAt() == null ? null : k.revokedAt().atZoneSameInstant(UK).toLocalDate());
        }
    }

    /** How long a key made on the page works: days, or until it is revoked. */
    static final List<String> EXPIRY = List.of("30", "90", "365", "never");

    private final ApiKeys keys;
    private final MessageSource messages;
    private final java.time.Clock clock;

    ApiKeysController(ApiKeys keys, MessageSource messages, java.time.Clock clock) {
        this.keys = keys;
        this.messages = messages;
        this.clock = clock;
    }

    @GetMapping("/account/api-keys")
    String list(SignedInUser user, @RequestParam(required = false) Long revoked, Model model, Locale locale) {
        if (revoked != null) {
            keys.keysOf(user).stream().filter(k -> k.id() == revoked && k.status() == ApiKeys.Status.REVOKED)
                    .findFirst().ifPresent(k -> model.addAttribute("revokedName", k.name()));
        }
        return page(user, model, new FormErrors(messages, locale), "", null);
    }

    @PostMapping("/account/api-keys")
    String create(SignedInUser user, @RequestParam(defaultValue = "") String name, @RequestParam(required = false) String expiry,
                  Model model, Locale locale, HttpServletResponse response) {
        FormErrors errors = new FormErrors(messages, locale);
        LocalDate expiresOn = null;
        if (expiry == null || !EXPIRY.contains(expiry)) {
            errors.reject("expiry", "api-keys.error.expiry-required");
        } else if (!"never".equals(expiry)) {
            expiresOn = LocalDate.now(clock.withZone(UK)).plusDays(Long.parseLong(expiry));
        }
        Optional<ApiKeys.NewApiKey> made = keys.create(user, name, expiresOn, errors);
        if (made.isEmpty()) {
            return page(user, model, errors, name, expiry);
        }
        // the key is in this answer only: not kept in the session, not cached by the browser
        response.setHeader("Cache-Control", "no-store");
        model.addAttribute("made", KeyRow.of(made.get().key()));
        model.addAttribute("secret", made.get().secret());
        return "identity/api-key-made";
    }

    @PostMapping("/account/api-keys/{id}/revoke")
    String revoke(SignedInUser user, @PathVariable long id) {
        keys.revoke(user, id);
        return "redirect:/account/api-keys?revoked=" + id;
    }

    private String page(SignedInUser user, Model model, FormErrors errors, String name, String expiry) {
        model.addAttribute("keys", keys.keysOf(user).stream().map(KeyRow::of).toList());
        model.addAttribute("errors", errors);
        model.addAttribute("name", name);
        model.addAttribute("expiry", expiry);
        model.addAttribute("expiryOptions", EXPIRY);
        model.addAttribute("maxKeys", ApiKeys.MAX_LIVE_KEYS);
        return "identity/api-keys";
    }
}
