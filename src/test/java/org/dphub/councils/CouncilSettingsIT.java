package org.dphub.councils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.dphub.audit.AuditEvent;
import org.dphub.audit.AuditTrail;
import org.dphub.shared.Money;
import org.dphub.support.As;
import org.dphub.support.Http;
import org.dphub.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A council administrator changes their council's settings; bad input changes nothing. */
@IntegrationTest
class CouncilSettingsIT {

    @LocalServerPort
    int port;
    @Autowired
    MockMvc mvc;
    @Autowired
    Councils councils;
    @Autowired
    AuditTrail audit;
    @Autowired
    UserDetailsService users;

    As as;
    Http http;
    final JsonMapper json = JsonMapper.builder().build();

    @BeforeEach
    void setUp() {
        as = new As(users);
        http = new Http(port);
    }

    long council(String code) {
        return councils.findByCode(code).orElseThrow().id();
    }

    Map<String, String> validForm(VersionedSettings current) {
        Map<String, String> form = new LinkedHashMap<>();
        CouncilSettings s = current.settings();
        form.put("selfApprovalLimit", s.selfApprovalLimit().toPlainString());
        form.put("receiptsThreshold", s.receiptsThreshold().toPlainString());
        form.put("returnPeriod", s.returnPeriod().name());
        form.put("surplusWeeks", Integer.toString(s.surplusWeeks()));
        form.put("paymentFrequency", s.paymentFrequency().name());
        form.put("paHourlyRate", s.paHourlyRate().toPlainString());
        form.put("agencyHourlyRate", s.agencyHourlyRate().toPlainString());
        form.put("firstReviewMonths", Integer.toString(s.firstReviewMonths()));
        form.put("reviewIntervalMonths", Integer.toString(s.reviewIntervalMonths()));
        form.put("contributionBasis", s.contributionBasis().name());
        form.put("targetDaysToMoney", Integer.toString(s.targetDaysToMoney()));
        form.put("welshLanguage", Boolean.toString(s.welshLanguage()));
        form.put("oneOffMaximum", s.oneOffMaximum().toPlainString());
        form.put("contactPhone", s.contact().phone() == null ? "" : s.contact().phone());
        form.put("contactEmail", s.contact().email() == null ? "" : s.contact().email());
        form.put("cldLaCode", s.cldLaCode() == null ? "" : s.cldLaCode());
        form.put("version", Long.toString(current.version()));
        return form;
    }

    MockHttpServletRequestBuilder postForm(Map<String, String> form) {
        MockHttpServletRequestBuilder request = post("/council/settings/edit");
        form.forEach(request::param);
        return request;
    }

    @Test
    void defaultsComeFromTheDomain() {
        CouncilSettings defaults = CouncilSettings.defaults(false);
        assertThat(defaults.selfApprovalLimit()).isEqualTo(Money.parse("£500.00"));
        assertThat(defaults.receiptsThreshold()).isEqualTo(Money.parse("£10.00"));
        assertThat(defaults.returnPeriod()).isEqualTo(ReturnPeriod.QUARTERLY);
        assertThat(defaults.surplusWeeks()).isEqualTo(8);
        assertThat(defaults.paymentFrequency()).isEqualTo(PaymentFrequency.FOUR_WEEKLY);
        assertThat(defaults.paHourlyRate()).isEqualTo(Money.parse("£13.28"));
        assertThat(defaults.agencyHourlyRate()).isEqualTo(Money.parse("£18.67"));
        assertThat(defaults.firstReviewMonths()).isEqualTo(6);
        assertThat(defaults.reviewIntervalMonths()).isEqualTo(12);
        assertThat(defaults.contributionBasis()).isEqualTo(ContributionBasis.NET);
        assertThat(defaults.targetDaysToMoney()).isEqualTo(28);
        assertThat(defaults.oneOffMaximum()).isEqualTo(Money.parse("£10,000.00"));
        assertThat(defaults.contact().isEmpty()).isTrue();
        assertThat(councils.settings(council("demo-wales")).settings().welshLanguage()).isTrue();
        assertThat(councils.settings(council("demo-england")).settings().welshLanguage()).isFalse();
    }

