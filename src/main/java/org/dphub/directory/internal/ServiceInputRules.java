package org.dphub.directory.internal;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.dphub.directory.CostUnit;
import org.dphub.directory.Delivery;
import org.dphub.directory.OrganizationKind;
import org.dphub.directory.Organization;
import org.dphub.directory.Schedule;
import org.dphub.directory.ServiceInput;
import org.dphub.directory.ServiceLanguages;
import org.dphub.shared.InvalidMoneyException;
import org.dphub.shared.Money;
import org.dphub.shared.Postcode;
import org.dphub.shared.PostcodeDirectory;
import org.dphub.web.FormErrors;

/**
 * Reads a service (and an organisation) as typed on a page or sent to the API, field by field into
 * {@link FormErrors}, so every problem is named by its field and nothing is saved until all are
 * fixed. The API and the pages use the same field names ({@code schedules[0].opensAt}); the cost is
 * whole pence from the API ({@code costPence}) and pounds on a page ({@code cost}, read as {@link Money} reads it).
 */
public final class ServiceInputRules {

    /** The most a service may cost for one unit: £100,000 (the column's limit). */
    public static final long MAX_COST_PENCE = 10_000_000;
    public static final int MAX_SCHEDULES = 21;
    public static final int MAX_TERMS = 30;
    public static final int MAX_TRAVEL_KM = 200;

