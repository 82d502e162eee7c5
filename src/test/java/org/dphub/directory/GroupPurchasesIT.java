package org.dphub.directory;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.dphub.identity.UserAccounts;
import org.dphub.payments.Ledger;
import org.dphub.people.Citizens;
import org.dphub.people.OnlineAccount;
import org.dphub.shared.Money;
import org.dphub.shared.SignedInUser;
import org.dphub.support.Http;
import org.dphub.support.IntegrationTest;
import org.dphub.support.MoneyApi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Buying together through the real API and pages: people of two councils agree to exact shares,
 * the organiser confirms, each share is on its member's ledger once, a member leaving mid-term is
 * refunded exactly for the sessions not yet held; and every refusal changes nothing.
 */
@IntegrationTest
class GroupPurchasesIT {

    static final String PASSWORD = Http.DEMO_PASSWORD;
    static final String ENGLAND = "practitioner@demo-england";
    static final String WALES = "practitioner@demo-wales";
    static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Citizens citizens;
    @Autowired
    UserAccounts users;
    @Autowired
    Ledger ledger;

    Http http;
    MoneyApi money;
    LocalDate today;

    /** A person with an open account holding {@code pence}, and their online account. */
    /** A person, their online account's username, and the password they chose for it (the API takes no temporary one). */
    record Person(long citizenId, long accountId, String user, String password) {
    }

    @BeforeEach
    void setUp() {
        http = new Http(port);
        money = new MoneyApi(http);
        today = LocalDate.now(ZoneId.of("Europe/London"));
    }

