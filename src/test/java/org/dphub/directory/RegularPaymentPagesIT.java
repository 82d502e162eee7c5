package org.dphub.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.UUID;
import org.dphub.support.As;
import org.dphub.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/**
 * The pages of a regular payment (issue 15), in English and Welsh: bad input is named and sets up
 * nothing; staff and providers cannot set one up (403), nor staff stop one (403); another person's
 * is not found (404).
 */
@IntegrationTest
class RegularPaymentPagesIT {

    @Autowired
    MockMvc mvc;
    @Autowired
    UserDetailsService users;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    RegularPayments regularPayments;

    MvcResult get(String user, String path, String lang) throws Exception {
        return mvc.perform(MockMvcRequestBuilders.get(path).param("lang", lang).with(new As(users).user(user))).andReturn();
    }

    MvcResult post(String user, String path, String... params) throws Exception {
        var request = MockMvcRequestBuilders.post(path).with(csrf()).with(new As(users).user(user));
        for (int i = 0; i + 1 < params.length; i += 2) {
            request.param(params[i], params[i + 1]);
        }
        return mvc.perform(request).andReturn();
    }

    static String body(MvcResult result) throws Exception {
        return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    UUID publishedService() {
        long council = jdbc.sql("SELECT id FROM council WHERE code = 'demo-england'").query(Long.class).single();
        UUID org = jdbc.sql("""
                        INSERT INTO directory_organization (id, council_id, name, kind)
                        VALUES (gen_random_uuid(), :c, 'Green Gym', 'CHARITY') RETURNING id""").param("c", council)
                .query(UUID.class).single();
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                        INSERT INTO directory_service (id, organization_id, council_id, name, description, status, delivery, cost_pence,
                            cost_unit, insurance_checked, safeguarding_checked)
                        VALUES (:id, :org, :council, 'Green gym', 'Gardening as exercise', 'PUBLISHED', 'ONLINE', 300, 'SESSION',
                                true, true)""")
                .param("id", id).param("org", org).param("council", council).update();
        return id;
    }

    long rows(UUID service) {
        return jdbc.sql("SELECT count(*) FROM directory_regular_payment WHERE service_id = :s").param("s", service)
                .query(Long.class).single();
    }

    @Test
    void badInputIsNamedAndOnlyThePersonSetsUpOrStops() throws Exception {
        UUID service = publishedService();
        String path = "/directory/services/" + service + "/pay-regularly";
        LocalDate today = regularPayments.today();
        assertThat(body(get("citizen@demo-england", path, "en"))).contains("Pay Green gym regularly").contains("value=\"3.00\"");
        assertThat(body(get("citizen@demo-england", path, "cy"))).contains("Talu Green gym yn rheolaidd").contains("Bob pythefnos");
        assertThat(get("dp-team@demo-england", path, "en").getResponse().getStatus()).isEqualTo(403);
        assertThat(get("provider@demo-england", path, "en").getResponse().getStatus()).isEqualTo(403);
        assertThat(get("citizen@demo-england", "/directory/services/" + UUID.randomUUID() + "/pay-regularly", "en").getResponse().getStatus())
                .isEqualTo(404);

        for (String[] bad : new String[][] {{"-5", "WEEKLY", "#amount"}, {"1e9", "WEEKLY", "#amount"}, {"12.345", "WEEKLY", "#amount"},
                {"0", "WEEKLY", "#amount"}, {"5.00", "DAILY", "#frequency"}}) {
            MvcResult refused = post("citizen@demo-england", path, "amount", bad[0], "frequency", bad[1], "firstDate-day",
                    Integer.toString(today.getDayOfMonth()), "firstDate-month", Integer.toString(today.getMonthValue()), "firstDate-year",
                    Integer.toString(today.getYear()));
            assertThat(refused.getResponse().getStatus()).isEqualTo(200);
            assertThat(body(refused)).as(bad[0] + bad[1]).contains("govuk-error-summary").contains(bad[2]);
        }
        MvcResult past = post("citizen@demo-england", path, "amount", "3.00", "frequency", "WEEKLY", "firstDate-day", "1",
                "firstDate-month", "1", "firstDate-year", "2020");
        assertThat(body(past)).contains("#firstDate").contains("The first payment must be between today and a year from now");
        assertThat(post("dp-team@demo-england", path, "amount", "3.00", "frequency", "WEEKLY").getResponse().getStatus()).isEqualTo(403);
        assertThat(rows(service)).isZero();

        MvcResult made = post("citizen@demo-england", path, "amount", "3.00", "frequency", "MONTHLY", "firstDate-day",
                Integer.toString(today.getDayOfMonth()), "firstDate-month", Integer.toString(today.getMonthValue()), "firstDate-year",
                Integer.toString(today.getYear()), "reference", "");
        String location = made.getResponse().getRedirectedUrl();
        assertThat(location).startsWith("/regular-payments/").endsWith("?created=true");
        String page = location.substring(0, location.indexOf('?'));
        assertThat(body(get("citizen@demo-england", page, "cy"))).contains("Taliad rheolaidd i Green Gym").contains("£3.00 bob mis")
                .contains("Atal y taliad rheolaidd");
        assertThat(body(get("dp-team@demo-england", page, "en"))).contains("Regular payment to Green Gym")
                .doesNotContain("Stop the regular payment");
        assertThat(get("citizen@demo-wales", page, "en").getResponse().getStatus()).isEqualTo(404);
        String tomorrow = today.plusDays(1).toString();
        String[] from = {"from-day", tomorrow.substring(8), "from-month", tomorrow.substring(5, 7), "from-year", tomorrow.substring(0, 4)};
        assertThat(post("dp-team@demo-england", page, from).getResponse().getStatus()).isEqualTo(403);
        assertThat(post("citizen@demo-wales", page, from).getResponse().getStatus()).isEqualTo(404);
        assertThat(body(get("citizen@demo-england", "/my-money", "cy"))).contains("Taliadau rheolaidd i ddarparwyr").contains("Green Gym");
        assertThat(post("citizen@demo-england", page, from).getResponse().getRedirectedUrl()).isEqualTo(page + "?stopped=true");
        assertThat(body(get("citizen@demo-england", page, "en"))).contains("Stopped: nothing is paid from");
    }
}
