package org.dphub.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.dphub.councils.Council;
import org.dphub.councils.CouncilContact;
import org.dphub.councils.CouncilSettings;
import org.dphub.councils.Councils;
import org.dphub.councils.Nation;
import org.dphub.councils.VersionedSettings;
import org.dphub.identity.NewUserAccount;
import org.dphub.identity.UserAccounts;
import org.dphub.marketplace.PaProfiles;
import org.dphub.monitoring.Questions;
import org.dphub.monitoring.Returns;
import org.dphub.payments.BankAccounts;
import org.dphub.payments.BankDetails;
import org.dphub.people.Citizens;
import org.dphub.people.RepresentativeKind;
import org.dphub.shared.Role;
import org.dphub.shared.SignedInUser;
import org.dphub.support.As;
import org.dphub.support.Http;
import org.dphub.support.IntegrationTest;
import org.dphub.support.MoneyApi;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;

/**
 * Issue 14, "each person's home shows their work": the situation is made through the API and the
 * services, then the home page is read — each to-do links to where it is done, each count goes up
 * by one when one more thing needs doing, and another council's work is never counted. In a
 * council of its own, so other tests' work does not change its counts.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HomePagesIT {

    static final String CODE = "home-pages";
    static final String NAME = "Home Pages Borough Council";
    static final String PRACTITIONER = "practitioner@" + CODE;
    static final String PRACTITIONER2 = "practitioner2@" + CODE;
    static final String BUDGET_HOLDER = "budget-holder@" + CODE;
    static final String DP_TEAM = "dp-team@" + CODE;
    static final String FINANCE = "finance@" + CODE;
    static final String FINANCE2 = "finance2@" + CODE;
    static final String CITIZEN = "citizen@" + CODE;
    static final String REPRESENTATIVE = "representative@" + CODE;
    static final String PA = "pa@" + CODE;
    static final String ADMIN = "admin@" + CODE;

    @LocalServerPort
    int port;
    @Autowired
    Councils councils;
    @Autowired
    UserAccounts users;
    @Autowired
    Citizens citizens;
    @Autowired
    Questions questions;
    @Autowired
    Returns returns;
    @Autowired
    BankAccounts bankAccounts;
    @Autowired
    PaProfiles paProfiles;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MockMvc mvc;
    @Autowired
    UserDetailsService userDetails;

    Http http;
    MoneyApi money;
    Council council;

    @BeforeAll
    void aCouncilOfItsOwn() {
        http = new Http(port);
        money = new MoneyApi(http);
        council = councils.findByCode(CODE).orElseGet(() -> {
            Council created = councils.create(CODE, NAME, "Cyngor Bwrdeistref Tudalennau Cartref", Nation.ENGLAND,
                    CouncilSettings.defaults(false));
            user(created, PRACTITIONER, "Priya Shah", Role.PRACTITIONER);
            user(created, PRACTITIONER2, "Tom Reid", Role.PRACTITIONER);
            user(created, BUDGET_HOLDER, "Bea Holt", Role.BUDGET_HOLDER);
            user(created, DP_TEAM, "Dee Team", Role.DP_TEAM);
            user(created, FINANCE, "Fola Adeyemi", Role.FINANCE);
            user(created, FINANCE2, "Gareth Lloyd", Role.FINANCE);
            user(created, CITIZEN, "Emily Home", Role.CITIZEN);
            user(created, REPRESENTATIVE, "Rhys Home", Role.REPRESENTATIVE);
            user(created, PA, "Sophie Hall", Role.PERSONAL_ASSISTANT);
            user(created, ADMIN, "Ada Admin", Role.COUNCIL_ADMIN);
            return created;
        });
    }

    void user(Council in, String username, String name, Role role) {
        users.create(new NewUserAccount(username, Http.DEMO_PASSWORD, name, in.id(), EnumSet.of(role), "en"));
    }

    SignedInUser signedIn(String username) {
        return users.findByUsername(username).orElseThrow();
    }

    String page(String username, String path) throws Exception {
        return mvc.perform(get(path).with(new As(userDetails).user(username)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    String home(String username) throws Exception {
        return page(username, "/home");
    }

    /** Text as Thymeleaf writes it into the page. */
    static String html(String text) {
        return text.replace("&", "&amp;").replace("'", "&#39;").replace("\"", "&quot;").replace("<", "&lt;").replace(">", "&gt;");
    }

    static String words(LocalDate date) {
        return date.format(DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH));
    }

    /** The work queue's row for a label linked to a list: its whole HTML. */
    static String row(String page, String href, String label) {
        Matcher m = Pattern.compile("<tr[^>]*>(?:(?!</tr>).)*href=\"" + Pattern.quote(href) + "\">" + Pattern.quote(html(label))
                + "</a>(?:(?!</tr>).)*</tr>", Pattern.DOTALL).matcher(page);
        assertThat(m.find()).as("a row '" + label + "' linked to " + href).isTrue();
        return m.group();
    }

    /** The count the work queue shows for a label linked to a list. */
    static long count(String page, String href, String label) {
        Matcher m = Pattern.compile("<td[^>]*>(\\d+)</td>").matcher(row(page, href, label));
        assertThat(m.find()).isTrue();
        return Long.parseLong(m.group(1));
    }

    long countFor(String username, String href, String label) throws Exception {
        return count(home(username), href, label);
    }

    @Test
    void theCitizenAndTheirRepresentativeSeeTheMoneyWhatNeedsDoingEachLinkedAndHowToReachTheCouncil() throws Exception {
        // no contact recorded yet: the person is told how to reach the council anyway, and the administrator is asked for it
        VersionedSettings settings = councils.settings(council.id());
        councils.updateSettings(council.id(), settings.settings().withContact(CouncilContact.NONE), settings.version());
        MoneyApi.Active requested = money.requestWeekly(PRACTITIONER, "Emily", LocalDate.now().minusDays(200), "BANK_ACCOUNT", 8_000, "en");
        long citizenId = requested.citizenId();
        String fullName = "Emily Test";
        citizens.linkExistingAccount(signedIn(PRACTITIONER), citizenId, signedIn(CITIZEN).userId());
        var representative = citizens.addRepresentative(signedIn(PRACTITIONER), citizenId, "Rhys Home", RepresentativeKind.NOMINATED_PERSON,
                REPRESENTATIVE);
        citizens.linkRepresentativeAccount(signedIn(PRACTITIONER), citizenId, representative.id(), signedIn(REPRESENTATIVE).userId());

        String home = home(CITIZEN);
        assertThat(home).contains(">" + NAME + "<").doesNotContain(">" + CODE + "<")
                .contains("Read and accept the direct payment agreement")
                .contains("href=\"/direct-payments/" + requested.directPaymentId() + "/agreement\"")
                .contains("There is no account yet")
                .contains("Contact your council").contains(html("The council has not added its direct payments team's phone number"))
                .doesNotContain("will appear here as they are added");
        assertThat(home(ADMIN)).contains(html("Add the direct payments team's phone number and email address"))
                .contains("href=\"/council/settings/edit#contactPhone\"");

        settings = councils.settings(council.id());
        councils.updateSettings(council.id(), settings.settings().withContact(new CouncilContact("01632 960 555", "dp@home-pages.example")),
                settings.version());
        assertThat(home(ADMIN)).doesNotContain(html("Add the direct payments team's phone number"));

        // agreed: the account, the next review; the agreement is no longer to do
        long accountId = money.agreeOnPaper(PRACTITIONER, requested.directPaymentId(), LocalDate.now().minusDays(205));
        home = home(CITIZEN);
        assertThat(home).doesNotContain("Read and accept the direct payment agreement")
                .contains("In the bank account today").contains("£0.00")
                .contains("Next review").contains(words(LocalDate.now().minusDays(200).plusMonths(6)))
                .contains("Nothing needs doing right now")
                .contains("href=\"tel:01632960555\"").contains(">01632 960 555<").contains("href=\"mailto:dp@home-pages.example\"");

        // a question, a return and a timesheet: each a link to where it is done
        long question = questions.ask(signedIn(FINANCE), accountId, "What was the £40 at the garden centre for?").id();
        returns.requestForLastPeriod(signedIn(FINANCE));
        long returnId = returns.forCitizen(signedIn(CITIZEN), citizenId).get(0).id();
        long employment = MoneyApi.ok(http.postJsonAs(CITIZEN, Http.DEMO_PASSWORD, "/api/v1/citizens/" + citizenId + "/employments", """
                {"paGivenName": "Sophie", "paFamilyName": "Hall", "paDateOfBirth": "1990-05-01", "paEmail": "%s",
                 "startedOn": "%s", "hourlyRatePence": 1350, "hoursKind": "CONTRACTED", "contractedHoursPerWeek": "20",
                 "payFrequency": "MONTHLY", "taxCode": "1257L", "pension": "ASSESS", "elInsurer": "Mutual Care Cover",
                 "elPolicyNumber": "EL-123", "elExpiresOn": "%s"}""".formatted(PA, LocalDate.now().minusDays(30),
                LocalDate.now().plusYears(1))), 201).get("id").asLong();
        LocalDate first = LocalDate.now().minusDays(3);
        LocalDate last = LocalDate.now().minusDays(2);
        JsonNode sheet = MoneyApi.ok(http.postJsonAs(PA, Http.DEMO_PASSWORD, "/api/v1/employments/" + employment + "/timesheets",
                "{\"days\": [{\"date\": \"%s\", \"hours\": \"4\"}, {\"date\": \"%s\", \"hours\": \"3\"}]}".formatted(first, last)), 201);

        for (String who : List.of(CITIZEN, REPRESENTATIVE)) {
            home = home(who);
            assertThat(home).as(who)
                    .contains(html("Answer the council's question from " + words(LocalDate.now())))
                    .contains("href=\"/my-spending/questions/" + question + "\"")
                    .contains("Check and confirm the return for").contains("href=\"/my-spending/returns/" + returnId + "\"")
                    .contains(html("Approve Sophie Hall's timesheet for " + words(first) + " to " + words(last)))
                    .contains("href=\"/my-employees/" + employment + "#timesheet-" + sheet.get("id").asLong() + "\"")
                    .doesNotContain("Nothing needs doing right now");
        }
        assertThat(home(REPRESENTATIVE)).contains("Direct payment for " + fullName).contains(">" + NAME + "<");

        // the PA: their work, a timesheet to send, and once the employer queries one, that first
        String paHome = home(PA);
        assertThat(paHome).contains("Hello, Sophie Hall").contains("Write your profile so that people can find you")
                .contains("Send a timesheet to " + fullName).contains("href=\"/pa/work/" + employment + "/timesheet\"");
        assertThat(count(paHome, "/pa/work", "People you work for")).isEqualTo(1);
        MoneyApi.ok(http.postJsonAs(CITIZEN, Http.DEMO_PASSWORD, "/api/v1/timesheets/" + sheet.get("id").asLong() + "/query",
                "{\"note\": \"Was the Tuesday 3 hours?\"}"), 200);
        assertThat(home(PA)).contains(fullName + " asked about your timesheet for " + words(first) + " to " + words(last))
                .contains("Needs attention");
        assertThat(home(CITIZEN)).doesNotContain(html("Approve Sophie Hall's timesheet"));

        // "Contact your council" wherever a page says to get in touch
        for (String path : List.of("/my-money", "/my-plan", "/my-spending", "/my-people")) {
            assertThat(page(CITIZEN, path)).as(path).contains("Contact your council").contains("href=\"tel:01632960555\"")
                    .contains("href=\"mailto:dp@home-pages.example\"");
        }
        assertThat(page(CITIZEN, "/my-money")).contains("If anything here looks wrong");
        // another council's citizen sees none of it
        assertThat(home("citizen@demo-england")).doesNotContain("/my-spending/questions/" + question).doesNotContain("01632 960 555");
    }

    @Test
    void aPractitionersQueueCountsTheirCouncilsReviewsRequestsAndTheirOwnOneOffsAndNothingElse() throws Exception {
        String before = home(PRACTITIONER);
        long overdue = count(before, "/reviews", "Reviews overdue");
        long inProgress = count(before, "/direct-payments/in-progress", "Direct payment requests still waiting for money to reach the person");
        long overTarget = count(before, "/direct-payments/in-progress", "Waiting longer than the council's target of 28 days");
        long asked = count(before, "/one-off-payments", "One-off payments you asked for that wait for a budget holder");
        long toDecide = countFor(BUDGET_HOLDER, "/one-off-payments", "One-off payments waiting for your decision");
        long elsewhereOverdue = countFor("practitioner@demo-england", "/reviews", "Reviews overdue");
        long elsewhereToDecide = countFor("budget-holder@demo-england", "/one-off-payments", "One-off payments waiting for your decision");
        assertThat(before).contains(">" + NAME + "<").contains("href=\"/citizens/new\"");

        // started seven months ago and never reviewed: the first review (within 6 months) is overdue; no money yet either
        money.activeWeekly(PRACTITIONER, "Olive", LocalDate.now().minusMonths(7), "PREPAID_CARD", 5_000, "en");
        // asked ten days ago: in progress, within the target
        money.requestWeekly(PRACTITIONER, "Nia", LocalDate.now(), "PREPAID_CARD", 5_000, "en");
        long person = MoneyApi.ok(http.postJsonAs(PRACTITIONER, Http.DEMO_PASSWORD, "/api/v1/citizens", """
                {"givenName": "Joan", "familyName": "Hughes", "dateOfBirth": "1941-02-11", "postcode": "SY3 8AA"}"""), 201)
                .get("id").asLong();
        long oneOff = MoneyApi.ok(http.postJsonAs(PRACTITIONER, Http.DEMO_PASSWORD, "/api/v1/one-off-payments", """
                {"citizenId": %d, "amountPence": 50001, "purpose": "A week of extra PA hours at home",
                 "outcome": "Get home from hospital safely", "reason": "HOSPITAL_DISCHARGE"}""".formatted(person)), 201).get("id").asLong();

        String after = home(PRACTITIONER);
        assertThat(count(after, "/reviews", "Reviews overdue")).isEqualTo(overdue + 1);
        assertThat(row(after, "/reviews", "Reviews overdue")).contains("Needs attention");
        assertThat(count(after, "/direct-payments/in-progress", "Direct payment requests still waiting for money to reach the person"))
                .isEqualTo(inProgress + 2);
        assertThat(count(after, "/direct-payments/in-progress", "Waiting longer than the council's target of 28 days"))
                .isEqualTo(overTarget + 1);
        assertThat(count(after, "/one-off-payments", "One-off payments you asked for that wait for a budget holder")).isEqualTo(asked + 1);
        assertThat(countFor(PRACTITIONER2, "/one-off-payments", "One-off payments you asked for that wait for a budget holder"))
                .as("another practitioner's").isZero();
        assertThat(countFor(BUDGET_HOLDER, "/one-off-payments", "One-off payments waiting for your decision")).isEqualTo(toDecide + 1);
        assertThat(countFor(DP_TEAM, "/direct-payments/in-progress", "Direct payment requests still waiting for money to reach the person"))
                .isEqualTo(inProgress + 2);
        // another council's work is never counted
        assertThat(countFor("practitioner@demo-england", "/reviews", "Reviews overdue")).isEqualTo(elsewhereOverdue);
        assertThat(countFor("budget-holder@demo-england", "/one-off-payments", "One-off payments waiting for your decision"))
                .isEqualTo(elsewhereToDecide);

        // the practitioner's own one-off payments, newest first, with where each is; nobody else's
        String mine = page(PRACTITIONER, "/one-off-payments");
        assertThat(mine).contains("One-off payments you asked for").contains("href=\"/one-off-payments/" + oneOff + "\"")
                .contains("Joan Hughes").contains("Waiting for a budget holder");
        assertThat(page(PRACTITIONER2, "/one-off-payments")).doesNotContain("href=\"/one-off-payments/" + oneOff + "\"")
                .contains("You have not asked for a one-off payment yet");
        assertThat(page("practitioner@demo-england", "/one-off-payments")).doesNotContain("href=\"/one-off-payments/" + oneOff + "\"");
        assertThat(page(BUDGET_HOLDER, "/one-off-payments")).contains("One-off payments to decide")
                .contains("href=\"/one-off-payments/" + oneOff + "\"").doesNotContain("One-off payments you asked for");
        mvc.perform(get("/one-off-payments").with(new As(userDetails).user(FINANCE))).andExpect(status().isForbidden());
        mvc.perform(get("/one-off-payments/" + oneOff).with(new As(userDetails).user("practitioner@demo-england")))
                .andExpect(status().isNotFound());
    }

    @Test
    void theDpTeamCountsChecksDueAndReportsAndFinanceItsRunsAndTheCouncilsBankAccount() throws Exception {
        long checks = countFor(DP_TEAM, "/checks", "Accounts due a check");
        long elsewhereChecks = countFor("dp-team@demo-england", "/checks", "Accounts due a check");
        String dpHome = home(DP_TEAM);
        long waiting = jdbc.sql("SELECT count(*) FROM pa_profile WHERE status = 'AWAITING_CHECKS'").query(Long.class).single();
        assertThat(count(dpHome, "/pa-checks", "PA profiles waiting for checks")).isEqualTo(waiting);
        long reports = count(dpHome, "/pa-checks/reports", "Reports about PAs or vacancies to look at");

        // a new direct payment is checked in its first three months
        money.activeWeekly(PRACTITIONER, "Cara", LocalDate.now().minusDays(5), "PREPAID_CARD", 5_000, "en");
        long live = jdbc.sql("SELECT id FROM pa_profile WHERE status = 'LIVE' AND visible ORDER BY id LIMIT 1").query(Long.class).single();
        paProfiles.report(signedIn(CITIZEN), live, "Asked me to pay in cash");

        dpHome = home(DP_TEAM);
        assertThat(count(dpHome, "/checks", "Accounts due a check")).isEqualTo(checks + 1);
        assertThat(count(dpHome, "/pa-checks/reports", "Reports about PAs or vacancies to look at")).isEqualTo(reports + 1);
        assertThat(row(dpHome, "/pa-checks/reports", "Reports about PAs or vacancies to look at")).contains("Needs attention");
        assertThat(countFor(FINANCE, "/checks", "Accounts due a check")).isEqualTo(checks + 1);
        assertThat(countFor("dp-team@demo-england", "/checks", "Accounts due a check")).isEqualTo(elsewhereChecks);

        // finance: the council's bank account first, then a run that waits for a second officer
        if (bankAccounts.councilAccount(signedIn(FINANCE), BankAccounts.CouncilAccount.COUNCIL_ACCOUNT).isEmpty()) {
            assertThat(home(FINANCE)).contains(html("Record the council's bank account")).contains("href=\"/council-bank-accounts\"");
            bankAccounts.recordAtSetUp(council.id(), "COUNCIL_ACCOUNT", null, new BankDetails(NAME, "601613", "38291046", null));
        }
        assertThat(home(FINANCE)).doesNotContain(html("Record the council's bank account"));
        long runs = countFor(FINANCE, "/payment-runs", "Payment runs waiting for a second finance officer to approve them");
        long elsewhereRuns = countFor("finance@demo-england", "/payment-runs", "Payment runs waiting for a second finance officer to approve them");
        money.runFor(FINANCE, LocalDate.now().plusDays(3));
        String starter = home(FINANCE);
        String second = home(FINANCE2);
        assertThat(count(starter, "/payment-runs", "Payment runs waiting for a second finance officer to approve them")).isEqualTo(runs + 1);
        assertThat(count(second, "/payment-runs", "Payment runs waiting for a second finance officer to approve them")).isEqualTo(runs + 1);
        assertThat(row(second, "/payment-runs", "Payment runs waiting for a second finance officer to approve them"))
                .as("the second officer can approve it").contains("Needs attention");
        assertThat(row(starter, "/payment-runs", "Payment runs waiting for a second finance officer to approve them"))
                .as("not the officer who started it").doesNotContain("Needs attention");
        assertThat(count(starter, "/payment-runs", "Payment runs that stopped before they finished")).isZero();
        assertThat(countFor("finance@demo-england", "/payment-runs", "Payment runs waiting for a second finance officer to approve them"))
                .as("another council's").isEqualTo(elsewhereRuns);
    }

    @Test
    void everyDemoHomeNamesTheCouncilInTheReadersLanguageNeverItsCode() throws Exception {
        for (String code : List.of("demo-england", "demo-wales")) {
            Council demo = councils.findByCode(code).orElseThrow();
            for (String role : List.of("citizen", "representative", "pa", "provider", "practitioner", "budget-holder", "dp-team",
                    "finance", "finance2", "admin")) {
                String username = role + "@" + code;
                String english = page(username, "/home?lang=en");
                assertThat(english).as(username).contains("id=\"home-council\">" + html(demo.name()) + "<")
                        .doesNotContain(">" + code + "<");
                assertThat(page(username, "/home?lang=cy")).as(username + " in Welsh")
                        .contains("id=\"home-council\">" + html(demo.nameCy()) + "<");
            }
        }
        // the provider: who they are, the council, what is coming, how to reach the DP team, their password
        String provider = page("provider@demo-england", "/home?lang=en");
        assertThat(provider).contains("Riverside Community Support").contains("community directory")
                .contains("href=\"/account/password\"").contains("href=\"tel:01632960127\"");
        // the PA: greeted by the name on their profile
        String profileName = jdbc.sql("""
                        SELECT p.display_name FROM pa_profile p JOIN app_user u ON u.id = p.user_id WHERE u.username = 'pa@demo-england'""")
                .query(String.class).single();
        assertThat(page("pa@demo-england", "/home?lang=en")).contains("Hello, " + html(profileName));
        // staff are the council: no "Contact your council" for them
        assertThat(page("practitioner@demo-england", "/home?lang=en")).doesNotContain("Contact your council");
    }
}
