package org.dphub.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.EnumSet;
import java.util.UUID;
import org.dphub.shared.Role;
import org.dphub.support.Http;
import org.dphub.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Someone joins the council: an administrator adds them with a temporary password, and changes their roles
 * when their work changes. Someone leaves: an administrator switches their account off. They are signed out
 * at once, cannot sign in with their password or use their API key, and what they did stays; switched on
 * again, they can. An administrator cannot switch off their own account or take away their own administrator
 * role; another council's administrator and other staff are refused, with nothing changed.
 */
@IntegrationTest
class StaffAccountsIT {

    static final String ADMIN = "admin@demo-england";
    static final String PASSWORD = Http.DEMO_PASSWORD;

    @LocalServerPort
    int port;
    @Autowired
    UserAccounts accounts;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    org.dphub.people.Citizens citizens;
    @Autowired
    StaffAccounts staffAccounts;
    @Autowired
    org.dphub.councils.Councils councils;
    @Autowired
    org.dphub.people.DpContacts dpContacts;

    Http http;

    @BeforeEach
    void setUp() {
        http = new Http(port);
    }

    long council() {
        return jdbc.sql("SELECT id FROM council WHERE code = 'demo-england'").query(Long.class).single();
    }

    boolean enabled(long userId) {
        return jdbc.sql("SELECT enabled FROM app_user WHERE id = :id").param("id", userId).query(Boolean.class).single();
    }

    void waitUntilSignedOut(String session) {
        long until = System.currentTimeMillis() + 15_000;
        while (http.get("/home", "Cookie", session).statusCode() == 200 && System.currentTimeMillis() < until) {
            java.util.concurrent.locks.LockSupport.parkNanos(100_000_000);
        }
    }

    @Test
    void aLeaversAccountIsSwitchedOffEverywhereAtOnceAndOnAgain() {
        String username = "leaver" + UUID.randomUUID() + "@demo-england.example";
        long leaver = accounts.create(new NewUserAccount(username, PASSWORD, "Lowri Leaver", council(), EnumSet.of(Role.PRACTITIONER), "en"));
        String theirSession = http.signIn(username, PASSWORD);
        HttpResponse<String> made = http.postJsonAs(username, PASSWORD, "/api/v1/api-keys", "{\"name\": \"case system\"}");
        assertThat(made.statusCode()).as(made.body()).isEqualTo(201);
        String key = made.body().replaceAll("(?s).*\"key\":\"([^\"]+)\".*", "$1");
        assertThat(http.get("/api/v1/me", "Authorization", "Bearer " + key).statusCode()).isEqualTo(200);

        String admin = http.signIn(ADMIN, PASSWORD);
        HttpResponse<String> list = http.get("/council/staff", "Cookie", admin);
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(list.body()).contains("Lowri Leaver").contains("/council/staff/" + leaver + "/switch-off");
        HttpResponse<String> confirm = http.get("/council/staff/" + leaver + "/switch-off", "Cookie", admin);
        assertThat(confirm.body()).contains("Switch off Lowri Leaver&#39;s account").contains("their API keys stop working");
        HttpResponse<String> done = http.postForm("/council/staff/" + leaver + "/switch-off",
                "_csrf=" + Http.encode(Http.csrfToken(confirm.body())), "Cookie", admin);
        assertThat(done.statusCode()).isEqualTo(302);
        assertThat(http.get(done.headers().firstValue("Location").orElseThrow().replaceFirst("^https?://[^/]+", ""), "Cookie", admin).body())
                .contains("Lowri Leaver&#39;s account is switched off");

        assertThat(enabled(leaver)).isFalse();
        waitUntilSignedOut(theirSession);
        HttpResponse<String> after = http.get("/home", "Cookie", theirSession);
        assertThat(after.statusCode()).as("signed out at once").isEqualTo(302);
        assertThat(http.getAs(username, PASSWORD, "/api/v1/me").statusCode()).as("no password").isEqualTo(401);
        assertThat(http.get("/api/v1/me", "Authorization", "Bearer " + key).statusCode()).as("no API key").isEqualTo(401);
        assertThat(jdbc.sql("""
                        SELECT count(*) FROM audit_event WHERE entity_type = 'user' AND entity_id = :id AND actor = :actor
                          AND after_state->>'event' = 'SWITCHED_OFF'""")
                .param("id", Long.toString(leaver)).param("actor", ADMIN).query(Long.class).single()).isEqualTo(1);
        assertThat(http.get("/council/audit-trail", "Cookie", admin).body()).contains("switched off the account of Lowri Leaver");

        // on again: they sign in as before
        HttpResponse<String> on = http.postJsonAs(ADMIN, PASSWORD, "/api/v1/council/staff/" + leaver + "/switch-on", "");
        assertThat(on.statusCode()).as(on.body()).isEqualTo(200);
        assertThat(on.body()).contains("\"enabled\":true");
        assertThat(http.getAs(username, PASSWORD, "/api/v1/me").statusCode()).isEqualTo(200);
    }

