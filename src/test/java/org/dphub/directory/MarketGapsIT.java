package org.dphub.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dphub.directory.DirectoryRows.NUTRITION;
import static org.dphub.directory.DirectoryRows.aService;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.dphub.shared.PostcodeDirectory;
import org.dphub.support.As;
import org.dphub.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.web.util.HtmlUtils;

/**
 * Gaps in the market: an outcome in a live plan with no published service serving it within 10 km
 * of the person shows against their postcode district, and goes once a service 9 km away is
 * published; one 17 km away, or one not yet checked, does not fill it. PA vacancies open over 28
 * days are counted. The CSV has the table's numbers; another council's staff never see them.
 * People are in Stornoway (HS1 2; HS2 0 is 9.2 km away, HS2 9 is 17.2 km) and Shetland, where no other test is.
 */
@IntegrationTest
class MarketGapsIT {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    UserDetailsService users;
    @Autowired
    PostcodeDirectory postcodes;

    As as;
    long england;

    @BeforeEach
    void setUp() {
        as = new As(users);
        england = DirectoryRows.council(jdbc, "demo-england");
    }

    String page(String username, String path) throws Exception {
        MvcResult result = mvc.perform(get(path).with(as.user(username))).andReturn();
        assertThat(result.getResponse().getStatus()).as(path).isEqualTo(200);
        return new String(result.getResponse().getContentAsByteArray(), StandardCharsets.UTF_8);
    }

    long personWithLivePlan(String postcode, UUID term) {
        return DirectoryRows.personWithLivePlan(jdbc, england, postcode, term);
    }

    void vacancyPostedDaysAgo(long citizen, String postcode, int days) {
        var at = postcodes.centreOf(org.dphub.shared.Postcode.parse(postcode));
        jdbc.sql("""
                        INSERT INTO vacancy (council_id, citizen_id, title, postcode, latitude, longitude, max_distance_km, hours_per_week,
                            hourly_rate_pence, start_date, contact_name, created_by, created_at)
                        VALUES (:c, :z, 'Help at home', :postcode, :lat, :lon, 10, 6, 1328, CURRENT_DATE, 'Morag', 'gaps-test',
                            now() - make_interval(days => :days))""")
                .param("c", england).param("z", citizen).param("postcode", postcode).param("lat", at.latitude().doubleValue())
                .param("lon", at.longitude().doubleValue()).param("days", days).update();
    }

    /** The table's rows (cells as text) and the CSV's rows, for the district. */
    static List<String> tableRow(String html, String district) {
        Matcher row = Pattern.compile("<tr class=\"govuk-table__row\">\\s*<th scope=\"row\" class=\"govuk-table__header\">"
                + district + "</th>(.*?)</tr>", Pattern.DOTALL).matcher(html);
        if (!row.find()) {
            return List.of();
        }
        List<String> cells = new ArrayList<>(List.of(district));
        Matcher cell = Pattern.compile("<td[^>]*>(.*?)</td>", Pattern.DOTALL).matcher(row.group(1));
        while (cell.find()) {
            cells.add(HtmlUtils.htmlUnescape(cell.group(1).strip()));
        }
        return cells;
    }

    static List<String> csvRow(String csv, String district) {
        return csv.lines().filter(l -> l.startsWith(district + ","))
                .findFirst()
                .map(l -> {
                    List<String> cells = new ArrayList<>();
                    Matcher m = Pattern.compile("\"((?:[^\"]|\"\")*)\"|([^,]*)").matcher(l);
                    int at = 0;
                    while (at <= l.length() && m.find(at)) {
                        cells.add(m.group(1) != null ? m.group(1).replace("\"\"", "\"") : m.group(2));
                        at = m.end() + 1;
                    }
                    return cells;
                }).orElse(List.of());
    }

