package org.dphub.employment;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import org.dphub.employment.InsuranceReminders;
import org.dphub.letters.LetterKind;
import org.dphub.letters.Letters;
import org.dphub.support.Http;
import org.dphub.support.IntegrationTest;
import org.dphub.support.MoneyApi;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The employer's liability insurance reminder: a policy ending in 20 days gets one letter, in the
 * person's language, however often the daily job runs; a policy ending in 40 days, or one already
 * renewed ahead of time, gets none.
 */
@IntegrationTest
class InsuranceRenewalLettersIT {

    static final String PW = Http.DEMO_PASSWORD;

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    InsuranceReminders reminders;
    @Autowired
    Letters letters;
    @Autowired
    MockMvc mvc;
    @Autowired
    UserDetailsService users;

    final LocalDate today = LocalDate.now(ZoneId.of("Europe/London"));

    long person(Http http, String council, String given, String language, String postcode) {
        return MoneyApi.ok(http.postJsonAs("practitioner@" + council, PW, "/api/v1/citizens", """
                {"givenName": "%s", "familyName": "Price", "dateOfBirth": "1961-03-04", "postcode": "%s",
                 "preferredLanguage": "%s", "contactPreference": "LETTER"}""".formatted(given, postcode, language)), 201).get("id").asLong();
    }

    long employ(Http http, String council, long citizen, String policy, LocalDate insuredUntil) {
        return MoneyApi.ok(http.postJsonAs("dp-team@" + council, PW, "/api/v1/citizens/" + citizen + "/employments", """
                {"paGivenName": "Rhian", "paFamilyName": "Evans", "paDateOfBirth": "1988-02-03", "startedOn": "%s",
                 "hourlyRatePence": 1350, "hoursKind": "IRREGULAR", "payFrequency": "MONTHLY", "taxCode": "1257L",
                 "pension": "ASSESS", "elInsurer": "Mutual Care Cover", "elPolicyNumber": "%s", "elExpiresOn": "%s"}"""
                .formatted(today.minusDays(60), policy, insuredUntil)), 201).get("id").asLong();
    }

    long letters(long citizen) {
        return jdbc.sql("SELECT count(*) FROM letter WHERE citizen_id = :c AND kind = 'INSURANCE_RENEWAL'").param("c", citizen)
                .query(Long.class).single();
    }

    long reminded(long citizen) {
        return jdbc.sql("SELECT count(*) FROM insurance_reminder WHERE citizen_id = :c").param("c", citizen).query(Long.class).single();
    }

    void awaitLetters(long... citizens) throws InterruptedException {
        for (int i = 0; i < 200; i++) {
            boolean all = true;
            for (long c : citizens) {
                all &= letters(c) > 0;
            }
            if (all) {
                return;
            }
            Thread.sleep(100);
        }
    }