    @Test
    void nobodySwitchesOffTheirOwnAccountOrAnotherCouncilsStaff() {
        long admin = accounts.findByUsername(ADMIN).orElseThrow().userId();
        HttpResponse<String> self = http.postJsonAs(ADMIN, PASSWORD, "/api/v1/council/staff/" + admin + "/switch-off", "");
        assertThat(self.statusCode()).as("so the council always keeps an administrator who can sign in").isEqualTo(409);
        assertThat(self.body()).contains("your own account");
        String page = http.signIn(ADMIN, PASSWORD);
        assertThat(http.get("/council/staff", "Cookie", page).body()).as("no link to switch off oneself")
                .doesNotContain("/council/staff/" + admin + "/switch-off");
        HttpResponse<String> confirm = http.get("/council/staff/" + admin + "/switch-off", "Cookie", page);
        HttpResponse<String> refused = http.postForm("/council/staff/" + admin + "/switch-off",
                "_csrf=" + Http.encode(Http.csrfToken(confirm.body())), "Cookie", page);
        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(refused.body()).contains("govuk-error-summary").contains("You cannot switch off your own account");
        assertThat(enabled(admin)).isTrue();

        long practitioner = accounts.findByUsername("practitioner@demo-england").orElseThrow().userId();
        assertThat(http.postJsonAs("admin@demo-wales", PASSWORD, "/api/v1/council/staff/" + practitioner + "/switch-off", "").statusCode())
                .as("another council's administrator").isEqualTo(404);
        assertThat(http.get("/council/staff/" + practitioner + "/switch-off", "Cookie", http.signIn("admin@demo-wales", PASSWORD))
                .statusCode()).isEqualTo(404);
        assertThat(http.postJsonAs("dp-team@demo-england", PASSWORD, "/api/v1/council/staff/" + practitioner + "/switch-off", "")
                .statusCode()).as("staff who are not administrators").isEqualTo(403);
        // an account that is also their own (here a PA's): the page says switching it off stops that too
        String both = "both" + UUID.randomUUID() + "@demo-england.example";
        long bothId = accounts.create(new NewUserAccount(both, PASSWORD, "Bryn Both", council(),
                EnumSet.of(Role.PRACTITIONER, Role.PERSONAL_ASSISTANT), "en"));
        assertThat(http.get("/council/staff/" + bothId + "/switch-off", "Cookie", page).body())
                .contains("They also use this account for themself");
        assertThat(http.get("/council/staff/" + practitioner + "/switch-off", "Cookie", page).body())
                .doesNotContain("They also use this account for themself");

        long citizen = accounts.findByUsername("citizen@demo-england").orElseThrow().userId();
        assertThat(http.postJsonAs(ADMIN, PASSWORD, "/api/v1/council/staff/" + citizen + "/switch-off", "").statusCode())
                .as("not staff: not the administrator's to switch off").isEqualTo(404);
        assertThat(enabled(practitioner)).isTrue();
        assertThat(enabled(citizen)).isTrue();
    }