    @Test
    void threePeopleFromTwoCouncilsAgreeAreChargedOnceAndOneLeavingMidTermIsRefundedForTheSessionsNotYetHeld() {
        UUID service = publishedService("demo-england");
        Person alys = person(ENGLAND, "Alys", 50_000);
        Person bryn = person(ENGLAND, "Bryn", 50_000);
        Person carys = person(WALES, "Carys", 50_000);

        JsonNode created = MoneyApi.ok(http.postJsonAs(ENGLAND, PASSWORD, "/api/v1/group-purchases", """
                {"title": "Chair yoga", "serviceId": "%s", "sessions": ["%s", "%s", "%s"], "totalPence": 10000,
                 "split": "EQUAL", "maxMembers": 3}""".formatted(service, today.plusDays(7), today.plusDays(14), today.plusDays(21))), 201);
        assertThat(created.get("status").asString()).isEqualTo("OPEN");
        String group = "/api/v1/group-purchases/" + created.get("id").asString();

        JsonNode a = MoneyApi.ok(http.postJsonAs(ENGLAND, PASSWORD, group + "/members", "{\"citizenId\": " + alys.citizenId() + "}"), 201);
        assertThat(a.get("status").asString()).isEqualTo("INVITED");
        assertThat(a.get("sharePence").asLong()).isEqualTo(10_000);
        long alysMember = a.get("memberId").asLong();
        long brynMember = MoneyApi.ok(http.postJsonAs(ENGLAND, PASSWORD, group + "/members",
                "{\"citizenId\": " + bryn.citizenId() + "}"), 201).get("memberId").asLong();
        // Carys holds her direct payment from another council: she asks to join from her own account
        JsonNode c = MoneyApi.ok(http.postJsonAs(carys.user(), carys.password(), group + "/members",
                "{\"citizenId\": " + carys.citizenId() + ", \"showName\": true}"), 201);
        long carysMember = c.get("memberId").asLong();
        assertThat(c.get("sharePence").asLong()).isEqualTo(3_333);

        JsonNode seen = MoneyApi.ok(http.getAs(ENGLAND, PASSWORD, group), 200);
        assertThat(shares(seen)).as("£100 among 3: the first to join pays the odd penny").containsExactly(3_334L, 3_333L);
        assertThat(seen.get("otherCouncilMembers").asInt()).isEqualTo(1);

        // staff cannot agree for a person, nor can another member
        HttpResponse<String> byStaff = http.postJsonAs(ENGLAND, PASSWORD, group + "/members/" + alysMember + "/consent", "{}");
        assertThat(byStaff.statusCode()).isEqualTo(403);
        assertThat(byStaff.body()).contains("NOT_THE_MEMBER");
        assertThat(http.postJsonAs(carys.user(), carys.password(), group + "/members/" + alysMember + "/consent", "{}").statusCode())
                .isEqualTo(403);

        HttpResponse<String> early = http.postJsonAs(ENGLAND, PASSWORD, group + "/confirmation", "{}");
        assertThat(early.statusCode()).isEqualTo(409);
        assertThat(early.headers().firstValue("Content-Type").orElse("")).contains("application/problem+json");
        JsonNode missing = JSON.readTree(early.body());
        assertThat(missing.get("rule").asString()).isEqualTo("CONSENT_MISSING");
        assertThat(missing.get("detail").asString()).contains("Alys (member " + alysMember + ")", "member " + carysMember);
        assertThat(ledgerOf(alys)).as("no money moves before everyone agrees").isEmpty();

        for (Person p : List.of(alys, bryn, carys)) {
            long member = p == alys ? alysMember : p == bryn ? brynMember : carysMember;
            MoneyApi.ok(http.postJsonAs(p.user(), p.password(), group + "/members/" + member + "/consent", "{}"), 200);
        }
        Person dewi = person(ENGLAND, "Dewi", 50_000);
        HttpResponse<String> full = http.postJsonAs(dewi.user(), dewi.password(), group + "/members", "{\"citizenId\": " + dewi.citizenId() + "}");
        assertThat(full.statusCode()).isEqualTo(409);
        assertThat(full.body()).contains("GROUP_FULL");

        JsonNode confirmed = MoneyApi.ok(http.postJsonAs(ENGLAND, PASSWORD, group + "/confirmation", "{}", "Idempotency-Key", "confirm-1"), 200);
        assertThat(confirmed.get("status").asString()).isEqualTo("CONFIRMED");
        MoneyApi.ok(http.postJsonAs(ENGLAND, PASSWORD, group + "/confirmation", "{}", "Idempotency-Key", "confirm-1"), 200);
        MoneyApi.ok(http.postJsonAs(ENGLAND, PASSWORD, group + "/confirmation", "{}"), 200);
        assertThat(ledgerOf(alys)).as("charged once, however often it is confirmed").containsExactly(-3_334L);
        assertThat(ledgerOf(bryn)).containsExactly(-3_333L);
        assertThat(ledgerOf(carys)).containsExactly(-3_333L);

        // each council's staff see their own members, and a count of the others
        JsonNode wales = MoneyApi.ok(http.getAs(WALES, PASSWORD, group), 200);
        assertThat(wales.get("members")).hasSize(1);
        assertThat(wales.get("members").get(0).get("citizenId").asLong()).isEqualTo(carys.citizenId());
        assertThat(wales.get("otherCouncilMembers").asInt()).isEqualTo(2);
        // a member sees the others' status, and first names only of those who chose to be shown
        JsonNode asBryn = MoneyApi.ok(http.getAs(bryn.user(), bryn.password(), group), 200);
        assertThat(asBryn.toString()).doesNotContain("\"citizenId\":" + alys.citizenId()).doesNotContain("Alys");
        assertThat(asBryn.toString()).contains("Carys");

        // time passes: the first two sessions are held (one of them today), one is still to come
        UUID groupId = UUID.fromString(created.get("id").asString());
        jdbc.sql("UPDATE directory_group_session SET held_on = held_on - 14 WHERE group_purchase_id = :g").param("g", groupId).update();
        jdbc.sql("UPDATE directory_group_member SET first_session = first_session - 14 WHERE group_purchase_id = :g")
                .param("g", groupId).update();
        JsonNode left = MoneyApi.ok(delete(carys, group + "/members/" + carysMember, "leave-1"), 200);
        assertThat(left.get("refundPence").asLong()).as("£33.33 over 3 sessions, 1 not yet held").isEqualTo(1_111);
        assertThat(MoneyApi.ok(delete(carys, group + "/members/" + carysMember, "leave-1"), 200).get("refundPence").asLong())
                .isEqualTo(1_111);
        HttpResponse<String> twice = delete(carys, group + "/members/" + carysMember, null);
        assertThat(twice.statusCode()).isEqualTo(409);
        assertThat(twice.body()).contains("ALREADY_LEFT");
        assertThat(ledgerOf(carys)).as("refunded once, to the same account").containsExactly(-3_333L, 1_111L);
        JsonNode after = MoneyApi.ok(http.getAs(ENGLAND, PASSWORD, group), 200);
        assertThat(shares(after)).as("nobody else's share changes").containsExactly(3_334L, 3_333L);
        JsonNode afterWales = MoneyApi.ok(http.getAs(WALES, PASSWORD, group), 200);
        assertThat(afterWales.get("refunds").get(0).get("refundPence").asLong()).isEqualTo(1_111);
        assertThat(StreamSupport.stream(afterWales.get("sessions").spliterator(), false).map(s -> s.get("held").asBoolean()))
                .containsExactly(true, true, false);

        // joining mid-term: the price of a place (£33.33) for the one session still to come
        JsonNode joined = MoneyApi.ok(http.postJsonAs(dewi.user(), dewi.password(), group + "/members",
                "{\"citizenId\": " + dewi.citizenId() + "}"), 201);
        assertThat(joined.get("sharePence").asLong()).isEqualTo(1_111);
        MoneyApi.ok(http.postJsonAs(dewi.user(), dewi.password(), group + "/members/" + joined.get("memberId").asLong() + "/consent", "{}"), 200);
        MoneyApi.ok(http.postJsonAs(ENGLAND, PASSWORD, group + "/confirmation", "{}"), 200);
        assertThat(ledgerOf(dewi)).containsExactly(-1_111L);
        assertThat(ledgerOf(alys)).containsExactly(-3_334L);

        // every change is in the trail, in words, in both languages
        assertThat(jdbc.sql("SELECT count(*) FROM audit_event WHERE entity_type = 'group_purchase_member' AND entity_id = :m")
                .param("m", String.valueOf(carysMember)).query(Long.class).single()).isGreaterThanOrEqualTo(4);
    }

