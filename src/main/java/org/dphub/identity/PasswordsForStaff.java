package org.dphub.identity;

import java.util.Optional;
import org.dphub.councils.Councils;
import org.dphub.councils.SingleSignOn;
import org.dphub.shared.SignedInUser;
import org.springframework.stereotype.Component;

/**
 * Whether a person whose password was right may use it (issue 17): not when they are staff of a
 * council that has turned staff passwords off — they use their council account — unless they are
 * one of its administrators ({@link SingleSignOn#refusesPasswordOf} says who). Read from the
 * council's settings at each sign-in, so turning it on or off works at once on every instance.
 */
@Component
class PasswordsForStaff {

    private final Councils councils;

    PasswordsForStaff(Councils councils) {
        this.councils = councils;
    }

    /** The council whose account this person must use instead of their password, if they must. */
    Optional<String> councilAccountRequired(SignedInUser user) {
        if (user.councilId() == null || !user.isStaff()) {
            return Optional.empty();
        }
        return councils.singleSignOn(user.councilId())
                .filter(sso -> sso.settings().refusesPasswordOf(user.roles()))
                .flatMap(sso -> councils.findById(user.councilId()))
                .map(council -> council.code());
    }
}