    @Test
    void aPersonWhoseNamedContactLeftIsNotToldToAskThemAndTheTeamSeesThemWithoutAContact() {
        String username = "contact" + UUID.randomUUID() + "@demo-england.example";
        long contact = accounts.create(new NewUserAccount(username, PASSWORD, "Carys Contact", council(), EnumSet.of(Role.DP_TEAM), "en"));
        HttpResponse<String> person = http.postJsonAs("practitioner@demo-england", PASSWORD, "/api/v1/citizens", """
                {"givenName": "Glyn", "familyName": "Parry", "dateOfBirth": "1952-09-30", "postcode": "SY3 8XX", "preferredLanguage": "en"}""");
        long citizenId = Long.parseLong(person.body().replaceAll("(?s).*\"id\":(\\d+).*", "$1"));
        HttpResponse<String> set = http.putJsonAs("dp-team@demo-england", PASSWORD, "/api/v1/citizens/" + citizenId + "/dp-contact",
                "{\"userId\": " + contact + "}");
        assertThat(set.statusCode()).as(set.body()).isEqualTo(200);
        assertThat(http.getAs("practitioner@demo-england", PASSWORD, "/api/v1/citizens/" + citizenId).body()).contains("Carys Contact");

        assertThat(http.postJsonAs(ADMIN, PASSWORD, "/api/v1/council/staff/" + contact + "/switch-off", "").statusCode()).isEqualTo(200);
        assertThat(http.getAs("practitioner@demo-england", PASSWORD, "/api/v1/citizens/" + citizenId).body())
                .as("a leaver is nobody's contact: the team is").doesNotContain("Carys Contact").doesNotContain("dpContact");
        assertThat(http.get("/citizens/" + citizenId, "Cookie", http.signIn("dp-team@demo-england", PASSWORD)).body())
                .as("the team sees the person has no contact now, to choose another (her name stays in the history)")
                .contains("id=\"dp-contact-none\"");
        assertThat(dpContacts.withoutContact(accounts.findByUsername("dp-team@demo-england").orElseThrow(), java.util.List.of(citizenId)))
                .as("the caseload's list of people without a contact has them").extracting(org.dphub.people.Citizen::id).containsExactly(citizenId);

        // the person asks for help: it goes to the team, not to the leaver
        org.dphub.people.OnlineAccount glyn = citizens.giveOnlineAccount(accounts.findByUsername("practitioner@demo-england").orElseThrow(),
                citizenId, "glyn" + UUID.randomUUID() + "@example.com");
        String glynPassword = http.choosesOwnPassword(glyn.username(), glyn.temporaryPassword());
        HttpResponse<String> asked = http.postJsonAs(glyn.username(), glynPassword, "/api/v1/help-requests",
                "{\"citizenId\": " + citizenId + ", \"kind\": \"OTHER\", \"text\": \"Who do I ring now?\"}");
        assertThat(asked.statusCode()).as(asked.body()).isEqualTo(201);
        long request = Long.parseLong(asked.body().replaceAll("(?s).*\"id\":(\\d+).*", "$1"));
        assertThat(jdbc.sql("SELECT assigned_to IS NULL FROM help_request WHERE id = :id").param("id", request)
                .query(Boolean.class).single()).as("not assigned to the leaver: the team's queue").isTrue();
    }

    long users(String username) {
        return jdbc.sql("SELECT count(*) FROM app_user WHERE username = lower(:u)").param("u", username).query(Long.class).single();
    }

    java.util.List<String> roles(long userId) {
        return jdbc.sql("SELECT role FROM app_user_role WHERE user_id = :id ORDER BY role").param("id", userId).query(String.class).list();
    }

