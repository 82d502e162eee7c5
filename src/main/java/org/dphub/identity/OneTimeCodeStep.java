package org.dphub.identity;

import java.util.Optional;
import org.dphub.shared.SignedInUser;
import org.dphub.web.SignInStep;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/** After the password, finance officers and council administrators give a one-time code (or set up their app first). */
@Component
class OneTimeCodeStep implements SignInStep {

    static final String CODE_PAGE = "/sign-in/code";
    static final String SET_UP_PAGE = "/sign-in/set-up-code";

    private final OneTimeCodes codes;

    OneTimeCodeStep(OneTimeCodes codes) {
        this.codes = codes;
    }

    @Override
    public Optional<String> pageAfterPassword(Authentication passwordChecked) {
        if (!(passwordChecked.getPrincipal() instanceof SignedInUser.Holder holder) || !codes.required(holder.signedInUser())) {
            return Optional.empty();
        }
        return Optional.of(codes.isSetUp(holder.signedInUser().userId()) ? CODE_PAGE : SET_UP_PAGE);
    }
}
