package org.dphub.rights;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import org.dphub.employment.PayFrequency;
import org.dphub.employment.PayPeriod;
import org.dphub.identity.NewUserAccount;
import org.dphub.identity.UserAccounts;
import org.dphub.people.Citizens;
import org.dphub.shared.Role;
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
 * Issue 17, a PA who leaves the register and asks to be forgotten, through the real API: refused
 * (nothing changed) while an employer still employs them and their pay is not yet approved; once the
 * employment has ended, erased by their registering council's administrator: off the register and out
 * of matching, contact details and words gone, unable to sign in, the payslips kept with every figure,
 * the step recorded and audited; another council's staff get 404; the retention job anonymises the
 * kept payroll names only once the years have passed since the last day.
 */
@IntegrationTest
class PaErasureIT {

    static final String P = Http.DEMO_PASSWORD;
    static final String PRACTITIONER = "practitioner@demo-england";
    static final String TEAM = "dp-team@demo-england";

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Citizens citizens;
    @Autowired
    UserAccounts accounts;
    @Autowired
    PersonalDataRights rights;

    Http http;
    MoneyApi money;
    final Random random = new Random();

    @BeforeEach
    void client() {
        http = new Http(port);
        money = new MoneyApi(http);
    }

    String name(String start) {
        StringBuilder s = new StringBuilder(start);
        for (int i = 0; i < 8; i++) {
            s.append((char) ('a' + random.nextInt(26)));
        }
        return s.toString();
    }

    long england() {
        return jdbc.sql("SELECT id FROM council WHERE code = 'demo-england'").query(Long.class).single();
    }

    String text(String sql, Object... params) {
        var spec = jdbc.sql(sql);
        for (Object p : params) {
            spec = spec.param(p);
        }
        return spec.query(String.class).optional().orElse(null);
    }

    long count(String sql, Object... params) {
        return jdbc.sql(sql).params(params).query(Long.class).single();
    }

    /** The PA's rows as they stand: profile, training, cover offer, sign-in, letters, redactions. */
    String snapshot(long profile, long user) {
        return text("SELECT concat_ws(' | ', (SELECT row_to_json(p)::text FROM pa_profile p WHERE id = ?),"
                + " (SELECT count(*) FROM pa_match_candidate WHERE profile_id = ?)::text,"
                + " (SELECT row_to_json(u)::text FROM app_user u WHERE id = ?),"
                + " (SELECT count(*) FROM personal_data_redaction WHERE pa_profile_id = ?)::text,"
                + " (SELECT string_agg(after_state::text, ',' ORDER BY id) FROM audit_event WHERE entity_type = 'pa_profile' AND entity_id = ?))",
                profile, profile, user, profile, String.valueOf(profile));
    }

    static PayPeriod periodOf(LocalDate day) {
        String taxYear = org.dphub.employment.MinimumWagePolicy.taxYearOf(day);
        for (int p = 1; p <= PayFrequency.MONTHLY.lastPeriod(); p++) {
            PayPeriod period = PayPeriod.of(taxYear, PayFrequency.MONTHLY, p);
            if (!day.isAfter(period.end())) {
                return period;
            }
        }
        throw new IllegalStateException();
    }

    /** A citizen of demo-england with a direct payment and a sign-in of their own, who employs the PA from the start of this month's pay period. */
    record Employer(String username, MoneyApi.Active active, long employmentId, PayPeriod period) {
    }

