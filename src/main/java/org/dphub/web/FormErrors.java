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

    /** Text that looks like HTML mark-up: a tag such as {@code <b>}, {@code </p>} or {@code <!--}. */
    private static final java.util.regex.Pattern HTML = java.util.regex.Pattern.compile("<\\s*[a-zA-Z/!?]|&#?[a-zA-Z0-9]+;");

    /**
     * Checks free text: stripped, required or not, at most {@code maxLength} characters, and no
     * HTML. Returns the stripped text, or null when it is missing or not acceptable.
     * {@code labelKey} names the thing in words that follow "Enter", like "the person's first name".
     */
    /** Whether text looks like HTML mark-up (a tag such as {@code <script>}, or an entity): for checks with their own words. */
    public static boolean looksLikeMarkup(String text) {
        return text != null && HTML.matcher(text).find();
    }

    public String text(String field, String value, int maxLength, boolean required, String labelKey) {
        String text = value == null ? "" : value.strip();
        String label = messages.getMessage(labelKey, null, labelKey, locale);
        if (text.isEmpty()) {
            if (required) {
                reject(field, "text.error.required", label);
            }
            return required ? null : "";
        }
        if (text.length() > maxLength) {
            reject(field, "text.error.too-long", label, maxLength);
            return null;
        }
        if (HTML.matcher(text).find()) {
            reject(field, "text.error.html", label);
            return null;
        }
        return text;
    }

    /** Reads a GOV.UK date input (day, month, year as typed); null and an error if it is not a real date. */
    public java.time.LocalDate date(String field, String day, String month, String year, String labelKey) {
        String label = messages.getMessage(labelKey, null, labelKey, locale);
        boolean empty = blank(day) && blank(month) && blank(year);
        if (empty) {
            reject(field, "date.error.required", label);
            return null;
        }
        if (blank(day) || blank(month) || blank(year)) {
            reject(field, "date.error.incomplete", label);
            return null;
        }
        try {
            int y = Integer.parseInt(year.strip());
            if (y < 1900 || y > 2200) {
                reject(field, "date.error.real", label);
                return null;
            }
            return java.time.LocalDate.of(y, Integer.parseInt(month.strip()), Integer.parseInt(day.strip()));
        } catch (NumberFormatException | java.time.DateTimeException e) {
            reject(field, "date.error.real", label);
            return null;
        }
    }

    /** Reads an ISO date ("2026-04-01") from the API; null and an error if it is not one. */
    public java.time.LocalDate isoDate(String field, String value, boolean required, String labelKey) {
        if (blank(value)) {
            if (required) {
                reject(field, "date.error.required", messages.getMessage(labelKey, null, labelKey, locale));
            }
            return null;
        }
        try {
            return java.time.LocalDate.parse(value.strip());
        } catch (java.time.format.DateTimeParseException e) {
            reject(field, "date.error.iso", messages.getMessage(labelKey, null, labelKey, locale));
            return null;
        }
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }

    public MessageSource messages() {
        return messages;
    }

    public Locale locale() {
        return locale;
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
