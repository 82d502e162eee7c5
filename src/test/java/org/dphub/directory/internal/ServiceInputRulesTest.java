package org.dphub.directory.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.dphub.directory.CostUnit;
import org.dphub.directory.Delivery;
import org.dphub.directory.Schedule;
import org.dphub.directory.ServiceInput;
import org.dphub.directory.internal.ServiceInputRules.Raw;
import org.dphub.directory.internal.ServiceInputRules.RawSchedule;
import org.dphub.shared.PostcodeDirectory;
import org.dphub.support.AuditEvents;
import org.dphub.web.FormError;
import org.dphub.web.FormErrors;
import org.junit.jupiter.api.Test;

/** What a provider types is read whole or refused field by field, with words that say what to do. */
class ServiceInputRulesTest {

    static final String TERM = "6a1d6a2e-5d1f-4c1b-9a52-000000000009";
    final PostcodeDirectory postcodes;

    ServiceInputRulesTest() throws Exception {
        postcodes = PostcodeDirectory.read(new ByteArrayInputStream("""
                sector,latitude,longitude,postcodes
                SY1 1,52.70818,-2.75388,316
                """.getBytes(StandardCharsets.UTF_8)));
    }

    Raw raw(String postcode, List<RawSchedule> schedules, Object costPence, String costPounds, String unit, Object min, Object max) {
        return new Raw("Tuesday walking group", "A gentle walk by the river, then tea.", null, postcode, null, schedules, costPence,
                costPounds, unit, min, max, List.of("en", "CY"), "Step-free route", List.of(TERM), "https://walks.example.org", null);
    }

    ServiceInputRules rules(Locale locale) {
        return new ServiceInputRules(new FormErrors(AuditEvents.messages(), locale), postcodes);
    }

    @Test
    void aGoodServiceIsReadWhole() {
        ServiceInputRules rules = rules(Locale.ENGLISH);
        ServiceInput input = rules.service(raw("sy11aa", List.of(new RawSchedule("tuesday", "10:00", "12:30")), 450, null,
                "SESSION", 18, 99));

        assertThat(rules.errors().list()).isEmpty();
        assertThat(input.postcode().value()).isEqualTo("SY1 1AA");
        assertThat(input.delivery()).isEqualTo(Delivery.AT_A_PLACE);
        assertThat(input.schedules()).containsExactly(new Schedule(DayOfWeek.TUESDAY, LocalTime.of(10, 0), LocalTime.of(12, 30)));
        assertThat(input.cost().pence()).isEqualTo(450);
        assertThat(input.languages()).containsExactly("en", "cy");
    }

    @Test
    void moneyThatIsNotWholePenceOrIsNegativeOrHugeIsRefused() {
        for (Object bad : new Object[] {-5, 1e9, 12.345, "12.345", "ten"}) {
            ServiceInputRules rules = rules(Locale.ENGLISH);
            assertThat(rules.service(raw("SY1 1AA", List.of(), bad, null, "HOUR", null, null))).as(String.valueOf(bad)).isNull();
            assertThat(fields(rules)).as(String.valueOf(bad)).containsExactly("costPence");
        }
        for (String bad : new String[] {"-5", "1e9", "12.345", "£20000000"}) {
            ServiceInputRules rules = rules(Locale.ENGLISH);
            assertThat(rules.service(raw("SY1 1AA", List.of(), null, bad, "HOUR", null, null))).as(bad).isNull();
            assertThat(fields(rules)).as(bad).containsExactly("cost");
        }
        ServiceInputRules pounds = rules(Locale.ENGLISH);
        pounds.service(raw("SY1 1AA", List.of(), null, "12.345", "HOUR", null, null));
        assertThat(pounds.errors().message("cost")).contains("no more than 2 numbers after the point");
    }

    @Test
    void freeIsZeroAndAPriceIsMoreThanZero() {
        ServiceInputRules free = rules(Locale.ENGLISH);
        assertThat(free.service(raw("SY1 1AA", List.of(), null, "", "FREE", null, null)).cost().isZero()).isTrue();
        ServiceInputRules freeWithPrice = rules(Locale.ENGLISH);
        freeWithPrice.service(raw("SY1 1AA", List.of(), 500, null, "FREE", null, null));
        assertThat(fields(freeWithPrice)).containsExactly("costPence");
        ServiceInputRules zero = rules(Locale.ENGLISH);
        zero.service(raw("SY1 1AA", List.of(), 0, null, "SESSION", null, null));
        assertThat(fields(zero)).containsExactly("costPence");
    }

    @Test
    void aScheduleClosesAfterItOpensAndAgesAreInOrder() {
        ServiceInputRules rules = rules(AuditEvents.WELSH);
        rules.service(raw("SY1 1AA", List.of(new RawSchedule("MONDAY", "14:00", "09:00"), new RawSchedule("FUNDAY", "25:00", "26:00")),
                100, null, "SESSION", 65, 18));

        assertThat(fields(rules)).containsExactly("schedules[0].closesAt", "schedules[1].day", "schedules[1].opensAt",
                "schedules[1].closesAt", "maximumAge");
        assertThat(rules.errors().message("schedules[0].closesAt")).isEqualTo("Rhaid i'r amser cau fod ar ôl yr amser agor");
    }

    @Test
    void aPostcodeMustExistAndTextMustNotBeMarkUp() {
        ServiceInputRules rules = rules(Locale.ENGLISH);
        rules.service(new Raw("<script>alert(1)</script>", "Fine", null, "ZZ9 9ZZ", null, List.of(), 100, null, "SESSION", null,
                null, List.of("xx"), null, List.of("not-a-uuid"), "javascript:alert(1)", "nobody"));

        assertThat(fields(rules)).containsExactly("name", "postcode", "languages", "taxonomyTermIds", "url", "email");
        assertThat(rules.errors().message("postcode")).isEqualTo("We cannot find this postcode. Check it and try again");
    }

    @Test
    void anOnlineServiceNeedsNoPostcodeAndOneThatComesToYouSaysHowFar() {
        ServiceInputRules online = rules(Locale.ENGLISH);
        ServiceInput read = online.service(new Raw("Online chat", "Chat", "ONLINE", null, null, List.of(), null, null, "FREE", null,
                null, List.of(), null, List.of(TERM), null, null));
        assertThat(read.postcode()).isNull();
        assertThat(read.costUnit()).isEqualTo(CostUnit.FREE);

        ServiceInputRules travels = rules(Locale.ENGLISH);
        travels.service(new Raw("Home visits", "Visits", "COMES_TO_YOU", "SY1 1AA", 500, List.of(), 1000, null, "HOUR", null,
                null, List.of(), null, List.of(TERM), null, null));
        assertThat(fields(travels)).containsExactly("travelKm");
    }

    static List<String> fields(ServiceInputRules rules) {
        List<String> fields = new ArrayList<>();
        for (FormError error : rules.errors().list()) {
            fields.add(error.field());
        }
        return fields;
    }
}
