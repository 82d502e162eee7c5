package org.dphub.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * HTTP Basic is a password alone. Those who must give a one-time code when they sign in to pages
 * (a {@link SignInStep} after their password: finance officers, council administrators) can be
 * refused it on the API and actuator with {@code DPHUB_BASIC_FOR_ONE_TIME_CODE_ROLES=false}: they
 * then call with an API key made after signing in with their code. On by default, so tests and
 * scripts keep Basic (docs/SECURITY.md, V2). Sits after the Basic filter, in front of the chain's
 * exception handling and behind its {@link RefusalLog}, which logs the refusal (as a 401, with nobody
 * signed in: the password alone does not sign them in); an API key or the metrics token is not a
 * password and passes.
 */
final class PasswordAloneRefusal extends OncePerRequestFilter {

    static final String REFUSED = "Finance officers and council administrators cannot use a password alone here: "
            + "sign in to dphub with your one-time code, make an API key on \"Your API keys\" and send it as Authorization: Bearer dphub_…";

    private final boolean basicAllowed;
    private final List<SignInStep> steps;
    private final JsonMapper json;
    private final SecurityContextHolderStrategy contexts = SecurityContextHolder.getContextHolderStrategy();

    PasswordAloneRefusal(boolean basicAllowed, List<SignInStep> steps, JsonMapper json) {
        this.basicAllowed = basicAllowed;
        this.steps = List.copyOf(steps);
        this.json = json;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication authentication = contexts.getContext().getAuthentication();
        if (!basicAllowed && authentication instanceof UsernamePasswordAuthenticationToken && authentication.isAuthenticated()
                && steps.stream().anyMatch(step -> step.pageAfterPassword(authentication).isPresent())) {
            contexts.clearContext();
            response.setHeader("WWW-Authenticate", "Bearer realm=\"dphub\"");
            SecurityConfiguration.problem(response, json, HttpStatus.UNAUTHORIZED, REFUSED);
            return;
        }
        chain.doFilter(request, response);
    }
}
