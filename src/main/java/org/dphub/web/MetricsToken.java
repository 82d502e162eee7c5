package org.dphub.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * The metrics scraper's own credential ({@code DPHUB_METRICS_TOKEN}), sent as
 * {@code Authorization: Bearer <token>}: a Prometheus server needs no person's account, and a
 * scrape costs no password hash. The token is compared in constant time (as SHA-256 digests, so
 * its length is not given away either). A wrong token is refused 401 at once; no token leaves
 * the request to HTTP Basic (a council administrator).
 */
final class MetricsToken extends OncePerRequestFilter {

    static final String AUTHORITY = "METRICS";
    static final int SHORTEST = 32;

    private final byte[] expected;
    private final JsonMapper json;
    private final SecurityContextHolderStrategy contexts = SecurityContextHolder.getContextHolderStrategy();

    /** @param token empty: no token is accepted (only council administrators see metrics) */
    MetricsToken(String token, JsonMapper json) {
        String given = token == null ? "" : token.strip();
        if (!given.isEmpty() && given.length() < SHORTEST) {
            throw new IllegalStateException("DPHUB_METRICS_TOKEN must be at least " + SHORTEST
                    + " characters long (for example the output of: openssl rand -hex 32), or empty to turn it off");
        }
        this.expected = given.isEmpty() ? null : digest(given);
        this.json = json;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader("Authorization");
        if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            if (expected == null || !MessageDigest.isEqual(expected, digest(header.substring(7).strip()))) {
                response.setHeader("WWW-Authenticate", "Bearer realm=\"dphub\"");
                SecurityConfiguration.problem(response, json, HttpStatus.UNAUTHORIZED, "The metrics token is wrong.");
                return;
            }
            SecurityContext context = contexts.createEmptyContext();
            context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated("metrics scraper", null,
                    List.of(new SimpleGrantedAuthority(AUTHORITY))));
            contexts.setContext(context);
        }
        chain.doFilter(request, response);
    }

    private static byte[] digest(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