    @Test
    void anAdministratorAddsSomeoneWhoJoinsAndChangesTheirRolesWhenTheirWorkChanges() {
        String admin = http.signIn(ADMIN, PASSWORD);
        HttpResponse<String> list = http.get("/council/staff", "Cookie", admin);
        assertThat(list.body()).contains("href=\"/council/staff/new\"");
        HttpResponse<String> form = http.get("/council/staff/new", "Cookie", admin);
        assertThat(form.statusCode()).isEqualTo(200);
        assertThat(form.body()).contains("Work email address").contains("Team manager: approves spending");
        String csrf = "_csrf=" + Http.encode(Http.csrfToken(form.body()));

        // bad input: each field says what to fix, and nothing is made
        String email = "nia" + UUID.randomUUID() + "@demo-england.example";
        HttpResponse<String> bad = http.postForm("/council/staff/new", csrf + "&displayName=" + Http.encode("<script>alert(1)</script>")
                + "&email=not-an-email&workPhone=call+me&roles=NATIONAL_ANALYST", "Cookie", admin);
        assertThat(bad.statusCode()).isEqualTo(200);
        assertThat(bad.body()).contains("govuk-error-summary").contains("Enter a work email address in the correct format")
                .contains("Enter a phone number").contains("Choose roles from the list").doesNotContain("<script>alert(1)</script>");
        HttpResponse<String> noRoles = http.postForm("/council/staff/new", csrf + "&displayName=Nia+Newydd&email=" + Http.encode(email),
                "Cookie", admin);
        assertThat(noRoles.body()).contains("Choose at least one role").contains("value=\"Nia Newydd\"");
        assertThat(users(email)).isZero();

        // added: the temporary password is shown once; they choose their own at the first sign-in
        HttpResponse<String> added = http.postForm("/council/staff/new", csrf + "&displayName=Nia+Newydd&email=" + Http.encode(email.toUpperCase())
                + "&workPhone=" + Http.encode("01632 960 777") + "&roles=DP_TEAM", "Cookie", admin);
        assertThat(added.statusCode()).as(added.body()).isEqualTo(200);
        assertThat(added.body()).contains("Nia Newydd&#39;s account is made").contains(email).contains("This is the only time")
                .doesNotContain("one-time-codes-next");
        String temporary = added.body().replaceAll("(?s).*id=\"temporary-password\"[^>]*>([^<]+)<.*", "$1");
        long nia = accounts.findByUsername(email).orElseThrow().userId();
        assertThat(roles(nia)).containsExactly("DP_TEAM");
        assertThat(accounts.member(nia).orElseThrow().workPhone()).isEqualTo("01632 960 777");
        assertThat(accounts.member(nia).orElseThrow().workEmail()).isEqualTo(email);
        String niaPassword = http.choosesOwnPassword(email, temporary);
        String niaSession = http.signIn(email, niaPassword);
        assertThat(http.get("/home", "Cookie", niaSession).statusCode()).isEqualTo(200);
        assertThat(http.get("/council/audit-trail", "Cookie", admin).body()).contains("Nia Newydd");

        // the same email again is refused, nothing made
        HttpResponse<String> again = http.postForm("/council/staff/new", csrf + "&displayName=Nia+Arall&email=" + Http.encode(email)
                + "&roles=PRACTITIONER", "Cookie", admin);
        assertThat(again.body()).contains("An account with this email address already exists");
        assertThat(users(email)).isEqualTo(1);

        // she is a person's named contact; then she moves out of the DP team: she is no one's contact, and is signed out
        HttpResponse<String> person = http.postJsonAs("practitioner@demo-england", PASSWORD, "/api/v1/citizens", """
                {"givenName": "Wil", "familyName": "Hughes", "dateOfBirth": "1949-02-11", "postcode": "SY3 8XX", "preferredLanguage": "en"}""");
        long citizenId = Long.parseLong(person.body().replaceAll("(?s).*\"id\":(\\d+).*", "$1"));
        assertThat(http.putJsonAs("dp-team@demo-england", PASSWORD, "/api/v1/citizens/" + citizenId + "/dp-contact",
                "{\"userId\": " + nia + "}").statusCode()).isEqualTo(200);
        assertThat(dpContacts.contactUserId(council(), citizenId)).contains(nia);
        assertThat(dpContacts.withoutContact(accounts.findByUsername("dp-team@demo-england").orElseThrow(), java.util.List.of(citizenId)))
                .isEmpty();
        HttpResponse<String> rolesForm = http.get("/council/staff/" + nia + "/roles", "Cookie", admin);
        assertThat(rolesForm.body()).contains("Change Nia Newydd&#39;s roles").contains("they are signed out");
        HttpResponse<String> none = http.postForm("/council/staff/" + nia + "/roles", csrf, "Cookie", admin);
        assertThat(none.body()).contains("Choose at least one role");
        assertThat(roles(nia)).containsExactly("DP_TEAM");
        HttpResponse<String> changed = http.postForm("/council/staff/" + nia + "/roles", csrf + "&roles=PRACTITIONER&roles=BUDGET_HOLDER",
                "Cookie", admin);
        assertThat(changed.statusCode()).isEqualTo(302);
        assertThat(http.get(changed.headers().firstValue("Location").orElseThrow().replaceFirst("^https?://[^/]+", ""), "Cookie", admin).body())
                .contains("Nia Newydd&#39;s roles are changed");
        assertThat(roles(nia)).containsExactly("BUDGET_HOLDER", "PRACTITIONER");
        waitUntilSignedOut(niaSession);
        assertThat(http.get("/home", "Cookie", niaSession).statusCode()).as("signed out: new roles at the next sign-in").isEqualTo(302);
        assertThat(dpContacts.contactUserId(council(), citizenId)).as("no longer in the DP team: the team is the contact").isEmpty();
        var team = accounts.findByUsername("dp-team@demo-england").orElseThrow();
        assertThat(dpContacts.withoutContact(team, java.util.List.of(citizenId))).as("listed as without a contact")
                .extracting(org.dphub.people.Citizen::id).containsExactly(citizenId);
        assertThat(dpContacts.currentOf(team, java.util.List.of(citizenId))).isEmpty();
        assertThat(http.getAs("practitioner@demo-england", PASSWORD, "/api/v1/citizens/" + citizenId).body()).doesNotContain("Nia Newydd");
        assertThat(http.get("/council/audit-trail", "Cookie", admin).body()).contains("budget holder, practitioner");
    }

