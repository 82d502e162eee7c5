package org.dphub.marketplace.api;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.dphub.marketplace.AvailabilitySlot;
import org.dphub.marketplace.Gender;
import org.dphub.marketplace.Interest;
import org.dphub.marketplace.Language;
import org.dphub.marketplace.Skill;
import org.dphub.marketplace.TrainingRecord;
import org.dphub.shared.Money;
import org.dphub.shared.Postcode;
import org.dphub.shared.PostcodeDirectory;
import org.dphub.web.FormErrors;
import org.dphub.web.JsonInput;

/**
 * Reads the marketplace's JSON input field by field into {@link FormErrors}, so every problem is
 * named by its field and nothing is saved until all are fixed. Free text keeps what was typed,
 * but mark-up (FormErrors' rule) and control characters are refused; pages escape it anyway.
 */
final class MarketplaceInput {

    static final int MAX_SKILLS = Skill.values().length;
    static final int MAX_INTERESTS = 30;
    static final int MAX_LANGUAGES = 10;
    static final int MAX_MUST_HAVES = 10;
    static final int MAX_OUTCOMES = 10;
    static final int MAX_SLOTS = 28;
    static final int MAX_DISTANCE_KM = 200;
    static final long MAX_RATE_PENCE = 100_000;

    /** C0 and C1 control characters and DEL; line breaks and tabs only where several lines make sense. */
    private static final Pattern CONTROL = Pattern.compile("[\\p{Cc}&&[^\\n\\r\\t]]");
    private static final Pattern ANY_CONTROL = Pattern.compile("\\p{Cc}");
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");
    private static final Pattern PHONE = Pattern.compile("^[0-9+() -]{7,20}$");

    record SlotJson(String day, String slot) {
    }

    private final FormErrors errors;
    private final PostcodeDirectory postcodes;

    MarketplaceInput(FormErrors errors, PostcodeDirectory postcodes) {
        this.errors = errors;
        this.postcodes = postcodes;
    }

    FormErrors errors() {
        return errors;
    }

    String text(String field, String value, int maxLength, boolean required, String labelKey, boolean multiline) {
        if (value != null && (multiline ? CONTROL : ANY_CONTROL).matcher(value).find()) {
            errors.reject(field, "marketplace.error.control", errors.messages().getMessage(labelKey, null, labelKey, errors.locale()));
            return null;
        }
        return errors.text(field, value, maxLength, required, labelKey);
    }

