package org.dphub.marketplace.web;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.dphub.marketplace.AvailabilitySlot;
import org.dphub.marketplace.Interest;
import org.dphub.marketplace.Language;
import org.dphub.marketplace.Skill;
import org.dphub.marketplace.TrainingRecord;
import org.dphub.shared.InvalidMoneyException;
import org.dphub.shared.Money;
import org.dphub.shared.Postcode;
import org.dphub.shared.PostcodeDirectory;
import org.dphub.web.FormErrors;

/** What people type on the marketplace pages, checked with messages in their language (page words, not API codes). */
final class PageInput {

    private static final Pattern CONTROL = Pattern.compile("[\\p{Cc}&&[^\\n\\r\\t]]");
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");
    private static final Pattern PHONE = Pattern.compile("^[0-9+() -]{7,20}$");

    final FormErrors errors;
    private final PostcodeDirectory postcodes;

    PageInput(FormErrors errors, PostcodeDirectory postcodes) {
        this.errors = errors;
        this.postcodes = postcodes;
    }

    String text(String field, String value, int max, boolean required, String labelKey) {
        if (value != null && CONTROL.matcher(value).find()) {
            errors.reject(field, "mp.error.control");
            return null;
        }
        return errors.text(field, value, max, required, labelKey);
    }

    Set<Skill> skills(List<String> names) {
        Set<Skill> set = EnumSet.noneOf(Skill.class);
        for (String name : names == null ? List.<String>of() : names) {
            try {
                set.add(Skill.valueOf(name));
            } catch (IllegalArgumentException e) {
                errors.reject("skills", "mp.error.choose-from-list");
            }
        }
        return set;
    }

    Set<Language> languages(String field, List<String> names) {
        Set<Language> set = EnumSet.noneOf(Language.class);
        for (String name : names == null ? List.<String>of() : names) {
            try {
                set.add(Language.valueOf(name));
            } catch (IllegalArgumentException e) {
                errors.reject(field, "mp.error.choose-from-list");
            }
        }
        return set;
    }

    /** Ticked interests plus any typed, separated by commas: "football, board games" → football, board-games. */
    List<String> interests(List<String> ticked, String typed) {
        Set<String> tags = new LinkedHashSet<>();
        for (String name : ticked == null ? List.<String>of() : ticked) {
            try {
                tags.add(Interest.valueOf(name).tag());
            } catch (IllegalArgumentException e) {
                errors.reject("interests", "mp.error.choose-from-list");
            }
        }
        if (typed != null && !typed.isBlank()) {
            for (String word : typed.split(",")) {
                String tag = word.strip().toLowerCase(Locale.ROOT).replaceAll("\\s+", "-");
                if (tag.isEmpty()) {
                    continue;
                }
                if (!Interest.TAG.matcher(tag).matches()) {
                    errors.reject("otherInterests", "mp.error.interest");
                } else {
                    tags.add(tag);
                }
            }
        }
        if (tags.size() > 30) {
            errors.reject("otherInterests", "mp.error.too-many-interests", 30);
        }
        return new ArrayList<>(tags);
    }

    List<AvailabilitySlot> slots(List<String> codes, boolean required) {
        Set<AvailabilitySlot> slots = new LinkedHashSet<>();
        for (String code : codes == null ? List.<String>of() : codes) {
            try {
                slots.add(AvailabilitySlot.parse(code));
            } catch (RuntimeException e) {
                errors.reject("availability", "mp.error.choose-from-list");
            }
        }
        if (required && slots.isEmpty()) {
            errors.reject("availability", "mp.error.availability");
        }
        return slots.stream().sorted(java.util.Comparator.comparingInt(AvailabilitySlot::mask)).toList();
    }