    @Test
    void theApiAddsAndChangesRolesAndRefusesWhatItShould() {
        String email = "api" + UUID.randomUUID() + "@demo-england.example";
        HttpResponse<String> bad = http.postJsonAs(ADMIN, PASSWORD, "/api/v1/council/staff",
                "{\"displayName\": \"\", \"email\": \"x\", \"roles\": [\"CITIZEN\"]}");
        assertThat(bad.statusCode()).isEqualTo(422);
        assertThat(bad.body()).contains("displayName").contains("email").contains("roles");
        assertThat(users(email)).isZero();
        HttpResponse<String> made = http.postJsonAs(ADMIN, PASSWORD, "/api/v1/council/staff",
                "{\"displayName\": \"Ffion Finance\", \"email\": \"" + email + "\", \"roles\": [\"FINANCE\"]}");
        assertThat(made.statusCode()).as(made.body()).isEqualTo(201);
        assertThat(made.body()).contains("\"roles\":[\"FINANCE\"]").contains("\"temporaryPassword\":\"");
        long ffion = accounts.findByUsername(email).orElseThrow().userId();
        assertThat(http.postJsonAs(ADMIN, PASSWORD, "/api/v1/council/staff",
                "{\"displayName\": \"Ffion Again\", \"email\": \"" + email + "\", \"roles\": [\"FINANCE\"]}").statusCode())
                .isEqualTo(409);

        HttpResponse<String> changed = http.putJsonAs(ADMIN, PASSWORD, "/api/v1/council/staff/" + ffion + "/roles",
                "{\"roles\": [\"FINANCE\", \"BUDGET_HOLDER\"]}");
        assertThat(changed.statusCode()).as(changed.body()).isEqualTo(200);
        assertThat(roles(ffion)).containsExactly("BUDGET_HOLDER", "FINANCE");
        assertThat(http.putJsonAs(ADMIN, PASSWORD, "/api/v1/council/staff/" + ffion + "/roles", "{\"roles\": []}").statusCode())
                .isEqualTo(422);
        assertThat(http.putJsonAs("admin@demo-wales", PASSWORD, "/api/v1/council/staff/" + ffion + "/roles", "{\"roles\": [\"DP_TEAM\"]}")
                .statusCode()).as("another council's administrator").isEqualTo(404);
        assertThat(http.putJsonAs("dp-team@demo-england", PASSWORD, "/api/v1/council/staff/" + ffion + "/roles", "{\"roles\": [\"DP_TEAM\"]}")
                .statusCode()).as("staff who are not administrators").isEqualTo(403);
        assertThat(http.postJsonAs("practitioner@demo-england", PASSWORD, "/api/v1/council/staff",
                "{\"displayName\": \"Not Made\", \"email\": \"not" + email + "\", \"roles\": [\"FINANCE\"]}").statusCode()).isEqualTo(403);
        assertThat(roles(ffion)).containsExactly("BUDGET_HOLDER", "FINANCE");

        // an administrator keeps their own administrator role
        long admin = accounts.findByUsername(ADMIN).orElseThrow().userId();
        HttpResponse<String> self = http.putJsonAs(ADMIN, PASSWORD, "/api/v1/council/staff/" + admin + "/roles", "{\"roles\": [\"PRACTITIONER\"]}");
        assertThat(self.statusCode()).isEqualTo(409);
        assertThat(self.body()).contains("your own administrator role");
        String page = http.signIn(ADMIN, PASSWORD);
        HttpResponse<String> form = http.get("/council/staff/" + admin + "/roles", "Cookie", page);
        assertThat(form.body()).contains("These are your own roles");
        HttpResponse<String> refused = http.postForm("/council/staff/" + admin + "/roles",
                "_csrf=" + Http.encode(Http.csrfToken(form.body())) + "&roles=PRACTITIONER", "Cookie", page);
        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(refused.body()).contains("You cannot take away your own administrator role");
        assertThat(roles(admin)).contains("COUNCIL_ADMIN");
    }

