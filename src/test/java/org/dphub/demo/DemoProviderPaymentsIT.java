package org.dphub.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.dphub.support.As;
import org.dphub.support.Http;
import org.dphub.support.IntegrationTest;
import org.dphub.support.MoneyApi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;

/**
 * The demo shows paying providers and buying together, as its people see them: the demo provider's
 * requests for payment in every state (the demo citizen has one waiting to agree on Your money),
 * group purchases confirmed, with a member who left and was refunded, and one open that the demo
 * citizen is invited to and may agree to; every demo organisation has a bank account for the runs;
 * and the people in them were told by letter, in their own language. Reads only: other tests (and
 * the phone crawl) use the same demo.
 */
@IntegrationTest
class DemoProviderPaymentsIT {

    static final String PW = Http.DEMO_PASSWORD;
    static final List<String> COUNCILS = List.of("demo-england", "demo-wales");

    @LocalServerPort
    int port;
    @Autowired
    MockMvc mvc;
    @Autowired
    UserDetailsService users;
    @Autowired
    JdbcClient jdbc;

    Http http;
    As as;

    @BeforeEach
    void setUp() {
        http = new Http(port);
        as = new As(users);
    }

    String page(String username, String path) throws Exception {
        var response = mvc.perform(get(path).with(as.user(username))).andReturn().getResponse();
        assertThat(response.getStatus()).as(username + " " + path).isEqualTo(200);
        return response.getContentAsString(StandardCharsets.UTF_8).replaceAll("<[^>]+>", " ").replaceAll("\\s+", " ");
    }

    long self(String username) {
        return jdbc.sql("""
                        SELECT ca.citizen_id FROM citizen_access ca JOIN app_user u ON u.id = ca.user_id
                        WHERE u.username = :u AND ca.relationship = 'SELF'""").param("u", username).query(Long.class).single();
    }

    /** Person {@code n} of the council's demo people ("DE-00001" is the demo citizen). */
    long person(String council, int n) {
        return jdbc.sql("""
                        SELECT z.id FROM citizen z JOIN council c ON c.id = z.council_id
                        WHERE c.code = :c AND z.reference = :r""").param("c", council)
                .param("r", "%s-%05d".formatted(council.equals("demo-wales") ? "DW" : "DE", n + 1)).query(Long.class).single();
    }

    @Test
    void theDemoProvidersRequestsAreInEveryStateAndTheDemoCitizenHasOneToAgree() throws Exception {
        for (String council : COUNCILS) {
            Set<String> statuses = new HashSet<>();
            jdbc.sql("""
                            SELECT r.status, r.query_message FROM directory_payment_request r
                            JOIN directory_organization o ON o.id = r.organization_id JOIN app_user u ON u.id = o.user_id
                            WHERE u.username = :u AND r.sent_by = :u""").param("u", "provider@" + council).query()
                    .listOfRows().forEach(row -> {
                        statuses.add((String) row.get("status"));
                        if ("QUERIED".equals(row.get("status"))) {
                            assertThat((String) row.get("query_message")).as("a query says what it asks").isNotBlank();
                        }
                    });
            assertThat(statuses).as(council).contains("WAITING", "QUERIED", "AGREED", "WITHDRAWN");

            String citizen = "citizen@" + council;
            boolean welsh = council.equals("demo-wales");
            String money = page(citizen, "/my-money" + (welsh ? "?lang=cy" : ""));
            assertThat(money).as(council + ": a request waiting on Your money")
                    .contains(welsh ? "Yn aros i chi gytuno neu ofyn amdano" : "Waiting for you to agree or ask about it")
                    .contains(welsh ? "Clwb cinio: 4 dydd Mawrth" : "Lunch club: 4 Tuesdays");
            String representative = page("representative@" + council, "/my-money");
            assertThat(representative).as("the representative's query and agreement")
                    .contains("You asked the provider about it", "Agreed");
        }
    }

