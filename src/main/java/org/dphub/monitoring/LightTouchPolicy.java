package org.dphub.monitoring;

import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;
import org.dphub.plans.AccountType;

/**
 * Proportionate monitoring (Care and Support Statutory Guidance ch. 12, "minimal elements", as
 * quoted in the Shropshire seed; DOMAIN.md: "Card accounts may be reviewed with a light touch").
 * Issue 18: a managed account is held and spent by a managed-account provider (payroll bureau) whose
 * file is the statement, and an individual service fund by a provider who reports each line against
 * an outcome; so neither is selected for spending not linked to the plan, the check that asks the
 * person to explain their own spending. They are still checked for a new direct payment, money left
 * over and any concern. Bank accounts keep every check. No number is involved, so no council setting.
 */
public final class LightTouchPolicy {

    /** The account types monitored with a light touch. */
    public static final Set<AccountType> LIGHT_TOUCH = EnumSet.of(AccountType.MANAGED_ACCOUNT, AccountType.INDIVIDUAL_SERVICE_FUND);

    private LightTouchPolicy() {
    }

    /** Whether an account of this type is selected for spending not linked to the plan. */
    public static boolean checksUnlinkedSpending(AccountType type) {
        return !LIGHT_TOUCH.contains(type);
    }

    /** The light-touch types as an SQL list ('MANAGED_ACCOUNT', ...), for the set-based selection. */
    public static String sqlList() {
        return LIGHT_TOUCH.stream().map(t -> "'" + t.name() + "'").sorted().collect(Collectors.joining(", "));
    }
}
