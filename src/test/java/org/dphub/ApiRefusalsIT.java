package org.dphub;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.assertj.core.api.SoftAssertions;
import org.dphub.support.As;
import org.dphub.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * Every read of a person's or an account's records in the API, asked by everyone who must not
 * see them: staff of another council, a citizen who is not the person, a PA, and anyone with an
 * id that does not exist. Each gets 404 — the same answer as for a record that is not there, so
 * nobody learns another council's ids — or 403 where their role may never use the endpoint. The
 * person's own council and the person's representative are asked too, so a refusal here cannot
 * pass because the endpoint is broken for everyone.
 */
@IntegrationTest
class ApiRefusalsIT {

    static final List<String> PERSON_ENDPOINTS = List.of(
            "/api/v1/citizens/{citizen}",
            "/api/v1/citizens/{citizen}/household-members",
            "/api/v1/citizens/{citizen}/representatives",
            "/api/v1/citizens/{citizen}/plans",
            "/api/v1/citizens/{citizen}/direct-payments",
            "/api/v1/citizens/{citizen}/returns",
            "/api/v1/citizens/{citizen}/letters",
            "/api/v1/citizens/{citizen}/employments",
            "/api/v1/citizens/{citizen}/payroll-runs",
            "/api/v1/citizens/{citizen}/dp-contact/history",
            "/api/v1/accounts?citizenId={citizen}",
            "/api/v1/vacancies?citizenId={citizen}");

    static final List<String> ACCOUNT_ENDPOINTS = List.of(
            "/api/v1/accounts/{account}",
            "/api/v1/accounts/{account}/ledger",
            "/api/v1/accounts/{account}/bank-details",
            "/api/v1/accounts/{account}/surplus-recoveries",
            "/api/v1/accounts/{account}/transactions",
            "/api/v1/accounts/{account}/questions");

    /** Only council staff may ever read these: anyone else is refused for their role, whoever is asked about. */
    static final Set<String> STAFF_ONLY = Set.of("/api/v1/accounts/{account}/bank-details",
            "/api/v1/citizens/{citizen}/dp-contact/history");

    static final long MADE_UP_ID = 987_654_321L;

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    UserDetailsService users;

    record Case(String endpoint, String asker, String who, long citizen, long account, int expected) {
        String path() {
            return endpoint.replace("{citizen}", Long.toString(citizen)).replace("{account}", Long.toString(account));
        }
    }

    @Test
    void nobodyReadsAPersonsOrAnAccountsRecordsUnlessTheyMaySeeThePerson() throws Exception {
        // the person: someone the demo representative acts for, whose account has bank details
        long person = jdbc.sql("""
                        SELECT a.citizen_id FROM citizen_access a JOIN app_user u ON u.id = a.user_id
                        WHERE u.username = 'representative@demo-england'
                          AND EXISTS (SELECT 1 FROM dp_account d JOIN bank_details b ON b.account_id = d.id
                                      WHERE d.citizen_id = a.citizen_id)
                        ORDER BY a.citizen_id LIMIT 1""").query(Long.class).single();
        long account = jdbc.sql("""
                        SELECT d.id FROM dp_account d WHERE d.citizen_id = :c
                          AND EXISTS (SELECT 1 FROM bank_details b WHERE b.account_id = d.id)
                        ORDER BY d.id LIMIT 1""").param("c", person).query(Long.class).single();
        String familyName = jdbc.sql("SELECT family_name FROM citizen WHERE id = :id").param("id", person)
                .query(String.class).single();

        List<Case> cases = new ArrayList<>();
        for (String endpoint : concat(PERSON_ENDPOINTS, ACCOUNT_ENDPOINTS)) {
            boolean staffOnly = STAFF_ONLY.contains(endpoint);
            // allowed: so each refusal below is a refusal, not an endpoint that answers nobody
            cases.add(new Case(endpoint, "practitioner@demo-england", "the person's own council", person, account, 200));
            cases.add(new Case(endpoint, "representative@demo-england", "the person's representative", person, account,
                    staffOnly ? 403 : 200));
            // refused
            for (String other : List.of("dp-team@demo-wales", "finance@demo-wales", "practitioner@demo-wales")) {
                cases.add(new Case(endpoint, other, "another council's staff", person, account, 404));
            }
            cases.add(new Case(endpoint, "citizen@demo-england", "a citizen who is not the person", person, account,
                    staffOnly ? 403 : 404));
            cases.add(new Case(endpoint, "pa@demo-england", "a PA", person, account, staffOnly ? 403 : 404));
            cases.add(new Case(endpoint, "practitioner@demo-england", "a made-up id", MADE_UP_ID, MADE_UP_ID, 404));
            cases.add(new Case(endpoint, "citizen@demo-england", "a made-up id", MADE_UP_ID, MADE_UP_ID, staffOnly ? 403 : 404));
        }

        SoftAssertions softly = new SoftAssertions();
        for (Case c : cases) {
            MvcResult result = mvc.perform(get(c.path()).with(new As(users).user(c.asker())).accept(MediaType.APPLICATION_JSON))
                    .andReturn();
            String body = result.getResponse().getContentAsString();
            softly.assertThat(result.getResponse().getStatus())
                    .as("%s asked by %s (%s)", c.path(), c.asker(), c.who()).isEqualTo(c.expected());
            if (c.expected() != 200) {
                softly.assertThat(body).as("%s asked by %s says nothing about the person", c.path(), c.asker())
                        .doesNotContain(familyName);
                softly.assertThat(result.getResponse().getContentType()).as("%s asked by %s", c.path(), c.asker())
                        .startsWith("application/problem+json");
            }
        }
        softly.assertAll();
    }

    static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
