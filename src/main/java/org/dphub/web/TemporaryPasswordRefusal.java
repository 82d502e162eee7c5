package org.dphub.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.dphub.shared.SignedInUser;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * A temporary password — the one a practitioner gives with a new online account, or a reset — opens
 * only the page where its holder chooses their own (ASVS 2.3.1: it must not become the long-term
 * password). On the pages, {@link TemporaryPasswordInterceptor} sends them there; on the API and
 * actuator, where there is no such page, HTTP Basic with it is refused with 403 and what to do, and
 * nothing is done. Whoever else has seen it (on a screen, in a letter) cannot use it there either. An
 * API key passes: it is not a password, and one cannot be made with a temporary password. Sits in
 * front of the chain's exception handling, behind its {@link RefusalLog}, which logs the refusal.
 */
final class TemporaryPasswordRefusal extends OncePerRequestFilter {

    static final String REFUSED = "This is a temporary password. Sign in to dphub on the web and choose your own password, "
            + "then use that here (or an API key made on \"Your API keys\").";

    private final JsonMapper json;

    TemporaryPasswordRefusal(JsonMapper json) {
        this.json = json;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication instanceof UsernamePasswordAuthenticationToken && authentication.isAuthenticated()
                && authentication.getPrincipal() instanceof SignedInUser.Holder holder && holder.signedInUser().mustChangePassword()) {
            SecurityConfiguration.problem(response, json, HttpStatus.FORBIDDEN, REFUSED);
            return;
        }
        chain.doFilter(request, response);
    }
}
