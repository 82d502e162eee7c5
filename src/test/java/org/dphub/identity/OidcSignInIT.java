package org.dphub.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.dphub.audit.AuditAction;
import org.dphub.audit.AuditEvent;
import org.dphub.audit.AuditTrail;
import org.dphub.councils.Council;
import org.dphub.councils.CouncilSettings;
import org.dphub.councils.Councils;
import org.dphub.councils.Nation;
import org.dphub.shared.Role;
import org.dphub.shared.SignedInUser;
import org.dphub.support.Http;
import org.dphub.support.IntegrationTest;
import org.dphub.support.TestOidcProvider;
import org.dphub.support.TestOidcProvider.Client;
import org.dphub.support.TestOidcProvider.Person;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Staff single sign-on against a real OpenID Connect provider (issue 17): Spring Authorization
 * Server started here, on its own port, in its own small application; the app's two councils of
 * this test set up through the settings API by their administrators, as a council would; then the
 * whole authorization-code flow over HTTP, as a browser makes it — the app's redirect, the
 * provider's sign-in form, the code back to the app, the token exchange, the ID token checked —
 * and what a person sees at the end.
 */
@IntegrationTest
class OidcSignInIT {

    static final String ADMIN_PASSWORD = "admin-password-2026";
    static final String PRACTITIONERS = "dphub-practitioners";
    static final String FINANCE = "dphub-finance";

    /** The council's provider, and a second one that dphub does not use for it (its codes and tokens must not be taken). */
    static TestOidcProvider provider;
    static TestOidcProvider impostor;
    static Council councilA;
    static Council councilB;
    static String adminA;
    static String adminB;

    @LocalServerPort
    int port;
    @Autowired
    Councils councils;
    @Autowired
    UserAccounts accounts;
    @Autowired
    AuditTrail audit;
    @Autowired
    JdbcClient jdbc;

    Http http;

    @BeforeEach
    void provider() {
        http = new Http(port);
        councilsToTidy = councils;
        if (provider != null) {
            return;
        }
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        councilA = councils.create("sso-a-" + suffix, "Single Sign-on Council A", "Cyngor Mewngofnodi Sengl A", Nation.ENGLAND,
                CouncilSettings.defaults(false));
        councilB = councils.create("sso-b-" + suffix, "Single Sign-on Council B", "Cyngor Mewngofnodi Sengl B", Nation.WALES,
                CouncilSettings.defaults(true));
        adminA = "admin@" + councilA.code();
        adminB = "admin@" + councilB.code();
        accounts.create(new NewUserAccount(adminA, ADMIN_PASSWORD, "Ada Admin", councilA.id(), Set.of(Role.COUNCIL_ADMIN), "en"));
        accounts.create(new NewUserAccount(adminB, ADMIN_PASSWORD, "Bryn Admin", councilB.id(), Set.of(Role.COUNCIL_ADMIN), "cy"));

        provider = TestOidcProvider.start("PROVIDER1", List.of(
                new Client("dphub-a", "secret-a", callback(councilA)),
                new Client("dphub-b", "secret-b", callback(councilB))));
        // the same client id and redirect address as council A's, at another issuer
        impostor = TestOidcProvider.start("PROVIDER2", List.of(new Client("dphub-a", "secret-a", callback(councilA))));

        // the secrets are in the environment (here, system properties, which Spring's Environment reads as it does variables)
        System.setProperty("DPHUB_OIDC_SECRET_" + councilA.code().toUpperCase().replace('-', '_'), "secret-a");
        System.setProperty("DPHUB_OIDC_SECRET_" + councilB.code().toUpperCase().replace('-', '_'), "secret-b");

        HttpResponse<String> a = http.putJsonAs(adminA, ADMIN_PASSWORD, "/api/v1/council/single-sign-on", """
                {"issuer": "%s", "clientId": "dphub-a",
                 "groupRoles": [{"group": "%s", "role": "PRACTITIONER"}, {"group": "%s", "role": "FINANCE"},
                                {"group": "dphub-managers", "role": "BUDGET_HOLDER"}]}""".formatted(provider.issuer(), PRACTITIONERS, FINANCE));
        assertThat(a.statusCode()).as(a.body()).isEqualTo(200);
        assertThat(a.body()).contains("\"secretPresent\":true").contains("\"groupClaim\":\"groups\"");
        HttpResponse<String> b = http.putJsonAs(adminB, ADMIN_PASSWORD, "/api/v1/council/single-sign-on", """
                {"issuer": "%s", "clientId": "dphub-b", "groupClaim": "groups",
                 "groupRoles": [{"group": "%s", "role": "PRACTITIONER"}]}""".formatted(provider.issuer(), PRACTITIONERS));
        assertThat(b.statusCode()).as(b.body()).isEqualTo(200);
    }

