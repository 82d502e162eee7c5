package org.dphub.payments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import org.dphub.councils.Council;
import org.dphub.councils.CouncilSettings;
import org.dphub.councils.Councils;
import org.dphub.councils.Nation;
import org.dphub.identity.NewUserAccount;
import org.dphub.identity.UserAccounts;
import org.dphub.people.Citizens;
import org.dphub.shared.Role;
import org.dphub.support.As;
import org.dphub.support.Http;
import org.dphub.support.IntegrationTest;
import org.dphub.support.MoneyApi;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import tools.jackson.databind.JsonNode;

/**
 * Issue 14, "money that is wrong or late": a balance is the money received by today; a payment a
 * run sends for a later day is on its way, never in the balance, never money left over that could
 * be recovered; a run for a later date pays each payment on its own due date (a PmtInf per day);
 * a run's exceptions name the person; the CSV and the bank file carry the same reference. In a
 * council of its own, so runs months ahead disturb no other test.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MoneyOnItsWayIT {

    static final String CODE = "on-its-way";
    static final String PRACTITIONER = "practitioner@" + CODE;
    static final String FINANCE = "finance@" + CODE;
    static final String FINANCE2 = "finance2@" + CODE;
    static final String CITIZEN = "citizen@" + CODE;

    @LocalServerPort
    int port;
    @Autowired
    Councils councils;
    @Autowired
    UserAccounts users;
    @Autowired
    BankAccounts bankAccounts;
    @Autowired
    Citizens citizens;
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
            Council created = councils.create(CODE, "On Its Way Borough Council", "Cyngor Bwrdeistref Ar Ei Ffordd",
                    Nation.ENGLAND, CouncilSettings.defaults(false));
            users.create(new NewUserAccount(PRACTITIONER, Http.DEMO_PASSWORD, "Priya Shah", created.id(),
                    EnumSet.of(Role.PRACTITIONER), "en"));
            users.create(new NewUserAccount(FINANCE, Http.DEMO_PASSWORD, "Fola Adeyemi", created.id(), EnumSet.of(Role.FINANCE), "en"));
            users.create(new NewUserAccount(FINANCE2, Http.DEMO_PASSWORD, "Gareth Lloyd", created.id(), EnumSet.of(Role.FINANCE), "en"));
            users.create(new NewUserAccount(CITIZEN, Http.DEMO_PASSWORD, "Emily Smith", created.id(), EnumSet.of(Role.CITIZEN), "en"));
            bankAccounts.recordAtSetUp(created.id(), "COUNCIL_ACCOUNT", null,
                    new BankDetails("On Its Way Borough Council", "601613", "38291046", null));
            bankAccounts.recordAtSetUp(created.id(), "CARD_PROVIDER", null,
                    new BankDetails("Prepaid Card Services Ltd", "401276", "71839204", null));
            return created;
        });
    }

    static String words(LocalDate date) {
        return date.format(DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH));
    }

    @Test
    void aPaymentForALaterDayIsOnItsWayNeverInTheBalanceAndCannotBeRecovered() throws Exception {
        LocalDate today = LocalDate.now();
        LocalDate start = today.plusDays(1);
        // £50.00 a week from tomorrow, on a prepaid card; the person keeps 8 weeks (£400.00) before anything is left over
        MoneyApi.Active active = money.activeWeekly(PRACTITIONER, "Emily", start, "PREPAID_CARD", 5_000, "en");
        long userId = users.findByUsername(CITIZEN).orElseThrow().userId();
        citizens.linkExistingAccount(users.findByUsername(PRACTITIONER).orElseThrow(), active.citizenId(), userId);

        // a run for ten weeks ahead sends ten payments (£500.00): more than the £400.00 the person keeps
        LocalDate runDate = start.plusWeeks(9);
        JsonNode run = money.runFor(FINANCE, runDate);
        assertThat(run.get("status").asString()).isEqualTo("READY_FOR_APPROVAL");
        MoneyApi.ok(http.postJsonAs(FINANCE2, Http.DEMO_PASSWORD, "/api/v1/payment-runs/" + run.get("id").asLong() + "/approval", "{}"), 200);

        JsonNode account = MoneyApi.ok(http.getAs(CITIZEN, Http.DEMO_PASSWORD, "/api/v1/accounts/" + active.accountId()), 200);
        assertThat(account.get("balanceOn").asString()).isEqualTo(today.toString());
        assertThat(account.get("balancePence").asLong()).as("nothing has arrived yet").isZero();
        assertThat(account.get("onItsWayPence").asLong()).isEqualTo(50_000);
        List<String> days = new ArrayList<>();
        account.get("onItsWay").forEach(w -> days.add(w.get("date").asString()));
        assertThat(days).as("each on its own due date").hasSize(10).first().isEqualTo(start.toString());
        assertThat(days).last().isEqualTo(runDate.toString());
        assertThat(account.get("surplusPence").asLong()).as("money on its way is never left over").isZero();

        // no recovery can take money that has not arrived
        var recovery = http.postJsonAs(FINANCE, Http.DEMO_PASSWORD, "/api/v1/accounts/" + active.accountId() + "/surplus-recoveries",
                "{\"amountPence\": 1, \"reason\": \"Left over\"}");
        assertThat(recovery.statusCode()).isEqualTo(422);
        assertThat(recovery.body()).contains("There is no money left over in this account");

        JsonNode ledger = MoneyApi.ok(http.getAs(CITIZEN, Http.DEMO_PASSWORD, "/api/v1/accounts/" + active.accountId() + "/ledger"), 200);
        assertThat(ledger.size()).isEqualTo(10);
        ledger.forEach(e -> assertThat(e.get("onItsWay").asBoolean()).isTrue());

        // the person's page says the same, in words
        String page = mvc.perform(get("/my-money").with(new As(userDetails).user(CITIZEN)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("There is £0.00 in the account today.")
                .contains("£50.00, arriving on " + words(start))
                .contains("Direct payment for the period from " + words(start))
                .contains("Money on its way is not in the account until the day it arrives")
                .doesNotContain("£500.00 in the account");
        // and finance's
        String staffPage = mvc.perform(get("/accounts/" + active.accountId()).with(new As(userDetails).user(FINANCE)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(staffPage).contains("Money in the account today: £0.00").contains("arriving on " + words(runDate));

        // the bank file asks for each payment on its own day: a block per day, Emily's ten in ten weekly blocks
        String file = http.getAs(FINANCE, Http.DEMO_PASSWORD, "/api/v1/payment-runs/" + run.get("id").asLong() + "/bank-file").body();
        BankFilesIT.validate(file);
        Document xml = BankFilesIT.parse(file);
        List<String> blockDays = new ArrayList<>();
        List<String> emilysDays = new ArrayList<>();
        NodeList blocks = xml.getElementsByTagNameNS(BankFiles.PAIN_001, "PmtInf");
        for (int i = 0; i < blocks.getLength(); i++) {
            Element block = (Element) blocks.item(i);
            String day = block.getElementsByTagNameNS(BankFiles.PAIN_001, "ReqdExctnDt").item(0).getTextContent();
            blockDays.add(day);
            NodeList ids = block.getElementsByTagNameNS(BankFiles.PAIN_001, "EndToEndId");
            for (int j = 0; j < ids.getLength(); j++) {
                if (ids.item(j).getTextContent().startsWith("DP" + active.accountId() + "-")) {
                    emilysDays.add(day);
                }
            }
        }
        assertThat(blockDays).isSorted().doesNotHaveDuplicates();
        List<String> weekly = new ArrayList<>();
        for (int week = 0; week < 10; week++) {
            weekly.add(start.plusWeeks(week).toString());
        }
        assertThat(emilysDays).isEqualTo(weekly);
    }

    @Test
    void aRunsExceptionsNameThePersonAndTheCsvAndBankFileCarryOneReference() throws Exception {
        LocalDate today = LocalDate.now();
        MoneyApi.Active noDetails = money.activeWeekly(PRACTITIONER, "Oliver", today.minusDays(2), "BANK_ACCOUNT", 4_000, "en");
        MoneyApi.Active withDetails = money.activeWeekly(PRACTITIONER, "Amara", today.minusDays(2), "BANK_ACCOUNT", 4_000, "en");
        MoneyApi.ok(http.putJsonAs(FINANCE, Http.DEMO_PASSWORD, "/api/v1/accounts/" + withDetails.accountId() + "/bank-details",
                "{\"accountName\": \"Amara Test\", \"sortCode\": \"40-47-84\", \"accountNumber\": \"70346812\"}"), 200);
        String reference = MoneyApi.ok(http.getAs(PRACTITIONER, Http.DEMO_PASSWORD, "/api/v1/citizens/" + noDetails.citizenId()), 200)
                .get("reference").asString();

        JsonNode run = money.runFor(FINANCE, today.minusDays(1));
        long runId = run.get("id").asLong();
        JsonNode exceptions = MoneyApi.ok(http.getAs(FINANCE, Http.DEMO_PASSWORD, "/api/v1/payment-runs/" + runId + "/exceptions"), 200);
        JsonNode oliver = exceptions.valueStream().filter(e -> e.get("accountId").asLong() == noDetails.accountId()).findFirst()
                .orElseThrow();
        assertThat(oliver.get("citizenName").asString()).isEqualTo("Oliver Test");
        assertThat(oliver.get("citizenReference").asString()).isEqualTo(reference);
        assertThat(oliver.get("reason").asString()).isEqualTo("MISSING_BANK_DETAILS");
        String page = mvc.perform(get("/payment-runs/" + runId).with(new As(userDetails).user(FINANCE)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("href=\"/citizens/" + noDetails.citizenId() + "\"").contains("Oliver Test").contains(reference)
                .doesNotContain("Direct payment account " + noDetails.accountId() + " –");
        // another council's finance officer learns nothing
        assertThat(http.getAs("finance@demo-england", Http.DEMO_PASSWORD, "/api/v1/payment-runs/" + runId + "/exceptions").statusCode())
                .isEqualTo(404);

        MoneyApi.ok(http.postJsonAs(FINANCE2, Http.DEMO_PASSWORD, "/api/v1/payment-runs/" + runId + "/approval", "{}"), 200);
        String file = http.getAs(FINANCE, Http.DEMO_PASSWORD, "/api/v1/payment-runs/" + runId + "/bank-file").body();
        String csv = http.getAs(FINANCE, Http.DEMO_PASSWORD, "/api/v1/payment-runs/" + runId + "/summary.csv").body();
        String expected = "DIRECT PAYMENT " + withDetails.accountId();
        assertThat(file).contains("<Ustrd>" + expected + "</Ustrd>");
        assertThat(csv.lines().filter(l -> l.contains(",70346812,")).toList())
                .isNotEmpty().allSatisfy(line -> assertThat(line.split(",")[6]).isEqualTo(expected));
        // the payment due the day before yesterday is paid on the day of approval: a bank cannot pay on a day gone by
        Document xml = BankFilesIT.parse(file);
        assertThat(xml.getElementsByTagNameNS(BankFiles.PAIN_001, "ReqdExctnDt").item(0).getTextContent()).isEqualTo(today.toString());
        JsonNode paid = MoneyApi.ok(http.getAs(FINANCE, Http.DEMO_PASSWORD, "/api/v1/accounts/" + withDetails.accountId()), 200);
        assertThat(paid.get("balancePence").asLong()).isEqualTo(4_000);
        assertThat(paid.get("onItsWayPence").asLong()).isZero();
    }
}