    @Test
    void setSharesMustAddUpToTheTotalBeforeAnythingIsPaidAndACalledOffGroupTakesNoMoney() {
        UUID service = publishedService("demo-england");
        String group = "/api/v1/group-purchases/" + MoneyApi.ok(http.postJsonAs(ENGLAND, PASSWORD, "/api/v1/group-purchases", """
                {"title": "Pottery", "serviceId": "%s", "sessions": ["%s"], "totalPence": 1000, "split": "SET_SHARES", "maxMembers": 3}"""
                .formatted(service, today.plusDays(5))), 201).get("id").asString();
        Person ffion = person(ENGLAND, "Ffion", 5_000);
        Person gethin = person(ENGLAND, "Gethin", 5_000);
        HttpResponse<String> noShare = http.postJsonAs(ENGLAND, PASSWORD, group + "/members", "{\"citizenId\": " + ffion.citizenId() + "}");
        assertThat(noShare.statusCode()).isEqualTo(422);
        assertThat(noShare.body()).contains("SHARE_MISSING", "\"field\":\"sharePence\"");
        long f = MoneyApi.ok(http.postJsonAs(ENGLAND, PASSWORD, group + "/members",
                "{\"citizenId\": " + ffion.citizenId() + ", \"sharePence\": 600}"), 201).get("memberId").asLong();
        long g = MoneyApi.ok(http.postJsonAs(ENGLAND, PASSWORD, group + "/members",
                "{\"citizenId\": " + gethin.citizenId() + ", \"sharePence\": 300}"), 201).get("memberId").asLong();
        MoneyApi.ok(http.postJsonAs(ffion.user(), ffion.password(), group + "/members/" + f + "/consent", "{}"), 200);
        MoneyApi.ok(http.postJsonAs(gethin.user(), gethin.password(), group + "/members/" + g + "/consent", "{}"), 200);
        HttpResponse<String> short1 = http.postJsonAs(ENGLAND, PASSWORD, group + "/confirmation", "{}");
        assertThat(short1.statusCode()).isEqualTo(409);
        assertThat(short1.body()).contains("SHARES_DO_NOT_ADD_UP", "£9.00", "£10.00");
        assertThat(ledgerOf(ffion)).isEmpty();

        // Gethin leaves (nothing was paid) and is invited again with a share that makes the total
        assertThat(MoneyApi.ok(delete(gethin, group + "/members/" + g, null), 200).get("refundPence").asLong()).isZero();
        long g2 = MoneyApi.ok(http.postJsonAs(ENGLAND, PASSWORD, group + "/members",
                "{\"citizenId\": " + gethin.citizenId() + ", \"sharePence\": 400}"), 201).get("memberId").asLong();
        MoneyApi.ok(http.postJsonAs(gethin.user(), gethin.password(), group + "/members/" + g2 + "/consent", "{}"), 200);
        MoneyApi.ok(http.postJsonAs(ENGLAND, PASSWORD, group + "/confirmation", "{}"), 200);
        assertThat(ledgerOf(ffion)).containsExactly(-600L);
        assertThat(ledgerOf(gethin)).containsExactly(-400L);
        assertThat(http.postJsonAs(ENGLAND, PASSWORD, group + "/cancellation", "{}").statusCode())
                .as("a confirmed group is not called off: members leave instead").isEqualTo(409);

        String other = proposed(service, 3, 900);
        Person hywel = person(ENGLAND, "Hywel", 5_000);
        long h = MoneyApi.ok(http.postJsonAs(hywel.user(), hywel.password(), other + "/members",
                "{\"citizenId\": " + hywel.citizenId() + "}"), 201).get("memberId").asLong();
        MoneyApi.ok(http.postJsonAs(hywel.user(), hywel.password(), other + "/members/" + h + "/consent", "{}"), 200);
        assertThat(http.postJsonAs(hywel.user(), hywel.password(), other + "/cancellation", "{}").statusCode()).isEqualTo(403);
        assertThat(MoneyApi.ok(http.postJsonAs(ENGLAND, PASSWORD, other + "/cancellation", "{}"), 200).get("status").asString())
                .isEqualTo("CANCELLED");
        HttpResponse<String> afterCancel = http.postJsonAs(ENGLAND, PASSWORD, other + "/confirmation", "{}");
        assertThat(afterCancel.statusCode()).isEqualTo(409);
        assertThat(ledgerOf(hywel)).isEmpty();
    }