    List<String> texts(String field, List<String> values, int maxCount, int maxLength, boolean required, String labelKey) {
        List<String> list = values == null ? List.of() : values;
        if (required && list.isEmpty()) {
            errors.reject(field, "text.error.required", errors.messages().getMessage(labelKey, null, labelKey, errors.locale()));
            return List.of();
        }
        if (list.size() > maxCount) {
            errors.reject(field, "marketplace.error.list.too-many", maxCount);
            return List.of();
        }
        List<String> read = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            String text = text(field + "[" + i + "]", list.get(i), maxLength, true, labelKey, false);
            if (text != null) {
                read.add(text);
            }
        }
        return read;
    }

    Set<Skill> skills(String field, List<String> codes) {
        Set<Skill> skills = EnumSet.noneOf(Skill.class);
        for (String code : limited(field, codes, MAX_SKILLS)) {
            Skill.fromCode(code).ifPresentOrElse(skills::add, () -> errors.reject(field, "marketplace.error.skill"));
        }
        return skills;
    }

    Set<Language> languages(String field, List<String> codes) {
        Set<Language> languages = EnumSet.noneOf(Language.class);
        for (String code : limited(field, codes, MAX_LANGUAGES)) {
            Language.fromCode(code).ifPresentOrElse(languages::add, () -> errors.reject(field, "marketplace.error.language"));
        }
        return languages;
    }

    /** Skill, language or gender codes ("gender:female", "gender:male"), in the codes' own spelling. */
    List<String> mustHaves(String field, List<String> codes) {
        Set<String> read = new LinkedHashSet<>();
        for (String code : limited(field, codes, MAX_MUST_HAVES)) {
            var skill = Skill.fromCode(code);
            var language = Language.fromCode(code);
            var gender = Gender.fromMustHave(code);
            if (skill.isPresent()) {
                read.add(skill.get().code());
            } else if (language.isPresent()) {
                read.add(language.get().code());
            } else if (gender.isPresent()) {
                read.add(gender.get().mustHave());
            } else {
                errors.reject(field, "marketplace.error.must-have");
            }
        }
        return List.copyOf(read);
    }

    /** FEMALE, MALE or NON_BINARY; absent or null is "not given" (prefer not to say). */
    Gender gender(String field, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        return Gender.parse(text).orElseGet(() -> {
            errors.reject(field, "marketplace.error.gender");
            return null;
        });
    }

    record TrainingJson(String title, String completedOn, List<String> modules) {
    }

    /** Up to 20 records; each a title, a completion date (not in the future, not before 1950) and up to 30 modules. */
    List<TrainingRecord> training(String field, List<TrainingJson> records, LocalDate today) {
        List<TrainingJson> list = records == null ? List.of() : records;
        if (list.size() > TrainingRecord.MAX_RECORDS) {
            errors.reject(field, "marketplace.error.list.too-many", TrainingRecord.MAX_RECORDS);
            return List.of();
        }
        List<TrainingRecord> read = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            String at = field + "[" + i + "]";
            TrainingJson record = list.get(i);
            if (record == null) {
                errors.reject(at + ".title", "text.error.required",
                        errors.messages().getMessage("marketplace.label.trainingTitle", null, errors.locale()));
                continue;
            }
            String title = text(at + ".title", record.title(), TrainingRecord.MAX_TITLE, true, "marketplace.label.trainingTitle", false);
            LocalDate on = errors.isoDate(at + ".completedOn", record.completedOn(), true, "marketplace.label.completedOn");
            if (on != null) {
                TrainingRecord.DateProblem problem = TrainingRecord.dateProblem(on, today);
                if (problem == TrainingRecord.DateProblem.FUTURE) {
                    errors.reject(at + ".completedOn", "marketplace.error.training.future");
                    on = null;
                } else if (problem == TrainingRecord.DateProblem.TOO_EARLY) {
                    errors.reject(at + ".completedOn", "marketplace.error.training.too-early");
                    on = null;
                }
            }
            List<String> modules = texts(at + ".modules", record.modules(), TrainingRecord.MAX_MODULES, TrainingRecord.MAX_MODULE,
                    false, "marketplace.label.module");
            if (title != null && on != null && errors.isEmpty()) {
                read.add(new TrainingRecord(title, on, modules));
            }
        }
        return read;
    }

    /** Lower-case tags; "Football" is read as "football". */
    List<String> interests(String field, List<String> tags) {
        Set<String> read = new LinkedHashSet<>();
        for (String tag : limited(field, tags, MAX_INTERESTS)) {
            String normal = tag == null ? "" : tag.strip().toLowerCase(Locale.ROOT);
            if (Interest.TAG.matcher(normal).matches()) {
                read.add(normal);
            } else {
                errors.reject(field, "marketplace.error.interest");
            }
        }
        return List.copyOf(read);
    }

    List<AvailabilitySlot> availability(String field, List<SlotJson> slots) {
        List<SlotJson> list = slots == null ? List.of() : slots;
        if (list.isEmpty()) {
            errors.reject(field, "marketplace.error.availability.required");
            return List.of();
        }
        if (list.size() > MAX_SLOTS) {
            errors.reject(field, "marketplace.error.list.too-many", MAX_SLOTS);
            return List.of();
        }
        Set<AvailabilitySlot> read = new LinkedHashSet<>();
        for (int i = 0; i < list.size(); i++) {
            SlotJson slot = list.get(i);
            DayOfWeek day = null;
            AvailabilitySlot.PartOfDay part = null;
            try {
                day = DayOfWeek.valueOf(slot == null || slot.day() == null ? "" : slot.day().strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                errors.reject(field + "[" + i + "].day", "marketplace.error.availability.day");
            }
            try {
                part = AvailabilitySlot.PartOfDay.valueOf(slot == null || slot.slot() == null ? ""
                        : slot.slot().strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                errors.reject(field + "[" + i + "].slot", "marketplace.error.availability.slot");
            }
            if (day != null && part != null) {
                read.add(new AvailabilitySlot(day, part));
            }
        }
        return read.stream().sorted(java.util.Comparator.comparingInt(AvailabilitySlot::mask)).toList();
    }

    /** A postcode whose sector we know the centre of (distances are between sector centres). */
    Postcode knownPostcode(String field, String text) {
        if (text == null || text.isBlank() || !Postcode.isValid(text)) {
            errors.reject(field, "marketplace.error.postcode");
            return null;
        }
        Postcode postcode = Postcode.parse(text);
        if (postcodes.findSector(postcode).isEmpty()) {
            errors.reject(field, "marketplace.error.postcode.unknown");
            return null;
        }
        return postcode;
    }

    Integer km(String field, Object value) {
        Long number = wholeNumber(field, value, "marketplace.error.distance");
        if (number == null || number < 1 || number > MAX_DISTANCE_KM) {
            errors.reject(field, "marketplace.error.distance");
            return null;
        }
        return number.intValue();
    }

    Money rate(String field, Object value) {
        Long pence = JsonInput.pence(value, field, errors);
        if (pence == null || pence < 1 || pence > MAX_RATE_PENCE) {
            errors.reject(field, "marketplace.error.rate");
            return null;
        }
        return Money.ofPence(pence);
    }

    BigDecimal hours(String field, Object value) {
        String text = JsonInput.decimal(value, field, errors);
        if (text == null) {
            errors.reject(field, "marketplace.error.hours");
            return null;
        }
        BigDecimal hours = new BigDecimal(text);
        if (hours.signum() <= 0 || hours.compareTo(BigDecimal.valueOf(168)) > 0 || hours.scale() > 2) {
            errors.reject(field, "marketplace.error.hours");
            return null;
        }
        return hours;
    }

    Long id(String field, Object value, String messageKey) {
        Long id = wholeNumber(field, value, messageKey);
        if (id == null || id < 1) {
            errors.reject(field, messageKey);
            return null;
        }
        return id;
    }

    String email(String field, String value, boolean required) {
        if (value == null || value.isBlank()) {
            if (required) {
                errors.reject(field, "marketplace.error.email");
            }
            return null;
        }
        String email = value.strip();
        if (email.length() > 254 || ANY_CONTROL.matcher(email).find() || !EMAIL.matcher(email).matches()) {
            errors.reject(field, "marketplace.error.email");
            return null;
        }
        return email;
    }

    String phone(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String phone = value.strip();
        if (!PHONE.matcher(phone).matches()) {
            errors.reject(field, "marketplace.error.phone");
            return null;
        }
        return phone;
    }

    private List<String> limited(String field, List<String> values, int max) {
        if (values == null) {
            return List.of();
        }
        if (values.size() > max) {
            errors.reject(field, "marketplace.error.list.too-many", max);
            return List.of();
        }
        return values;
    }

    private Long wholeNumber(String field, Object value, String messageKey) {
        if (value == null) {
            return null;
        }
        try {
            BigDecimal number = value instanceof Number n ? new BigDecimal(n.toString()) : new BigDecimal(value.toString().strip());
            return number.longValueExact();
        } catch (NumberFormatException | ArithmeticException e) {
            errors.reject(field, messageKey);
            return null;
        }
    }
}