    @Test
    void groupsAreConfirmedLeftAndRefundedAndOpenWithTheDemoCitizenInvited() throws Exception {
        for (String council : COUNCILS) {
            String citizen = "citizen@" + council;
            long me = self(citizen);
            List<UUID> ids = jdbc.sql("""
                            SELECT DISTINCT g.id FROM directory_group_purchase g JOIN directory_group_member m ON m.group_purchase_id = g.id
                            JOIN council c ON c.id = g.council_id
                            WHERE c.code = :c AND m.citizen_id = :me""").param("c", council).param("me", me).query(UUID.class).list();
            JsonNode confirmed = null;
            JsonNode left = null;
            JsonNode open = null;
            for (UUID id : ids) {
                // as the organiser (the council's practitioner) sees it: every member's share and refund
                JsonNode group = MoneyApi.ok(http.getAs("practitioner@" + council, PW, "/api/v1/group-purchases/" + id), 200);
                Map<String, Integer> members = new HashMap<>();
                group.get("members").forEach(m -> members.merge(m.get("status").asString(), 1, Integer::sum));
                String status = group.get("status").asString();
                if ("CONFIRMED".equals(status) && members.getOrDefault("LEFT", 0) > 0 && !group.get("refunds").isEmpty()) {
                    left = group;
                } else if ("CONFIRMED".equals(status) && members.getOrDefault("PAID", 0) >= 2) {
                    confirmed = group;
                } else if ("OPEN".equals(status) && members.getOrDefault("INVITED", 0) > 0) {
                    open = group;
                }
            }
            assertThat(confirmed).as(council + ": a confirmed group with two shares paid").isNotNull();
            assertThat(left).as(council + ": a confirmed group a member left, refunded").isNotNull();
            assertThat(left.get("refunds").get(0).get("refundPence").asLong()).isPositive();
            assertThat(open).as(council + ": an open group the demo citizen is invited to").isNotNull();
            // the demo citizen's shares paid, among their money in and out, in their own language
            boolean welsh = council.equals("demo-wales");
            assertThat(page(citizen, "/my-money?lang=" + (welsh ? "cy" : "en"))).as(council + ": a share paid on Your money")
                    .containsPattern(welsh ? "Talwyd i [^<]+ \\([0-9]+ sesiwn, wedi&#39;u prynu ar y cyd\\)"
                            : "Paid to [^<]+ \\([0-9]+ sessions, bought together\\)")
                    .doesNotContain(welsh ? "bought together" : "wedi&#39;u prynu");
            // and the share given back to the person who left, on their representative's page
            assertThat(page("representative@" + council, "/my-money?lang=" + (welsh ? "cy" : "en"))).as(council + ": a refund on Your money")
                    .containsPattern(welsh ? "Ad-daliad gan [^<]+ \\([0-9]+ sesiwn heb eu cynnal eto\\)"
                            : "Refund from [^<]+ \\([0-9]+ sessions not yet held\\)");
            JsonNode mine = null;
            for (JsonNode m : open.get("members")) {
                if (m.hasNonNull("citizenId") && m.get("citizenId").asLong() == me) {
                    mine = m;
                }
            }
            assertThat(mine).isNotNull();
            assertThat(mine.get("status").asString()).as("the demo citizen can agree").isEqualTo("INVITED");
            assertThat(page(citizen, "/group-purchases/" + open.get("id").asString())).contains(open.get("title").asString());
            assertThat(MoneyApi.ok(http.getAs(citizen, PW, "/api/v1/group-purchases/" + open.get("id").asString()), 200)
                    .get("members").toString()).as("the demo citizen sees their own place").contains("\"citizenId\":" + me);
        }
    }

    @Test
    void everyDemoOrganisationHasABankAccountForThePaymentRuns() {
        for (String council : COUNCILS) {
            assertThat(jdbc.sql("""
                            SELECT count(*) FROM directory_organization o JOIN council c ON c.id = o.council_id
                            WHERE c.code = :c AND o.name IN (:names)
                              AND NOT EXISTS (SELECT 1 FROM bank_details b WHERE b.purpose = 'PROVIDER' AND b.organization_id = o.id)""")
                    .param("c", council).param("names", (council.equals("demo-wales") ? DemoDirectory.WALES_ORGS
                            : DemoDirectory.ENGLAND_ORGS).stream().map(DemoDirectory.Org::name).toList())
                    .query(Long.class).single()).as(council).isZero();
        }
    }

    @Test
    void thePeopleInThemWereToldByLetterInTheirOwnLanguage() {
        for (String council : COUNCILS) {
            long me = person(council, 0);
            long two = person(council, 2);
            Map<String, String> kinds = new HashMap<>();
            jdbc.sql("SELECT kind, language FROM letter WHERE citizen_id = :c").param("c", me).query()
                    .listOfRows().forEach(r -> kinds.put((String) r.get("kind"), (String) r.get("language")));
            assertThat(kinds).as(council + ": the demo citizen's letters")
                    .containsKeys("PAYMENT_REQUESTED", "GROUP_INVITED", "GROUP_CONFIRMED", "GROUP_MEMBER_LEFT");
            String language = council.equals("demo-wales") ? "cy" : "en";
            assertThat(kinds.get("PAYMENT_REQUESTED")).as("in the demo citizen's language").isEqualTo(language);
            assertThat(jdbc.sql("SELECT count(*) FROM letter WHERE citizen_id = :c AND kind = 'GROUP_LEFT'").param("c", two)
                    .query(Long.class).single()).as("person 2 left a group and was told what comes back").isEqualTo(1);
        }
    }
}
