package org.dphub.web;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Arrays;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.CsrfTokenRepository;
import org.springframework.security.web.csrf.HttpSessionCsrfTokenRepository;
import org.springframework.stereotype.Component;

/**
 * Where a form's CSRF token is kept (issue 17): in the session, for anyone who has one — signed in,
 * or part-way through signing in — and otherwise in a cookie of its own, so that someone who is
 * not signed in can read the sign-in page, or any public page, without a session being made and
 * written to the database for them.
 *
 * <p>Before, every visit to the sign-in page made a session of its own, with a token in it: two
 * rows written, and removed half an hour later. A robot on that page, or a burst of visits, left
 * the session tables large and nearly empty, and PostgreSQL then read them whole for every page
 * of everyone signed in (docs/PERFORMANCE.md).
 *
 * <p>The cookie is the same token in the same form check (double submit: the form's copy must match
 * the browser's cookie), HttpOnly and {@code SameSite=Lax}. Where cookies are Secure (the production
 * profile), it is named with the {@code __Host-} prefix, so no other site — not even another
 * address under the council's own domain — can set it and plant a token of its choosing. Once a
 * session exists its token is the one checked, and a cookie left from before is cleared.
 */
@Component
final class FormTokens implements CsrfTokenRepository {

    /** The cookie's name where cookies are not Secure (a developer's machine, over plain HTTP). */
    private static final String COOKIE = "dphub-form";

    /** Its name where they are: a {@code __Host-} cookie is Secure, for the whole site, and set by this host alone. */
    private static final String SECURE_COOKIE = "__Host-" + COOKIE;

    private final HttpSessionCsrfTokenRepository sessions = new HttpSessionCsrfTokenRepository();
    private final CookieCsrfTokenRepository cookies = new CookieCsrfTokenRepository();
    private final String cookieName;

    FormTokens(@Value("${server.servlet.session.cookie.secure:false}") boolean secureCookies) {
        cookieName = secureCookies ? SECURE_COOKIE : COOKIE;
        cookies.setCookieName(cookieName);
        cookies.setCookiePath("/");
        cookies.setParameterName("_csrf");
        cookies.setHeaderName("X-CSRF-TOKEN");
        cookies.setCookieCustomizer(cookie -> cookie.httpOnly(true).secure(secureCookies).sameSite("Lax"));
    }

    /** The cookie's name as this service sets it (the cookies page shows it). */
    String cookieName() {
        return cookieName;
    }

    @Override
    public CsrfToken generateToken(HttpServletRequest request) {
        return sessions.generateToken(request);
    }

    @Override
    public void saveToken(CsrfToken token, HttpServletRequest request, HttpServletResponse response) {
        if (request.getSession(false) != null) {
            sessions.saveToken(token, request, response);
            if (hasCookie(request)) {
                cookies.saveToken(null, request, response); // a visitor's token from before the session: no longer used
            }
        } else if (token != null || hasCookie(request)) {
            cookies.saveToken(token, request, response);
        }
    }

    @Override
    public CsrfToken loadToken(HttpServletRequest request) {
        return request.getSession(false) != null ? sessions.loadToken(request) : cookies.loadToken(request);
    }

    private boolean hasCookie(HttpServletRequest request) {
        Cookie[] sent = request.getCookies();
        return sent != null && Arrays.stream(sent).anyMatch(c -> cookieName.equals(c.getName()));
    }
}
