package org.dphub.insights;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import org.dphub.councils.Council;
import org.dphub.councils.CouncilSettings;
import org.dphub.councils.Councils;
import org.dphub.councils.Nation;
import org.dphub.identity.NewUserAccount;
import org.dphub.identity.UserAccounts;
import org.dphub.payments.Ledger;
import org.dphub.payments.Posting;
import org.dphub.shared.Money;
import org.dphub.shared.Role;
import org.dphub.support.Http;
import org.dphub.support.IntegrationTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Money returned, the PA market, monitoring and reviews over real HTTP, for a council of its own
 * (its people live in postcode district ZE2, so the national register's count is known) and a
 * second council whose recoveries, vacancies, checks and reviews must never be counted for the
 * first. History in the first half of 2026 is written with its dates (the services stamp "now");
 * one recovery and one check go through the real API today, to show the figures read what the
 * services write. Every number below is worked out in the comments beside it.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class InsightsMoreIT {

    static final String CODE = "insights-more-it";
    static final String OTHER = "insights-more-other";
    static final String DP_TEAM = "dp-team@" + CODE;
    static final String FINANCE = "finance@" + CODE;
    static final String PRACTITIONER = "practitioner@" + CODE;
    static final String CITIZEN = "citizen@" + CODE;
    static final String PASSWORD = Http.DEMO_PASSWORD;
    static final String PERIOD = "from=2026-01-01&to=2026-06-30";

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Councils councils;
    @Autowired
    UserAccounts users;
    @Autowired
    Ledger ledger;

    Http http;
    final JsonMapper json = JsonMapper.builder().build();
    long council;
    long other;
    long liveAccount;

    @BeforeAll
    void twoCouncilsOfTheirOwn() {
        http = new Http(port);
        if (councils.findByCode(CODE).isPresent()) {
            council = councils.findByCode(CODE).get().id();
            other = councils.findByCode(OTHER).get().id();
            liveAccount = jdbc.sql("SELECT max(id) FROM dp_account WHERE council_id = :c").param("c", council).query(Long.class).single();
            return;
        }
        Council created = councils.create(CODE, "Figures More Borough Council", "Cyngor Bwrdeistref Rhagor o Ffigurau",
                Nation.ENGLAND, CouncilSettings.defaults(false));
        council = created.id();
        other = councils.create(OTHER, "Other Figures Council", "Cyngor Ffigurau Eraill", Nation.WALES,
                CouncilSettings.defaults(true)).id();
        users.create(new NewUserAccount(DP_TEAM, PASSWORD, "Dee More", council, EnumSet.of(Role.DP_TEAM), "en"));
        users.create(new NewUserAccount(FINANCE, PASSWORD, "Fin More", council, EnumSet.of(Role.FINANCE), "en"));
        users.create(new NewUserAccount(PRACTITIONER, PASSWORD, "Pat More", council, EnumSet.of(Role.PRACTITIONER), "en"));
        users.create(new NewUserAccount(CITIZEN, PASSWORD, "Cy More", council, EnumSet.of(Role.CITIZEN), "en"));
        users.create(new NewUserAccount("dp-team@" + OTHER, PASSWORD, "Dee Other", other, EnumSet.of(Role.DP_TEAM), "cy"));

        moneyReturnedHistory();
        paMarketHistory();
        monitoringHistory();
        reviewsHistory();
        liveAccount = account(council, person(council, "MORE-LIVE", "ZE2 9AA"), "2026-11-01", 1000);
        ledger.post(Posting.funding(council, "insights-more:live-funding", liveAccount, Money.ofPence(100000),
                LocalDate.of(2026, 11, 2), "Regular payment"));
    }

    // ---------------------------------------------------------------- money returned

    /**
     * A1: £1,500 in on 5 January, £200 recovered on 10 February, weekly budget £100 then £120 from
     * 1 April; on 30 June it holds £1,300 against a limit of 8 × £120 = £960: £340 above. A £500
     * payment on 5 July is after the period. A2: £800 in, £50 recovered on 20 April: £750 against
     * £800, not above. A3: £5,000 but closed on 1 June. A recovery in May that never reached the
     * ledger is not money returned; the other council's £999 in March is not this council's.
     */
    void moneyReturnedHistory() {
        long a1 = account(council, person(council, "MORE-A1", "ZE2 9AB"), "2026-01-01", 10000);
        fund(a1, "a1-in", 150000, "2026-01-05");
        recover(council, a1, 20000, "2026-02-10", true);
        jdbc.sql("""
                        INSERT INTO payment_schedule_change (schedule_id, effective_from, regular_payment_pence, weekly_budget_pence,
                            reason, created_by)
                        SELECT s.id, DATE '2026-04-01', 48000, 12000, 'Plan changed', 'test' FROM payment_schedule s WHERE s.account_id = :a""")
                .param("a", a1).update();
        fund(a1, "a1-july", 50000, "2026-07-05");
        long a2 = account(council, person(council, "MORE-A2", "ZE2 9AD"), "2026-01-01", 10000);
        fund(a2, "a2-in", 80000, "2026-01-05");
        recover(council, a2, 5000, "2026-04-20", true);
        recover(council, a2, 1000, "2026-05-20", false);
        long a3 = account(council, person(council, "MORE-A3", "ZE2 9AE"), "2026-01-01", 1000);
        fund(a3, "a3-in", 500000, "2026-01-05");
        jdbc.sql("UPDATE dp_account SET status = 'CLOSED', closed_on = DATE '2026-06-01' WHERE id = :a").param("a", a3).update();
        long o1 = account(other, person(other, "OTHER-A1", "ZE3 9AA"), "2026-01-01", 1000);
        fund(o1, "o1-in", 200000, "2026-01-05");
        recover(other, o1, 99900, "2026-03-10", true);
    }

    @Test
    void moneyReturnedIsTheSurplusRecoveredByMonthAndWhatIsAboveTheLimitAtThePeriodEnd() {
        JsonNode all = figures(DP_TEAM, PERIOD);
        assertThat(all.get("unspentReturnedPence").asLong()).as("£200 + £50; not the May one off the ledger").isEqualTo(25000);
        JsonNode returned = all.get("moneyReturned");
        assertThat(returned.get("recoveredPence").asLong()).isEqualTo(25000);
        assertThat(returned.get("recoveries").asLong()).isEqualTo(2);
        assertThat(monthly(returned, "recoveredPence", "recoveries")).containsExactly("2026-01 0/0", "2026-02 20000/1",
                "2026-03 0/0", "2026-04 5000/1", "2026-05 0/0", "2026-06 0/0");
        JsonNode above = returned.get("aboveLimit");
        assertThat(above.get("asAt").asString()).isEqualTo("2026-06-30");
        assertThat(above.get("accounts").asLong()).as("A1 only").isEqualTo(1);
        assertThat(above.get("pence").asLong()).as("£1,300 − 8 × £120").isEqualTo(34000);
        assertThat(above.get("surplusWeeks").asInt()).isEqualTo(8);

        // on 31 March A1 held £1,300 against 8 × £100 = £800, A2 £800 against £800 (not above), and
        // A3, not yet closed, £5,000 against 8 × £10
        JsonNode march = figures(DP_TEAM, "from=2026-01-01&to=2026-03-31").get("moneyReturned").get("aboveLimit");
        assertThat(march.get("accounts").asLong()).isEqualTo(2);
        assertThat(march.get("pence").asLong()).isEqualTo(50000 + 492000);

        JsonNode others = figures("dp-team@" + OTHER, PERIOD);
        assertThat(others.get("unspentReturnedPence").asLong()).as("the other council sees its own, and only its own").isEqualTo(99900);
        assertThat(others.get("moneyReturned").get("aboveLimit").get("accounts").asLong()).isEqualTo(1);
    }

    // ---------------------------------------------------------------- PA market

    /**
     * Vacancies: V1 posted 10 Jan, filled 24 Jan (14 days); V2 20 Jan → 1 Mar (40); V3 3 Mar → 13
     * Mar (10), hired again on 2 April (not filled twice); V4 posted 5 May, open; V5 posted 20 Dec
     * 2025, filled 15 Feb (57). Posted in the period: 4; filled: 4, median of 10, 14, 40, 57 = 27;
     * March's median (10 + 40) / 2 = 25; April none: null. The other council's vacancy is not counted.
     * Register (this council's people live in ZE2): R1 live from 20 Jan; R2 live 5 Mar, suspended 10
     * May; R3 hidden; R4 loaded as live on 15 April with no audit trail; R5 live in ZE3, the other
     * council's district. Live at each month end: 1, 1, 2, 3, 2, 2.
     */
    void paMarketHistory() {
        long r1 = profile("ZE2 1AA", true, "LIVE", "2025-12-01 09:00");
        statusChange(r1, null, "AWAITING_CHECKS", "2025-12-01 09:00");
        statusChange(r1, "AWAITING_CHECKS", "LIVE", "2026-01-20 10:00");
        long r2 = profile("ZE2 1AB", true, "SUSPENDED", "2026-02-10 09:00");
        statusChange(r2, null, "AWAITING_CHECKS", "2026-02-10 09:00");
        statusChange(r2, "AWAITING_CHECKS", "LIVE", "2026-03-05 10:00");
        statusChange(r2, "LIVE", "SUSPENDED", "2026-05-10 10:00");
        long r3 = profile("ZE2 1AD", false, "LIVE", "2025-06-01 09:00");
        statusChange(r3, null, "LIVE", "2025-06-01 09:00");
        long r4 = profile("ZE2 1AE", true, "LIVE", "2026-04-15 09:00");
        long r5 = profile("ZE3 1AA", true, "LIVE", "2025-06-01 09:00");
        statusChange(r5, null, "LIVE", "2025-06-01 09:00");

        long employer = person(council, "MORE-V", "ZE2 9AF");
        hire(vacancy(council, employer, "2026-01-10 09:00"), r1, "2026-01-24 12:00");
        hire(vacancy(council, employer, "2026-01-20 09:00"), r2, "2026-03-01 12:00");
        long v3 = vacancy(council, employer, "2026-03-03 09:00");
        hire(v3, r1, "2026-03-13 12:00");
        hire(v3, r4, "2026-04-02 12:00");
        vacancy(council, employer, "2026-05-05 09:00");
        hire(vacancy(council, employer, "2025-12-20 09:00"), r4, "2026-02-15 12:00");
        long otherEmployer = person(other, "OTHER-V", "ZE3 9AB");
        hire(vacancy(other, otherEmployer, "2026-02-01 09:00"), r5, "2026-02-05 12:00");
    }

    @Test
    void thePaMarketIsVacanciesOpenedAndFilledAndPersonalAssistantsLiveNearThePeople() {
        JsonNode market = figures(DP_TEAM, PERIOD).get("vacancies");
        assertThat(market.get("opened").asLong()).isEqualTo(4);
        assertThat(market.get("filled").asLong()).isEqualTo(4);
        assertThat(market.get("medianDaysToFill").decimalValue()).isEqualByComparingTo("27");
        assertThat(market.get("liveProfiles").asLong()).isEqualTo(2);
        List<String> months = new ArrayList<>();
        market.get("months").forEach(m -> months.add(m.get("month").asString() + " " + m.get("opened").asLong() + "/"
                + m.get("filled").asLong() + " median " + (m.get("medianDaysToFill").isNull() ? "null"
                : m.get("medianDaysToFill").decimalValue().stripTrailingZeros().toPlainString()) + " live " + m.get("liveProfiles").asLong()));
        assertThat(months).containsExactly("2026-01 2/1 median 14 live 1", "2026-02 0/1 median 57 live 1",
                "2026-03 1/2 median 25 live 2", "2026-04 0/0 median null live 3", "2026-05 1/0 median null live 2",
                "2026-06 0/0 median null live 2");
        assertThat(market.get("months").get(3).has("medianDaysToFill")).as("a month with nothing filled: null, not 0").isTrue();

        JsonNode others = figures("dp-team@" + OTHER, PERIOD).get("vacancies");
        assertThat(others.get("opened").asLong()).isEqualTo(1);
        assertThat(others.get("filled").asLong()).isEqualTo(1);
        assertThat(others.get("liveProfiles").asLong()).as("R5, in ZE3 where the other council's people live").isEqualTo(1);
    }

    // ---------------------------------------------------------------- monitoring

    /**
     * Checks: 15 Jan all well, 20 min (a new direct payment); 20 Jan a question, 45 min (surplus and
     * unlinked spending); 2 Mar all well, 15 min (no reason); 30 Apr recovery proposed, 60 min
     * (surplus); 00:30 on 1 June in the UK (23:30 on 31 May in UTC) referred, 30 min (a concern);
     * 1 July after the period; the other council's 100 minutes in March. So 5 checks, 170 minutes
     * (2.8 hours), 3 with findings, 2 in 5 (40%) all well.
     */
    void monitoringHistory() {
        long account = jdbc.sql("""
                        SELECT a.id FROM dp_account a JOIN citizen c ON c.id = a.citizen_id
                        WHERE c.reference = 'MORE-A1' AND a.council_id = :c""").param("c", council).query(Long.class).single();
        check(council, account, "{NEW_DIRECT_PAYMENT}", "ALL_WELL", 20, "2026-01-15 10:00");
        check(council, account, "{SURPLUS,UNLINKED_SPENDING}", "QUESTION_ASKED", 45, "2026-01-20 10:00");
        check(council, account, "{}", "ALL_WELL", 15, "2026-03-02 10:00");
        check(council, account, "{SURPLUS}", "SURPLUS_RECOVERY_PROPOSED", 60, "2026-04-30 10:00");
        check(council, account, "{CONCERN}", "REFERRAL", 30, "2026-06-01 00:30");
        check(council, account, "{}", "ALL_WELL", 10, "2026-07-01 10:00");
        long otherAccount = jdbc.sql("SELECT min(id) FROM dp_account WHERE council_id = :c").param("c", other).query(Long.class).single();
        check(other, otherAccount, "{}", "ALL_WELL", 100, "2026-03-05 10:00");
    }

    @Test
    void monitoringIsTheEffortSpentAgainstWhatTheChecksFound() {
        JsonNode monitoring = figures(DP_TEAM, PERIOD).get("monitoring");
        assertThat(monitoring.get("checks").asLong()).isEqualTo(5);
        assertThat(monitoring.get("minutes").asLong()).isEqualTo(170);
        assertThat(monitoring.get("withFindings").asLong()).isEqualTo(3);
        List<String> outcomes = new ArrayList<>();
        monitoring.get("byOutcome").forEach(o -> outcomes.add(o.get("outcome").asString() + " " + o.get("checks").asLong() + "/"
                + o.get("minutes").asLong()));
        assertThat(outcomes).containsExactly("ALL_WELL 2/35", "QUESTION_ASKED 1/45", "SURPLUS_RECOVERY_PROPOSED 1/60", "REFERRAL 1/30");
        List<String> reasons = new ArrayList<>();
        monitoring.get("byReason").forEach(o -> reasons.add(o.get("reason").asString() + " " + o.get("checks").asLong() + "/"
                + o.get("minutes").asLong()));
        assertThat(reasons).containsExactly("NEW_DIRECT_PAYMENT 1/20", "SURPLUS 2/105", "UNLINKED_SPENDING 1/45",
                "MISSING_STATEMENTS 0/0", "CONCERN 1/30", "NONE 1/15");
        assertThat(monthly(monitoring, "checks", "minutes", "withFindings")).containsExactly("2026-01 2/65/1", "2026-02 0/0/0",
                "2026-03 1/15/0", "2026-04 1/60/1", "2026-05 0/0/0", "2026-06 1/30/1");

        String page = page(DP_TEAM, "/insights?" + PERIOD).body();
        assertThat(page).contains("The team spent 2.8 hours on 5 checks; 40% found nothing wrong.");
        assertThat(page).contains("<title id=\"monitoring-chart-title\">", "<desc id=\"monitoring-chart-desc\">");
        List<String> csv = page(DP_TEAM, "/insights/monitoring.csv?" + PERIOD).body().lines().toList();
        assertThat(csv).startsWith("Month,Checks,Checks that found something,Minutes,Minutes: All well,Minutes: A question asked,"
                + "Minutes: Money left over to recover,Minutes: Referred on", "January 2026,2,1,65,20,45,0,0");
        assertThat(csv).contains("June 2026,1,1,30,0,0,0,30").endsWith("The whole period,5,3,170,35,45,60,30");

        assertThat(figures("dp-team@" + OTHER, PERIOD).get("monitoring").get("minutes").asLong()).isEqualTo(100);
    }

    // ---------------------------------------------------------------- reviews

    /**
     * First review 6 months after the start, then 12 after the last (the defaults). D1 started 1 Jul
     * 2025, due 1 Jan, reviewed early on 15 Dec 2025; D2 started 15 Sep 2025, due 15 Mar, reviewed 10
     * Mar (on time); D3 started 20 Oct 2025, due 20 Apr, reviewed late on 20 May; D4 started 10 Aug
     * 2025, due 10 Feb, never reviewed; D5 started 1 Nov 2025 and ended 1 Mar, before its review was
     * due; D6 started 1 Feb, reviewed on 10 June after a concern (on time: due 1 Aug). The other
     * council's review in March is not counted. Due: Jan 1, Feb 1, Mar 1, Apr 1 = 4; done 3, 2 on
     * time (66.7%); overdue at the month ends: 0, 1 (D4), 1, 2 (D4, D3), 1, 1.
     */
    void reviewsHistory() {
        long d1 = directPayment(council, "MORE-D1", "2025-07-01");
        review(council, d1, "SCHEDULED", "2025-12-15");
        review(council, directPayment(council, "MORE-D2", "2025-09-15"), "SCHEDULED", "2026-03-10");
        review(council, directPayment(council, "MORE-D3", "2025-10-20"), "SCHEDULED", "2026-05-20");
        directPayment(council, "MORE-D4", "2025-08-10");
        long d5 = directPayment(council, "MORE-D5", "2025-11-01");
        jdbc.sql("UPDATE direct_payment SET status = 'ENDED' WHERE id = :dp").param("dp", d5).update();
        jdbc.sql("""
                        INSERT INTO direct_payment_status_change (council_id, direct_payment_id, event, from_status, to_status,
                            effective_on, reason, changed_by)
                        VALUES (:c, :dp, 'ENDED', 'ACTIVE', 'ENDED', DATE '2026-03-01', 'Moved away', 'test')""")
                .param("c", council).param("dp", d5).update();
        review(council, directPayment(council, "MORE-D6", "2026-02-01"), "CONCERN", "2026-06-10");
        review(other, directPayment(other, "OTHER-D1", "2025-09-01"), "SCHEDULED", "2026-03-01");
    }

    @Test
    void reviewsDueDoneOnTimeAndOverdueFollowTheCouncilsReviewSchedule() {
        JsonNode reviews = figures(DP_TEAM, PERIOD).get("reviews");
        assertThat(reviews.get("due").asLong()).isEqualTo(4);
        assertThat(reviews.get("done").asLong()).isEqualTo(3);
        assertThat(reviews.get("doneOnTime").asLong()).isEqualTo(2);
        assertThat(reviews.get("onTimePercent").decimalValue()).isEqualByComparingTo("66.7");
        assertThat(reviews.get("overdue").asLong()).as("D4 on 30 June").isEqualTo(1);
        assertThat(monthly(reviews, "due", "done", "doneOnTime", "overdueAtMonthEnd")).containsExactly("2026-01 1/0/0/0",
                "2026-02 1/0/0/1", "2026-03 1/1/1/1", "2026-04 1/0/0/2", "2026-05 0/1/0/1", "2026-06 0/1/1/1");

        String page = page(DP_TEAM, "/insights?" + PERIOD).body();
        assertThat(page).contains("3 reviews were done in this period, 66.7% of them on time. 4 reviews fell due, and 1 direct "
                + "payment was overdue a review on 30 June 2026.");
        String welsh = page(DP_TEAM, "/insights?" + PERIOD + "&lang=cy").body();
        assertThat(welsh).contains("Gwnaed 3 adolygiad yn y cyfnod hwn, 66.7% ohonynt mewn pryd.");
        JsonNode others = figures("dp-team@" + OTHER, PERIOD).get("reviews");
        assertThat(others.get("done").asLong()).isEqualTo(1);
    }

    // ---------------------------------------------------------------- the page, the real services, who may see

    @Test
    void thePageHasASentenceAChartATableAndACsvForEachNewFigure() {
        String page = page(DP_TEAM, "/insights?" + PERIOD).body();
        assertThat(page).contains("£250 of unspent money came back to the council in this period (2 recoveries). "
                + "£340 sits in 1 account above the limit on 30 June 2026.");
        assertThat(page).contains("4 vacancies were posted and 4 were filled in this period. Half were filled within 27 days of "
                + "being posted. 2 personal assistants were on the register near your people on 30 June 2026.");
        for (String key : List.of("moneyReturned", "vacancies", "monitoring", "reviews")) {
            assertThat(page).contains("id=\"figure-" + key + "\"", "href=\"/insights/" + key + ".csv?from=2026-01-01&amp;to=2026-06-30\"");
        }
        assertThat(page).contains("<title id=\"returned-chart-title\">", "<title id=\"market-chart-title\">",
                "<title id=\"reviews-chart-title\">");
        assertThat(page(DP_TEAM, "/insights/moneyReturned.csv?" + PERIOD).body().lines().toList())
                .startsWith("Month,Recoveries,Recovered", "January 2026,0,£0.00", "February 2026,1,£200.00");
        assertThat(page(DP_TEAM, "/insights/vacancies.csv?" + PERIOD).body().lines().toList())
                .contains("April 2026,0,0,None,3");
        assertThat(page(DP_TEAM, "/insights/reviews.csv?" + PERIOD).body().lines().toList())
                .contains("April 2026,1,0,0,2");

        String welsh = page(DP_TEAM, "/insights?" + PERIOD + "&lang=cy").body();
        assertThat(welsh).contains("Daeth £250 o arian heb ei wario yn ôl i&#39;r cyngor yn y cyfnod hwn (2 adenilliad).",
                "Treuliodd y tîm 2.8 awr ar 5 gwiriad", "Hysbysebwyd 4 swydd wag a llenwyd 4 yn y cyfnod hwn.");
    }

    @Test
    void aRecoveryAndACheckMadeThroughTheApiAreCountedOnTheDayTheyWereMade() {
        String today = LocalDate.now().toString();
        HttpResponse<String> recovered = http.postJsonAs(FINANCE, PASSWORD, "/api/v1/accounts/" + liveAccount + "/surplus-recoveries",
                "{\"amountPence\": 10000, \"reason\": \"Money built up while the person was in hospital\"}",
                "Idempotency-Key", "insights-more-live");
        assertThat(recovered.statusCode()).as(recovered.body()).isIn(200, 201);
        HttpResponse<String> checked = http.postJsonAs(DP_TEAM, PASSWORD, "/api/v1/monitoring/checks",
                "{\"accountId\": " + liveAccount + ", \"outcome\": \"SURPLUS_RECOVERY_PROPOSED\", \"minutes\": 25}");
        assertThat(checked.statusCode()).as(checked.body()).isEqualTo(201);

        JsonNode now = figures(DP_TEAM, "from=" + today + "&to=" + today);
        assertThat(now.get("unspentReturnedPence").asLong()).isEqualTo(10000);
        assertThat(now.get("moneyReturned").get("recoveries").asLong()).isEqualTo(1);
        assertThat(now.get("monitoring").get("checks").asLong()).isEqualTo(1);
        assertThat(now.get("monitoring").get("minutes").asLong()).isEqualTo(25);
        // this account: £1,000 in, £100 back: £900 against 8 × £10 is £820 above the limit; A1 since
        // July: £1,800 against 8 × £120 is £840 above
        assertThat(now.get("moneyReturned").get("aboveLimit").get("accounts").asLong()).isEqualTo(2);
        assertThat(now.get("moneyReturned").get("aboveLimit").get("pence").asLong()).isEqualTo(82000 + 84000);
    }

    @Test
    void citizensAndPersonalAssistantsAreRefusedTheFiguresAndTheirCsvs() {
        for (String who : List.of(CITIZEN, "pa@demo-england")) {
            assertThat(http.getAs(who, PASSWORD, "/api/v1/insights?" + PERIOD).statusCode()).as(who).isEqualTo(403);
            for (String key : List.of("moneyReturned", "vacancies", "monitoring", "reviews")) {
                assertThat(page(who, "/insights/" + key + ".csv?" + PERIOD).statusCode()).as(who + " " + key).isEqualTo(403);
            }
        }
        assertThat(http.getAs("dp-team@" + OTHER, PASSWORD, "/api/v1/insights?" + PERIOD).body()).doesNotContain(CODE);
    }

    // ---------------------------------------------------------------- helpers

    final java.util.Map<String, String> sessions = new java.util.HashMap<>();

    HttpResponse<String> page(String username, String path) {
        return http.get(path, "Cookie", sessions.computeIfAbsent(username, u -> http.signIn(u, PASSWORD)));
    }

    JsonNode figures(String username, String period) {
        HttpResponse<String> response = http.getAs(username, PASSWORD, "/api/v1/insights?" + period);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json.readTree(response.body());
    }

    /** Each month as "2026-01 a/b/c" of the named fields. */
    static List<String> monthly(JsonNode figure, String... fields) {
        List<String> months = new ArrayList<>();
        figure.get("months").forEach(m -> {
            List<String> values = new ArrayList<>();
            for (String f : fields) {
                values.add(Long.toString(m.get(f).asLong()));
            }
            months.add(m.get("month").asString() + " " + String.join("/", values));
        });
        return months;
    }

    long person(long councilId, String reference, String postcode) {
        return jdbc.sql("""
                        INSERT INTO citizen (council_id, reference, given_name, family_name, date_of_birth, postcode)
                        VALUES (:c, :ref, 'Figure', :ref, DATE '1970-01-01', :postcode) RETURNING id""")
                .param("c", councilId).param("ref", reference).param("postcode", postcode).query(Long.class).single();
    }

    /** An open bank account with a weekly schedule of {@code weeklyPence} (no direct payment: the figures do not need one). */
    long account(long councilId, long citizen, String opened, long weeklyPence) {
        long account = jdbc.sql("""
                        INSERT INTO dp_account (council_id, citizen_id, type, status, opened_on)
                        VALUES (:c, :p, 'BANK_ACCOUNT', 'OPEN', CAST(:opened AS date)) RETURNING id""")
                .param("c", councilId).param("p", citizen).param("opened", opened).query(Long.class).single();
        jdbc.sql("""
                        INSERT INTO payment_schedule (council_id, account_id, frequency, regular_payment_pence, weekly_budget_pence,
                            first_payment_date)
                        VALUES (:c, :a, 'FOUR_WEEKLY', :weekly * 4, :weekly, CAST(:opened AS date))""")
                .param("c", councilId).param("a", account).param("weekly", weeklyPence).param("opened", opened).update();
        return account;
    }

    void fund(long account, String key, long pence, String on) {
        long councilId = jdbc.sql("SELECT council_id FROM dp_account WHERE id = :a").param("a", account).query(Long.class).single();
        ledger.post(Posting.funding(councilId, "insights-more:" + key, account, Money.ofPence(pence), LocalDate.parse(on),
                "Regular payment"));
    }

    /** A recovery as SurplusRecoveries writes it; {@code posted} false leaves it off the ledger (never money returned). */
    void recover(long councilId, long account, long pence, String on, boolean posted) {
        long id = jdbc.sql("""
                        INSERT INTO surplus_recovery (council_id, account_id, amount_pence, surplus_pence, reason, letter_locale, letter,
                            recovered_on, proposed_by)
                        VALUES (:c, :a, :amount, :amount, 'Money left over', 'en', 'A letter', CAST(:on AS date), 'test') RETURNING id""")
                .param("c", councilId).param("a", account).param("amount", pence).param("on", on).query(Long.class).single();
        if (posted) {
            ledger.post(Posting.recovery(councilId, "recovery:" + id, account, Money.ofPence(pence), LocalDate.parse(on),
                    "Money left over given back to the council"));
        }
    }

    long profile(String postcode, boolean visible, String status, String createdAt) {
        return jdbc.sql("""
                        INSERT INTO pa_profile (display_name, home_postcode, travel_km, hourly_rate_pence, employment_basis, visible,
                            status, created_at)
                        VALUES ('Figure P.', :postcode, 10, 1400, 'EITHER', :visible, :status,
                            CAST(:at AS timestamp) AT TIME ZONE 'Europe/London') RETURNING id""")
                .param("postcode", postcode).param("visible", visible).param("status", status).param("at", createdAt)
                .query(Long.class).single();
    }

    /** A status change as PaProfiles records it in the audit trail. */
    void statusChange(long profile, String before, String after, String at) {
        jdbc.sql("""
                        INSERT INTO audit_event (occurred_at, council_id, actor, action, entity_type, entity_id, before_state, after_state)
                        VALUES (CAST(:at AS timestamp) AT TIME ZONE 'Europe/London', NULL, 'test', :action, 'pa_profile', :id,
                            CAST(:before AS jsonb), CAST(:after AS jsonb))""")
                .param("at", at).param("action", before == null ? "CREATE" : "UPDATE").param("id", Long.toString(profile))
                .param("before", before == null ? null : "{\"status\": \"" + before + "\"}")
                .param("after", "{\"status\": \"" + after + "\"}").update();
    }

    long vacancy(long councilId, long citizen, String postedAt) {
        return jdbc.sql("""
                        INSERT INTO vacancy (council_id, citizen_id, title, postcode, latitude, longitude, max_distance_km, hours_per_week,
                            hourly_rate_pence, start_date, contact_name, created_by, created_at)
                        VALUES (:c, :p, 'Help at home', 'ZE2 9AF', 60.15, -1.15, 10, 6, 1400, DATE '2026-01-01', 'Figure',
                            'test', CAST(:at AS timestamp) AT TIME ZONE 'Europe/London') RETURNING id""")
                .param("c", councilId).param("p", citizen).param("at", postedAt).query(Long.class).single();
    }

    void hire(long vacancy, long profile, String hiredAt) {
        long[] row = jdbc.sql("SELECT council_id, citizen_id FROM vacancy WHERE id = :v").param("v", vacancy)
                .query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)}).single();
        long introduction = jdbc.sql("""
                        INSERT INTO introduction (council_id, vacancy_id, profile_id, started_by, status, created_by)
                        VALUES (:c, :v, :p, 'EMPLOYER', 'HIRED', 'test') RETURNING id""")
                .param("c", row[0]).param("v", vacancy).param("p", profile).query(Long.class).single();
        jdbc.sql("""
                        INSERT INTO pa_hire (council_id, introduction_id, vacancy_id, profile_id, citizen_id, agreed_hourly_rate_pence,
                            hours_per_week, start_date, postcode_district, postcode_area, hired_by, hired_at)
                        VALUES (:c, :i, :v, :p, :z, 1400, 6, DATE '2026-01-01', 'ZE2', 'ZE', 'test',
                            CAST(:at AS timestamp) AT TIME ZONE 'Europe/London')""")
                .param("c", row[0]).param("i", introduction).param("v", vacancy).param("p", profile).param("z", row[1])
                .param("at", hiredAt).update();
        jdbc.sql("UPDATE vacancy SET status = 'FILLED' WHERE id = :v").param("v", vacancy).update();
    }

    void check(long councilId, long account, String reasons, String outcome, int minutes, String at) {
        jdbc.sql("""
                        INSERT INTO monitoring_check (council_id, account_id, reasons, outcome, minutes, checked_by, checked_at)
                        VALUES (:c, :a, CAST(:reasons AS text[]), :o, :m, 'test', CAST(:at AS timestamp) AT TIME ZONE 'Europe/London')""")
                .param("c", councilId).param("a", account).param("reasons", reasons).param("o", outcome).param("m", minutes)
                .param("at", at).update();
    }

    /** An active direct payment (agreed the day it started) under a plan of its own, for a new person. */
    long directPayment(long councilId, String reference, String start) {
        long citizen = person(councilId, reference, councilId == council ? "ZE2 9AG" : "ZE3 9AG");
        long plan = jdbc.sql("INSERT INTO care_plan (council_id, citizen_id) VALUES (:c, :p) RETURNING id")
                .param("c", councilId).param("p", citizen).query(Long.class).single();
        return jdbc.sql("""
                        INSERT INTO direct_payment (council_id, citizen_id, plan_id, status, has_capacity, account_type,
                            requested_on, start_date, agreed_at, agreed_by, agreement_method, created_by)
                        VALUES (:c, :p, :plan, 'ACTIVE', true, 'BANK_ACCOUNT', CAST(:start AS date) - 30, CAST(:start AS date),
                            CAST(:start AS date) + time '09:00', 'test', 'ONLINE', 'test')
                        RETURNING id""")
                .param("c", councilId).param("p", citizen).param("plan", plan).param("start", start).query(Long.class).single();
    }

    void review(long councilId, long directPayment, String reason, String on) {
        jdbc.sql("""
                        INSERT INTO review (council_id, direct_payment_id, reason, reviewed_on, working, not_working, reviewed_by)
                        VALUES (:c, :dp, :reason, CAST(:on AS date), 'Going well', '', 'test')""")
                .param("c", councilId).param("dp", directPayment).param("reason", reason).param("on", on).update();
    }
}
