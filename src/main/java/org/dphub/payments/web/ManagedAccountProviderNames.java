package org.dphub.payments.web;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.dphub.payments.Account;
import org.dphub.plans.AccountType;
import org.dphub.plans.ManagedAccountProviders;
import org.dphub.shared.SignedInUser;
import org.dphub.web.NotFound;
import org.springframework.stereotype.Component;

/**
 * Issue 18: who holds each managed account (the payroll bureau named on the direct payment, through
 * the plans module's public face), for the pages that show an account's kind: "Your money" and a
 * staff member's account page. Accounts whose provider is not named yet are left out.
 */
@Component
class ManagedAccountProviderNames {

    private final ManagedAccountProviders providers;

    ManagedAccountProviderNames(ManagedAccountProviders providers) {
        this.providers = providers;
    }

    /** The provider's name by account id, for the managed accounts among these that have one named. */
    Map<Long, String> of(SignedInUser user, List<Account> accounts) {
        Map<Long, String> names = new HashMap<>();
        for (Account account : accounts) {
            if (account.type() != AccountType.MANAGED_ACCOUNT || account.directPaymentId() == null) {
                continue;
            }
            try {
                providers.find(user, account.directPaymentId()).ifPresent(p -> names.put(account.id(), p.name()));
            } catch (NotFound notTheirs) {
                // not a direct payment this user may see: nothing to say
            }
        }
        return names;
    }
}