    @Test
    void adminChangesSettingsAndTheAuditTrailHasBeforeAndAfter() throws Exception {
        long wales = council("demo-wales");
        VersionedSettings before = councils.settings(wales);
        Map<String, String> form = validForm(before);
        form.put("selfApprovalLimit", "£750.00");
        form.put("paHourlyRate", "14.10");

        mvc.perform(postForm(form).with(as.user("admin@demo-wales")).with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/council/settings"));

        VersionedSettings after = councils.settings(wales);
        assertThat(after.settings().selfApprovalLimit()).isEqualTo(Money.ofPence(75_000));
        assertThat(after.settings().paHourlyRate()).isEqualTo(Money.ofPence(1_410));
        assertThat(after.version()).isEqualTo(before.version() + 1);

        List<AuditEvent> trail = audit.forEntity("council_settings", wales);
        AuditEvent change = trail.get(trail.size() - 1);
        assertThat(change.actor()).isEqualTo("admin@demo-wales");
        assertThat(change.changedFields()).containsExactlyInAnyOrder("selfApprovalLimit", "paHourlyRate");
        assertThat(change.before().get("selfApprovalLimit")).isEqualTo(before.settings().selfApprovalLimit().formatWithPence());
        assertThat(change.after().get("selfApprovalLimit")).isEqualTo("£750.00");

        mvc.perform(get("/council/audit-trail").with(as.user("admin@demo-wales")))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("£750.00")));
        mvc.perform(get("/council/audit-trail").with(as.user("admin@demo-england")))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("admin@demo-wales"))));
    }

    @Test
    void badInputShowsWhatToFixAndChangesNothing() throws Exception {
        long england = council("demo-england");
        VersionedSettings before = councils.settings(england);
        int auditBefore = audit.forEntity("council_settings", england).size();
        Map<String, String> form = validForm(before);
        form.put("selfApprovalLimit", "-5");
        form.put("receiptsThreshold", "1e9");
        form.put("paHourlyRate", "13.285");
        form.put("agencyHourlyRate", "<script>alert(1)</script>");
        form.put("firstReviewMonths", "7");
        form.put("reviewIntervalMonths", "13");
        form.put("surplusWeeks", "");
        form.put("returnPeriod", "FORTNIGHTLY");

        String page = mvc.perform(postForm(form).with(as.user("admin@demo-england")).with(csrf()))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();

        assertThat(page).contains("There is a problem")
                .contains("href=\"#selfApprovalLimit\"").contains("Enter an amount of £0 or more")
                .contains("href=\"#receiptsThreshold\"").contains("Enter an amount in pounds and pence")
                .contains("href=\"#paHourlyRate\"").contains("no more than 2 numbers after the decimal point")
                .contains("href=\"#firstReviewMonths\"").contains("within 6 months")
                .contains("href=\"#reviewIntervalMonths\"").contains("no more than 12 months apart")
                .contains("href=\"#surplusWeeks\"").contains("href=\"#returnPeriod\"")
                .doesNotContain("<script>alert(1)</script>")
                .contains("&lt;script&gt;alert(1)&lt;/script&gt;");
        assertThat(page).contains("<title>Error:");
        assertThat(councils.settings(england)).isEqualTo(before);
        assertThat(audit.forEntity("council_settings", england)).hasSize(auditBefore);
    }

    @Test
    void theDaysOfNoticeBeforeAChildTurns18AreOnTheSettingsPage_checkedSavedAndAudited() throws Exception {
        long wales = council("demo-wales");
        int original = councils.transitionNoticeDays(wales);
        try {
            mvc.perform(get("/council/settings").with(as.user("admin@demo-wales")))
                    .andExpect(content().string(org.hamcrest.Matchers.containsString("When to start planning a child")));
            for (String bad : List.of("0", "366", "ninety", "")) {
                Map<String, String> form = validForm(councils.settings(wales));
                form.put("transitionNoticeDays", bad);
                String page = mvc.perform(postForm(form).with(as.user("admin@demo-wales")).with(csrf()))
                        .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
                assertThat(page).as(bad).contains("href=\"#transitionNoticeDays\"");
                assertThat(councils.transitionNoticeDays(wales)).isEqualTo(original);
            }
            int auditBefore = audit.forEntity("council_settings", wales).size();
            Map<String, String> form = validForm(councils.settings(wales));
            form.put("transitionNoticeDays", String.valueOf(original == 120 ? 121 : 120));
            mvc.perform(postForm(form).with(as.user("admin@demo-wales")).with(csrf()))
                    .andExpect(status().is3xxRedirection());
            int changed = original == 120 ? 121 : 120;
            assertThat(councils.transitionNoticeDays(wales)).isEqualTo(changed);
            List<AuditEvent> trail = audit.forEntity("council_settings", wales);
            assertThat(trail).hasSize(auditBefore + 1);
            assertThat(String.valueOf(trail.get(trail.size() - 1).after().get("transitionNoticeDays"))).isEqualTo(String.valueOf(changed));
            mvc.perform(get("/council/settings/edit").with(as.user("admin@demo-wales")))
                    .andExpect(content().string(org.hamcrest.Matchers.containsString("value=\"" + changed + "\"")));
            // a form opened before the field was there keeps the number
            Map<String, String> old = validForm(councils.settings(wales));
            mvc.perform(postForm(old).with(as.user("admin@demo-wales")).with(csrf())).andExpect(status().is3xxRedirection());
            assertThat(councils.transitionNoticeDays(wales)).isEqualTo(changed);
        } finally {
            councils.changeTransitionNoticeDays(wales, original);
        }
    }

    @Test
    void theOneOffMaximumAndTheTeamsContactDetailsAreSavedAuditedAndChecked() throws Exception {
        long wales = council("demo-wales");
        VersionedSettings before = councils.settings(wales);
        assertThat(before.settings().contact().phone()).as("the demo council has a phone number").isNotNull();
        Map<String, String> form = validForm(before);
        form.put("oneOffMaximum", "£5,000");
        form.put("contactPhone", "01352 700 100");
        form.put("contactEmail", "tim.taliadau@demo-wales.example");
        mvc.perform(postForm(form).with(as.user("admin@demo-wales")).with(csrf()))
                .andExpect(status().is3xxRedirection());
        VersionedSettings after = councils.settings(wales);
        assertThat(after.settings().oneOffMaximum()).isEqualTo(Money.ofPence(500_000));
        assertThat(after.settings().contact()).isEqualTo(new org.dphub.councils.CouncilContact("01352 700 100",
                "tim.taliadau@demo-wales.example"));
        List<AuditEvent> trail = audit.forEntity("council_settings", wales);
        assertThat(trail.get(trail.size() - 1).changedFields()).containsExactlyInAnyOrder("oneOffMaximum", "contactPhone",
                "contactEmail");
        mvc.perform(get("/council/settings").with(as.user("admin@demo-wales")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("01352 700 100")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("£5,000.00")));

        // a limit above the maximum, a phone number of letters and an email without an @ are refused
        Map<String, String> bad = validForm(after);
        bad.put("selfApprovalLimit", "6000");
        bad.put("contactPhone", "call us");
        bad.put("contactEmail", "<b>team</b>");
        String page = mvc.perform(postForm(bad).with(as.user("admin@demo-wales")).with(csrf()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("href=\"#selfApprovalLimit\"").contains("no more than the most anyone can ask for")
                .contains("href=\"#contactPhone\"").contains("Enter a phone number")
                .contains("href=\"#contactEmail\"").contains("Enter an email address in the correct format")
                .doesNotContain("<b>team</b>");
        Map<String, String> tooSmall = validForm(after);
        tooSmall.put("oneOffMaximum", "0.50");
        mvc.perform(postForm(tooSmall).with(as.user("admin@demo-wales")).with(csrf()))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("href=\"#oneOffMaximum\"")));
        assertThat(councils.settings(wales)).isEqualTo(after);

        // the API reads and changes the same
        HttpResponse<String> read = http.getAs("admin@demo-wales", Http.DEMO_PASSWORD, "/api/v1/council/settings");
        JsonNode json = this.json.readTree(read.body());
        assertThat(json.get("oneOffMaximumPence").asLong()).isEqualTo(500_000);
        assertThat(json.get("contactPhone").asString()).isEqualTo("01352 700 100");
        HttpResponse<String> refused = http.putJsonAs("admin@demo-wales", Http.DEMO_PASSWORD, "/api/v1/council/settings",
                read.body().replaceFirst("\"oneOffMaximumPence\":\\d+", "\"oneOffMaximumPence\":10000"));
        assertThat(refused.statusCode()).as("a maximum below the practitioner's limit").isEqualTo(422);
        assertThat(refused.body()).contains("selfApprovalLimit");

        // put the demo council back as it was for other tests
        Map<String, String> restore = validForm(councils.settings(wales));
        restore.put("oneOffMaximum", before.settings().oneOffMaximum().toPlainString());
        restore.put("contactPhone", before.settings().contact().phone());
        restore.put("contactEmail", before.settings().contact().email());
        mvc.perform(postForm(restore).with(as.user("admin@demo-wales")).with(csrf())).andExpect(status().is3xxRedirection());
    }

    @Test
    void welshErrorMessagesForWelshReaders() throws Exception {
        VersionedSettings before = councils.settings(council("demo-wales"));
        Map<String, String> form = validForm(before);
        form.put("firstReviewMonths", "9");
        mvc.perform(postForm(form).param("lang", "cy").with(as.user("admin@demo-wales")).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Mae problem wedi codi")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("o fewn 6 mis")));
    }

    @Test
    void aStaleFormDoesNotOverwriteSomeoneElsesChange() throws Exception {
        long england = council("demo-england");
        VersionedSettings before = councils.settings(england);
        Map<String, String> form = validForm(before);
        form.put("version", Long.toString(before.version() - 1));
        form.put("surplusWeeks", "10");
        mvc.perform(postForm(form).with(as.user("admin@demo-england")).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Someone else changed these settings")));
        assertThat(councils.settings(england)).isEqualTo(before);
    }

    @Test
    void onlyAnAdministratorMayChangeSettings() throws Exception {
        VersionedSettings before = councils.settings(council("demo-england"));
        for (String user : List.of("practitioner@demo-england", "finance@demo-england", "citizen@demo-england")) {
            mvc.perform(postForm(validForm(before)).with(as.user(user)).with(csrf())).andExpect(status().isForbidden());
            mvc.perform(get("/council/settings").with(as.user(user))).andExpect(status().isForbidden());
        }
    }

    @Test
    void aFormWithoutItsCsrfTokenIsRefused() throws Exception {
        VersionedSettings before = councils.settings(council("demo-england"));
        mvc.perform(postForm(validForm(before)).with(as.user("admin@demo-england"))).andExpect(status().isForbidden());
        assertThat(councils.settings(council("demo-england"))).isEqualTo(before);
    }

    @Test
    void apiReadsOwnCouncilAndRefusesBadValuesWithFieldErrors() {
        HttpResponse<String> read = http.getAs("finance@demo-england", Http.DEMO_PASSWORD, "/api/v1/council/settings");
        assertThat(read.statusCode()).isEqualTo(200);
        JsonNode settings = json.readTree(read.body());
        assertThat(settings.get("welshLanguage").asBoolean()).isFalse();

        String body = read.body().replaceFirst("\"firstReviewMonths\":\\d+", "\"firstReviewMonths\":7")
                .replaceFirst("\"selfApprovalLimitPence\":\\d+", "\"selfApprovalLimitPence\":-5");
        HttpResponse<String> bad = http.putJsonAs("admin@demo-england", Http.DEMO_PASSWORD, "/api/v1/council/settings", body);
        assertThat(bad.statusCode()).as("understood but not acceptable").isEqualTo(422);
        assertThat(bad.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        JsonNode problem = json.readTree(bad.body());
        List<String> fields = new java.util.ArrayList<>();
        problem.get("errors").forEach(e -> fields.add(e.get("field").asString()));
        assertThat(fields).containsExactlyInAnyOrder("selfApprovalLimit", "firstReviewMonths");

        HttpResponse<String> notAdmin = http.putJsonAs("finance@demo-england", Http.DEMO_PASSWORD, "/api/v1/council/settings", read.body());
        assertThat(notAdmin.statusCode()).isEqualTo(403);

        HttpResponse<String> malformed = http.putJsonAs("admin@demo-england", Http.DEMO_PASSWORD, "/api/v1/council/settings", "{\"surplusWeeks\": \"lots\"");
        assertThat(malformed.statusCode()).isEqualTo(400);
    }
}