    @Test
    void aPolicyEndingIn20DaysGetsOneLetterInThePersonsLanguageAndNoMoreOnRerun() throws Exception {
        Http http = new Http(port);
        long english = person(http, "demo-england", "Nia", "en", "SY1 1AA");
        long welsh = person(http, "demo-wales", "Gwen", "cy", "CH7 1XY");
        long later = person(http, "demo-england", "Owen", "en", "SY1 1AA");
        long renewed = person(http, "demo-england", "Dai", "en", "SY1 1AA");
        LocalDate ends = today.plusDays(20);
        employ(http, "demo-england", english, "EL-20-EN", ends);
        // two PAs under the same policy: one reminder for the employer
        employ(http, "demo-england", english, "EL-20-EN", ends);
        employ(http, "demo-wales", welsh, "EL-20-CY", ends);
        employ(http, "demo-england", later, "EL-40", today.plusDays(40));
        long renewedJob = employ(http, "demo-england", renewed, "EL-OLD", ends);
        MoneyApi.ok(http.postJsonAs("dp-team@demo-england", PW, "/api/v1/employments/" + renewedJob + "/terms", """
                {"startedOn": "%s", "hourlyRatePence": 1350, "hoursKind": "IRREGULAR", "payFrequency": "MONTHLY", "taxCode": "1257L",
                 "pension": "ASSESS", "elInsurer": "Mutual Care Cover", "elPolicyNumber": "EL-NEW", "elExpiresOn": "%s"}"""
                .formatted(ends.plusDays(1), ends.plusYears(1))), 200);

        assertThat(jdbc.sql("SELECT count(*) FROM scheduled_tasks WHERE task_name = 'employer-insurance-reminders'").query(Long.class)
                .single()).as("the daily job is scheduled").isEqualTo(1);
        assertThat(reminders.remindEndingSoon()).isGreaterThanOrEqualTo(2);
        awaitLetters(english, welsh);

        assertThat(letters(english)).as("one letter, though two PAs are under the policy").isEqualTo(1);
        var letter = jdbc.sql("SELECT language, subject, body, status, channel FROM letter WHERE citizen_id = :c AND kind = 'INSURANCE_RENEWAL'")
                .param("c", english).query().singleRow();
        assertThat(letter.get("language")).isEqualTo("en");
        assertThat(letter.get("status")).as("no Notify key: the outbox").isEqualTo("OUTBOX");
        assertThat(letter.get("channel")).isEqualTo("LETTER");
        assertThat(letter.get("subject")).isEqualTo("Your employer's insurance ends soon");
        assertThat((String) letter.get("body")).startsWith("Dear Nia,")
                .contains("ends on " + DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH).format(ends),
                        "policy EL-20-EN with Mutual Care Cover", "Please renew it", "protects you and your PAs", "call us")
                .doesNotContain("{");

        assertThat(letters(welsh)).isEqualTo(1);
        var cymraeg = jdbc.sql("SELECT language, subject, body FROM letter WHERE citizen_id = :c AND kind = 'INSURANCE_RENEWAL'")
                .param("c", welsh).query().singleRow();
        assertThat(cymraeg.get("language")).isEqualTo("cy");
        assertThat(cymraeg.get("subject")).isEqualTo("Mae yswiriant eich cyflogwr yn dod i ben cyn bo hir");
        assertThat((String) cymraeg.get("body")).startsWith("Annwyl Gwen,")
                .contains("yn dod i ben ar " + DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.forLanguageTag("cy")).format(ends),
                        "Polisi EL-20-CY gyda Mutual Care Cover")
                .doesNotContain("{", "Dear ");

        // --- the job again (a rerun, or a second instance): nothing more
        reminders.remindEndingSoon();
        Thread.sleep(1500);
        assertThat(letters(english)).isEqualTo(1);
        assertThat(letters(welsh)).isEqualTo(1);
        assertThat(reminded(english)).isEqualTo(1);
        assertThat(reminded(welsh)).isEqualTo(1);
        // the event delivered again (after a crash): the letter's key writes nothing
        long councilId = jdbc.sql("SELECT council_id FROM citizen WHERE id = :c").param("c", english).query(Long.class).single();
        assertThat(letters.sendOnce(councilId, english, LetterKind.INSURANCE_RENEWAL,
                Map.of("date", ends.toString(), "policy", "EL-20-EN", "insurer", "Mutual Care Cover"),
                "insurance-renewal:" + english + ":EL-20-EN:" + ends)).isEmpty();
        assertThat(letters(english)).isEqualTo(1);

        // --- 40 days away, or renewed ahead of time: none
        assertThat(letters(later)).isZero();
        assertThat(reminded(later)).isZero();
        assertThat(letters(renewed)).isZero();
        assertThat(reminded(renewed)).isZero();
    }

    @Test
    void theCouncilSeesAndCanRewordTheNewLetter() throws Exception {
        String page = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get("/letter-templates")
                        .with(new org.dphub.support.As(users).user("admin@demo-england"))).andReturn().getResponse()
                .getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(page).contains("id=\"edit-INSURANCE_RENEWAL-en\"", "id=\"edit-INSURANCE_RENEWAL-cy\"",
                "Your employer&#39;s insurance ends soon (sent automatically 30 days before)");
        assertThat(Letters.placeholders(LetterKind.INSURANCE_RENEWAL)).contains("date", "policy", "insurer", "name", "council", "phone");
    }
}
