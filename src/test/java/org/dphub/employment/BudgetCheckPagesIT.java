package org.dphub.employment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import org.dphub.support.As;
import org.dphub.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * The budget check page ("Can my budget afford 20 hours a week at £13.50?"): the answer first,
 * then the figures; bad input gets a message and nothing else; only the employer's side of this
 * person may ask (another council's staff and other citizens: not found; staff who are not the
 * DP team or a practitioner: forbidden).
 */
@IntegrationTest
class BudgetCheckPagesIT {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    UserDetailsService users;

    As as;

    @BeforeEach
    void setUp() {
        as = new As(users);
    }

    long self(String username) {
        return jdbc.sql("""
                        SELECT ca.citizen_id FROM citizen_access ca JOIN app_user u ON u.id = ca.user_id
                        WHERE u.username = :u AND ca.relationship = 'SELF'""").param("u", username).query(Long.class).single();
    }

    MvcResult page(String username, String query) throws Exception {
        return mvc.perform(get("/my-employees/budget-check?" + query).with(as.user(username))).andReturn();
    }

    String body(MvcResult result) throws Exception {
        return result.getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
    }

    @Test
    void theEmployerSeesThePlainAnswerFirstThenTheWeeklyAndYearlyFigures() throws Exception {
        long citizen = self("citizen@demo-england");
        MvcResult empty = page("citizen@demo-england", "citizen=" + citizen);
        assertThat(empty.getResponse().getStatus()).isEqualTo(200);
        assertThat(body(empty)).contains("Check what a PA would cost", "How many hours a week?").doesNotContain("budget-answer", "govuk-error-summary");

        MvcResult checked = page("citizen@demo-england", "citizen=" + citizen + "&hours=20&rate=13.50");
        assertThat(checked.getResponse().getStatus()).isEqualTo(200);
        String html = body(checked);
        assertThat(html).containsPattern("Yes, this fits your budget, with £[\\d,]+\\.\\d\\d a year to spare|This costs £[\\d,]+\\.\\d\\d a year more than your budget for paid support");
        assertThat(html.indexOf("budget-answer")).as("the answer comes before the figures").isLessThan(html.indexOf("budget-figures"));
        // 20 hours at £13.50 is £270.00 a week, £14,040.00 a year; 12.07% holiday on top is £32.59 a week
        assertThat(html).contains("Wages: 20 hours at £13.50 an hour", "£270.00", "£14,040.00", "£32.59", "£1,694.68",
                "Employment Allowance", "allowance left", "Total cost", "<meter");
        assertThat(html).as("hours and rate are kept in the form").contains("value=\"20\"", "value=\"13.50\"");

        assertThat(page("dp-team@demo-england", "citizen=" + citizen + "&hours=20&rate=13.50").getResponse().getStatus())
                .as("the council's DP team").isEqualTo(200);
        assertThat(page("practitioner@demo-england", "citizen=" + citizen + "&hours=20&rate=13.50").getResponse().getStatus())
                .as("a practitioner of the council").isEqualTo(200);
        // staff find it on the person's page; the person, on "Your PAs"
        String personPage = body(mvc.perform(get("/citizens/" + citizen).with(as.user("dp-team@demo-england"))).andReturn());
        assertThat(personPage).contains("/my-employees/budget-check?citizen=" + citizen);
        assertThat(body(mvc.perform(get("/citizens/" + citizen).with(as.user("finance@demo-england"))).andReturn()))
                .doesNotContain("/my-employees/budget-check");
        assertThat(body(mvc.perform(get("/my-employees").with(as.user("citizen@demo-england"))).andReturn()))
                .contains("/my-employees/budget-check?citizen=" + citizen);
    }

    @Test
    void badInputGetsAClearMessageAndNothingElse() throws Exception {
        long citizen = self("citizen@demo-england");
        String[][] cases = {
                {"hours=0&rate=13.50", "Enter the hours a week as a number from 0.5 to 100"},
                {"hours=169&rate=13.50", "Enter the hours a week as a number from 0.5 to 100"},
                {"hours=lots&rate=13.50", "Enter the hours a week as a number from 0.5 to 100"},
                {"hours=&rate=13.50", "Enter how many hours a week"},
                {"hours=20&rate=-5", "Enter the hourly rate in pounds, from £0.01 to £1,000"},
                {"hours=20&rate=1e9", "Enter the hourly rate in pounds, from £0.01 to £1,000"},
                {"hours=20&rate=1000000000", "Enter the hourly rate in pounds, from £0.01 to £1,000"},
                {"hours=20&rate=", "Enter the hourly rate in pounds, like 13.50"},
                {"hours=20&rate=13.50&age=12", "Enter the PA&#39;s age as a whole number from 16 to 100"},
                {"hours=20&rate=10.00", "The hourly rate must be at least £12."},
                {"hours=20&rate=9.00&age=19", "The hourly rate must be at least £10."},
        };
        for (String[] c : cases) {
            MvcResult result = page("citizen@demo-england", "citizen=" + citizen + "&" + c[0]);
            assertThat(result.getResponse().getStatus()).as(c[0]).isEqualTo(200);
            String html = body(result);
            assertThat(html).as(c[0]).contains("govuk-error-summary", c[1]).doesNotContain("budget-answer", "budget-figures", "<meter");
        }
        MvcResult welsh = mvc.perform(get("/my-employees/budget-check?citizen=" + citizen + "&hours=0&rate=13.50&lang=cy")
                .with(as.user("citizen@demo-england"))).andReturn();
        assertThat(body(welsh)).contains("Rhowch yr oriau yr wythnos fel rhif o 0.5 i 100");
    }

    @Test
    void onlyTheEmployerSideOfThisPersonMayAsk() throws Exception {
        long citizen = self("citizen@demo-england");
        String query = "citizen=" + citizen + "&hours=20&rate=13.50";
        assertThat(page("dp-team@demo-wales", query).getResponse().getStatus()).as("another council's DP team").isEqualTo(404);
        assertThat(page("practitioner@demo-wales", query).getResponse().getStatus()).as("another council's practitioner").isEqualTo(404);
        assertThat(page("citizen@demo-wales", query).getResponse().getStatus()).as("a citizen who is not the person").isEqualTo(404);
        assertThat(page("representative@demo-england", query).getResponse().getStatus())
                .as("a representative who does not act for this person").isEqualTo(404);
        assertThat(page("pa@demo-england", query).getResponse().getStatus()).as("a PA").isIn(403, 404);
        assertThat(page("finance@demo-england", query).getResponse().getStatus()).as("finance is not the employer's side").isEqualTo(403);
        assertThat(page("admin@demo-england", query).getResponse().getStatus()).as("an administrator").isEqualTo(403);
        long actedFor = jdbc.sql("""
                        SELECT ca.citizen_id FROM citizen_access ca JOIN app_user u ON u.id = ca.user_id
                        WHERE u.username = 'representative@demo-england' AND ca.relationship <> 'SELF' ORDER BY ca.citizen_id LIMIT 1""")
                .query(Long.class).single();
        assertThat(page("representative@demo-england", "citizen=" + actedFor).getResponse().getStatus())
                .as("a representative, for the person they act for").isEqualTo(200);
        String html = body(page("dp-team@demo-wales", query));
        assertThat(html).doesNotContain("budget-answer");
    }
}
