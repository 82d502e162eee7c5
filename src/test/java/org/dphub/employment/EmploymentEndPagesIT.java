package org.dphub.employment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.Locale;
import java.util.UUID;
import org.dphub.identity.NewUserAccount;
import org.dphub.identity.UserAccounts;
import org.dphub.shared.Role;
import org.dphub.shared.SignedInUser;
import org.dphub.support.As;
import org.dphub.support.Http;
import org.dphub.support.IntegrationTest;
import org.dphub.support.MoneyApi;
import org.dphub.web.FormErrors;
import org.dphub.web.ValidationProblem;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * The employer ends a PA's employment from the PA's page (issue 17: a PA leaves the register only
 * once every employment has ended): the last day is checked (missing, not a date, before the start,
 * before a day on a timesheet) and a refusal changes nothing; only the employer's side may (not
 * another person, not the PA, not another council's staff); once ended, the pages say so, a day
 * after the last one cannot go on a timesheet, and ending again says it already has, not a 500.
 */
@IntegrationTest
class EmploymentEndPagesIT {

    static final String CITIZEN = "citizen@demo-england";
    static final String P = Http.DEMO_PASSWORD;

    @LocalServerPort
    int port;
    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    UserDetailsService users;
    @Autowired
    UserAccounts accounts;
    @Autowired
    Employments employments;
    @Autowired
    MessageSource messages;

    final LocalDate today = LocalDate.now(ZoneId.of("Europe/London"));

    MvcResult end(String username, long employment, String day, String month, String year) throws Exception {
        return mvc.perform(post("/my-employees/" + employment + "/end").with(new As(users).user(username)).with(csrf())
                .param("lastDay-day", day).param("lastDay-month", month).param("lastDay-year", year)).andReturn();
    }

    MvcResult end(String username, long employment, LocalDate last) throws Exception {
        return end(username, employment, Integer.toString(last.getDayOfMonth()), Integer.toString(last.getMonthValue()),
                Integer.toString(last.getYear()));
    }

