package org.dphub.directory.api;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.dphub.directory.internal.OpenReferralRepository.OrganizationRow;
import org.dphub.directory.internal.OpenReferralRepository.ScheduleRow;
import org.dphub.directory.internal.OpenReferralRepository.ServiceRow;
import org.dphub.directory.internal.OpenReferralRepository.TaxonomyRow;
import org.dphub.directory.internal.OpenReferralRepository.TermRow;

/**
 * Our rows in Open Referral UK 3.0's shapes, as ordered maps. An empty optional field is left
 * out, never {@code null}.
 *
 * <p>A service has one place, one price and its languages in columns, not rows of their own, so
 * the location, service_at_location, address, accessibility, cost_option, language and attribute
 * each get a stable id made from the service's: {@code UUID.nameUUIDFromBytes("<service id>:<kind>")}
 * with kind {@code location}, {@code service_at_location}, {@code address}, {@code accessibility},
 * {@code cost_option}, {@code service_area}, {@code language:<code>} or {@code attribute:<term id>}.
 * The same service always gives the same ids, so a consumer can follow changes.
 */
final class OpenReferralJson {

    static final String PROFILE = "https://github.com/openreferral/uk-profile";
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'");
    private static final Map<String, String> BYDAY = Map.of("MONDAY", "MO", "TUESDAY", "TU", "WEDNESDAY", "WE",
            "THURSDAY", "TH", "FRIDAY", "FR", "SATURDAY", "SA", "SUNDAY", "SU");
    private static final Map<String, String> LANGUAGE_NAMES = Map.ofEntries(Map.entry("en", "English"), Map.entry("cy", "Welsh"),
            Map.entry("pl", "Polish"), Map.entry("ur", "Urdu"), Map.entry("pa", "Punjabi"), Map.entry("bn", "Bengali"),
            Map.entry("gu", "Gujarati"), Map.entry("ar", "Arabic"), Map.entry("ro", "Romanian"), Map.entry("so", "Somali"),
            Map.entry("zh", "Chinese"), Map.entry("pt", "Portuguese"), Map.entry("es", "Spanish"), Map.entry("fr", "French"),
            Map.entry("bsl", "British Sign Language"), Map.entry("ga", "Irish"), Map.entry("gd", "Scottish Gaelic"));

    private OpenReferralJson() {
    }

