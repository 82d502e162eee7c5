package org.dphub.directory;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.dphub.identity.UserAccounts;
import org.dphub.letters.LetterKind;
import org.dphub.letters.Letters;
import org.dphub.payments.Ledger;
import org.dphub.payments.Posting;
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

/**
 * The letters the directory writes, through the real API: a person a provider asks for payment,
 * and each member of a group purchase when invited, when it is confirmed, when they leave and when
 * someone else leaves — each written once however often the request is repeated, in the person's
 * language, with their own share, dates and refund, and never naming another member.
 */
@IntegrationTest
class DirectoryLettersIT {

    static final String P = Http.DEMO_PASSWORD;
    static final String PROVIDER = "provider@demo-england";
    static final String ENGLAND = "practitioner@demo-england";
    static final String WALES = "practitioner@demo-wales";
    static final DateTimeFormatter EN = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);
    static final DateTimeFormatter CY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.forLanguageTag("cy"));

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
    @Autowired
    Letters letters;

    Http http;
    MoneyApi money;
    LocalDate today;

    /** A person, their online account's username, and the password they chose for it (the API takes no temporary one). */
    record Person(long citizenId, long accountId, String user, String password) {
    }

    record Written(String language, String subject, String body) {
    }

    @BeforeEach
    void setUp() {
        http = new Http(port);
        money = new MoneyApi(http);
        today = LocalDate.now(ZoneId.of("Europe/London"));
    }

    @Test
    void aPersonAProviderAsksForPaymentGetsOneLetterInTheirLanguage() {
        UUID service = providersService();
        Person ann = person(ENGLAND, "Annwen", "en");
        Person bet = person(ENGLAND, "Betsan", "cy");
        long annRequest = MoneyApi.ok(http.postJsonAs(PROVIDER, P, "/api/v1/payment-requests", """
                {"citizenId": %d, "serviceId": "%s", "amountPence": 1250, "description": "Lunch club: 2 Tuesdays",
                 "reference": "INV-4471", "dates": ["%s"]}""".formatted(ann.citizenId(), service, today.minusDays(3))), 201)
                .get("id").asLong();
        MoneyApi.ok(http.postJsonAs(PROVIDER, P, "/api/v1/payment-requests", """
                {"citizenId": %d, "serviceId": "%s", "amountPence": 1250, "description": "Clwb cinio: 2 ddydd Mawrth",
                 "reference": "INV-4472", "dates": ["%s"]}""".formatted(bet.citizenId(), service, today.minusDays(3))), 201);

        List<Written> toAnn = letters(ann, LetterKind.PAYMENT_REQUESTED);
        assertThat(toAnn).hasSize(1);
        assertThat(toAnn.get(0).language()).isEqualTo("en");
        assertThat(toAnn.get(0).subject()).isEqualTo("Riverside Community Support has asked to be paid from your direct payment");
        assertThat(toAnn.get(0).body()).startsWith("Dear Annwen,").contains("Lunch club: 2 Tuesdays", "£12.50", "INV-4471",
                "Nothing is paid until you say yes", "Your money", "agree to pay it, or ask Riverside Community Support a question");
        List<Written> toBet = letters(bet, LetterKind.PAYMENT_REQUESTED);
        assertThat(toBet).hasSize(1);
        assertThat(toBet.get(0).language()).isEqualTo("cy");
        assertThat(toBet.get(0).body()).startsWith("Annwyl Betsan,").contains("Clwb cinio: 2 ddydd Mawrth", "£12.50", "INV-4472",
                "Eich arian").doesNotContain("Dear ");

        // asking about it, and the provider changing it, write nothing more; the same letter again is written once
        MoneyApi.ok(http.postJsonAs(ann.user(), ann.password(), "/api/v1/payment-requests/" + annRequest + "/query",
                "{\"message\": \"Was it two Tuesdays?\"}"), 200);
        MoneyApi.ok(http.putJsonAs(PROVIDER, P, "/api/v1/payment-requests/" + annRequest,
                "{\"amountPence\": 625, \"description\": \"Lunch club: 1 Tuesday\"}"), 200);
        long council = jdbc.sql("SELECT id FROM council WHERE code = 'demo-england'").query(Long.class).single();
        assertThat(letters.sendOnce(council, ann.citizenId(), LetterKind.PAYMENT_REQUESTED, Map.of(),
                "payment-request:" + annRequest + ":sent")).isEmpty();
        assertThat(letters(ann, LetterKind.PAYMENT_REQUESTED)).hasSize(1);
    }

    @Test
    void groupMembersAreToldWhenInvitedConfirmedAndWhenSomeoneLeaves_onceEach() {
        UUID service = groupService();
        Person alys = person(ENGLAND, "Alys", "en");
        Person bryn = person(ENGLAND, "Bryn", "cy");
        Person carys = person(WALES, "Carys", "en");
        List<LocalDate> sessions = List.of(today.plusDays(7), today.plusDays(14), today.plusDays(21));
        String group = "/api/v1/group-purchases/" + MoneyApi.ok(http.postJsonAs(ENGLAND, P, "/api/v1/group-purchases", """
                {"title": "Tuesday chair yoga", "serviceId": "%s", "sessions": ["%s", "%s", "%s"], "totalPence": 10000,
                 "split": "EQUAL", "maxMembers": 3}""".formatted(service, sessions.get(0), sessions.get(1), sessions.get(2))), 201)
                .get("id").asString();
        long a = MoneyApi.ok(http.postJsonAs(ENGLAND, P, group + "/members", "{\"citizenId\": " + alys.citizenId() + "}"), 201)
                .get("memberId").asLong();
        long b = MoneyApi.ok(http.postJsonAs(ENGLAND, P, group + "/members", "{\"citizenId\": " + bryn.citizenId() + "}"), 201)
                .get("memberId").asLong();
        // Carys asks to join herself: nobody invited her, so no invitation
        long c = MoneyApi.ok(http.postJsonAs(carys.user(), carys.password(), group + "/members",
                "{\"citizenId\": " + carys.citizenId() + "}"), 201).get("memberId").asLong();

        List<Written> invited = letters(alys, LetterKind.GROUP_INVITED);
        assertThat(invited).hasSize(1);
        assertThat(invited.get(0).subject()).isEqualTo("You are invited to buy Tuesday chair yoga together");
        assertThat(invited.get(0).body()).contains("Sessions: 3, from " + EN.format(sessions.get(0)) + " to " + EN.format(sessions.get(2)),
                "Your share: £100.00", "Nothing is paid until every member says yes", "ask you to agree again");
        assertThat(letters(bryn, LetterKind.GROUP_INVITED)).singleElement().satisfies(w -> {
            assertThat(w.language()).isEqualTo("cy");
            assertThat(w.body()).startsWith("Annwyl Bryn,").contains("Sesiynau: 3, o " + CY.format(sessions.get(0)));
        });
        assertThat(letters(carys, LetterKind.GROUP_INVITED)).isEmpty();

        for (Person p : List.of(alys, bryn, carys)) {
            long member = p == alys ? a : p == bryn ? b : c;
            MoneyApi.ok(http.postJsonAs(p.user(), p.password(), group + "/members/" + member + "/consent", "{}"), 200);
        }
        MoneyApi.ok(http.postJsonAs(ENGLAND, P, group + "/confirmation", "{}", "Idempotency-Key", "letters-confirm-1"), 200);
        MoneyApi.ok(http.postJsonAs(ENGLAND, P, group + "/confirmation", "{}", "Idempotency-Key", "letters-confirm-1"), 200);
        MoneyApi.ok(http.postJsonAs(ENGLAND, P, group + "/confirmation", "{}"), 200);
        assertThat(letters(alys, LetterKind.GROUP_CONFIRMED)).as("once, however often it is confirmed").singleElement()
                .satisfies(w -> assertThat(w.body()).contains("Your share: £33.34", "from " + EN.format(sessions.get(0))
                        + " to " + EN.format(sessions.get(2)), "we pay Sunny Days Yoga once for the whole group"));
        assertThat(letters(bryn, LetterKind.GROUP_CONFIRMED)).singleElement()
                .satisfies(w -> assertThat(w.body()).contains("Eich cyfran: £33.33", CY.format(sessions.get(2))));
        assertThat(letters(carys, LetterKind.GROUP_CONFIRMED)).singleElement()
                .satisfies(w -> assertThat(w.body()).contains("Your share: £33.33"));

        // time passes: two sessions are held; Bryn leaves (and the same request comes again)
        UUID groupId = UUID.fromString(group.substring(group.lastIndexOf('/') + 1));
        jdbc.sql("UPDATE directory_group_session SET held_on = held_on - 14 WHERE group_purchase_id = :g").param("g", groupId).update();
        jdbc.sql("UPDATE directory_group_member SET first_session = first_session - 14 WHERE group_purchase_id = :g")
                .param("g", groupId).update();
        assertThat(MoneyApi.ok(delete(bryn, group + "/members/" + b, "letters-leave-1"), 200).get("refundPence").asLong())
                .isEqualTo(1_111);
        MoneyApi.ok(delete(bryn, group + "/members/" + b, "letters-leave-1"), 200);

        assertThat(letters(bryn, LetterKind.GROUP_LEFT)).singleElement().satisfies(w -> {
            assertThat(w.language()).isEqualTo("cy");
            assertThat(w.body()).contains("£11.11", "Sesiynau heb eu cynnal eto: 1", "Nid yw cyfran neb arall yn newid");
        });
        assertThat(letters(bryn, LetterKind.GROUP_MEMBER_LEFT)).as("not told that they left themself").isEmpty();
        assertThat(letters(alys, LetterKind.GROUP_LEFT)).isEmpty();
        assertThat(letters(alys, LetterKind.GROUP_MEMBER_LEFT)).singleElement().satisfies(w -> {
            assertThat(w.subject()).isEqualTo("A member has left Tuesday chair yoga");
            assertThat(w.body()).contains("Your share does not change. It stays at £33.34").doesNotContain("Bryn");
        });
        assertThat(letters(carys, LetterKind.GROUP_MEMBER_LEFT)).singleElement()
                .satisfies(w -> assertThat(w.body()).contains("It stays at £33.33"));
        assertThat(jdbc.sql("SELECT count(*) FROM letter WHERE citizen_id IN (:c) AND kind LIKE 'GROUP_%'")
                .param("c", List.of(alys.citizenId(), bryn.citizenId(), carys.citizenId())).query(Long.class).single())
                .as("invited 2, confirmed 3, left 1, someone left 2").isEqualTo(8);
    }

    @Test
    void staffCannotWriteTheseLettersOnTheirOwnButACouncilCanSaveItsOwnWordingForThem() {
        Person dai = person(ENGLAND, "Dai", "en");
        for (String kind : List.of("PAYMENT_REQUESTED", "GROUP_INVITED", "GROUP_CONFIRMED", "GROUP_LEFT", "GROUP_MEMBER_LEFT")) {
            HttpResponse<String> refused = http.postJsonAs("dp-team@demo-england", P, "/api/v1/citizens/" + dai.citizenId() + "/letters",
                    "{\"kind\": \"" + kind + "\", \"values\": {\"refund\": \"£100.00\"}}");
            assertThat(refused.statusCode()).as(kind + ": it would tell of something that did not happen").isEqualTo(422);
            assertThat(refused.body()).contains("\"field\":\"kind\"", kind + " is written only when a provider asks for payment");
        }
        assertThat(letters(dai, LetterKind.GROUP_LEFT)).isEmpty();

        // the council's own wording: checked as any other, and kept (the template table takes the new kinds)
        HttpResponse<String> threat = http.putJsonAs("admin@demo-wales", P, "/api/v1/letter-templates/GROUP_LEFT/en", """
                {"subject": "You left", "body": "Failure to attend is a breach of the group's rules. {refund}"}""");
        assertThat(threat.statusCode()).isEqualTo(422);
        assertThat(threat.body()).contains("failure", "breach");
        MoneyApi.ok(http.putJsonAs("admin@demo-wales", P, "/api/v1/letter-templates/GROUP_LEFT/en", """
                {"subject": "You have left {title}", "body": "Hello {name},\\n\\nYou get {refund} back. Thank you for being part of {title}.\\n\\nThe team at {council}"}"""),
                200);
        assertThat(jdbc.sql("""
                        SELECT count(*) FROM letter_template t JOIN council c ON c.id = t.council_id
                        WHERE c.code = 'demo-wales' AND t.kind = 'GROUP_LEFT' AND t.body LIKE '%Thank you for being part of {title}%'""")
                .query(Long.class).single()).isEqualTo(1);
    }

    private List<Written> letters(Person p, LetterKind kind) {
        return jdbc.sql("SELECT language, subject, body FROM letter WHERE citizen_id = :c AND kind = :k ORDER BY id")
                .param("c", p.citizenId()).param("k", kind.name()).query(Written.class).list();
    }

    /** A published service of the demo provider's own organisation (made by the demo). */
    private UUID providersService() {
        long council = jdbc.sql("SELECT id FROM council WHERE code = 'demo-england'").query(Long.class).single();
        UUID org = jdbc.sql("""
                        SELECT o.id FROM directory_organization o JOIN app_user u ON u.id = o.user_id WHERE u.username = :u""")
                .param("u", PROVIDER).query(UUID.class).single();
        return insertService(org, council, "Lunch club");
    }

    /** A published service of an organisation of this test's own. */
    private UUID groupService() {
        long council = jdbc.sql("SELECT id FROM council WHERE code = 'demo-england'").query(Long.class).single();
        UUID org = UUID.randomUUID();
        jdbc.sql("INSERT INTO directory_organization (id, council_id, name, kind) VALUES (:id, :c, 'Sunny Days Yoga', 'MICRO_ENTERPRISE')")
                .param("id", org).param("c", council).update();
        return insertService(org, council, "Chair yoga");
    }

    private UUID insertService(UUID org, long council, String name) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                        INSERT INTO directory_service (id, organization_id, council_id, name, description, status, delivery, cost_pence,
                            cost_unit, insurance_checked, safeguarding_checked)
                        VALUES (:id, :org, :council, :name, 'Test service', 'PUBLISHED', 'ONLINE', 500, 'SESSION', TRUE, TRUE)""")
                .param("id", id).param("org", org).param("council", council).param("name", name).update();
        return id;
    }

    /** A person with an open account, money on it, an online account, and letters in {@code language}. */
    private Person person(String practitioner, String name, String language) {
        MoneyApi.Active active = money.activeWeekly(practitioner, name, today.minusDays(20), "PREPAID_CARD", 20_000, language);
        long council = jdbc.sql("SELECT council_id FROM dp_account WHERE id = :a").param("a", active.accountId()).query(Long.class).single();
        ledger.post(Posting.funding(council, "letters-it:" + UUID.randomUUID(), active.accountId(), Money.ofPence(50_000),
                today.minusDays(1), "Test money"));
        SignedInUser staff = users.findByUsername(practitioner).orElseThrow();
        OnlineAccount login = citizens.giveOnlineAccount(staff, active.citizenId(), name.toLowerCase(Locale.ROOT) + UUID.randomUUID()
                + "@example.com");
        return new Person(active.citizenId(), active.accountId(), login.username(), http.choosesOwnPassword(login.username(), login.temporaryPassword()));
    }

    private HttpResponse<String> delete(Person p, String path, String key) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).DELETE()
                    .header("Authorization", Http.basic(p.user(), p.password())).header("Accept", "application/json");
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
