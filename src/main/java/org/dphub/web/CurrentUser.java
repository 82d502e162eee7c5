package org.dphub.web;

import org.dphub.shared.SignedInUser;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/** The signed-in user of this request, or null (for model attributes other modules add to every page). */
public final class CurrentUser {

    private CurrentUser() {
    }

    public static SignedInUser orNull() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null && authentication.getPrincipal() instanceof SignedInUser.Holder holder
                ? holder.signedInUser() : null;
    }
}
