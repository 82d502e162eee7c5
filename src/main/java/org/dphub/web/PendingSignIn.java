package org.dphub.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A sign-in whose password was right but which waits for a further step ({@link SignInStep}).
 * Until the step is done the session is not signed in at all: the checked authentication is held
 * aside in the session, nobody is in the security context, so no page or check can mistake the
 * person for signed in; and every page but the step's own (and sign-in, sign-out, the error page
 * and static files) sends them to the step. The API never reads the session, so it refuses too.
 */
public final class PendingSignIn extends OncePerRequestFilter {

    static final String AUTHENTICATION = PendingSignIn.class.getName() + ".AUTHENTICATION";
    static final String PAGE = PendingSignIn.class.getName() + ".PAGE";

    /** Holds a checked sign-in aside until its step at {@code page} is done; the session is signed in as nobody meanwhile. */
    static void hold(HttpServletRequest request, Authentication authentication, String page) {
        SecurityContextHolder.clearContext();
        HttpSession session = request.getSession();
        session.removeAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY);
        session.setAttribute(AUTHENTICATION, authentication);
        session.setAttribute(PAGE, page);
    }

    /** No sign-in waits any more in this session (another person signed in with a password alone). */
    static void forget(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session != null && session.getAttribute(PAGE) != null) {
            session.removeAttribute(AUTHENTICATION);
            session.removeAttribute(PAGE);
        }
    }

    /** The sign-in waiting for its step in this session, if any. */
    public static Optional<Authentication> held(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        return session != null && session.getAttribute(AUTHENTICATION) instanceof Authentication held
                ? Optional.of(held) : Optional.empty();
    }

    /** The step is done: the held sign-in becomes the session's, under a new session id. */
    public static void complete(HttpServletRequest request, HttpServletResponse response) {
        Authentication authentication = held(request).orElseThrow(() -> new IllegalStateException("No sign-in is waiting"));
        HttpSession session = request.getSession();
        session.removeAttribute(AUTHENTICATION);
        session.removeAttribute(PAGE);
        // a new id now the session is signed in, as at a password sign-in (session fixation)
        request.changeSessionId();
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(authentication);
        SecurityContextHolder.setContext(context);
        new HttpSessionSecurityContextRepository().saveContext(context, request, response);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        // static files and the sign-in pages first, without reading the session
        HttpSession session = allowedWhileWaiting(path) ? null : request.getSession(false);
        if (session != null && session.getAttribute(PAGE) instanceof String step) {
            response.sendRedirect(request.getContextPath() + step);
            return;
        }
        chain.doFilter(request, response);
    }

    private static boolean allowedWhileWaiting(String path) {
        // sign-in pages (another account, or the council's provider and its return) replace a waiting sign-in
        return path.equals("/sign-in") || path.startsWith("/sign-in/") || path.equals("/sign-out") || path.equals("/error")
                || path.startsWith("/oauth2/authorization/") || path.startsWith("/login/oauth2/code/")
                || path.startsWith("/assets/") || path.startsWith("/govuk/") || path.startsWith("/static/")
                || path.equals("/favicon.ico");
    }
}