    @Test
    void aShareTheAccountCannotCoverIsRefusedSayingWhatIsThere() {
        String group = proposed(publishedService("demo-england"), 2, 6_000);
        Person eira = person(ENGLAND, "Eira", 1_000);
        long member = MoneyApi.ok(http.postJsonAs(eira.user(), eira.password(), group + "/members",
                "{\"citizenId\": " + eira.citizenId() + "}"), 201).get("memberId").asLong();
        HttpResponse<String> refused = http.postJsonAs(eira.user(), eira.password(), group + "/members/" + member + "/consent", "{}");
        assertThat(refused.statusCode()).isEqualTo(422);
        JsonNode problem = JSON.readTree(refused.body());
        assertThat(problem.get("rule").asString()).isEqualTo("NOT_ENOUGH_MONEY");
        assertThat(problem.get("detail").asString()).contains("The share is £60.00", "only £10.00 can be paid from the next payment of £10.00");
        assertThat(MoneyApi.ok(http.getAs(eira.user(), eira.password(), group), 200).get("members").get(0).get("status").asString())
                .isEqualTo("INVITED");
    }

    @Test
    void badProposalsAreRefusedNamingTheFieldAndNothingIsSaved() {
        UUID service = publishedService("demo-england");
        String title = "Bad " + UUID.randomUUID();
        for (String total : List.of("-5", "1e9", "12.345", "\"lots\"")) {
            HttpResponse<String> bad = http.postJsonAs(ENGLAND, PASSWORD, "/api/v1/group-purchases", """
                    {"title": "%s", "serviceId": "%s", "sessions": ["%s"], "totalPence": %s, "split": "EQUAL", "maxMembers": 4}"""
                    .formatted(title, service, today.plusDays(3), total));
            assertThat(bad.statusCode()).as(total).isEqualTo(422);
            assertThat(bad.body()).as(total).contains("\"field\":\"totalPence\"");
        }
        HttpResponse<String> past = http.postJsonAs(ENGLAND, PASSWORD, "/api/v1/group-purchases", """
                {"title": "%s", "serviceId": "%s", "sessions": ["%s"], "totalPence": 500, "maxMembers": 4}"""
                .formatted(title, service, today.minusDays(1)));
        assertThat(past.statusCode()).isEqualTo(422);
        assertThat(past.body()).contains("\"field\":\"sessions\"", "after today");
        HttpResponse<String> script = http.postJsonAs(ENGLAND, PASSWORD, "/api/v1/group-purchases", """
                {"title": "<script>alert(1)</script>", "serviceId": "%s", "sessions": ["%s"], "totalPence": 500, "maxMembers": 4}"""
                .formatted(service, today.plusDays(1)));
        assertThat(script.statusCode()).isEqualTo(422);
        assertThat(script.body()).contains("\"field\":\"title\"");
        HttpResponse<String> unknown = http.postJsonAs(ENGLAND, PASSWORD, "/api/v1/group-purchases", """
                {"title": "%s", "serviceId": "%s", "sessions": ["%s"], "totalPence": 500, "maxMembers": 4}"""
                .formatted(title, UUID.randomUUID(), today.plusDays(1)));
        assertThat(unknown.statusCode()).isEqualTo(422);
        assertThat(unknown.body()).contains("\"field\":\"serviceId\"", "SERVICE_NOT_PUBLISHED");
        assertThat(jdbc.sql("SELECT count(*) FROM directory_group_purchase WHERE title = :t OR title LIKE '%script%'")
                .param("t", title).query(Long.class).single()).isZero();
        assertThat(http.postJsonAs("finance@demo-england", PASSWORD, "/api/v1/group-purchases", """
                {"title": "%s", "serviceId": "%s", "sessions": ["%s"], "totalPence": 500, "maxMembers": 4}"""
                .formatted(title, service, today.plusDays(1))).statusCode()).as("finance officers do not organise").isEqualTo(403);
    }