    static Councils councilsToTidy;

    /** The providers stop with the test: their councils stop offering single sign-on too, so no later test meets a provider that is gone. */
    @AfterAll
    static void stopProviders() {
        if (provider != null) {
            for (Council council : List.of(councilA, councilB)) {
                councilsToTidy.singleSignOn(council.id()).ifPresent(v -> councilsToTidy.removeSingleSignOn(council.id(), v.version()));
            }
            provider.close();
            impostor.close();
        }
    }

    String callback(Council council) {
        return "http://localhost:" + port + "/login/oauth2/code/" + council.code();
    }

    static String unique(String name) {
        return name + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    // ---- signing in ----

    @Test
    void aMemberOfMappedGroupsSignsInWithTheirRolesAndANewStaffAccount() {
        String username = unique("alex");
        provider.person(new Person(username, "pw", List.of(PRACTITIONERS, FINANCE, "canteen"), username + "@a.example.gov.uk", "Alex Morgan"));

        Browser browser = new Browser();
        Journey journey = browser.signInWithCouncilAccount(councilA, username, "pw");

        // the app sent the person to the provider with PKCE (the provider refuses clients without it, too)
        assertThat(journey.authorizationRequest()).contains("code_challenge=").contains("code_challenge_method=S256")
                .contains("client_id=dphub-a").contains("scope=openid");
        assertThat(journey.last().uri().getPath()).isEqualTo("/home");
        assertThat(journey.last().statusCode()).isEqualTo(200);
        assertThat(journey.last().body()).contains("Alex Morgan");

        SignedInUser user = accounts.findByUsername(username + "@a.example.gov.uk").orElseThrow();
        assertThat(user.councilId()).isEqualTo(councilA.id());
        assertThat(user.roles()).containsExactlyInAnyOrder(Role.PRACTITIONER, Role.FINANCE);
        assertThat(user.displayName()).isEqualTo("Alex Morgan");
        // what a finance officer may do, and not what only an administrator may
        assertThat(browser.get(app("/payment-runs")).statusCode()).isEqualTo(200);
        assertThat(browser.get(app("/council/settings")).statusCode()).isEqualTo(403);
        assertThat(audit.forEntity("user", user.userId())).extracting(AuditEvent::action).containsExactly(AuditAction.CREATE);
        assertThat(linksOf(user.userId())).isEqualTo(1);

        // an account made by single sign-on gets no dphub password: the groups keep deciding who gets in
        HttpResponse<String> passwordPage = browser.get(app("/account/password"));
        assertThat(passwordPage.body()).contains("You signed in with your council account").doesNotContain("name=\"newPassword\"");
        String hashBefore = passwordHash(user.userId());
        HttpResponse<String> setPassword = browser.postForm(app("/account/password"), Map.of("newPassword", "a-new-password-2026",
                "confirmPassword", "a-new-password-2026", "_csrf", Http.csrfToken(passwordPage.body())));
        assertThat(setPassword.statusCode()).isEqualTo(403);
        assertThat(passwordHash(user.userId())).isEqualTo(hashBefore);
    }

    String passwordHash(long userId) {
        return jdbc.sql("SELECT password_hash FROM app_user WHERE id = :id").param("id", userId).query(String.class).single();
    }

    @Test
    void rolesFollowTheGroupsAtEachSignInAndTheChangeIsAudited() {
        String username = unique("jo");
        Person jo = new Person(username, "pw", List.of(PRACTITIONERS), username + "@a.example.gov.uk", "Jo Evans");
        provider.person(jo);
        new Browser().signInWithCouncilAccount(councilA, username, "pw");
        SignedInUser first = accounts.findByUsername(jo.email()).orElseThrow();
        assertThat(first.roles()).containsExactly(Role.PRACTITIONER);

        // the council's IT team moves Jo to finance
        provider.person(new Person(username, "pw", List.of(FINANCE), jo.email(), "Jo Evans"));
        Journey again = new Browser().signInWithCouncilAccount(councilA, username, "pw");

        assertThat(again.last().uri().getPath()).isEqualTo("/home");
        SignedInUser second = accounts.findByUsername(jo.email()).orElseThrow();
        assertThat(second.userId()).as("the same account, found by issuer and subject").isEqualTo(first.userId());
        assertThat(second.roles()).containsExactly(Role.FINANCE);
        List<AuditEvent> events = audit.forEntity("user", first.userId());
        assertThat(events).extracting(AuditEvent::action).contains(AuditAction.UPDATE);
        AuditEvent change = events.stream().filter(e -> e.action() == AuditAction.UPDATE).findFirst().orElseThrow();
        assertThat(change.valueBefore("roles")).isEqualTo(List.of("PRACTITIONER"));
        assertThat(change.value("roles")).isEqualTo(List.of("FINANCE"));
    }

    @Test
    void anExistingMemberOfStaffIsFoundByEmailTheFirstTimeAndKeepsTheirAccount() {
        String email = unique("carol") + "@a.example.gov.uk";
        long id = accounts.create(new NewUserAccount(email, "carol-password-2026", "Carol Price", councilA.id(),
                EnumSet.of(Role.DP_TEAM), "en"));
        String username = unique("carol-at-provider");
        provider.person(new Person(username, "pw", List.of("dphub-managers"), email, "Carol Price"));

        Journey journey = new Browser().signInWithCouncilAccount(councilA, username, "pw");

        assertThat(journey.last().uri().getPath()).isEqualTo("/home");
        assertThat(accounts.member(id).orElseThrow().roles()).containsExactly(Role.BUDGET_HOLDER);
        assertThat(linksOf(id)).isEqualTo(1);
        assertThat(jdbc.sql("SELECT count(*) FROM app_user WHERE lower(username) = :e OR lower(work_email) = :e")
                .param("e", email).query(Long.class).single()).as("no second account").isEqualTo(1);
        // she may still use her password (staff of a council with single sign-on keep theirs)
        assertThat(http.getAs(email, "carol-password-2026", "/api/v1/me").statusCode()).isEqualTo(200);
    }

    // ---- refusals: each answered with a page that says why, and nothing written ----

    @Test
    void someoneInNoMappedGroupIsRefusedWithThePageAndNothingIsCreated() {
        String username = unique("sam");
        provider.person(new Person(username, "pw", List.of("canteen", "car-park"), username + "@a.example.gov.uk", "Sam Hughes"));
        long usersBefore = users();
        long eventsBefore = auditEvents();

        Journey journey = new Browser().signInWithCouncilAccount(councilA, username, "pw");

        assertThat(journey.last().uri().getPath()).isEqualTo("/sign-in/council-account/refused");
        assertThat(journey.last().statusCode()).isEqualTo(403);
        assertThat(journey.last().body())
                .contains("Your Single Sign-on Council A account is not in a group that can use dphub.")
                .contains("Ask your IT team to add you to one of these groups:")
                .contains(PRACTITIONERS).contains(FINANCE).contains("dphub-managers")
                .doesNotContain("canteen");
        assertThat(users()).isEqualTo(usersBefore);
        assertThat(auditEvents()).isEqualTo(eventsBefore);
        assertThat(accounts.findByUsername(username + "@a.example.gov.uk")).isEmpty();
    }

    @Test
    void someoneWithNoGroupsClaimAtAllIsRefusedToo() {
        String username = unique("nogroups");
        provider.person(new Person(username, "pw", null, username + "@a.example.gov.uk", "Nia Groupless"));
        long usersBefore = users();

        Journey journey = new Browser().signInWithCouncilAccount(councilA, username, "pw");

        assertThat(journey.last().uri().getPath()).isEqualTo("/sign-in/council-account/refused");
        assertThat(journey.last().body()).contains("is not in a group that can use dphub");
        assertThat(users()).isEqualTo(usersBefore);
    }

    @Test
    void anIdTokenNamingAnotherIssuerIsRefused() {
        String username = unique("forger");
        provider.person(new Person(username, "pw", List.of(PRACTITIONERS), username + "@a.example.gov.uk", "Fran Forger"));
        provider.forgeIssuer(username, impostor.issuer());
        long usersBefore = users();
        long eventsBefore = auditEvents();

        Journey journey = new Browser().signInWithCouncilAccount(councilA, username, "pw");

        // Spring Security's check of the ID token: its iss is not the registration's issuer
        assertThat(journey.last().uri().getQuery()).isEqualTo("reason=invalid_id_token");
        assertThat(journey.last().statusCode()).isEqualTo(403);
        assertThat(journey.last().body()).contains("Your council account could not be used");
        assertThat(users()).isEqualTo(usersBefore);
        assertThat(auditEvents()).isEqualTo(eventsBefore);
    }

    @Test
    void aCodeFromAnotherProviderIsNotTakenForTheCouncils() {
        // the impostor knows a person of its own, with the council's groups, and dphub's client id and return address
        String username = unique("mallory");
        impostor.person(new Person(username, "pw", List.of(PRACTITIONERS, FINANCE), username + "@a.example.gov.uk", "Mallory"));
        long usersBefore = users();

        Browser browser = new Browser();
        // the app's own request to the council's provider, whose state it keeps in the session
        HttpResponse<String> toProvider = browser.get(app("/oauth2/authorization/" + councilA.code()));
        String state = query(URI.create(toProvider.headers().firstValue("Location").orElseThrow()), "state");
        // a code the impostor issued, for the same client id and return address, sent back with that state
        String impostorCode = browser.codeFrom(impostor, "dphub-a", callback(councilA), username, "pw");
        Journey journey = browser.follow(URI.create(callback(councilA) + "?code=" + encode(impostorCode) + "&state=" + encode(state)));

        // the council's provider does not know the impostor's code
        assertThat(journey.last().uri().getPath()).isEqualTo("/sign-in/council-account/refused");
        assertThat(journey.last().uri().getQuery()).isEqualTo("reason=invalid_grant");
        assertThat(journey.last().statusCode()).isEqualTo(403);
        assertThat(users()).isEqualTo(usersBefore);
        assertThat(accounts.findByUsername(username + "@a.example.gov.uk")).isEmpty();
    }

    @Test
    void anotherCouncilsMemberOfStaffCannotSignIntoThisCouncil() {
        // Bea works for council B, whose provider is the same service (one identity, two councils' registrations)
        String username = unique("bea");
        provider.person(new Person(username, "pw", List.of(PRACTITIONERS), username + "@b.example.gov.uk", "Bea Jones"));
        Journey atB = new Browser().signInWithCouncilAccount(councilB, username, "pw");
        assertThat(atB.last().uri().getPath()).isEqualTo("/home");
        SignedInUser bea = accounts.findByUsername(username + "@b.example.gov.uk").orElseThrow();
        assertThat(bea.councilId()).isEqualTo(councilB.id());
        long usersBefore = users();

        Journey atA = new Browser().signInWithCouncilAccount(councilA, username, "pw");

        assertThat(atA.last().uri().getPath()).isEqualTo("/sign-in/council-account/refused");
        assertThat(atA.last().body()).contains("This account belongs to another council");
        assertThat(users()).isEqualTo(usersBefore);
        assertThat(accounts.findByUsername(username + "@b.example.gov.uk").orElseThrow().councilId()).isEqualTo(councilB.id());
    }

    @Test
    void theSignInPageOffersCouncilAccountsInEnglishAndWelsh() {
        Browser browser = new Browser();
        assertThat(browser.get(app("/sign-in")).body()).contains("Sign in with your council account");
        HttpResponse<String> choose = browser.get(app("/sign-in/council-account"));
        assertThat(choose.body()).contains("Single Sign-on Council A").contains("/sign-in/council-account/" + councilA.code());
        assertThat(browser.get(app("/sign-in/council-account?lang=cy")).body())
                .contains("Mewngofnodi gyda chyfrif eich cyngor").contains("Cyngor Mewngofnodi Sengl A");
        // a council with no single sign-on: a page that says so, not an error
        HttpResponse<String> none = browser.get(app("/sign-in/council-account/demo-england?lang=en"));
        assertThat(none.statusCode()).isEqualTo(404);
        assertThat(none.body()).contains("This council does not use council accounts for dphub");
    }

    // ---- the settings: bad input refused with a clear message, nothing changed ----

    @Test
    void badSettingsAreRefusedNamingTheFieldAndChangeNothing() {
        String before = http.getAs(adminA, ADMIN_PASSWORD, "/api/v1/council/single-sign-on").body();

        HttpResponse<String> bad = http.putJsonAs(adminA, ADMIN_PASSWORD, "/api/v1/council/single-sign-on", """
                {"issuer": "not a web address", "clientId": "", "clientSecretVariable": "DPHUB_DATABASE_PASSWORD",
                 "groupRoles": [{"group": "x", "role": "WIZARD"}], "version": 0}""");
        assertThat(bad.statusCode()).isEqualTo(422);
        assertThat(bad.body()).contains("\"field\":\"issuer\"").contains("\"field\":\"clientId\"")
                .contains("\"field\":\"clientSecretVariable\"").contains("\"field\":\"groupRoles\"")
                .contains("“WIZARD” is not a staff role");
        HttpResponse<String> empty = http.putJsonAs(adminA, ADMIN_PASSWORD, "/api/v1/council/single-sign-on", """
                {"issuer": "https://login.example.gov.uk", "clientId": "x", "groupRoles": [], "version": 0}""");
        assertThat(empty.statusCode()).isEqualTo(422);
        assertThat(empty.body()).contains("Enter a group for at least one role");
        HttpResponse<String> plainHttp = http.putJsonAs(adminA, ADMIN_PASSWORD, "/api/v1/council/single-sign-on", """
                {"issuer": "http://login.example.gov.uk", "clientId": "x", "groupRoles": [{"group": "x", "role": "FINANCE"}]}""");
        assertThat(plainHttp.statusCode()).isEqualTo(422);
        assertThat(plainHttp.body()).contains("starting https://");
        // a citizen-side role is not a staff role either
        HttpResponse<String> citizen = http.putJsonAs(adminA, ADMIN_PASSWORD, "/api/v1/council/single-sign-on", """
                {"issuer": "https://login.example.gov.uk", "clientId": "x", "groupRoles": [{"group": "x", "role": "CITIZEN"}]}""");
        assertThat(citizen.statusCode()).isEqualTo(422);

        assertThat(http.getAs(adminA, ADMIN_PASSWORD, "/api/v1/council/single-sign-on").body()).isEqualTo(before);
        // and only an administrator reads it
        assertThat(http.getAs("practitioner@demo-england", Http.DEMO_PASSWORD, "/api/v1/council/single-sign-on").statusCode())
                .isEqualTo(403);
    }

    // ---- passwords off for staff once the council's provider is in use ----

    @Test
    void staffPasswordsAreRefusedOnceTheCouncilSaysSoButAdministratorsApiKeysAndOtherCouncilsAreNot() throws Exception {
        String staff = unique("pat") + "@a.example.gov.uk";
        String password = "pat-password-2026";
        long patId = accounts.create(new NewUserAccount(staff, password, "Pat Staff", councilA.id(), Set.of(Role.PRACTITIONER), "en"));
        String atB = unique("bryn") + "@b.example.gov.uk";
        accounts.create(new NewUserAccount(atB, password, "Bryn Staff", councilB.id(), Set.of(Role.PRACTITIONER), "cy"));
        // a key made while Pat could still sign in with a password
        HttpResponse<String> made = http.postJsonAs(staff, password, "/api/v1/api-keys", "{\"name\": \"Scripts\"}");
        assertThat(made.statusCode()).as(made.body()).isEqualTo(201);
        String key = field(made.body(), "key");
        long changesBefore = audit.forEntity("council_single_sign_on", councilA.id()).size();
        // signed in before the change: Pat with the password, and with the council account in another browser; the administrator
        String patSession = http.signIn(staff, password);
        assertThat(http.get("/home", "Cookie", patSession).statusCode()).isEqualTo(200);
        String atProvider = unique("pat-at-provider");
        provider.person(new Person(atProvider, "pw", List.of(PRACTITIONERS), staff, "Pat Staff"));
        Browser viaCouncilAccount = new Browser();
        assertThat(viaCouncilAccount.signInWithCouncilAccount(councilA, atProvider, "pw").last().uri().getPath()).isEqualTo("/home");
        String adminSessionBefore = http.signIn(adminA, ADMIN_PASSWORD);

        HttpResponse<String> on = staffOnlyAtA(true);
        try {
            assertThat(on.statusCode()).as(on.body()).isEqualTo(200);
            // Pat's password session ends at once (after the change is saved); the council account's and the administrator's go on
            long until = System.currentTimeMillis() + 15_000;
            while (http.get("/home", "Cookie", patSession).statusCode() == 200 && System.currentTimeMillis() < until) {
                Thread.sleep(100);
            }
            assertThat(http.get("/home", "Cookie", patSession).statusCode()).as("the password session has ended").isEqualTo(302);
            assertThat(viaCouncilAccount.get(app("/home")).statusCode()).as("the council account's session goes on").isEqualTo(200);
            assertThat(http.get("/home", "Cookie", adminSessionBefore).statusCode()).as("the administrator's goes on").isEqualTo(200);
            assertThat(on.body()).contains("\"staffMustUseCouncilAccount\":true");
            // audited like the other single sign-on changes, before and after
            List<AuditEvent> changes = audit.forEntity("council_single_sign_on", councilA.id());
            assertThat(changes).hasSize((int) changesBefore + 1);
            assertThat(changes).anySatisfy(e -> {
                assertThat(e.action()).isEqualTo(AuditAction.UPDATE);
                assertThat(e.valueBefore("staffMustUseCouncilAccount")).isEqualTo(false);
                assertThat(e.value("staffMustUseCouncilAccount")).isEqualTo(true);
            });

            // HTTP Basic: the right password is refused, saying to use the council account and an API key
            HttpResponse<String> basic = http.getAs(staff, password, "/api/v1/me");
            assertThat(basic.statusCode()).isEqualTo(401);
            assertThat(basic.body()).contains("sign in with their council account");
            // a wrong password gets the usual answer: nothing about the council's rule to anyone without the password
            HttpResponse<String> wrong = http.getAs(staff, "not-the-password", "/api/v1/me");
            assertThat(wrong.statusCode()).isEqualTo(401);
            assertThat(wrong.body()).doesNotContain("council account");

            // the sign-in page: the right password is not a sign-in, and the page sends Pat to the council's provider
            Browser browser = new Browser();
            HttpResponse<String> form = browser.get(app("/sign-in"));
            HttpResponse<String> refused = browser.postForm(app("/sign-in"),
                    Map.of("username", staff, "password", password, "_csrf", Http.csrfToken(form.body())));
            assertThat(refused.headers().firstValue("Location").orElseThrow()).endsWith("/sign-in?council-account=" + councilA.code());
            HttpResponse<String> page = browser.get(app("/sign-in?council-account=" + councilA.code()));
            assertThat(page.body()).contains("Use your council account")
                    .contains("href=\"/sign-in/council-account/" + councilA.code() + "\"")
                    .doesNotContain("Enter a correct username and password");
            assertThat(browser.get(app("/sign-in?council-account=" + councilA.code() + "&lang=cy")).body())
                    .contains("Defnyddiwch gyfrif eich cyngor");
            assertThat(browser.get(app("/home")).statusCode()).as("not signed in").isEqualTo(302);
            // a wrong password on the page: the usual error, no banner
            HttpResponse<String> again = browser.get(app("/sign-in"));
            HttpResponse<String> wrongOnPage = browser.postForm(app("/sign-in"),
                    Map.of("username", staff, "password", "not-the-password", "_csrf", Http.csrfToken(again.body())));
            assertThat(wrongOnPage.headers().firstValue("Location").orElseThrow()).endsWith("/sign-in?error");
            // and the council account itself still signs Pat in (found by email, the same account)
            Journey sso = new Browser().signInWithCouncilAccount(councilA, atProvider, "pw");
            assertThat(sso.last().uri().getPath()).isEqualTo("/home");
            assertThat(linksOf(patId)).isEqualTo(1);

            // the API key Pat made after a real sign-in keeps working
            assertThat(http.get("/api/v1/me", "Authorization", Http.bearer(key), "Accept", "application/json").statusCode())
                    .isEqualTo(200);
            // the administrator keeps password and one-time code (break-glass when the provider is down), page and API
            assertThat(http.getAs(adminA, ADMIN_PASSWORD, "/api/v1/council/single-sign-on").statusCode()).isEqualTo(200);
            String adminSession = http.signIn(adminA, ADMIN_PASSWORD);
            assertThat(http.get("/council/settings/single-sign-on", "Cookie", adminSession).body())
                    .contains("Council administrators can always sign in with their password and one-time code");
            // another council's staff keep their passwords
            assertThat(http.getAs(atB, password, "/api/v1/me").statusCode()).isEqualTo(200);
        } finally {
            staffOnlyAtA(false);
        }
        // turned off again: Pat's password works again, and that change is audited too
        assertThat(http.getAs(staff, password, "/api/v1/me").statusCode()).isEqualTo(200);
        assertThat(audit.forEntity("council_single_sign_on", councilA.id())).hasSize((int) changesBefore + 2);
    }

    @Test
    void staffPasswordsCannotBeTurnedOffWhileNoProviderCanBeUsed() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        Council council = councils.create("sso-c-" + suffix, "Single Sign-on Council C", "Cyngor Mewngofnodi Sengl C", Nation.ENGLAND,
                CouncilSettings.defaults(false));
        String admin = "admin@" + council.code();
        accounts.create(new NewUserAccount(admin, ADMIN_PASSWORD, "Cai Admin", council.id(), Set.of(Role.COUNCIL_ADMIN), "en"));

        // a provider named, but its client secret not on this server: nobody could sign in with it
        HttpResponse<String> refused = http.putJsonAs(admin, ADMIN_PASSWORD, "/api/v1/council/single-sign-on", """
                {"issuer": "%s", "clientId": "dphub-c", "staffMustUseCouncilAccount": true,
                 "groupRoles": [{"group": "%s", "role": "PRACTITIONER"}]}""".formatted(provider.issuer(), PRACTITIONERS));
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).contains("\"field\":\"staffMustUseCouncilAccount\"")
                .contains("once your provider is set up and its client secret is set on this server");
        // no provider at all: refused too, naming the field beside the provider's own
        HttpResponse<String> none = http.putJsonAs(admin, ADMIN_PASSWORD, "/api/v1/council/single-sign-on", """
                {"staffMustUseCouncilAccount": true, "groupRoles": []}""");
        assertThat(none.statusCode()).isEqualTo(422);
        assertThat(none.body()).contains("\"field\":\"staffMustUseCouncilAccount\"").contains("\"field\":\"issuer\"");

