package org.dphub.audit;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;
import org.dphub.shared.Money;
import org.springframework.context.MessageSource;

/**
 * What a describer needs to say one change in the reader's language: who made it, whose record it
 * is, and the recorded values as people read them (amounts in pounds, dates as "5 December 2026",
 * choices in words). Every sentence key gets the actor as {@code {0}} and the person as {@code {1}}
 * ("someone" when the change concerns no known person), then its own values.
 */
public final class AuditWording {

    private static final int QUOTE_LIMIT = 120;

    private final MessageSource messages;
    private final Locale locale;
    private final String actor;
    private final String person;

    public AuditWording(MessageSource messages, Locale locale, String actor, String person) {
        this.messages = messages;
        this.locale = locale;
        this.actor = actor;
        this.person = person;
    }

    public Locale locale() {
        return locale;
    }

    /** Whether the change concerns a person the reader may see. */
    public boolean hasPerson() {
        return person != null;
    }

    /** The sentence {@code key}: {0} is who made the change, {1} whose record it is, then {@code values}. */
    public String say(String key, Object... values) {
        Object[] args = new Object[values.length + 2];
        args[0] = actor;
        args[1] = person != null ? person : text("audit.someone");
        System.arraycopy(values, 0, args, 2, values.length);
        return messages.getMessage(key, args, locale);
    }

    /** A message that is not a sentence about the change (a word, a phrase). */
    public String text(String key, Object... args) {
        return messages.getMessage(key, args, locale);
    }

    /** The message {@code prefix + value} ("dp.accountType.BANK_ACCOUNT"), or the value in plain lower case if there is none. */
    public String word(String prefix, Object value) {
        if (value == null) {
            return "";
        }
        String name = String.valueOf(value);
        String word = messages.getMessage(prefix + name, null, null, locale);
        return word != null ? word : name.toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    /** As {@link #word}, starting with a small letter, for the middle of a sentence. */
    public String lowerWord(String prefix, Object value) {
        String word = word(prefix, value);
        return word.isEmpty() ? word : word.substring(0, 1).toLowerCase(locale) + word.substring(1);
    }

    /** An amount as "£1,234.50": from pence (a number), money ({"pence": …}) or text already in pounds. */
    public String money(Object value) {
        if (value instanceof Number number) {
            return Money.ofPence(number.longValue()).formatWithPence();
        }
        if (value instanceof Map<?, ?> map && map.get("pence") instanceof Number pence) {
            return Money.ofPence(pence.longValue()).formatWithPence();
        }
        return value == null ? "" : String.valueOf(value);
    }

    /** A recorded date ("2026-12-05") as people read it: "5 December 2026" ("5 Rhagfyr 2026"). */
    public String date(Object value) {
        if (value == null || "null".equals(value)) {
            return "";
        }
        try {
            LocalDate date = value instanceof LocalDate d ? d : LocalDate.parse(String.valueOf(value));
            return date.format(DateTimeFormatter.ofPattern("d MMMM yyyy", locale));
        } catch (DateTimeParseException e) {
            return String.valueOf(value);
        }
    }

    /** Free text as recorded, shortened to a readable length and quoted. */
    public String quote(Object value) {
        String text = value == null ? "" : String.valueOf(value).strip().replaceAll("\\s+", " ");
        if (text.length() > QUOTE_LIMIT) {
            text = text.substring(0, QUOTE_LIMIT - 1).strip() + "…";
        }
        return text("audit.quote", text);
    }

    /** A name as recorded or looked up, or the words of {@code fallbackKey} ("a PA") when there is none. */
    public String nameOr(String name, String fallbackKey) {
        return name == null || name.isBlank() ? text(fallbackKey) : name;
    }

    /** A whole number from the recorded values (0 when it is missing or not a number). */
    public static long number(Object value) {
        if (value instanceof Number number) {
            return number.longValue();
        }
        try {
            return value == null ? 0 : Long.parseLong(String.valueOf(value).strip());
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