    String page(String username, String path) throws Exception {
        return mvc.perform(get(path).with(new As(users).user(username))).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    static String body(MvcResult result) throws Exception {
        return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    /** The employment's last day and the audit of ending it, as they stand. */
    String state(long employment) {
        return jdbc.sql("SELECT concat_ws(' | ', (SELECT ended_on::text FROM pa_employment WHERE id = :e), (SELECT count(*)::text FROM audit_event "
                        + "WHERE entity_type = 'pa_employment' AND entity_id = CAST(:e AS text) AND action = 'UPDATE'))")
                .param("e", employment).query(String.class).single();
    }

    @Test
    void theEmployerEndsTheirPasEmploymentAndEveryoneSeesItEnded() throws Exception {
        Http http = new Http(port);
        long citizen = jdbc.sql("""
                        SELECT ca.citizen_id FROM citizen_access ca JOIN app_user u ON u.id = ca.user_id
                        WHERE u.username = :u AND ca.relationship = 'SELF'""").param("u", CITIZEN).query(Long.class).single();
        long council = jdbc.sql("SELECT id FROM council WHERE code = 'demo-england'").query(Long.class).single();
        String pa = "end-" + UUID.randomUUID().toString().substring(0, 8) + "@pa.example.org";
        accounts.create(new NewUserAccount(pa, P, "Gwen Ended", council, EnumSet.of(Role.PERSONAL_ASSISTANT), "en"));
        LocalDate start = today.minusDays(40);
        long employment = MoneyApi.ok(http.postJsonAs(CITIZEN, P, "/api/v1/citizens/" + citizen + "/employments", """
                {"paGivenName": "Gwen", "paFamilyName": "Ended", "paDateOfBirth": "1990-05-06", "paEmail": "%s", "startedOn": "%s",
                 "hourlyRatePence": 1350, "hoursKind": "IRREGULAR", "payFrequency": "MONTHLY", "taxCode": "1257L",
                 "pension": "ASSESS", "elInsurer": "Mutual Care Cover", "elPolicyNumber": "EL-END-1", "elExpiresOn": "%s"}"""
                .formatted(pa, start, today.plusYears(1))), 201).get("id").asLong();
        // the PA worked five days ago and sent a timesheet (not queried)
        MoneyApi.ok(http.postJsonAs(pa, P, "/api/v1/employments/" + employment + "/timesheets",
                "{\"days\": [{\"date\": \"" + today.minusDays(5) + "\", \"hours\": \"6\"}]}"), 201);

        String employee = page(CITIZEN, "/my-employees/" + employment);
        assertThat(employee).contains("id=\"end-employment\"", "/my-employees/" + employment + "/end").doesNotContain("Ended on");
        String form = page(CITIZEN, "/my-employees/" + employment + "/end");
        assertThat(form).contains("End Gwen Ended&#39;s employment", "This is the last day they work for you. Their payslips and pay records are kept.",
                "You cannot undo this", "name=\"_csrf\"", "lastDay-day");

        // --- bad input: the message in the error summary, and nothing changes
        String before = state(employment);
        assertThat(body(end(CITIZEN, employment, "", "", ""))).contains("govuk-error-summary", "Enter the PA&#39;s last day");
        MvcResult script = end(CITIZEN, employment, "<script>alert(1)</script>", "5", "2026");
        assertThat(script.getResponse().getStatus()).isEqualTo(200);
        assertThat(body(script)).contains("govuk-error-summary", "the PA&#39;s last day must be a real date")
                .doesNotContain("<script>alert(1)</script>");
        assertThat(body(end(CITIZEN, employment, "31", "2", "2026"))).contains("must be a real date");
        assertThat(body(end(CITIZEN, employment, start.minusDays(1)))).contains("govuk-error-summary",
                "The last day cannot be before the employment started");
        assertThat(body(end(CITIZEN, employment, today.minusDays(6)))).as("before a day on a timesheet they sent").contains(
                "govuk-error-summary", "They sent a timesheet with hours on " + Dates.day(today.minusDays(5), Locale.ENGLISH));
        assertThat(body(end(CITIZEN, employment, today.plusYears(1).plusDays(1)))).contains("within a year from today");
        assertThat(state(employment)).isEqualTo(before);

        // --- not the employer's side of this PA: refused, nothing changes
        assertThat(end("citizen@demo-wales", employment, today).getResponse().getStatus()).as("another person").isEqualTo(404);
        assertThat(end("representative@demo-england", employment, today).getResponse().getStatus())
                .as("a representative who does not act for this person").isEqualTo(404);
        assertThat(end(pa, employment, today).getResponse().getStatus()).as("the PA themself").isIn(403, 404);
        assertThat(end("dp-team@demo-wales", employment, today).getResponse().getStatus()).as("another council's DP team").isEqualTo(404);
        assertThat(end("finance@demo-england", employment, today).getResponse().getStatus()).as("staff who do not act for employers")
                .isIn(403, 404);
        assertThat(mvc.perform(get("/my-employees/" + employment + "/end").with(new As(users).user("citizen@demo-wales"))).andReturn()
                .getResponse().getStatus()).isEqualTo(404);
        assertThat(mvc.perform(get("/my-employees/" + employment + "/end").with(new As(users).user(pa))).andReturn()
                .getResponse().getStatus()).isIn(403, 404);
        assertThat(state(employment)).isEqualTo(before);

        // --- the service itself: no last day is "required", not a NullPointerException
        SignedInUser employer = ((SignedInUser.Holder) users.loadUserByUsername(CITIZEN)).signedInUser();
        FormErrors errors = new FormErrors(messages, Locale.ENGLISH);
        assertThatThrownBy(() -> employments.end(employer, employment, null, errors)).isInstanceOf(ValidationProblem.class);
        assertThat(errors.message("lastDay")).isEqualTo("Enter the PA's last day");
        assertThat(state(employment)).isEqualTo(before);

        // --- ended, on the last day worked: back on the PA's page with a banner and "Ended on"
        LocalDate last = today.minusDays(2);
        String lastText = Dates.day(last, Locale.ENGLISH);
        MvcResult done = end(CITIZEN, employment, last);
        assertThat(done.getResponse().getRedirectedUrl()).isEqualTo("/my-employees/" + employment + "?ended=true");
        assertThat(jdbc.sql("SELECT ended_on FROM pa_employment WHERE id = :e").param("e", employment).query(LocalDate.class).single())
                .isEqualTo(last);
        assertThat(jdbc.sql("SELECT count(*) FROM audit_event WHERE entity_type = 'pa_employment' AND entity_id = :e AND action = 'UPDATE' "
                + "AND after_state::text LIKE :last").param("e", String.valueOf(employment)).param("last", "%" + last + "%")
                .query(Long.class).single()).as("audited").isEqualTo(1);
        String ended = page(CITIZEN, "/my-employees/" + employment + "?ended=true");
        assertThat(ended).contains("govuk-notification-banner--success", "You have ended Gwen Ended&#39;s employment. Their last day: " + lastText,
                "Ended on " + lastText).doesNotContain("id=\"end-employment\"");
        assertThat(page(CITIZEN, "/my-employees")).contains("Gwen Ended", ">Ended<");
        assertThat(page("dp-team@demo-england", "/citizens/" + citizen)).as("the person's page, for the DP team").contains("Gwen Ended", ">Ended<");

        // --- the PA sees it ended; a day after the last one cannot go on a timesheet
        assertThat(page(pa, "/pa/work")).contains("You worked for", "Your last day was " + lastText, ">Ended<");
        var afterEnd = http.postJsonAs(pa, P, "/api/v1/employments/" + employment + "/timesheets",
                "{\"days\": [{\"date\": \"" + today.minusDays(1) + "\", \"hours\": \"6\"}]}");
        assertThat(afterEnd.statusCode()).isEqualTo(422);
        assertThat(afterEnd.body()).contains("is after the PA's last day");
        MoneyApi.ok(http.postJsonAs(pa, P, "/api/v1/employments/" + employment + "/timesheets",
                "{\"days\": [{\"date\": \"" + last + "\", \"hours\": \"6\"}]}"), 201);

        // --- ending again (another tab): it says so, and the last day stays
        String endedState = state(employment);
        MvcResult again = end(CITIZEN, employment, today);
        assertThat(again.getResponse().getStatus()).isEqualTo(200);
        assertThat(body(again)).contains("govuk-error-summary", "This employment has already ended. The PA&#39;s last day is " + lastText);
        assertThat(page(CITIZEN, "/my-employees/" + employment + "/end")).contains("their last day is " + lastText)
                .doesNotContain("lastDay-day");
        assertThat(state(employment)).isEqualTo(endedState);
    }
}
