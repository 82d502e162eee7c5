package org.dphub.employment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.LocalDate;
import java.time.ZoneId;
import org.dphub.support.As;
import org.dphub.support.Http;
import org.dphub.support.IntegrationTest;
import org.dphub.support.MoneyApi;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The employer records renewed employer's liability insurance (what the reminder letter asks for):
 * bad input changes nothing; only the employer's side of this PA may; once renewed, the old
 * policy is not reminded of.
 */
@IntegrationTest
class InsuranceRenewalPagesIT {

    static final String CITIZEN = "citizen@demo-england";

    @LocalServerPort
    int port;
    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    UserDetailsService users;
    @Autowired
    InsuranceReminders reminders;
    @Autowired
    Employments employments;

    final LocalDate today = LocalDate.now(ZoneId.of("Europe/London"));

    long terms(long employment) {
        return jdbc.sql("SELECT count(*) FROM pa_employment_terms WHERE employment_id = :e").param("e", employment).query(Long.class).single();
    }

    MvcResult renew(String username, long employment, String insurer, String policy, LocalDate ends) throws Exception {
        MockHttpServletRequestBuilder request = post("/my-employees/" + employment + "/insurance").with(new As(users).user(username)).with(csrf())
                .param("elInsurer", insurer).param("elPolicyNumber", policy)
                .param("elExpiresOn-day", ends == null ? "" : Integer.toString(ends.getDayOfMonth()))
                .param("elExpiresOn-month", ends == null ? "" : Integer.toString(ends.getMonthValue()))
                .param("elExpiresOn-year", ends == null ? "" : Integer.toString(ends.getYear()));
        return mvc.perform(request).andReturn();
    }

    @Test
    void theEmployerRecordsTheRenewedPolicyAndIsNotRemindedOfTheOldOne() throws Exception {
        Http http = new Http(port);
        long citizen = jdbc.sql("""
                        SELECT ca.citizen_id FROM citizen_access ca JOIN app_user u ON u.id = ca.user_id
                        WHERE u.username = :u AND ca.relationship = 'SELF'""").param("u", CITIZEN).query(Long.class).single();
        long employment = MoneyApi.ok(http.postJsonAs(CITIZEN, Http.DEMO_PASSWORD, "/api/v1/citizens/" + citizen + "/employments", """
                {"paGivenName": "Ffion", "paFamilyName": "Hughes", "paDateOfBirth": "1990-05-06", "startedOn": "%s",
                 "hourlyRatePence": 1350, "hoursKind": "IRREGULAR", "payFrequency": "MONTHLY", "taxCode": "1257L",
                 "pension": "ASSESS", "elInsurer": "Mutual Care Cover", "elPolicyNumber": "EL-RENEW-OLD", "elExpiresOn": "%s"}"""
                .formatted(today.minusDays(30), today.plusDays(10))), 201).get("id").asLong();

        String page = mvc.perform(get("/my-employees/" + employment).with(new As(users).user(CITIZEN))).andReturn().getResponse()
                .getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(page).contains("id=\"renew-insurance\"", "/my-employees/" + employment + "/insurance");
        String form = mvc.perform(get("/my-employees/" + employment + "/insurance").with(new As(users).user(CITIZEN))).andReturn()
                .getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(form).contains("Record your renewed insurance", "value=\"EL-RENEW-OLD\"", "value=\"Mutual Care Cover\"");

        // --- bad input: a message, and nothing changes
        long before = terms(employment);
        assertThat(renew(CITIZEN, employment, "Mutual Care Cover", "EL-RENEW-NEW", today.minusDays(1)).getResponse().getContentAsString())
                .contains("govuk-error-summary", "The employer&#39;s liability insurance has ended");
        assertThat(renew(CITIZEN, employment, " ", "EL-RENEW-NEW", today.plusYears(1)).getResponse().getContentAsString())
                .contains("govuk-error-summary", "Enter the insurance company");
        assertThat(renew(CITIZEN, employment, "Mutual Care Cover", "EL-RENEW-NEW", null).getResponse().getContentAsString())
                .contains("govuk-error-summary", "the date the insurance ends");
        assertThat(terms(employment)).isEqualTo(before);

        // --- not the employer of this PA: refused, nothing changes
        assertThat(renew("citizen@demo-wales", employment, "Mutual Care Cover", "EL-X", today.plusYears(1)).getResponse().getStatus())
                .as("another person").isEqualTo(404);
        assertThat(renew("representative@demo-england", employment, "Mutual Care Cover", "EL-X", today.plusYears(1)).getResponse()
                .getStatus()).as("a representative who does not act for this person").isEqualTo(404);
        assertThat(renew("pa@demo-england", employment, "Mutual Care Cover", "EL-X", today.plusYears(1)).getResponse().getStatus())
                .as("a PA").isEqualTo(403);
        assertThat(mvc.perform(get("/my-employees/" + employment + "/insurance").with(new As(users).user("citizen@demo-wales")))
                .andReturn().getResponse().getStatus()).isEqualTo(404);
        assertThat(terms(employment)).isEqualTo(before);

        // --- renewed: the terms in force today carry the new policy; the old one is never reminded of
        MvcResult done = renew(CITIZEN, employment, "Mutual Care Cover", "EL-RENEW-NEW", today.plusYears(1));
        assertThat(done.getResponse().getStatus()).isEqualTo(302);
        assertThat(done.getResponse().getRedirectedUrl()).isEqualTo("/my-employees/" + employment + "?renewed=true");
        EmploymentTerms now = employments.termsOn(employment, today);
        assertThat(now.elPolicyNumber()).isEqualTo("EL-RENEW-NEW");
        assertThat(now.elExpiresOn()).isEqualTo(today.plusYears(1));
        assertThat(now.hourlyRate().pence()).as("pay is copied as it was").isEqualTo(1350);
        reminders.remindEndingSoon();
        assertThat(jdbc.sql("SELECT count(*) FROM insurance_reminder WHERE policy_number = 'EL-RENEW-OLD'").query(Long.class).single())
                .isZero();
    }
}