    /** One MD5 digester a thread, so that a page's 150 ids do not each look one up. */
    private static final ThreadLocal<MessageDigest> MD5 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 is part of every Java", e);
        }
    });
    private static final Pattern COMMAS = Pattern.compile("\\s*,\\s*");

    /** The same as {@code UUID.nameUUIDFromBytes("<service id>:<kind>")} (a version 3 UUID), with the digester kept. */
    static UUID derived(UUID serviceId, String kind) {
        byte[] md5 = MD5.get().digest((serviceId + ":" + kind).getBytes(StandardCharsets.UTF_8));
        md5[6] &= 0x0f;
        md5[6] |= 0x30;
        md5[8] &= 0x3f;
        md5[8] |= (byte) 0x80;
        long msb = 0;
        long lsb = 0;
        for (int i = 0; i < 8; i++) {
            msb = (msb << 8) | (md5[i] & 0xff);
        }
        for (int i = 8; i < 16; i++) {
            lsb = (lsb << 8) | (md5[i] & 0xff);
        }
        return new UUID(msb, lsb);
    }

    /** Pounds from pence, exactly: 1250 → 12.50. */
    static BigDecimal pounds(long pence) {
        return BigDecimal.valueOf(pence, 2);
    }

    static Map<String, Object> page(List<?> contents, long total, int page, int perPage) {
        long pages = Math.max(1, (total + perPage - 1) / perPage);
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("total_items", total);
        json.put("total_pages", pages);
        json.put("page_number", page);
        json.put("size", contents.size());
        json.put("first_page", page == 1);
        json.put("last_page", page >= pages);
        json.put("empty", contents.isEmpty());
        json.put("contents", contents);
        return json;
    }

    static Map<String, Object> organization(OrganizationRow o) {
        Map<String, Object> json = new LinkedHashMap<>();
        put(json, "id", o.id());
        put(json, "name", o.name());
        json.put("description", o.description() == null ? "" : o.description());
        put(json, "email", o.email());
        put(json, "website", o.website());
        return json;
    }

    /** The one-to-one fields of a service (ORUK service_list), with its organisation when given. */
    static Map<String, Object> serviceSummary(ServiceRow s, OrganizationRow organization) {
        Map<String, Object> json = new LinkedHashMap<>();
        put(json, "id", s.id());
        put(json, "organization_id", s.organizationId());
        put(json, "name", s.name());
        put(json, "description", s.description());
        put(json, "url", s.url());
        put(json, "email", s.email());
        json.put("status", "active");
        put(json, "fees", "FREE".equals(s.costUnit()) ? "Free" : null);
        put(json, "minimum_age", s.minimumAge());
        put(json, "maximum_age", s.maximumAge());
        put(json, "last_modified", s.lastModified() == null ? null : TIMESTAMP.format(s.lastModified().withOffsetSameInstant(ZoneOffset.UTC)));
        if (organization != null) {
            json.put("organization", organization(organization));
        }
        return json;
    }

    /** A fully nested service (ORUK service). */
    static Map<String, Object> service(ServiceRow s, OrganizationRow organization, List<TermRow> terms, List<ScheduleRow> schedules) {
        Map<String, Object> json = serviceSummary(s, organization);
        putList(json, "schedules", schedules.stream().map(OpenReferralJson::schedule).toList());
        if ("COMES_TO_YOU".equals(s.delivery())) {
            Map<String, Object> area = new LinkedHashMap<>();
            area.put("id", derived(s.id(), "service_area"));
            area.put("service_id", s.id());
            area.put("name", "Comes to you within " + s.travelKm() + " km of " + sector(s.postcode()));
            area.put("extent_type", "radius_km");
            area.put("extent", String.valueOf(s.travelKm()));
            json.put("service_areas", List.of(area));
        }
        json.put("service_at_locations", List.of(serviceAtLocation(s, null, false)));
        putList(json, "languages", s.languages().stream().map(code -> language(s.id(), code)).toList());
        json.put("cost_options", List.of(costOption(s)));
        putList(json, "attributes", terms.stream().map(t -> attribute(s.id(), t)).toList());
        return json;
    }

    /** A service at its location; {@code service} is nested when given, and the distance when the search had a postcode. */
    static Map<String, Object> serviceAtLocation(ServiceRow s, Map<String, Object> service, boolean withDistance) {
        Map<String, Object> json = new LinkedHashMap<>();
        UUID locationId = derived(s.id(), "location");
        json.put("id", derived(s.id(), "service_at_location"));
        json.put("service_id", s.id());
        json.put("location_id", locationId);
        Map<String, Object> location = new LinkedHashMap<>();
        location.put("id", locationId);
        switch (s.delivery()) {
            case "AT_A_PLACE" -> {
                location.put("location_type", "physical");
                location.put("name", s.name());
                put(location, "latitude", s.latitude());
                put(location, "longitude", s.longitude());
                location.put("addresses", List.of(address(s, locationId)));
            }
            case "COMES_TO_YOU" -> {
                // a home-based provider's postcode is not published: only its sector, and the sector's centre
                location.put("location_type", "physical");
                location.put("name", "Comes to you from " + sector(s.postcode()));
                put(location, "latitude", s.latitude());
                put(location, "longitude", s.longitude());
            }
            default -> {
                location.put("location_type", "virtual");
                location.put("name", "Online");
                put(location, "url", s.url());
            }
        }
        if (s.accessibility() != null && !s.accessibility().isBlank()) {
            Map<String, Object> access = new LinkedHashMap<>();
            access.put("id", derived(s.id(), "accessibility"));
            access.put("location_id", locationId);
            access.put("description", s.accessibility());
            location.put("accessibility", List.of(access));
        }
        json.put("location", location);
        if (service != null) {
            json.put("service", service);
        }
        if (withDistance && s.distanceMetres() != null) {
            json.put("distance", Math.round(s.distanceMetres()));
        }
        return json;
    }

    static Map<String, Object> taxonomy(TaxonomyRow t, List<TermRow> terms) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", t.id());
        json.put("name", t.name());
        json.put("description", t.description());
        put(json, "uri", t.uri());
        put(json, "version", t.version());
        if (terms != null) {
            putList(json, "taxonomy_terms", terms.stream().map(OpenReferralJson::term).toList());
        }
        return json;
    }

    static Map<String, Object> term(TermRow t) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", t.id());
        json.put("name", t.name());
        json.put("description", t.description());
        put(json, "parent_id", t.parentId());
        json.put("taxonomy", t.taxonomyName());
        json.put("taxonomy_id", t.taxonomyId());
        put(json, "term_uri", t.termUri());
        json.put("term", t.name());
        json.put("code", t.code());
        return json;
    }

    private static Map<String, Object> address(ServiceRow s, UUID locationId) {
        // our address is one line of text: "1 High Street, Mold" → address_1 "1 High Street", city "Mold"
        String text = s.address() == null ? "" : s.address().strip();
        List<String> parts = new ArrayList<>(List.of(COMMAS.split(text)));
        parts.removeIf(String::isBlank);
        parts.removeIf(p -> p.equalsIgnoreCase(s.postcode()));
        String city = parts.size() > 1 ? parts.remove(parts.size() - 1) : "";
        String line1 = parts.isEmpty() ? s.postcode() : String.join(", ", parts);
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", derived(s.id(), "address"));
        json.put("location_id", locationId);
        json.put("address_1", line1);
        json.put("city", city);
        json.put("state_province", "WALES".equals(s.nation()) ? "Wales" : "England");
        json.put("postal_code", s.postcode());
        json.put("country", "GB");
        json.put("address_type", "physical");
        return json;
    }

    private static Map<String, Object> schedule(ScheduleRow r) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", r.id());
        json.put("service_id", r.serviceId());
        json.put("freq", "WEEKLY");
        json.put("interval", 1);
        json.put("byday", BYDAY.get(r.day()));
        json.put("opens_at", r.opensAt().toString().length() == 5 ? r.opensAt() + ":00" : r.opensAt().toString());
        json.put("closes_at", r.closesAt().toString().length() == 5 ? r.closesAt() + ":00" : r.closesAt().toString());
        return json;
    }

    private static Map<String, Object> language(UUID serviceId, String code) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", derived(serviceId, "language:" + code));
        json.put("service_id", serviceId);
        json.put("name", LANGUAGE_NAMES.getOrDefault(code, Locale.forLanguageTag(code).getDisplayLanguage(Locale.UK)));
        json.put("code", code);
        return json;
    }

    private static Map<String, Object> costOption(ServiceRow s) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", derived(s.id(), "cost_option"));
        json.put("service_id", s.id());
        json.put("option", switch (s.costUnit()) {
            case "SESSION" -> "per session";
            case "HOUR" -> "per hour";
            case "TERM" -> "per term";
            default -> "free";
        });
        json.put("amount", pounds(s.costPence()));
        json.put("currency", "GBP");
        return json;
    }

    private static Map<String, Object> attribute(UUID serviceId, TermRow t) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", derived(serviceId, "attribute:" + t.id()));
        json.put("link_id", serviceId);
        json.put("link_type", "service");
        json.put("taxonomy_term_id", t.id());
        json.put("taxonomy_term", term(t));
        return json;
    }

    private static String sector(String postcode) {
        return postcode == null || postcode.indexOf(' ') < 0 ? String.valueOf(postcode) : postcode.substring(0, postcode.indexOf(' ') + 2);
    }

    private static void put(Map<String, Object> json, String key, Object value) {
        if (value != null && !(value instanceof String text && text.isBlank())) {
            json.put(key, value);
        }
    }

    private static void putList(Map<String, Object> json, String key, Collection<?> values) {
        if (!values.isEmpty()) {
            json.put(key, values);
        }
    }
}
