package org.dphub.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;

/**
 * Collects the problems with a form, in field order, with messages in the reader's language.
 * Pages show them in the GOV.UK error summary and next to each field; the API returns them as
 * the {@code errors} list of a problem+json response.
 */
public final class FormErrors {

    private final MessageSource messages;
    private final Locale locale;
    private final Map<String, FormError> byField = new LinkedHashMap<>();

    public FormErrors(MessageSource messages, Locale locale) {
        this.messages = messages;
        this.locale = locale;
    }

    /** Adds the message {@code key} for {@code field}, unless the field already has one. */
    public FormErrors reject(String field, String key, Object... args) {
        byField.putIfAbsent(field, new FormError(field, messages.getMessage(key, args, key, locale)));
        return this;
    }

    public boolean has(String field) {
        return byField.containsKey(field);
    }

    public String message(String field) {
        FormError error = byField.get(field);
        return error == null ? null : error.message();
    }

    public boolean isEmpty() {
        return byField.isEmpty();
    }

    public List<FormError> list() {
        return new ArrayList<>(byField.values());
    }

    /** Throws {@link ValidationProblem} for API callers when there is anything wrong. */
    public void throwIfAny() {
        if (!isEmpty()) {
            throw new ValidationProblem(list());
        }
    }
}
