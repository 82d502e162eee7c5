package org.dphub.councils.web;

import java.util.List;
import java.util.Map;
import org.dphub.councils.SingleSignOn;
import org.dphub.councils.VersionedSingleSignOn;
import org.dphub.shared.Role;

/**
 * The single sign-on form as typed: the provider, and for each staff role the groups that give it,
 * separated by commas; "true" when staff other than administrators must use their council account.
 * {@code version} is empty the first time.
 */
record SingleSignOnForm(String issuer, String clientId, String clientSecretVariable, String groupClaim,
                        String practitionerGroups, String budgetHolderGroups, String dpTeamGroups, String financeGroups,
                        String councilAdminGroups, String staffMustUseCouncilAccount, String version) {

    /** Each role's form field, in the order the form shows them. */
    static final Map<Role, String> FIELDS = orderedFields();

    private static Map<Role, String> orderedFields() {
        var fields = new java.util.LinkedHashMap<Role, String>();
        fields.put(Role.PRACTITIONER, "practitionerGroups");
        fields.put(Role.BUDGET_HOLDER, "budgetHolderGroups");
        fields.put(Role.DP_TEAM, "dpTeamGroups");
        fields.put(Role.FINANCE, "financeGroups");
        fields.put(Role.COUNCIL_ADMIN, "councilAdminGroups");
        return java.util.Collections.unmodifiableMap(fields);
    }

    static SingleSignOnForm blank(String councilCode) {
        return new SingleSignOnForm("", "", SingleSignOn.defaultSecretVariable(councilCode), SingleSignOn.DEFAULT_GROUP_CLAIM,
                "", "", "", "", "", "false", "");
    }

    static SingleSignOnForm of(VersionedSingleSignOn current) {
        SingleSignOn s = current.settings();
        Map<Role, List<String>> groups = s.groupsByRole();
        java.util.function.Function<Role, String> joined = role -> String.join(", ", groups.getOrDefault(role, List.of()));
        return new SingleSignOnForm(s.issuer(), s.clientId(), s.clientSecretVariable(), s.groupClaim(),
                joined.apply(Role.PRACTITIONER), joined.apply(Role.BUDGET_HOLDER), joined.apply(Role.DP_TEAM),
                joined.apply(Role.FINANCE), joined.apply(Role.COUNCIL_ADMIN), Boolean.toString(s.staffMustUseCouncilAccount()),
                Long.toString(current.version()));
    }

    public String groups(Role role) {
        return switch (role) {
            case PRACTITIONER -> practitionerGroups;
            case BUDGET_HOLDER -> budgetHolderGroups;
            case DP_TEAM -> dpTeamGroups;
            case FINANCE -> financeGroups;
            case COUNCIL_ADMIN -> councilAdminGroups;
            default -> null;
        };
    }
}