    @Test
    void whereStaffSignInWithTheirCouncilAccountANewMemberHasNoPasswordAndTheirGroupsGiveTheirRoles() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        var council = councils.create("staff-sso-" + suffix, "Staff Sign-on Council", "Cyngor Mewngofnodi Staff",
                org.dphub.councils.Nation.ENGLAND, org.dphub.councils.CouncilSettings.defaults(false));
        String adminName = "admin@staff-sso-" + suffix;
        accounts.create(new NewUserAccount(adminName, PASSWORD, "Sso Admin", council.id(), EnumSet.of(Role.COUNCIL_ADMIN), "en"));
        var admin = accounts.findByUsername(adminName).orElseThrow();
        var sso = councils.setSingleSignOn(council.id(), new org.dphub.councils.SingleSignOn("https://login.staff-sso-" + suffix + ".example",
                "dphub", org.dphub.councils.SingleSignOn.defaultSecretVariable(council.code()), null,
                java.util.List.of(new org.dphub.councils.SingleSignOn.GroupRole("dp-practitioners", Role.PRACTITIONER)))
                .withStaffMustUseCouncilAccount(true), null);
        try {
            StaffAccounts.AddedStaff added = staffAccounts.add(admin, new StaffAccounts.NewStaffMember("Sion Sso",
                    "sion@staff-sso-" + suffix + ".example", null, java.util.Set.of(Role.PRACTITIONER)));
            assertThat(added.councilAccountOnly()).as("no password of theirs would work").isTrue();
            assertThat(added.temporaryPassword()).isNull();
            long sion = added.account().userId();
            assertThat(jdbc.sql("SELECT must_change_password FROM app_user WHERE id = :id").param("id", sion).query(Boolean.class).single())
                    .isFalse();
            // once they have signed in with their council account, their groups give their roles: not changed here
            jdbc.sql("INSERT INTO app_user_council_account (issuer, subject, user_id, council_id) VALUES (:i, 'sion', :u, :c)")
                    .param("i", sso.settings().issuer()).param("u", sion).param("c", council.id()).update();
            assertThat(staffAccounts.rolesFromCouncilAccount(admin, staffAccounts.member(admin, sion))).isTrue();
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> staffAccounts.changeRoles(admin, sion, java.util.Set.of(Role.FINANCE)))
                    .isInstanceOf(org.dphub.web.Conflict.class).hasMessageContaining("council account");
            assertThat(roles(sion)).containsExactly("PRACTITIONER");
        } finally {
            councils.removeSingleSignOn(council.id(), councils.singleSignOn(council.id()).orElseThrow().version());
        }
    }

    @Test
    void anAdministratorCorrectsAMembersNameAndWorkContactAndPeopleSeeIt() {
        String username = "rhian" + UUID.randomUUID() + "@demo-england.example";
        long rhian = accounts.create(new NewUserAccount(username, PASSWORD, "Rhian Jones", council(), EnumSet.of(Role.DP_TEAM), "en"));
        HttpResponse<String> person = http.postJsonAs("practitioner@demo-england", PASSWORD, "/api/v1/citizens", """
                {"givenName": "Elwyn", "familyName": "Price", "dateOfBirth": "1947-06-21", "postcode": "SY3 8XX", "preferredLanguage": "en"}""");
        long citizenId = Long.parseLong(person.body().replaceAll("(?s).*\"id\":(\\d+).*", "$1"));
        assertThat(http.putJsonAs("dp-team@demo-england", PASSWORD, "/api/v1/citizens/" + citizenId + "/dp-contact",
                "{\"userId\": " + rhian + "}").statusCode()).isEqualTo(200);

        String admin = http.signIn(ADMIN, PASSWORD);
        String path = "/council/staff/" + rhian + "/details";
        assertThat(http.get("/council/staff", "Cookie", admin).body()).contains("href=\"" + path + "\"");
        HttpResponse<String> form = http.get(path, "Cookie", admin);
        assertThat(form.body()).contains("Change Rhian Jones&#39;s details").contains("They still sign in with " + username);
        String csrf = "_csrf=" + Http.encode(Http.csrfToken(form.body()));
        HttpResponse<String> bad = http.postForm(path, csrf + "&displayName=&workPhone=call+me&workEmail=nowhere", "Cookie", admin);
        assertThat(bad.statusCode()).isEqualTo(200);
        assertThat(bad.body()).contains("govuk-error-summary").contains("Enter a phone number").contains("Enter a work email address");
        assertThat(accounts.member(rhian).orElseThrow().displayName()).isEqualTo("Rhian Jones");

        HttpResponse<String> done = http.postForm(path, csrf + "&displayName=" + Http.encode("Rhian Evans") + "&workPhone="
                + Http.encode("01632 960 555") + "&workEmail=" + Http.encode("Rhian.Evans@demo-england.example"), "Cookie", admin);
        assertThat(done.statusCode()).isEqualTo(302);
        assertThat(http.get(done.headers().firstValue("Location").orElseThrow().replaceFirst("^https?://[^/]+", ""), "Cookie", admin).body())
                .contains("Rhian Evans&#39;s details are saved");
        StaffMember after = accounts.member(rhian).orElseThrow();
        assertThat(after.displayName()).isEqualTo("Rhian Evans");
        assertThat(after.workPhone()).isEqualTo("01632 960 555");
        assertThat(after.workEmail()).isEqualTo("rhian.evans@demo-england.example");
        assertThat(accounts.findByUsername(username)).as("she still signs in as before").isPresent();
        assertThat(http.getAs("practitioner@demo-england", PASSWORD, "/api/v1/citizens/" + citizenId).body())
                .as("the person's named contact, as they see it").contains("Rhian Evans").contains("01632 960 555");
        assertThat(http.get("/council/audit-trail", "Cookie", admin).body())
                .contains("corrected the details of Rhian Evans: name, work phone number, work email address");

        // the API: blank phone and email, so people see the team's; refusals change nothing
        HttpResponse<String> api = http.putJsonAs(ADMIN, PASSWORD, "/api/v1/council/staff/" + rhian,
                "{\"displayName\": \"Rhian Evans\", \"workPhone\": \"\", \"workEmail\": null}");
        assertThat(api.statusCode()).as(api.body()).isEqualTo(200);
        assertThat(accounts.member(rhian).orElseThrow().workPhone()).isNull();
        assertThat(http.putJsonAs(ADMIN, PASSWORD, "/api/v1/council/staff/" + rhian, "{\"displayName\": \"<b>x</b>\"}").statusCode())
                .isEqualTo(422);
        assertThat(http.putJsonAs("admin@demo-wales", PASSWORD, "/api/v1/council/staff/" + rhian, "{\"displayName\": \"Someone\"}")
                .statusCode()).as("another council's administrator").isEqualTo(404);
        assertThat(http.putJsonAs("dp-team@demo-england", PASSWORD, "/api/v1/council/staff/" + rhian, "{\"displayName\": \"Someone\"}")
                .statusCode()).as("staff who are not administrators").isEqualTo(403);
        assertThat(accounts.member(rhian).orElseThrow().displayName()).isEqualTo("Rhian Evans");
    }
}
