package org.dphub.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Writes a {@link SecurityLog} line for each request answered 401 or 403 (issue 17, ASVS 7.2.2):
 * who (or "-"), the method and the path (not the query, which may hold personal details). A 403 to
 * someone signed in is a warning: repeated, it is someone trying what is not theirs. Sits in each
 * security filter chain in front of its exception handling, so it sees the refusals that handling
 * writes, with the signed-in person still known.
 */
class RefusalLog extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            chain.doFilter(request, response);
        } finally {
            int status = response.getStatus();
            if (status == 401 || status == 403) {
                String who = SecurityLog.who(SecurityContextHolder.getContext().getAuthentication());
                String details = "status=" + status + " user=" + who + " method=" + SecurityLog.clean(request.getMethod())
                        + " path=" + SecurityLog.clean(request.getRequestURI());
                if (status == 403 && !"-".equals(who)) {
                    SecurityLog.warn("refused", details);
                } else {
                    SecurityLog.info("refused", details);
                }
            }
        }
    }
}
