package org.dphub.councils;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import org.dphub.shared.Role;
import org.dphub.web.FormErrors;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.StaticMessageSource;

/** The rules a council's single sign-on must meet (issue 17), for the page and the API alike. */
class SingleSignOnRulesTest {

    static FormErrors check(SingleSignOn s, boolean localIssuers) {
        FormErrors errors = new FormErrors(new StaticMessageSource(), Locale.ENGLISH);
        CouncilSettingsRules.checkSingleSignOn(s, "demo-wales", localIssuers, errors);
        return errors;
    }

    static SingleSignOn with(String issuer, String variable, List<SingleSignOn.GroupRole> groups) {
        return new SingleSignOn(issuer, "dphub", variable, null, groups);
    }

    static final List<SingleSignOn.GroupRole> FINANCE = List.of(new SingleSignOn.GroupRole("finance", Role.FINANCE));

    @Test
    void aGoodProviderPasses() {
        assertThat(check(with("https://login.microsoftonline.com/tenant-id/v2.0", "DPHUB_OIDC_SECRET_DEMO_WALES", FINANCE), false).isEmpty())
                .isTrue();
    }

    @Test
    void theIssuerIsHttpsOrThisMachineWhereThatIsAllowed() {
        assertThat(check(with("http://login.example.gov.uk", "DPHUB_OIDC_SECRET_DEMO_WALES", FINANCE), true).has("issuer")).isTrue();
        assertThat(check(with("https://login.example.gov.uk?x=1", "DPHUB_OIDC_SECRET_DEMO_WALES", FINANCE), true).has("issuer")).isTrue();
        assertThat(check(with("https://user@login.example.gov.uk", "DPHUB_OIDC_SECRET_DEMO_WALES", FINANCE), true).has("issuer")).isTrue();
        assertThat(check(with("login.example.gov.uk", "DPHUB_OIDC_SECRET_DEMO_WALES", FINANCE), true).has("issuer")).isTrue();
        assertThat(check(with("http://localhost:9000", "DPHUB_OIDC_SECRET_DEMO_WALES", FINANCE), true).has("issuer")).isFalse();
        // the prod profile: no provider on dphub's own machine
        assertThat(check(with("http://localhost:9000", "DPHUB_OIDC_SECRET_DEMO_WALES", FINANCE), false).has("issuer")).isTrue();
        assertThat(check(with("https://127.0.0.1", "DPHUB_OIDC_SECRET_DEMO_WALES", FINANCE), false).has("issuer")).isTrue();
    }

    @Test
    void theSecretIsOnlyEverInTheCouncilsOwnVariable() {
        // never the server's own secrets, nor another council's
        assertThat(check(with("https://login.example.gov.uk", "DPHUB_DATABASE_PASSWORD", FINANCE), false).has("clientSecretVariable")).isTrue();
        assertThat(check(with("https://login.example.gov.uk", "DPHUB_OIDC_SECRET_DEMO_ENGLAND", FINANCE), false).has("clientSecretVariable"))
                .isTrue();
    }

    @Test
    void atLeastOneGroupAndOnlyStaffRoles() {
        assertThat(check(with("https://login.example.gov.uk", "DPHUB_OIDC_SECRET_DEMO_WALES", List.of()), false).has("groupRoles")).isTrue();
        assertThat(check(with("https://login.example.gov.uk", "DPHUB_OIDC_SECRET_DEMO_WALES",
                List.of(new SingleSignOn.GroupRole("everyone", Role.CITIZEN))), false).has("groupRoles")).isTrue();
        assertThat(check(with("https://login.example.gov.uk", "DPHUB_OIDC_SECRET_DEMO_WALES",
                List.of(new SingleSignOn.GroupRole("line\nbreak", Role.FINANCE))), false).has("groupRoles")).isTrue();
    }

    @Test
    void groupsGiveTheirRolesAndNothingElse() {
        SingleSignOn s = with("https://login.example.gov.uk", "DPHUB_OIDC_SECRET_DEMO_WALES", List.of(
                new SingleSignOn.GroupRole("social-work", Role.PRACTITIONER), new SingleSignOn.GroupRole("managers", Role.BUDGET_HOLDER),
                new SingleSignOn.GroupRole("managers", Role.PRACTITIONER)));
        assertThat(s.rolesFor(List.of("managers"))).containsExactlyInAnyOrder(Role.BUDGET_HOLDER, Role.PRACTITIONER);
        assertThat(s.rolesFor(List.of("Managers", "canteen"))).as("group values are compared exactly").isEmpty();
        assertThat(s.groupClaim()).isEqualTo("groups");
    }
}