    @Test
    void anotherCouncilsStaffAndStrangersDoNotFindAGroupWithNoneOfTheirPeople() {
        String group = proposed(publishedService("demo-england"), 4, 2_000);
        assertThat(http.getAs(WALES, PASSWORD, group).statusCode()).isEqualTo(404);
        assertThat(http.postJsonAs(WALES, PASSWORD, group + "/confirmation", "{}").statusCode()).isEqualTo(404);
        assertThat(http.getAs("provider@demo-england", PASSWORD, group).statusCode()).isEqualTo(404);
        assertThat(http.getAs(ENGLAND, PASSWORD, "/api/v1/group-purchases/" + UUID.randomUUID()).statusCode()).isEqualTo(404);
    }

    @Test
    void aPersonJoinsAndAgreesOnTheGroupPageAndSeesTheirShareOnYourMoneyInEnglishAndWelsh() {
        String group = proposed(publishedService("demo-england"), 5, 300);
        String id = group.substring(group.lastIndexOf('/') + 1);
        long citizen = jdbc.sql("""
                        SELECT ca.citizen_id FROM citizen_access ca JOIN app_user u ON u.id = ca.user_id
                        WHERE u.username = 'citizen@demo-england' ORDER BY ca.citizen_id LIMIT 1""").query(Long.class).single();
        String cookie = http.signIn("citizen@demo-england", PASSWORD);
        assertThat(http.get("/group-purchases?lang=en", "Cookie", cookie).body()).contains("Groups you can ask to join", "Group of 5");
        String page = http.get("/group-purchases/" + id + "?lang=en", "Cookie", cookie).body();
        assertThat(page).contains("Join this group", "the first members to join pay 1p more each");

        HttpResponse<String> joined = http.postForm("/group-purchases/" + id, "action=join&citizenId=" + citizen + "&showName=yes&_csrf="
                + Http.csrfToken(page), "Cookie", cookie);
        assertThat(joined.statusCode()).isEqualTo(302);
        page = http.get("/group-purchases/" + id + "?lang=en", "Cookie", cookie).body();
        assertThat(page).contains("Agree to pay £3.00", "if it is right").doesNotContain("Join this group");
        String title = jdbc.sql("SELECT title FROM directory_group_purchase WHERE id = ?").param(UUID.fromString(id)).query(String.class).single();
        assertThat(http.get("/home?lang=en", "Cookie", cookie).body()).contains("Agree to your share of £3.00 for “" + title + "”");
        String member = jdbc.sql("SELECT id FROM directory_group_member WHERE group_purchase_id = :g AND citizen_id = :c")
                .param("g", UUID.fromString(id)).param("c", citizen).query(Long.class).single().toString();

        HttpResponse<String> wrong = http.postForm("/group-purchases/" + id, "action=confirm&_csrf=" + Http.csrfToken(page), "Cookie", cookie);
        assertThat(wrong.statusCode()).isEqualTo(200);
        assertThat(wrong.body()).contains("There is a problem", "Only the organiser of this group can do this");

        HttpResponse<String> agreed = http.postForm("/group-purchases/" + id, "action=consent&memberId=" + member + "&_csrf="
                + Http.csrfToken(page), "Cookie", cookie);
        assertThat(agreed.statusCode()).isEqualTo(302);
        assertThat(http.get("/my-money?lang=en", "Cookie", cookie).body())
                .contains("Buying together", "you agreed to a share of £3.00");
        assertThat(http.get("/my-money?lang=cy", "Cookie", cookie).body()).contains("Prynu gyda", "rydych wedi cytuno i gyfran o £3.00");
        assertThat(http.get("/group-purchases/" + id + "?lang=cy", "Cookie", cookie).body()).contains("Sut mae", "Gadael y grŵp");
        assertThat(http.get("/group-purchases?lang=en", "Cookie", cookie).body()).contains("Group of 5");
        String staff = http.get("/group-purchases/" + id + "?lang=en", "Cookie", http.signIn(ENGLAND, PASSWORD)).body();
        assertThat(staff).contains("Agreed", "£3.00", "For the organiser");
        // the organiser takes the person out again; nothing was paid, nothing comes back
        MoneyApi.ok(delete(ENGLAND, PASSWORD, group + "/members/" + member, null), 200);
    }

