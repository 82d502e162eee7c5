package org.dphub.councils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.dphub.audit.AuditAction;
import org.dphub.audit.AuditEvent;
import org.dphub.audit.AuditTrail;
import org.dphub.identity.NewUserAccount;
import org.dphub.identity.UserAccounts;
import org.dphub.shared.Role;
import org.dphub.support.As;
import org.dphub.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * A council administrator sets up staff single sign-on on the council settings pages (issue 17):
 * bad input is refused field by field and changes nothing; a good form is saved, shown and audited;
 * turning it off is audited too. A council of its own, so no other test's council changes.
 */
@IntegrationTest
class SingleSignOnSettingsIT {

    @Autowired
    MockMvc mvc;
    @Autowired
    Councils councils;
    @Autowired
    UserAccounts accounts;
    @Autowired
    AuditTrail audit;
    @Autowired
    UserDetailsService users;

    As as;
    Council council;
    String admin;

    @BeforeEach
    void council() {
        as = new As(users);
        String code = "sso-page-" + UUID.randomUUID().toString().substring(0, 8);
        council = councils.create(code, "Page Council", "Cyngor Tudalen", Nation.WALES, CouncilSettings.defaults(true));
        admin = "admin@" + code;
        accounts.create(new NewUserAccount(admin, "admin-password-2026", "Pat Admin", council.id(), Set.of(Role.COUNCIL_ADMIN), "en"));
        accounts.create(new NewUserAccount("practitioner@" + code, "practitioner-password-2026", "Pip Practitioner", council.id(),
                Set.of(Role.PRACTITIONER), "en"));
    }

    String secretVariable() {
        return SingleSignOn.defaultSecretVariable(council.code());
    }

    Map<String, String> goodForm() {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("issuer", "https://login.example.gov.uk/realms/staff");
        form.put("clientId", "dphub");
        form.put("groupClaim", "");
        form.put("practitionerGroups", "social-workers, occupational-therapists");
        form.put("budgetHolderGroups", "");
        form.put("dpTeamGroups", "");
        form.put("financeGroups", "finance");
        form.put("councilAdminGroups", "");
        form.put("version", "");
        return form;
    }

    MockHttpServletRequestBuilder postForm(Map<String, String> form) {
        MockHttpServletRequestBuilder request = post("/council/settings/single-sign-on");
        form.forEach(request::param);
        return request.with(as.user(admin)).with(csrf());
    }

