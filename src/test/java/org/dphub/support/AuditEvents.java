package org.dphub.support;

import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import org.dphub.audit.AuditAction;
import org.dphub.audit.AuditEvent;
import org.dphub.audit.AuditWording;
import org.springframework.context.support.ResourceBundleMessageSource;

/** Audit events and wordings for describer tests: the real message bundles, no Spring context. */
public final class AuditEvents {

    public static final Locale ENGLISH = Locale.forLanguageTag("en");
    public static final Locale WELSH = Locale.forLanguageTag("cy");

    private AuditEvents() {
    }

    public static ResourceBundleMessageSource messages() {
        return ShippedMessages.source();
    }

    public static AuditEvent event(String type, Object id, AuditAction action, Map<String, Object> before, Map<String, Object> after) {
        return new AuditEvent(1, Instant.parse("2026-12-03T14:03:00Z"), 1L, "practitioner@demo-england", action, type,
                String.valueOf(id), before, after, 30L);
    }

    /** Priya Shah changing Emily Smith's records, in English. */
    public static AuditWording english() {
        return new AuditWording(messages(), ENGLISH, "Priya Shah", "Emily Smith");
    }

    public static AuditWording welsh() {
        return new AuditWording(messages(), WELSH, "Priya Shah", "Emily Smith");
    }

    /** A change that concerns no person (the council's own records). */
    public static AuditWording english(String actor) {
        return new AuditWording(messages(), ENGLISH, actor, null);
    }
}