    // ---------------------------------------------------------------------------------------------

    private String proposed(UUID service, int maxMembers, long totalPence) {
        JsonNode created = MoneyApi.ok(http.postJsonAs(ENGLAND, PASSWORD, "/api/v1/group-purchases", """
                {"title": "Group of %d", "serviceId": "%s", "sessions": ["%s", "%s"], "totalPence": %d, "split": "EQUAL", "maxMembers": %d}"""
                .formatted(maxMembers, service, today.plusDays(10), today.plusDays(17), totalPence, maxMembers)), 201);
        return "/api/v1/group-purchases/" + created.get("id").asString();
    }

    private UUID publishedService(String councilCode) {
        long council = jdbc.sql("SELECT id FROM council WHERE code = :c").param("c", councilCode).query(Long.class).single();
        UUID organisation = UUID.randomUUID();
        UUID service = UUID.randomUUID();
        jdbc.sql("INSERT INTO directory_organization (id, council_id, name, kind) VALUES (:id, :c, 'Bend and Stretch CIC', 'MICRO_ENTERPRISE')")
                .param("id", organisation).param("c", council).update();
        jdbc.sql("""
                        INSERT INTO directory_service (id, organization_id, council_id, name, description, status, delivery, cost_pence,
                            cost_unit, insurance_checked, safeguarding_checked)
                        VALUES (:id, :o, :c, 'Chair yoga', 'Gentle yoga, seated', 'PUBLISHED', 'ONLINE', 1000, 'SESSION', TRUE, TRUE)""")
                .param("id", service).param("o", organisation).param("c", council).update();
        return service;
    }

    private Person person(String practitioner, String name, long pence) {
        // shares are paid from the next payment (issue 15: never from money the person already holds), so
        // the weekly payment is what a share can be at most
        MoneyApi.Active active = money.activeWeekly(practitioner, name, today.minusDays(20), "PREPAID_CARD", pence, "en");
        SignedInUser staff = users.findByUsername(practitioner).orElseThrow();
        OnlineAccount login = citizens.giveOnlineAccount(staff, active.citizenId(), name.toLowerCase() + UUID.randomUUID() + "@example.com");
        return new Person(active.citizenId(), active.accountId(), login.username(), http.choosesOwnPassword(login.username(), login.temporaryPassword()));
    }

    /** The account's provider charges and refunds (pence, out negative), oldest first. */
    private List<Long> ledgerOf(Person p) {
        return jdbc.sql("""
                        SELECT l.amount_pence FROM ledger_leg l JOIN ledger_transaction t ON t.id = l.transaction_id
                        WHERE l.account_id = :a AND l.book = 'ACCOUNT' AND t.idempotency_key LIKE 'provider-%'
                        ORDER BY t.id""")
                .param("a", p.accountId()).query(Long.class).list();
    }

    private static List<Long> shares(JsonNode group) {
        return StreamSupport.stream(group.get("members").spliterator(), false)
                .filter(m -> !"LEFT".equals(m.get("status").asString()))
                .map(m -> m.get("sharePence").asLong()).toList();
    }

    private HttpResponse<String> delete(Person p, String path, String key) {
        return delete(p.user(), p.password(), path, key);
    }

    private HttpResponse<String> delete(String user, String password, String path, String key) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).DELETE()
                    .header("Authorization", Http.basic(user, password)).header("Accept", "application/json");
            if (key != null) {
                request.header("Idempotency-Key", key);
            }
            return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