    private static final Pattern CONTROL = Pattern.compile("[\\p{Cc}&&[^\\n\\r\\t]]");
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s<>]+@[^@\\s<>]+\\.[^@\\s<>]+$");
    private static final Pattern PHONE = Pattern.compile("^[0-9+() -]{7,20}$");
    private static final Pattern URL = Pattern.compile("^https?://[^\\s<>\"]+\\.[^\\s<>\"]+$");
    private static final Pattern TIME = Pattern.compile("^([01][0-9]|2[0-3]):[0-5][0-9]$");

    /** One opening as typed. */
    public record RawSchedule(String day, String opensAt, String closesAt) {
    }

    /** A service as typed: text as it came, numbers as the JSON number or the text typed. */
    public record Raw(String name, String description, String delivery, String postcode, Object travelKm,
                      List<RawSchedule> schedules, Object costPence, String costPounds, String costUnit, Object minimumAge,
                      Object maximumAge, List<String> languages, String accessibility, List<String> taxonomyTermIds, String url,
                      String email) {
    }

    private final FormErrors errors;
    private final PostcodeDirectory postcodes;

    public ServiceInputRules(FormErrors errors, PostcodeDirectory postcodes) {
        this.errors = errors;
        this.postcodes = postcodes;
    }

    public FormErrors errors() {
        return errors;
    }

    /** The service, or null when anything is wrong (then every problem is in {@link #errors()}). */
    public ServiceInput service(Raw raw) {
        String name = text("name", raw.name(), 200, true, "directory.label.name");
        String description = text("description", raw.description(), 4000, true, "directory.label.description");
        Delivery delivery = delivery(raw.delivery());
        Postcode postcode = null;
        Integer travelKm = null;
        if (delivery != Delivery.ONLINE) {
            postcode = knownPostcode("postcode", raw.postcode());
        }
        if (delivery == Delivery.COMES_TO_YOU) {
            Long km = whole("travelKm", raw.travelKm(), "directory.error.travel-km");
            if (km == null || km < 1 || km > MAX_TRAVEL_KM) {
                errors.reject("travelKm", "directory.error.travel-km");
            } else {
                travelKm = km.intValue();
            }
        }
        List<Schedule> schedules = schedules(raw.schedules());
        CostUnit unit = costUnit(raw.costUnit());
        Money cost = cost(raw, unit);
        Integer min = age("minimumAge", raw.minimumAge());
        Integer max = age("maximumAge", raw.maximumAge());
        if (min != null && max != null && min > max) {
            errors.reject("maximumAge", "directory.error.ages");
        }
        List<String> languages = languages(raw.languages());
        String accessibility = text("accessibility", raw.accessibility(), 2000, false, "directory.label.accessibility");
        List<UUID> terms = terms(raw.taxonomyTermIds());
        String url = url("url", raw.url());
        String email = email("email", raw.email(), false);
        if (!errors.isEmpty()) {
            return null;
        }
        return new ServiceInput(name, description, delivery, postcode, travelKm, schedules, cost, unit, min, max, languages,
                accessibility, terms, url, email);
    }

    /** An organisation as typed; null when anything is wrong. */
    public Organization.Input organization(String name, String description, String kind, String email, String phone, String website) {
        String readName = text("organisationName", name, 200, true, "directory.label.organisation-name");
        String readDescription = text("organisationDescription", description, 4000, true, "directory.label.organisation-description");
        OrganizationKind readKind = null;
        try {
            readKind = OrganizationKind.valueOf(kind == null ? "" : kind.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            errors.reject("kind", "directory.error.kind");
        }
        String readEmail = email("organisationEmail", email, true);
        String readPhone = null;
        if (phone != null && !phone.isBlank()) {
            if (PHONE.matcher(phone.strip()).matches()) {
                readPhone = phone.strip();
            } else {
                errors.reject("phone", "directory.error.phone");
            }
        }
        String readWebsite = url("website", website);
        if (!errors.isEmpty()) {
            return null;
        }
        return new Organization.Input(readName, readDescription, readKind, readEmail, readPhone, readWebsite);
    }

    public String text(String field, String value, int maxLength, boolean required, String labelKey) {
        if (value != null && CONTROL.matcher(value).find()) {
            errors.reject(field, "directory.error.control", errors.messages().getMessage(labelKey, null, labelKey, errors.locale()));
            return null;
        }
        return errors.text(field, value, maxLength, required, labelKey);
    }

    private Delivery delivery(String text) {
        if (text == null || text.isBlank()) {
            return Delivery.AT_A_PLACE;
        }
        try {
            return Delivery.valueOf(text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            errors.reject("delivery", "directory.error.delivery");
            return Delivery.AT_A_PLACE;
        }
    }

    private Postcode knownPostcode(String field, String text) {
        if (text == null || text.isBlank() || !Postcode.isValid(text)) {
            errors.reject(field, "directory.error.postcode");
            return null;
        }
        Postcode postcode = Postcode.parse(text);
        if (postcodes.findSector(postcode).isEmpty()) {
            errors.reject(field, "directory.error.postcode.unknown");
            return null;
        }
        return postcode;
    }

    private List<Schedule> schedules(List<RawSchedule> raw) {
        List<RawSchedule> list = raw == null ? List.of() : raw;
        if (list.size() > MAX_SCHEDULES) {
            errors.reject("schedules", "directory.error.too-many", MAX_SCHEDULES);
            return List.of();
        }
        List<Schedule> read = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            String at = "schedules[" + i + "]";
            RawSchedule schedule = list.get(i);
            DayOfWeek day = null;
            try {
                day = DayOfWeek.valueOf(schedule == null || schedule.day() == null ? "" : schedule.day().strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                errors.reject(at + ".day", "directory.error.day");
            }
            LocalTime opens = time(at + ".opensAt", schedule == null ? null : schedule.opensAt());
            LocalTime closes = time(at + ".closesAt", schedule == null ? null : schedule.closesAt());
            if (opens != null && closes != null && !closes.isAfter(opens)) {
                errors.reject(at + ".closesAt", "directory.error.closes-before-opens");
                continue;
            }
            if (day != null && opens != null && closes != null) {
                read.add(new Schedule(day, opens, closes));
            }
        }
        return read;
    }

    private LocalTime time(String field, String text) {
        String value = text == null ? "" : text.strip();
        if (!TIME.matcher(value).matches()) {
            errors.reject(field, "directory.error.time");
            return null;
        }
        try {
            return LocalTime.parse(value);
        } catch (DateTimeParseException e) {
            errors.reject(field, "directory.error.time");
            return null;
        }
    }

    private CostUnit costUnit(String text) {
        try {
            return CostUnit.valueOf(text == null ? "" : text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            errors.reject("costUnit", "directory.error.cost-unit");
            return null;
        }
    }

    /** Free is exactly zero; anything else is more than £0 and at most £100,000, in whole pence. */
    private Money cost(Raw raw, CostUnit unit) {
        boolean pounds = raw.costPence() == null && raw.costPounds() != null;
        String field = pounds ? "cost" : "costPence";
        if (unit == CostUnit.FREE) {
            boolean blank = pounds ? raw.costPounds().isBlank() : raw.costPence() == null;
            if (blank) {
                return Money.ZERO;
            }
        }
        Money cost;
        if (pounds) {
            if (raw.costPounds().isBlank()) {
                errors.reject(field, "directory.error.cost.required");
                return null;
            }
            try {
                cost = Money.parseNotNegative(raw.costPounds());
            } catch (InvalidMoneyException e) {
                errors.reject(field, switch (e.reason()) {
                    case TOO_MANY_DECIMALS -> "directory.error.cost.pence";
                    case NEGATIVE -> "directory.error.cost.negative";
                    case TOO_LARGE -> "directory.error.cost.too-large";
                    default -> "directory.error.cost";
                });
                return null;
            }
        } else {
            if (raw.costPence() == null) {
                errors.reject(field, "directory.error.cost.required");
                return null;
            }
            Long pence = wholePence(field, raw.costPence());
            if (pence == null) {
                return null;
            }
            if (pence < 0) {
                errors.reject(field, "directory.error.cost.negative");
                return null;
            }
            cost = Money.ofPence(pence);
        }
        if (cost.pence() > MAX_COST_PENCE) {
            errors.reject(field, "directory.error.cost.too-large");
            return null;
        }
        if (unit == CostUnit.FREE && !cost.isZero()) {
            errors.reject(field, "directory.error.cost.free");
            return null;
        }
        if (unit != null && unit != CostUnit.FREE && cost.isZero()) {
            errors.reject(field, "directory.error.cost.zero");
            return null;
        }
        return cost;
    }

    /** Whole pence: 1250 or "1250"; 12.345, "12.5" or "1e9.5" are not; 1e9 is a whole number (and too large). */
    private Long wholePence(String field, Object value) {
        try {
            BigDecimal number = value instanceof Number n ? new BigDecimal(n.toString()) : new BigDecimal(value.toString().strip());
            if (number.stripTrailingZeros().scale() > 0) {
                errors.reject(field, "directory.error.cost.whole-pence");
                return null;
            }
            if (number.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) > 0) {
                errors.reject(field, "directory.error.cost.too-large");
                return null;
            }
            return number.longValueExact();
        } catch (NumberFormatException | ArithmeticException e) {
            errors.reject(field, "directory.error.cost.whole-pence");
            return null;
        }
    }

    private Integer age(String field, Object value) {
        if (value == null || (value instanceof String s && s.isBlank())) {
            return null;
        }
        Long age = whole(field, value, "directory.error.age");
        if (age == null || age < 0 || age > 120) {
            errors.reject(field, "directory.error.age");
            return null;
        }
        return age.intValue();
    }

    private List<String> languages(List<String> codes) {
        Set<String> read = new LinkedHashSet<>();
        for (String code : codes == null ? List.<String>of() : codes) {
            String normal = code == null ? "" : code.strip().toLowerCase(Locale.ROOT);
            if (ServiceLanguages.known(normal)) {
                read.add(normal);
            } else {
                errors.reject("languages", "directory.error.language");
            }
        }
        return List.copyOf(read);
    }

    private List<UUID> terms(List<String> ids) {
        List<String> list = ids == null ? List.of() : ids;
        if (list.isEmpty()) {
            errors.reject("taxonomyTermIds", "directory.error.terms.required");
            return List.of();
        }
        if (list.size() > MAX_TERMS) {
            errors.reject("taxonomyTermIds", "directory.error.too-many", MAX_TERMS);
            return List.of();
        }
        Set<UUID> read = new LinkedHashSet<>();
        for (String id : list) {
            try {
                read.add(UUID.fromString(id == null ? "" : id.strip()));
            } catch (IllegalArgumentException e) {
                errors.reject("taxonomyTermIds", "directory.error.term");
            }
        }
        return List.copyOf(read);
    }

    private String url(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String url = value.strip();
        if (url.length() > 500 || !URL.matcher(url).matches()) {
            errors.reject(field, "directory.error.url");
            return null;
        }
        return url;
    }

    public String email(String field, String value, boolean required) {
        if (value == null || value.isBlank()) {
            if (required) {
                errors.reject(field, "directory.error.email");
            }
            return null;
        }
        String email = value.strip();
        if (email.length() > 254 || !EMAIL.matcher(email).matches()) {
            errors.reject(field, "directory.error.email");
            return null;
        }
        return email;
    }

    private Long whole(String field, Object value, String key) {
        try {
            BigDecimal number = value instanceof Number n ? new BigDecimal(n.toString()) : new BigDecimal(value.toString().strip());
            return number.longValueExact();
        } catch (NumberFormatException | ArithmeticException e) {
            errors.reject(field, key);
            return null;
        }
    }
}