        // the page refuses it the same way
        String session = http.signIn(admin, ADMIN_PASSWORD);
        HttpResponse<String> form = http.get("/council/settings/single-sign-on", "Cookie", session);
        HttpResponse<String> onPage = http.postForm("/council/settings/single-sign-on", "issuer=" + encode(provider.issuer())
                + "&clientId=dphub-c&practitionerGroups=" + PRACTITIONERS + "&staffMustUseCouncilAccount=true&version=&_csrf="
                + encode(Http.csrfToken(form.body())), "Cookie", session);
        assertThat(onPage.statusCode()).isEqualTo(200);
        assertThat(onPage.body()).contains("href=\"#staffMustUseCouncilAccount\"")
                .contains("You can only stop staff using passwords once your provider is set up");

        assertThat(http.getAs(admin, ADMIN_PASSWORD, "/api/v1/council/single-sign-on").body()).contains("\"setUp\":false");
        assertThat(councils.singleSignOn(council.id())).isEmpty();
        assertThat(audit.forEntity("council_single_sign_on", council.id())).isEmpty();
    }

    /** Council A's provider as set up above, with staff passwords on or off; the version read first. */
    HttpResponse<String> staffOnlyAtA(boolean on) {
        String current = http.getAs(adminA, ADMIN_PASSWORD, "/api/v1/council/single-sign-on").body();
        return http.putJsonAs(adminA, ADMIN_PASSWORD, "/api/v1/council/single-sign-on", """
                {"issuer": "%s", "clientId": "dphub-a", "staffMustUseCouncilAccount": %s, "version": %s,
                 "groupRoles": [{"group": "%s", "role": "PRACTITIONER"}, {"group": "%s", "role": "FINANCE"},
                                {"group": "dphub-managers", "role": "BUDGET_HOLDER"}]}"""
                .formatted(provider.issuer(), on, field(current, "version"), PRACTITIONERS, FINANCE));
    }

    /** A plain (string or number) field of a small JSON object. */
    static String field(String json, String name) {
        Matcher value = Pattern.compile("\"" + name + "\":\"?([^\",}]*)").matcher(json);
        if (!value.find()) {
            throw new IllegalStateException("No " + name + " in " + json);
        }
        return value.group(1);
    }

    // ---- signing out ----

    @Test
    void signingOutOfACouncilAccountSignsOutAtTheProviderTooAndComesBackToTheStartPage() {
        String username = unique("sian");
        provider.person(new Person(username, "pw", List.of(PRACTITIONERS), username + "@a.example.gov.uk", "Sian Lewis"));
        Browser browser = new Browser();
        Journey signedIn = browser.signInWithCouncilAccount(councilA, username, "pw");
        assertThat(signedIn.last().uri().getPath()).isEqualTo("/home");

        HttpResponse<String> signOut = browser.postForm(app("/sign-out"), Map.of("_csrf", Http.csrfToken(signedIn.last().body())));

        // to the provider's end_session_endpoint (from its discovery document), with the ID token and the way back
        URI toProvider = URI.create(signOut.headers().firstValue("Location").orElseThrow());
        assertThat(toProvider.toString()).startsWith(provider.issuer() + "/connect/logout?");
        assertThat(query(toProvider, "id_token_hint")).isNotBlank();
        assertThat(query(toProvider, "post_logout_redirect_uri")).isEqualTo("http://localhost:" + port + "/?signed-out");
        Journey back = browser.follow(toProvider);
        assertThat(back.last().uri().toString()).isEqualTo("http://localhost:" + port + "/?signed-out");
        assertThat(back.last().statusCode()).isEqualTo(200);
        // signed out of both: dphub asks again, and so does the provider (its form, not straight back in)
        assertThat(browser.get(app("/home")).statusCode()).isEqualTo(302);
        HttpResponse<String> next = browser.follow(app("/sign-in/council-account/" + councilA.code())).last();
        assertThat(next.uri().toString()).startsWith(provider.issuer());
        assertThat(next.body()).contains("name=\"username\"");
    }

    @Test
    void signingOutOfAPasswordSessionGoesStraightToTheStartPage() {
        String session = http.signIn("practitioner@demo-england", Http.DEMO_PASSWORD);
        HttpResponse<String> home = http.get("/home", "Cookie", session);
        HttpResponse<String> signOut = http.postForm("/sign-out", "_csrf=" + encode(Http.csrfToken(home.body())), "Cookie", session);
        assertThat(signOut.statusCode()).isEqualTo(302);
        assertThat(signOut.headers().firstValue("Location").orElseThrow()).endsWith("/?signed-out").doesNotContain("logout");
        assertThat(http.get("/home", "Cookie", session).statusCode()).isEqualTo(302);
    }

    // ---- helpers ----

    long users() {
        return jdbc.sql("SELECT count(*) FROM app_user").query(Long.class).single();
    }

    long auditEvents() {
        return jdbc.sql("SELECT count(*) FROM audit_event").query(Long.class).single();
    }

    long linksOf(long userId) {
        return jdbc.sql("SELECT count(*) FROM app_user_council_account WHERE user_id = :u").param("u", userId).query(Long.class).single();
    }

    URI app(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    static String query(URI uri, String name) {
        for (String pair : uri.getRawQuery().split("&")) {
            int equals = pair.indexOf('=');
            if (pair.substring(0, equals).equals(name)) {
                return java.net.URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
            }
        }
        throw new IllegalStateException("No " + name + " in " + uri);
    }

    /** Every response of a journey, in order; the last is what the person sees. */
    record Journey(List<HttpResponse<String>> steps) {
        HttpResponse<String> last() {
            return steps.get(steps.size() - 1);
        }

        /** The address the app sent the person to at their provider. */
        String authorizationRequest() {
            return steps.stream().map(r -> r.headers().firstValue("Location").orElse(""))
                    .filter(l -> l.contains("/oauth2/authorize")).findFirst().orElseThrow();
        }
    }

    /** A browser: cookies for the app and both providers (each with its own cookie name), redirects followed one by one. */
    final class Browser {
        private final HttpClient client = HttpClient.newBuilder()
                .cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(10))
                .build();

        HttpResponse<String> get(URI uri) {
            return send(HttpRequest.newBuilder(uri).GET());
        }

        HttpResponse<String> postForm(URI uri, Map<String, String> fields) {
            String form = String.join("&", fields.entrySet().stream().map(e -> encode(e.getKey()) + "=" + encode(e.getValue())).toList());
            return send(HttpRequest.newBuilder(uri).header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)));
        }

        /** GETs {@code start} and every redirect after it. */
        Journey follow(URI start) {
            List<HttpResponse<String>> steps = new ArrayList<>();
            steps.add(get(start));
            return followRedirects(steps);
        }

        private Journey followRedirects(List<HttpResponse<String>> steps) {
            for (int i = 0; i < 20; i++) {
                HttpResponse<String> last = steps.get(steps.size() - 1);
                if (last.statusCode() / 100 != 3) {
                    return new Journey(steps);
                }
                steps.add(get(last.uri().resolve(last.headers().firstValue("Location").orElseThrow())));
            }
            throw new IllegalStateException("Too many redirects");
        }

        /** "Sign in with your council account" → the council → the provider's form, filled in → back to the app. */
        Journey signInWithCouncilAccount(Council council, String username, String password) {
            Journey toForm = follow(app("/sign-in/council-account/" + council.code()));
            HttpResponse<String> form = toForm.last();
            assertThat(form.statusCode()).as("the provider's sign-in form").isEqualTo(200);
            assertThat(form.body()).contains("name=\"username\"");
            List<HttpResponse<String>> steps = new ArrayList<>(toForm.steps());
            steps.add(postForm(form.uri(), Map.of("username", username, "password", password, "_csrf", csrf(form.body()))));
            return followRedirects(steps);
        }

        /** Signs in at a provider for a client and returns the code it sends back, without delivering it. */
        String codeFrom(TestOidcProvider at, String clientId, String redirectUri, String username, String password) {
            String verifier = UUID.randomUUID() + "-" + UUID.randomUUID();
            String challenge;
            try {
                challenge = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(
                        java.security.MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
            } catch (java.security.NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
            URI authorize = URI.create(at.issuer() + "/oauth2/authorize?response_type=code&client_id=" + encode(clientId)
                    + "&scope=openid&state=x&redirect_uri=" + encode(redirectUri)
                    + "&code_challenge=" + challenge + "&code_challenge_method=S256");
            HttpResponse<String> form = follow(authorize).last();
            HttpResponse<String> answer = postForm(form.uri(), Map.of("username", username, "password", password, "_csrf", csrf(form.body())));
            for (int i = 0; i < 5 && !answer.headers().firstValue("Location").orElse("").startsWith(redirectUri); i++) {
                answer = get(answer.uri().resolve(answer.headers().firstValue("Location").orElseThrow()));
            }
            return query(URI.create(answer.headers().firstValue("Location").orElseThrow()), "code");
        }

        private HttpResponse<String> send(HttpRequest.Builder request) {
            try {
                return client.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

        String csrf(String html) {
            Matcher token = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"").matcher(html);
            if (!token.find()) {
                throw new IllegalStateException("No CSRF token on the provider's form:\n" + html);
            }
            return token.group(1);
        }
    }
}
