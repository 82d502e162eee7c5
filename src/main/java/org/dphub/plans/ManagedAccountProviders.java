package org.dphub.plans;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.dphub.audit.AuditAction;
import org.dphub.audit.AuditTrail;
import org.dphub.shared.Role;
import org.dphub.shared.SignedInUser;
import org.dphub.web.Conflict;
import org.dphub.web.FormErrors;
import org.dphub.web.NotFound;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Issue 18: the managed-account provider (payroll bureau) that holds a managed-account direct
 * payment: an organisation listed in the council's community directory, or a name typed in for one
 * that is not listed. Its statements come in through the provider-file import; no returns are asked
 * of the person; monitoring is light ({@code monitoring.LightTouchPolicy}).
 */
@Service
public class ManagedAccountProviders {

    /** The provider named for a managed account; {@code organizationId} is empty for a name typed in. */
    public record ManagedAccountProvider(long directPaymentId, UUID organizationId, String name) {
    }

    private final DirectPayments directPayments;
    private final List<ServiceFundProviders> directory;
    private final JdbcClient jdbc;
    private final AuditTrail audit;

    ManagedAccountProviders(DirectPayments directPayments, List<ServiceFundProviders> directory, JdbcClient jdbc, AuditTrail audit) {
        this.directPayments = directPayments;
        this.directory = directory;
        this.jdbc = jdbc;
        this.audit = audit;
    }

    /** The provider of a direct payment this user may see (empty when none is named). */
    @Transactional(readOnly = true)
    public Optional<ManagedAccountProvider> find(SignedInUser user, long directPaymentId) {
        directPayments.find(user, directPaymentId).orElseThrow(NotFound::new);
        return jdbc.sql("""
                        SELECT managed_account_provider_id, managed_account_provider_name FROM direct_payment
                        WHERE id = :id AND managed_account_provider_name IS NOT NULL""")
                .param("id", directPaymentId)
                .query((rs, row) -> new ManagedAccountProvider(directPaymentId, rs.getObject(1, UUID.class), rs.getString(2)))
                .optional();
    }

    /**
     * A practitioner or the DP team names the provider: {@code organizationId} (listed in the council's
     * directory) or, when it is not listed, {@code name}. Bad input names its field in {@code errors}'
     * language and changes nothing; naming the provider already named changes nothing either.
     *
     * @throws NotFound for a direct payment this user may not see, or another council's
     * @throws AccessDeniedException for staff who are neither a practitioner nor in the DP team
     * @throws Conflict for a direct payment that is not paid into a managed account
     */
    @Transactional
    public ManagedAccountProvider name(SignedInUser staff, long directPaymentId, String organizationId, String name, FormErrors errors) {
        DirectPayment dp = mayName(staff, directPaymentId);
        UUID org = null;
        String providerName = null;
        if (organizationId != null && !organizationId.isBlank()) {
            try {
                UUID id = UUID.fromString(organizationId.strip());
                providerName = directory.stream().map(d -> d.listedName(dp.councilId(), id)).flatMap(Optional::stream).findFirst()
                        .orElse(null);
                org = providerName == null ? null : id;
            } catch (IllegalArgumentException notAnId) {
                providerName = null;
            }
            if (providerName == null) {
                errors.reject("organizationId", "dp.managed.error.organization");
            }
        } else {
            String typed = name == null ? "" : name.strip();
            if (typed.isEmpty() || typed.length() > 200 || typed.matches(".*[<>].*")) {
                errors.reject("name", "dp.managed.error.name");
            }
            providerName = typed;
        }
        errors.throwIfAny();
        Optional<ManagedAccountProvider> before = find(staff, directPaymentId);
        ManagedAccountProvider named = new ManagedAccountProvider(directPaymentId, org, providerName);
        if (before.isPresent() && before.get().equals(named)) {
            return named;
        }
        jdbc.sql("UPDATE direct_payment SET managed_account_provider_id = :org, managed_account_provider_name = :name WHERE id = :id")
                .param("org", org).param("name", providerName).param("id", directPaymentId).update();
        audit.record(dp.councilId(), "direct_payment", directPaymentId, AuditAction.UPDATE,
                before.map(b -> AuditTrail.values("managedAccountProvider", b.name())).orElse(null),
                AuditTrail.values("citizenId", dp.citizenId(), "managedAccountProvider", providerName,
                        "listedInDirectory", org != null));
        return named;
    }

    /**
     * The direct payment, if this user may name its managed-account provider: a practitioner or the DP
     * team of its council, for a managed account. The same refusals as {@link #name}.
     */
    @Transactional(readOnly = true)
    public DirectPayment mayName(SignedInUser staff, long directPaymentId) {
        DirectPayment dp = directPayments.find(staff, directPaymentId).orElseThrow(NotFound::new).directPayment();
        if (!staff.isStaffOf(dp.councilId())) {
            throw new NotFound();
        }
        if (!staff.has(Role.PRACTITIONER) && !staff.has(Role.DP_TEAM)) {
            throw new AccessDeniedException("Only a practitioner or the DP team names a managed-account provider");
        }
        if (dp.accountType() != AccountType.MANAGED_ACCOUNT) {
            throw new Conflict("This direct payment is paid into " + dp.accountType().name().toLowerCase(java.util.Locale.ROOT)
                    .replace('_', ' ') + ", not a managed account, so it has no managed-account provider.");
        }
        return dp;
    }

    /** Whether this user may name the provider of this direct payment (for a page's "Change" link). */
    public static boolean mayName(SignedInUser user, DirectPayment dp) {
        return dp.accountType() == AccountType.MANAGED_ACCOUNT && user.isStaffOf(dp.councilId())
                && (user.has(Role.PRACTITIONER) || user.has(Role.DP_TEAM));
    }

    /** The organisations listed in the council's community directory, by name, to choose from. */
    @Transactional(readOnly = true)
    public List<ServiceFundProviders.Listed> listed(long councilId) {
        return directory.isEmpty() ? List.of() : directory.get(0).listed(councilId);
    }
}