    String page(String path) throws Exception {
        return mvc.perform(get(path).with(as.user(admin))).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    @Test
    void theFormSaysWhereTheSecretGoesAndWhereTheProviderSendsPeopleBack() throws Exception {
        String form = page("/council/settings/single-sign-on");
        assertThat(form).contains(secretVariable()).contains("It is not set on this server yet")
                .contains("/login/oauth2/code/" + council.code())
                .contains("value=\"groups\"");
        assertThat(page("/council/settings")).contains("Staff sign in with a username and password.")
                .contains("Set up sign-in with council accounts");
        assertThat(page("/council/settings/single-sign-on?lang=cy")).contains("Staff yn mewngofnodi gyda chyfrifon cyngor");
        // the administrator's alone
        mvc.perform(get("/council/settings/single-sign-on").with(as.user("practitioner@" + council.code())))
                .andExpect(status().isForbidden());
    }

    @Test
    void badInputIsRefusedFieldByFieldAndNothingChanges() throws Exception {
        Map<String, String> form = goodForm();
        form.put("issuer", "ftp://login.example.gov.uk");
        form.put("clientId", " ");
        form.put("groupClaim", "group claim with spaces");
        form.put("practitionerGroups", "");
        form.put("financeGroups", ", ,");
        int eventsBefore = audit.forEntity("council_single_sign_on", council.id()).size();

        String page = mvc.perform(postForm(form)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(page).contains("govuk-error-summary")
                .contains("Enter the issuer as a web address starting https://").contains("href=\"#issuer\"")
                .contains("Enter the client ID").contains("href=\"#clientId\"")
                .contains("Enter the name of the groups claim").contains("href=\"#groupClaim\"")
                .contains("Enter a group for at least one role").contains("href=\"#groupRoles\"");
        assertThat(councils.singleSignOn(council.id())).isEmpty();
        assertThat(audit.forEntity("council_single_sign_on", council.id())).hasSize(eventsBefore);

        // plain http is for a provider on this machine only
        form = goodForm();
        form.put("issuer", "http://login.example.gov.uk");
        assertThat(mvc.perform(postForm(form)).andReturn().getResponse().getContentAsString())
                .contains("Enter the issuer as a web address starting https://");
        assertThat(councils.singleSignOn(council.id())).isEmpty();
    }

    @Test
    void aGoodFormIsSavedShownAuditedAndCanBeTurnedOff() throws Exception {
        mvc.perform(postForm(goodForm())).andExpect(redirectedUrl("/council/settings"));

        VersionedSingleSignOn saved = councils.singleSignOn(council.id()).orElseThrow();
        assertThat(saved.settings().issuer()).isEqualTo("https://login.example.gov.uk/realms/staff");
        assertThat(saved.settings().clientSecretVariable()).isEqualTo(secretVariable());
        assertThat(saved.settings().groupClaim()).isEqualTo("groups");
        assertThat(saved.settings().groupsByRole()).isEqualTo(Map.of(
                Role.PRACTITIONER, List.of("occupational-therapists", "social-workers"), Role.FINANCE, List.of("finance")));
        assertThat(saved.settings().rolesFor(List.of("finance", "canteen"))).containsExactly(Role.FINANCE);
        String settings = page("/council/settings");
        assertThat(settings).contains("https://login.example.gov.uk/realms/staff").contains("occupational-therapists, social-workers")
                .contains(secretVariable() + " (not set on this server yet)");
        List<AuditEvent> trail = audit.forEntity("council_single_sign_on", council.id());
        assertThat(trail).extracting(AuditEvent::action).containsExactly(AuditAction.CREATE);
        assertThat(trail.get(0).actor()).isEqualTo(admin);
        assertThat(page("/council/audit-trail")).contains("set up sign-in with council accounts through https://login.example.gov.uk/realms/staff");

        // a change from a form opened before someone else's change is refused, and changes nothing
        Map<String, String> stale = goodForm();
        stale.put("clientId", "changed");
        stale.put("version", Long.toString(saved.version()));
        mvc.perform(postForm(stale)).andExpect(redirectedUrl("/council/settings"));
        Map<String, String> older = goodForm();
        older.put("clientId", "older");
        older.put("version", Long.toString(saved.version()));
        assertThat(mvc.perform(postForm(older)).andReturn().getResponse().getContentAsString())
                .contains("Someone else changed these settings");
        assertThat(councils.singleSignOn(council.id()).orElseThrow().settings().clientId()).isEqualTo("changed");

        long version = councils.singleSignOn(council.id()).orElseThrow().version();
        mvc.perform(post("/council/settings/single-sign-on/remove").param("version", Long.toString(version))
                        .with(as.user(admin)).with(csrf()))
                .andExpect(redirectedUrl("/council/settings"));
        assertThat(councils.singleSignOn(council.id())).isEmpty();
        assertThat(audit.forEntity("council_single_sign_on", council.id())).extracting(AuditEvent::action)
                .containsExactly(AuditAction.CREATE, AuditAction.UPDATE, AuditAction.DELETE);
    }

    @Test
    void theSummarySaysWhetherStaffMustUseTheirCouncilAccount() throws Exception {
        mvc.perform(postForm(goodForm())).andExpect(redirectedUrl("/council/settings"));
        String no = "Staff must use their council account</dt>\\s*<dd class=\"govuk-summary-list__value\">No</dd>";
        assertThat(page("/council/settings")).as("staff keep their passwords: the default").containsPattern(no);
        assertThat(page("/council/settings?lang=cy")).containsPattern(
                "Rhaid i staff ddefnyddio cyfrif eu cyngor</dt>\\s*<dd class=\"govuk-summary-list__value\">Na</dd>");

        // passwords turned off for staff (the page and the API check first that the secret is set on the server)
        VersionedSingleSignOn saved = councils.singleSignOn(council.id()).orElseThrow();
        councils.setSingleSignOn(council.id(), saved.settings().withStaffMustUseCouncilAccount(true), saved.version());
        String settings = page("/council/settings");
        assertThat(settings).containsPattern("Staff must use their council account</dt>\\s*<dd class=\"govuk-summary-list__value\">Yes</dd>")
                .doesNotContainPattern(no).contains("/council/settings/single-sign-on#staffMustUseCouncilAccount");
        assertThat(page("/council/settings?lang=cy")).containsPattern(
                "Rhaid i staff ddefnyddio cyfrif eu cyngor</dt>\\s*<dd class=\"govuk-summary-list__value\">Ie</dd>");
    }
}
