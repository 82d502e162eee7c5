package org.dphub.directory.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.dphub.directory.internal.OpenReferralRepository.OrganizationRow;
import org.dphub.directory.internal.OpenReferralRepository.ScheduleRow;
import org.dphub.directory.internal.OpenReferralRepository.ServiceRow;
import org.dphub.directory.internal.OpenReferralRepository.TermRow;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** The Open Referral answers written in one pass say exactly what the message converter wrote before, byte for byte. */
class OpenReferralJsonTest {

    final JsonMapper mapper = JsonMapper.builder().build();
    final OrganizationRow organization = new OrganizationRow(UUID.randomUUID(), "Mold Friends", null, "hello@example.org", "");

    ServiceRow row(String delivery, String address, String accessibility, Double distance, Integer minimumAge, long pence, String unit) {
        return new ServiceRow(UUID.randomUUID(), organization.id(), 1, "WALES", "Lunch club \"Ty\u00f4\" <b>", "A hot lunch\nand a chat",
                "https://example.org", null, delivery, "CH7 1XY", new BigDecimal("53.165970"), new BigDecimal("-3.141240"),
                "COMES_TO_YOU".equals(delivery) ? 10 : null, address, pence, unit, minimumAge, null, List.of("en", "cy", "bsl"),
                accessibility, OffsetDateTime.of(2026, 12, 3, 9, 30, 5, 123_000_000, ZoneOffset.ofHours(1)), distance, organization);
    }

    @Test
    void everyShapeIsTheSameBytesAsTheMapperWrites() {
        TermRow term = new TermRow(UUID.randomUUID(), UUID.randomUUID(), "Outcomes", "NUTRITION", "Eating well", null, null, "");
        ScheduleRow monday = new ScheduleRow(UUID.randomUUID(), UUID.randomUUID(), "MONDAY", LocalTime.of(10, 0), LocalTime.of(14, 30, 15));
        List<ServiceRow> rows = List.of(
                row("AT_A_PLACE", "Community Centre, 1 High Street, Mold, CH7 1XY", "A hearing loop", 1234.6, 18, 1250, "SESSION"),
                row("AT_A_PLACE", "", "", 0.0, null, 0, "FREE"),
                row("COMES_TO_YOU", null, null, null, 0, 2000, "HOUR"),
                row("ONLINE", null, "Captions", null, 65, 100_000_000L, "TERM"));
        List<Object> contents = new java.util.ArrayList<>();
        for (ServiceRow s : rows) {
            contents.add(OpenReferralJson.serviceAtLocation(s, OpenReferralJson.serviceSummary(s, s.organization()), true));
            contents.add(OpenReferralJson.serviceAtLocation(s, OpenReferralJson.service(s, s.organization(), List.of(term), List.of(monday)),
                    false));
        }
        Map<String, Object> page = OpenReferralJson.page(contents, 12_345, 2, 50);
        String expected = mapper.writeValueAsString(page);
        assertThat(new String(new JsonBody(mapper).bytes(page), StandardCharsets.UTF_8)).isEqualTo(expected);
        assertThat(expected).contains("\"amount\":1000000.00", "\"distance\":1235", "\"last_modified\":\"2026-12-03T08:30:05.123Z\"");
        assertThat(new String(new JsonBody(mapper).bytes(OpenReferralJson.term(term)), StandardCharsets.UTF_8))
                .isEqualTo(mapper.writeValueAsString(OpenReferralJson.term(term))).contains("\"description\":null");
    }

    @Test
    void derivedIdsAreTheVersion3NameUuidsTheyAlwaysWere() {
        for (int i = 0; i < 200; i++) {
            UUID service = UUID.randomUUID();
            for (String kind : List.of("location", "service_at_location", "address", "language:cy", "attribute:" + UUID.randomUUID())) {
                assertThat(OpenReferralJson.derived(service, kind))
                        .isEqualTo(UUID.nameUUIDFromBytes((service + ":" + kind).getBytes(StandardCharsets.UTF_8)));
            }
        }
    }
}