    Employer employ(String paGiven, String paUsername) {
        String employerName = name("Em");
        MoneyApi.Active active = money.activeWeekly(PRACTITIONER, employerName, LocalDate.now().plusDays(20), "BANK_ACCOUNT", 60000, "en");
        String employer = employerName.toLowerCase() + "@example.com";
        long employerUser = accounts.create(new NewUserAccount(employer, P, employerName + " Test", england(), EnumSet.of(Role.CITIZEN), "en"));
        citizens.linkExistingAccount(accounts.findByUsername(PRACTITIONER).orElseThrow(), active.citizenId(), employerUser);
        LocalDate today = LocalDate.now();
        PayPeriod period = periodOf(today);
        long employment = MoneyApi.ok(http.postJsonAs(employer, P, "/api/v1/citizens/" + active.citizenId() + "/employments", """
                {"paGivenName": "%s", "paFamilyName": "Test", "paDateOfBirth": "1988-02-03", "paEmail": "%s",
                 "startedOn": "%s", "hourlyRatePence": 1350, "hoursKind": "IRREGULAR", "payFrequency": "MONTHLY", "taxCode": "1257L",
                 "pension": "ASSESS", "elInsurer": "Mutual Care Cover", "elPolicyNumber": "EL-9", "elExpiresOn": "%s"}"""
                .formatted(paGiven, paUsername, period.start(), today.plusYears(1))), 201).get("id").asLong();
        return new Employer(employer, active, employment, period);
    }

    /** A PA's profile on the register, made through the API by the PA (awaiting checks). */
    long profileOf(String given, String username, String contact) {
        long profile = MoneyApi.ok(http.postJsonAs(username, P, "/api/v1/pa-profiles", """
                {"displayName": "%s T.", "about": "%s loves football.", "skills": ["personal-care", "driving"], "interests": ["football"],
                 "languages": ["en"], "availability": [{"day": "SATURDAY", "slot": "MORNING"}], "postcode": "sy1 1aa",
                 "travelRadiusKm": 25, "hourlyRatePence": 1350, "visible": true, "phone": "07700 900123", "email": "%s",
                 "codeOfConductAccepted": true}""".formatted(given, given, contact)), 201).get("id").asLong();
        return profile;
    }

    /** The session ends (once the erasure is committed, its sessions end: identity's SessionsOfClosedSignIns, after the commit). */
    void assertSessionEnds(String session, String what) {
        long until = System.currentTimeMillis() + 15_000;
        while (http.get("/your-data", "Cookie", session).statusCode() == 200 && System.currentTimeMillis() < until) {
            java.util.concurrent.locks.LockSupport.parkNanos(100_000_000);
        }
        HttpResponse<String> after = http.get("/your-data", "Cookie", session);
        assertThat(after.statusCode()).as(what).isEqualTo(302);
        assertThat(after.headers().firstValue("Location").orElse("")).as(what).contains("/sign-in");
    }

