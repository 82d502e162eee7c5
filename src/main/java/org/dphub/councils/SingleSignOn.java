package org.dphub.councils;

import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.dphub.shared.Role;

/**
 * A council's OpenID Connect provider for staff single sign-on (issue 17): where it is (the
 * issuer, whose discovery document says the rest), dphub's client id there, the <em>name</em> of
 * the environment variable holding the client secret (the secret is never stored), the claim of
 * the ID token that lists the person's groups, which group gives which staff role, and whether
 * staff other than administrators may still sign in with a password ({@code staffMustUseCouncilAccount}
 * false, the default) or only with their council account.
 */
public record SingleSignOn(String issuer, String clientId, String clientSecretVariable, String groupClaim,
                           List<GroupRole> groupRoles, boolean staffMustUseCouncilAccount) {

    /** The claim most providers (Entra ID, Keycloak with a group mapper) list groups in. */
    public static final String DEFAULT_GROUP_CLAIM = "groups";

    /** Members of {@code group} at the provider have {@code role} in dphub. */
    public record GroupRole(String group, Role role) {
    }

    public SingleSignOn {
        groupRoles = List.copyOf(groupRoles);
        groupClaim = groupClaim == null || groupClaim.isBlank() ? DEFAULT_GROUP_CLAIM : groupClaim.strip();
    }

    /** A provider whose staff keep their passwords too (the default). */
    public SingleSignOn(String issuer, String clientId, String clientSecretVariable, String groupClaim, List<GroupRole> groupRoles) {
        this(issuer, clientId, clientSecretVariable, groupClaim, groupRoles, false);
    }

    /** The same provider, with passwords on or off for staff other than administrators. */
    public SingleSignOn withStaffMustUseCouncilAccount(boolean only) {
        return new SingleSignOn(issuer, clientId, clientSecretVariable, groupClaim, groupRoles, only);
    }

    /**
     * Whether this person must sign in with their council account, not a password: staff of a
     * council that says so, except council administrators, who keep their password and one-time
     * code to get in when the provider is down (and to turn this off again).
     */
    public boolean refusesPasswordOf(Set<Role> roles) {
        return staffMustUseCouncilAccount && roles.stream().anyMatch(Role::isStaff) && !roles.contains(Role.COUNCIL_ADMIN);
    }

    /** The variable a council's secret is in unless its administrator names another: DPHUB_OIDC_SECRET_DEMO for "demo". */
    public static String defaultSecretVariable(String councilCode) {
        return "DPHUB_OIDC_SECRET_" + councilCode.toUpperCase(Locale.ROOT).replace('-', '_');
    }

    /** The staff roles that these groups give; empty when none of them is mapped. */
    public Set<Role> rolesFor(Collection<String> groups) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        groupRoles.stream().filter(m -> groups.contains(m.group())).forEach(m -> roles.add(m.role()));
        return roles;
    }

    /** The groups that give each role, in the order roles are listed. */
    public Map<Role, List<String>> groupsByRole() {
        Map<Role, List<String>> byRole = new LinkedHashMap<>();
        for (Role role : Role.STAFF.stream().sorted().toList()) {
            List<String> groups = groupRoles.stream().filter(m -> m.role() == role).map(GroupRole::group).toList();
            if (!groups.isEmpty()) {
                byRole.put(role, groups);
            }
        }
        return byRole;
    }

    /** Every group that gives some role, each once. */
    public Set<String> groups() {
        Set<String> groups = new LinkedHashSet<>();
        groupRoles.forEach(m -> groups.add(m.group()));
        return groups;
    }

    /** The values as the audit trail keeps them (no secret: there is none here). */
    public Map<String, Object> auditValues() {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("issuer", issuer);
        values.put("clientId", clientId);
        values.put("clientSecretVariable", clientSecretVariable);
        values.put("groupClaim", groupClaim);
        values.put("groupRoles", groupRoles.stream().map(m -> m.group() + " = " + m.role().name()).sorted().toList());
        values.put("staffMustUseCouncilAccount", staffMustUseCouncilAccount);
        return values;
    }
}