    @Test
    void anOutcomeWithNothingNearIsAGapUntilAServiceNearIsPublished() throws Exception {
        long morag = personWithLivePlan("HS1 2AB", NUTRITION);
        vacancyPostedDaysAgo(morag, "HS1 2AB", 30);
        vacancyPostedDaysAgo(morag, "HS1 2AB", 3);

        String html = page("dp-team@demo-england", "/directory/gaps");
        assertThat(tableRow(html, "HS1")).containsExactly("HS1", "Eating and drinking well (1 person)", "1", "1", "2");
        assertThat(html).contains("<svg", "<title id=\"gaps-chart-title\">Gaps by postcode district</title>",
                "gaps-chart-desc", "url(#pattern-", "HS1: 2");

        String csv = page("dp-team@demo-england", "/directory/gaps.csv");
        assertThat(csv.lines().findFirst().orElseThrow())
                .isEqualTo("district,outcomes_with_no_service_within_10_km,people,pa_vacancies_open_over_28_days,gaps");
        assertThat(csvRow(csv, "HS1")).isEqualTo(tableRow(html, "HS1"));

        UUID org = DirectoryRows.organization(jdbc, england, "Western Isles Meals");
        aService("Lunch club far away").at("HS2 9AA").serving(NUTRITION).insert(jdbc, postcodes, org, england);
        aService("Lunch club not checked").at("HS1 2AB").serving(NUTRITION).status("AWAITING_CHECKS").insert(jdbc, postcodes, org, england);
        aService("Cooking online").online().serving(NUTRITION).insert(jdbc, postcodes, org, england);
        assertThat(tableRow(page("dp-team@demo-england", "/directory/gaps"), "HS1"))
                .containsExactly("HS1", "Eating and drinking well (1 person)", "1", "1", "2");

        aService("Lunch club in Tong").at("HS2 0AA").serving(NUTRITION).insert(jdbc, postcodes, org, england);
        String after = page("dp-team@demo-england", "/directory/gaps");
        // the vacancy still open over 28 days keeps the district in the table, with no outcome missing
        assertThat(tableRow(after, "HS1")).containsExactly("HS1", "", "0", "1", "1");
        assertThat(csvRow(page("dp-team@demo-england", "/directory/gaps.csv"), "HS1")).containsExactly("HS1", "", "0", "1", "1");
    }

    @Test
    void aServiceThatComesToPeopleFillsTheGapWhereItReaches() throws Exception {
        personWithLivePlan("ZE1 0AB", DirectoryRows.WALES_HEALTH);
        assertThat(tableRow(page("dp-team@demo-england", "/directory/gaps"), "ZE1"))
                .containsExactly("ZE1", "Health and feeling well (1 person)", "1", "0", "1");

        UUID org = DirectoryRows.organization(jdbc, england, "Island Wellbeing");
        aService("Home visits from Brae").comesToYouFrom("ZE2 9AA", 10).serving(DirectoryRows.WALES_HEALTH)
                .insert(jdbc, postcodes, org, england);
        assertThat(tableRow(page("dp-team@demo-england", "/directory/gaps"), "ZE1")).isNotEmpty();
        aService("Home visits from Lerwick").comesToYouFrom("ZE1 9AA", 5).serving(DirectoryRows.WALES_HEALTH)
                .insert(jdbc, postcodes, org, england);
        assertThat(tableRow(page("dp-team@demo-england", "/directory/gaps"), "ZE1")).isEmpty();
    }

    @Test
    void onlyTheCouncilsOwnStaffSeeItsGaps() throws Exception {
        personWithLivePlan("ZE3 9XY", DirectoryRows.RELATIONSHIPS);
        assertThat(page("dp-team@demo-england", "/directory/gaps")).contains("Family and friends");
        assertThat(page("practitioner@demo-england", "/directory/gaps")).contains("Family and friends");

        String wales = page("dp-team@demo-wales", "/directory/gaps");
        assertThat(tableRow(wales, "ZE3")).isEmpty();
        assertThat(wales).doesNotContain("Family and friends");
        assertThat(csvRow(page("dp-team@demo-wales", "/directory/gaps.csv"), "ZE3")).isEmpty();

        assertThat(mvc.perform(get("/directory/gaps").with(as.user("citizen@demo-england"))).andReturn().getResponse().getStatus())
                .isEqualTo(403);
        assertThat(mvc.perform(get("/directory/gaps.csv").with(as.user("provider@demo-england"))).andReturn().getResponse().getStatus())
                .isEqualTo(403);
        assertThat(mvc.perform(get("/directory/gaps")).andReturn().getResponse().getStatus()).isEqualTo(302);
    }
}
