package org.dphub.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.time.Duration;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A session lasts at most {@code DPHUB_SESSION_MAX_AGE} (12 hours unless a council says otherwise)
 * from when it began — at signing in, as nobody has one before — however often it is used (issue
 * 17, ASVS 3.3.2); without use it ends sooner ({@code DPHUB_SESSION_TIMEOUT}). A request in an older
 * session ends it and goes to the sign-in page, which says why. The first filter of the pages' chain,
 * so nothing of the old session is used. On the system's clock, as Spring Session's own times are.
 */
class SessionLifetime extends OncePerRequestFilter {

    static final String SIGNED_OUT_PAGE = "/sign-in?session-ended";
    static final Duration SHORTEST = Duration.ofMinutes(15);
    static final Duration LONGEST = Duration.ofDays(30);

    private final Duration maxAge;

    SessionLifetime(Duration maxAge) {
        if (maxAge == null || maxAge.compareTo(SHORTEST) < 0 || maxAge.compareTo(LONGEST) > 0) {
            throw new IllegalArgumentException("DPHUB_SESSION_MAX_AGE is " + maxAge + ": set it from 15m to 30d (for example 12h), "
                    + "the longest a signed-in session lasts however much it is used");
        }
        this.maxAge = maxAge;
    }

    /** Files of the page (styles, scripts, fonts, images) read no session: looking one up for them would cost a read each. */
    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return SecurityConfiguration.isPageFile(path);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        HttpSession session = request.getSession(false);
        if (session != null && System.currentTimeMillis() - session.getCreationTime() > maxAge.toMillis()) {
            session.invalidate();
            SecurityContextHolder.clearContext();
            SecurityLog.info("session-ended", "reason=max-age");
            response.sendRedirect(request.getContextPath() + SIGNED_OUT_PAGE);
            return;
        }
        chain.doFilter(request, response);
    }
}