    /**
     * Training rows as typed; blank rows are left out, and the rows are renumbered so the error of
     * each row is on its own fields ({@code training-0-title}, {@code training-0-date}, {@code training-0-modules}).
     */
    List<TrainingRecord> training(List<PaPages.TrainingRow> rows, java.time.LocalDate today) {
        List<TrainingRecord> read = new ArrayList<>();
        // the form has at most TrainingRecord.MAX_RECORDS rows, so there cannot be too many
        for (int i = 0; i < Math.min(rows.size(), TrainingRecord.MAX_RECORDS); i++) {
            PaPages.TrainingRow row = rows.get(i);
            if (row.isBlank()) {
                continue;
            }
            String base = "training-" + i + "-";
            String title = text(base + "title", row.title(), TrainingRecord.MAX_TITLE, true, "mp.label.training-title");
            java.time.LocalDate on = errors.date(base + "date", row.day(), row.month(), row.year(), "mp.label.training-date");
            if (on != null) {
                TrainingRecord.DateProblem problem = TrainingRecord.dateProblem(on, today);
                if (problem == TrainingRecord.DateProblem.FUTURE) {
                    errors.reject(base + "date", "mp.error.training.future");
                    on = null;
                } else if (problem == TrainingRecord.DateProblem.TOO_EARLY) {
                    errors.reject(base + "date", "mp.error.training.too-early");
                    on = null;
                }
            }
            List<String> modules = new ArrayList<>();
            for (String line : (row.modules() == null ? "" : row.modules()).split("\\R")) {
                if (line.isBlank()) {
                    continue;
                }
                String module = text(base + "modules", line, TrainingRecord.MAX_MODULE, false, "mp.label.training-module");
                if (module == null) {
                    break;
                }
                modules.add(module);
            }
            if (modules.size() > TrainingRecord.MAX_MODULES) {
                errors.reject(base + "modules", "mp.error.training.too-many-modules", TrainingRecord.MAX_MODULES);
            }
            if (title != null && on != null) {
                read.add(new TrainingRecord(title, on, modules));
            }
        }
        return read;
    }

    /** A postcode anywhere in the UK (a PA's own, on a national register): no example from one area. */
    Postcode postcode(String field, String text) {
        return postcode(field, text, null);
    }

    /** A postcode in a council's area, with an example from that area ("like SY3 1AA") when it is wrong. */
    Postcode postcode(String field, String text, Supplier<String> example) {
        if (text == null || text.isBlank() || !Postcode.isValid(text)) {
            if (example == null) {
                errors.reject(field, "mp.error.postcode.uk");
            } else {
                errors.reject(field, "mp.error.postcode", example.get());
            }
            return null;
        }
        Postcode postcode = Postcode.parse(text);
        if (postcodes.findSector(postcode).isEmpty()) {
            errors.reject(field, "mp.error.postcode.unknown");
            return null;
        }
        return postcode;
    }

    Integer km(String field, String text) {
        try {
            int km = Integer.parseInt(text == null ? "" : text.strip());
            if (km >= 1 && km <= 200) {
                return km;
            }
        } catch (NumberFormatException e) {
            // said below
        }
        errors.reject(field, "mp.error.distance");
        return null;
    }

    Money rate(String field, String text) {
        try {
            Money rate = Money.parsePositive(text == null ? "" : text);
            if (!rate.isGreaterThan(Money.ofPounds(1000))) {
                return rate;
            }
        } catch (InvalidMoneyException e) {
            // said below
        }
        errors.reject(field, "mp.error.rate");
        return null;
    }

    BigDecimal hours(String field, String text) {
        try {
            BigDecimal hours = new BigDecimal(text == null ? "" : text.strip());
            if (hours.signum() > 0 && hours.compareTo(BigDecimal.valueOf(168)) <= 0 && hours.scale() <= 2) {
                return hours;
            }
        } catch (NumberFormatException e) {
            // said below
        }
        errors.reject(field, "mp.error.hours");
        return null;
    }

    String email(String field, String text, boolean required) {
        if (text == null || text.isBlank()) {
            if (required) {
                errors.reject(field, "mp.error.email");
            }
            return null;
        }
        String email = text.strip();
        if (email.length() > 254 || !EMAIL.matcher(email).matches()) {
            errors.reject(field, "mp.error.email");
            return null;
        }
        return email;
    }

    String phone(String field, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        if (!PHONE.matcher(text.strip()).matches()) {
            errors.reject(field, "mp.error.phone");
            return null;
        }
        return text.strip();
    }
}