    @Test
    void aPaIsRefusedWhileEmployedThenErasedKeepingTheirPayslips() {
        // a PA on the register, registered through demo-england, live and found by matching
        String given = name("Pa");
        String username = given.toLowerCase() + "@pa.example.org";
        String contact = given.toLowerCase() + "-contact@pa.example.org";
        long user = accounts.create(new NewUserAccount(username, P, given + " Test", england(), EnumSet.of(Role.PERSONAL_ASSISTANT), "en"));
        long profile = profileOf(given, username, contact);
        MoneyApi.ok(http.postJsonAs(TEAM, P, "/api/v1/pa-profiles/" + profile + "/checks",
                "{\"identityChecked\": true, \"referencesChecked\": true, \"dbsCheckedOn\": \"2026-10-01\"}"), 200);
        assertThat(count("SELECT count(*) FROM pa_match_candidate WHERE profile_id = ?", profile)).as("found by matching").isEqualTo(1);

        // an employer (with their own sign-in) employs them; a timesheet is approved and a payroll run made, not yet approved
        Employer e = employ(given, username);
        String employer = e.username();
        long employment = e.employmentId();
        MoneyApi.Active active = e.active();
        LocalDate today = LocalDate.now();
        PayPeriod period = e.period();
        assertThat(count("SELECT count(*) FROM pa_employment WHERE id = ? AND pa_user_id = ?", employment, user)).isEqualTo(1);
        long sheet = MoneyApi.ok(http.postJsonAs(username, P, "/api/v1/employments/" + employment + "/timesheets",
                "{\"days\": [{\"date\": \"" + period.start() + "\", \"hours\": \"7.5\"}]}"), 201).get("id").asLong();
        MoneyApi.ok(http.postJsonAs(employer, P, "/api/v1/timesheets/" + sheet + "/approval", "{}"), 200);
        long run = MoneyApi.ok(http.postJsonAs(employer, P, "/api/v1/citizens/" + active.citizenId() + "/payroll-runs",
                "{\"taxYear\": \"%s\", \"frequency\": \"MONTHLY\", \"period\": %d}".formatted(period.taxYear(), period.period())), 201)
                .get("id").asLong();
        String payslips = text("SELECT string_agg(row_to_json(s)::text, ',' ORDER BY id) FROM payslip s WHERE employment_id = ?", employment);
        assertThat(payslips).as("a payslip for the PA").isNotNull().contains("gross_pence");

        // the PA asks on "Your data": a request in the help queue of the council they registered with
        String session = http.signIn(username, P);
        HttpResponse<String> yourData = http.get("/your-data", "Cookie", session);
        assertThat(yourData.body()).contains("Leave the register and erase your data", "Payroll records");
        HttpResponse<String> asked = http.postForm("/your-data/pa-erasure-request", "_csrf=" + Http.csrfToken(yourData.body()), "Cookie", session);
        assertThat(asked.headers().firstValue("Location").orElse("")).as(asked.body()).contains("/your-data?asked=");
        assertThat(count("SELECT count(*) FROM help_request WHERE asked_by = ? AND council_id = ? AND citizen_id IS NULL AND kind = 'OTHER'"
                + " AND text LIKE ?", user, england(), "%register of PAs%")).isEqualTo(1);

        // refused while employed and while the pay waits for approval: nothing changed
        String before = snapshot(profile, user);
        String path = "/api/v1/pa-profiles/" + profile + "/erasure";
        HttpResponse<String> refused = http.postJsonAs(TEAM, P, path, "");
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(409);
        assertThat(refused.headers().firstValue("Content-Type").orElse("")).contains("application/problem+json");
        assertThat(refused.body()).contains("settleFirst", "An employer still employs them", "waiting for the employer to approve");
        // who may not: another council's staff (404), a practitioner (403), the PA themself, a citizen (404)
        assertThat(http.postJsonAs("dp-team@demo-wales", P, path, "").statusCode()).as("another council").isEqualTo(404);
        assertThat(http.postJsonAs("admin@demo-wales", P, path, "").statusCode()).as("another council").isEqualTo(404);
        assertThat(http.postJsonAs(PRACTITIONER, P, path, "").statusCode()).as("a practitioner").isEqualTo(403);
        assertThat(http.postJsonAs(username, P, path, "").statusCode()).as("the PA asks, the council erases").isEqualTo(404);
        assertThat(http.postJsonAs(employer, P, path, "").statusCode()).as("a citizen").isEqualTo(404);
        assertThat(http.postJsonAs("pa@demo-england", P, path, "").statusCode()).as("another PA").isEqualTo(404);
        assertThat(snapshot(profile, user)).as("nothing changed").isEqualTo(before);

        // the pay is approved and the employment ends today: still refused until both are done, then erased
        MoneyApi.ok(http.postJsonAs(employer, P, "/api/v1/payroll-runs/" + run + "/approval", "{}"), 200);
        HttpResponse<String> stillEmployed = http.postJsonAs(TEAM, P, path, "");
        assertThat(stillEmployed.statusCode()).isEqualTo(409);
        assertThat(stillEmployed.body()).contains("An employer still employs them").doesNotContain("waiting for the employer");
        assertThat(http.postJsonAs(employer, P, "/api/v1/employments/" + employment + "/end",
                "{\"lastDay\": \"" + period.start().minusDays(1) + "\"}").statusCode()).as("not before the start").isEqualTo(422);
        assertThat(http.postJsonAs("dp-team@demo-wales", P, "/api/v1/employments/" + employment + "/end",
                "{\"lastDay\": \"" + today + "\"}").statusCode()).as("another council").isEqualTo(404);
        assertThat(http.postJsonAs(employer, P, "/api/v1/employments/" + employment + "/end", "{\"lastDay\": \"" + today + "\"}")
                .statusCode()).isEqualTo(204);
        assertThat(http.postJsonAs(employer, P, "/api/v1/employments/" + employment + "/end", "{\"lastDay\": \"" + today + "\"}")
                .statusCode()).as("once").isEqualTo(409);

        assertThat(http.get("/pa-profiles/" + profile + "/personal-data", "Cookie", http.signIn(TEAM, P)).body())
                .as("what is kept, told of the PA, not to them").contains("after the PA&#39;s last job").doesNotContain("your last job");
        HttpResponse<String> done = http.postJsonAs("admin@demo-england", P, path, "");
        JsonNode erased = MoneyApi.ok(done, 201);
        assertThat(erased.get("step").asString()).isEqualTo("ERASURE");
        assertThat(erased.get("paProfileId").asLong()).isEqualTo(profile);
        assertThat(erased.get("removed").toString()).contains("Their profile on the register", "Their sign-in");
        assertThat(erased.get("kept").toString()).contains("Payroll records", "PAYE");

        // off the register and out of matching; contact details and words gone
        var row = jdbc.sql("SELECT display_name, about, phone, email, status, visible, home_postcode FROM pa_profile WHERE id = ?")
                .param(profile).query().singleRow();
        assertThat(row.get("status")).isEqualTo("ERASED");
        assertThat(row.get("visible")).isEqualTo(false);
        assertThat(row.get("display_name")).isEqualTo("Erased PA");
        assertThat(row.get("about")).isEqualTo("");
        assertThat(row.get("phone")).isNull();
        assertThat(row.get("email")).isNull();
        assertThat(count("SELECT count(*) FROM pa_match_candidate WHERE profile_id = ?", profile)).isZero();
        assertThat(http.getAs(employer, P, "/api/v1/pa-profiles/" + profile).statusCode()).as("not on the register").isEqualTo(404);
        assertThat(count("SELECT count(*) FROM audit_event WHERE entity_type IN ('pa_profile', 'user') AND entity_id IN (?, ?)"
                + " AND (coalesce(after_state::text, '') || coalesce(before_state::text, '')) ~ ?", String.valueOf(profile), String.valueOf(user),
                contact + "|" + given + " loves|07700 900123")).as("nor in the audit trail's values").isZero();
        // cannot sign in; the address is free again
        assertThat(count("SELECT count(*) FROM app_user WHERE username = ?", username)).isZero();
        assertThat(jdbc.sql("SELECT enabled FROM app_user WHERE id = ?").param(user).query(Boolean.class).single()).isFalse();
        assertThat(http.getAs(username, P, "/api/v1/me").statusCode()).isEqualTo(401);
        assertSessionEnds(session, "the session the PA asked from");
        // the payslips are kept with every figure, and the employer's record still names the PA
        assertThat(text("SELECT string_agg(row_to_json(s)::text, ',' ORDER BY id) FROM payslip s WHERE employment_id = ?", employment))
                .isEqualTo(payslips);
        assertThat(text("SELECT pa_given_name FROM pa_employment WHERE id = ?", employment)).isEqualTo(given);
        // recorded and audited
        assertThat(count("SELECT count(*) FROM personal_data_redaction WHERE pa_profile_id = ? AND citizen_id IS NULL AND step = 'ERASURE'"
                + " AND council_id = ? AND carried_out_by = 'admin@demo-england' AND jsonb_array_length(kept) > 0", profile, england())).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM audit_event WHERE entity_type = 'personal_data_erasure' AND actor = 'admin@demo-england'"
                + " AND after_state ->> 'paProfileId' = ?", String.valueOf(profile))).isEqualTo(1);
        assertThat(http.postJsonAs(TEAM, P, path, "").statusCode()).as("a second time").isEqualTo(409);
        HttpResponse<String> page = http.get("/pa-profiles/" + profile + "/personal-data", "Cookie", http.signIn(TEAM, P));
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Payroll records", "Erased on").doesNotContain("id=\"erase-button\"");
        assertThat(http.get("/pa-profiles/" + profile + "/personal-data", "Cookie", http.signIn("dp-team@demo-wales", P)).statusCode())
                .isEqualTo(404);
        assertThat(jdbc.sql("SELECT text FROM help_request WHERE asked_by = ? AND citizen_id IS NULL").param(user).query(String.class).list())
                .as("their request's words").containsOnly("Erased");

        // the retention job: a day short of the years, nothing; then the kept payroll no longer names the PA
        int years = rights.retentionYears();
        rights.applyRetention(today.plusYears(years).minusDays(1));
        assertThat(text("SELECT pa_given_name FROM pa_employment WHERE id = ?", employment)).isEqualTo(given);
        assertThat(count("SELECT count(*) FROM personal_data_redaction WHERE pa_profile_id = ? AND step = 'RETENTION'", profile)).isZero();
        rights.applyRetention(today.plusYears(years));
        var kept = jdbc.sql("SELECT pa_given_name, pa_email, pa_date_of_birth FROM pa_employment WHERE id = ?").param(employment)
                .query().singleRow();
        assertThat(kept.get("pa_given_name")).isEqualTo("Erased");
        assertThat(kept.get("pa_email")).isNull();
        assertThat(kept.get("pa_date_of_birth").toString()).isEqualTo("1988-01-01");
        assertThat(text("SELECT string_agg(row_to_json(s)::text, ',' ORDER BY id) FROM payslip s WHERE employment_id = ?", employment))
                .as("the figures stay").isEqualTo(payslips);
        assertThat(count("SELECT count(*) FROM audit_event WHERE entity_type = 'personal_data_erasure' AND actor = 'system'"
                + " AND after_state ->> 'paProfileId' = ? AND after_state ->> 'step' = 'RETENTION'", String.valueOf(profile))).isEqualTo(1);
        rights.applyRetention(today.plusYears(years));
        assertThat(count("SELECT count(*) FROM personal_data_redaction WHERE pa_profile_id = ? AND step = 'RETENTION'", profile)).isEqualTo(1);
    }

    @Test
    void aPaWhoRegisteredThemselfLeavesTheRegisterOnYourDataOnceNothingIsUnsettled() {
        // a PA who signed up nationally: no council; employed by a citizen of demo-england
        String given = name("Se");
        String username = given.toLowerCase() + "@pa.example.org";
        String contact = given.toLowerCase() + "-contact@pa.example.org";
        long user = accounts.create(new NewUserAccount(username, P, given + " Test", null, EnumSet.of(Role.PERSONAL_ASSISTANT), "en"));
        long profile = profileOf(given, username, contact);
        assertThat(count("SELECT count(*) FROM pa_profile WHERE id = ? AND registered_council_id IS NULL", profile)).isEqualTo(1);
        Employer e = employ(given, username);

        // "Your data" offers to do it here, not to ask a council; asking a council is refused with where to go instead
        String session = http.signIn(username, P);
        String phone = http.signIn(username, P);
        HttpResponse<String> yourData = http.get("/your-data", "Cookie", session);
        assertThat(yourData.body()).contains("You registered yourself, not through a council", "href=\"/your-data/leave-register\"")
                .doesNotContain("/your-data/pa-erasure-request");
        HttpResponse<String> asked = http.postForm("/your-data/pa-erasure-request", "_csrf=" + Http.csrfToken(yourData.body()), "Cookie", session);
        assertThat(asked.statusCode()).isEqualTo(200);
        assertThat(asked.body()).contains("you can leave the register yourself, with the button on this page");
        assertThat(count("SELECT count(*) FROM help_request WHERE asked_by = ?", user)).as("no request to anyone").isZero();

        // the page that asks them to be sure, in English and in Welsh
        HttpResponse<String> confirm = http.get("/your-data/leave-register", "Cookie", session);
        assertThat(confirm.statusCode()).isEqualTo(200);
        assertThat(confirm.body()).contains("Leave the register and erase your data", "You cannot undo this", "Payroll records",
                "You can register again later");
        assertThat(http.get("/your-data/leave-register?lang=cy", "Cookie", session).body())
                .contains("Gadael y gofrestr a dileu eich data", "Ni allwch ddadwneud hyn");

        // refused while the employer still employs them: what to settle, in their own words, and nothing changed (the API too)
        String before = snapshot(profile, user);
        HttpResponse<String> refusedApi = http.postJsonAs(username, P, "/api/v1/me/pa-erasure", "");
        assertThat(refusedApi.statusCode()).as(refusedApi.body()).isEqualTo(409);
        assertThat(refusedApi.body()).as("in the page's words").contains("settleFirst", "You cannot leave the register yet",
                "An employer still employs you: ask them to record your last day first");
        HttpResponse<String> refused = http.postForm("/your-data/leave-register", "_csrf=" + Http.csrfToken(confirm.body()), "Cookie", session);
        assertThat(refused.statusCode()).isEqualTo(200);
        assertThat(refused.body()).contains("You cannot leave the register yet", "An employer still employs you: ask them to record your last day first");
        assertThat(snapshot(profile, user)).as("nothing changed").isEqualTo(before);
        assertThat(http.get("/your-data", "Cookie", phone).statusCode()).as("still signed in on another device").isEqualTo(200);

        // the employer records the last day; the PA leaves, is signed out and told so
        assertThat(http.postJsonAs(e.username(), P, "/api/v1/employments/" + e.employmentId() + "/end",
                "{\"lastDay\": \"" + LocalDate.now() + "\"}").statusCode()).isEqualTo(204);
        HttpResponse<String> left = http.postForm("/your-data/leave-register", "_csrf=" + Http.csrfToken(confirm.body()), "Cookie", session);
        assertThat(left.statusCode()).as(left.body()).isEqualTo(302);
        assertThat(left.headers().firstValue("Location").orElse("")).endsWith("/?data-erased");
        assertThat(http.get("/?data-erased").body()).contains("We have erased your data and taken you off the register. You are signed out.");
        assertThat(http.get("/?data-erased&lang=cy").body()).contains("Rydym wedi dileu eich data");
        HttpResponse<String> after = http.get("/your-data", "Cookie", session);
        assertThat(after.statusCode()).as("the session has ended").isEqualTo(302);
        assertThat(after.headers().firstValue("Location").orElse("")).contains("/sign-in");
        assertSessionEnds(phone, "their session on another device");
        assertThat(http.getAs(username, P, "/api/v1/me").statusCode()).as("cannot sign in").isEqualTo(401);
        assertThat(http.postJsonAs(username, P, "/api/v1/me/pa-erasure", "").statusCode()).as("once").isEqualTo(401);

        // off the register, contact details gone; recorded with no council, in no name of theirs, and audited
        var row = jdbc.sql("SELECT display_name, email, status FROM pa_profile WHERE id = ?").param(profile).query().singleRow();
        assertThat(row.get("status")).isEqualTo("ERASED");
        assertThat(row.get("display_name")).isEqualTo("Erased PA");
        assertThat(row.get("email")).isNull();
        assertThat(count("SELECT count(*) FROM personal_data_redaction WHERE pa_profile_id = ? AND step = 'ERASURE' AND council_id IS NULL"
                + " AND carried_out_by = 'the PA themself' AND jsonb_array_length(kept) > 0", profile)).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM audit_event WHERE entity_type = 'personal_data_erasure' AND actor = 'the PA themself'"
                + " AND council_id IS NULL AND after_state ->> 'paProfileId' = ?", String.valueOf(profile))).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM audit_event WHERE entity_type = 'personal_data_erasure' AND actor = ?", username)).isZero();
        assertThat(count("SELECT count(*) FROM event_publication WHERE serialized_event LIKE ?", "%" + username + "%"))
                .as("nor in the module events kept after delivery").isZero();
        assertThat(count("SELECT count(*) FROM personal_data_redaction WHERE pa_profile_id = ?", profile)).isEqualTo(1);

        // the retention job anonymises the kept payroll names once the years have passed, with no council either
        rights.applyRetention(LocalDate.now().plusYears(rights.retentionYears()));
        assertThat(text("SELECT pa_given_name FROM pa_employment WHERE id = ?", e.employmentId())).isEqualTo("Erased");
        assertThat(count("SELECT count(*) FROM personal_data_redaction WHERE pa_profile_id = ? AND step = 'RETENTION' AND council_id IS NULL",
                profile)).isEqualTo(1);

        // a PA who registered with a council asks it instead: this page is not theirs, nor a citizen's
        String councilPa = http.signIn("pa@demo-england", P);
        assertThat(http.get("/your-data/leave-register", "Cookie", councilPa).statusCode()).isEqualTo(404);
        assertThat(http.get("/your-data", "Cookie", councilPa).body()).contains("/your-data/pa-erasure-request")
                .doesNotContain("/your-data/leave-register");
        assertThat(http.get("/your-data/leave-register", "Cookie", http.signIn(e.username(), P)).statusCode()).isEqualTo(404);
        assertThat(http.postJsonAs("pa@demo-england", P, "/api/v1/me/pa-erasure", "").statusCode()).isEqualTo(404);
        assertThat(http.postJsonAs(e.username(), P, "/api/v1/me/pa-erasure", "").statusCode()).isEqualTo(404);
    }

    /**
     * A restore from a backup taken before two PAs who registered themselves left the register brought them back
     * (bin/restore writes each such erasure with no council into the restored database: the rows are put in here as
     * it writes them). No council's DP team sees these, so dphub carries them out again as it starts: the one
     * nothing holds is erased again as by the PA themself, once, and the one an employer still employs in the
     * restored data is left, nothing changed, until the employment ends.
     */
    @Test
    void aRestoreThatUndidPasLeavingTheRegisterThemselvesIsCarriedOutAgain() {
        long[] free = selfRegisteredPa(name("Fr"));
        String employed = name("Em");
        long[] held = selfRegisteredPa(employed);
        Employer e = employ(employed, employed.toLowerCase() + "@pa.example.org");
        for (long profile : List.of(free[0], held[0])) {
            jdbc.sql("""
                    INSERT INTO personal_data_erasure_undone (council_id, whose, subject_id, erased_at, erased_by, backup)
                    VALUES (NULL, 'PA', ?, now() - interval '1 day', 'the PA themself', 'dphub-20261201-020000.dump')""")
                    .param(String.valueOf(profile)).update();
        }
        String heldBefore = snapshot(held[0], held[1]);

        assertThat(rights.carryOutAgainWhatPasDidThemselves()).isEqualTo(1);

        assertThat(text("SELECT status FROM pa_profile WHERE id = ?", free[0])).isEqualTo("ERASED");
        assertThat(count("SELECT count(*) FROM personal_data_redaction WHERE pa_profile_id = ? AND step = 'ERASURE' AND council_id IS NULL"
                + " AND carried_out_by = 'the PA themself'", free[0])).isEqualTo(1);
        assertThat(snapshot(held[0], held[1])).as("refused: still employed in the restored data").isEqualTo(heldBefore);
        assertThat(rights.carryOutAgainWhatPasDidThemselves()).as("once").isZero();

        assertThat(http.postJsonAs(e.username(), P, "/api/v1/employments/" + e.employmentId() + "/end",
                "{\"lastDay\": \"" + LocalDate.now() + "\"}").statusCode()).isEqualTo(204);
        assertThat(rights.carryOutAgainWhatPasDidThemselves()).isEqualTo(1);
        assertThat(text("SELECT status FROM pa_profile WHERE id = ?", held[0])).isEqualTo("ERASED");
    }

    /** A PA who signed up nationally (no council), with a profile on the register: its id and their sign-in's. */
    long[] selfRegisteredPa(String given) {
        String username = given.toLowerCase() + "@pa.example.org";
        long user = accounts.create(new NewUserAccount(username, P, given + " Test", null, EnumSet.of(Role.PERSONAL_ASSISTANT), "en"));
        return new long[] {profileOf(given, username, given.toLowerCase() + "-contact@pa.example.org"), user};
    }
}
