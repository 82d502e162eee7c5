package org.dphub.web;

import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Security events for a council's monitoring (issue 17, ASVS 7.1, 7.2): one line each on the logger
 * {@code dphub.security}, as {@code key=value} pairs — sign-ins and refused sign-ins
 * (identity's {@code SignInEvents}), and requests refused with 401 or 403 ({@link RefusalLog}). What a
 * person typed is cleaned before it is written, so a line cannot be forged or split (7.3.1), and no
 * password, token or session id is ever written.
 */
public final class SecurityLog {

    /** The logger's name: route it to the council's log collection to alert on sign-in failures and refusals. */
    public static final String LOGGER = "dphub.security";

    private static final Logger log = LoggerFactory.getLogger(LOGGER);
    private static final int LONGEST = 100;

    private SecurityLog() {
    }

    /** An event that is normal (a sign-in, a refusal to someone not signed in). */
    public static void info(String event, String details) {
        log.info("event={} {} address={}", event, details, address());
    }

    /** An event to alert on when it repeats (a refused sign-in, a refusal to someone signed in). */
    public static void warn(String event, String details) {
        log.warn("event={} {} address={}", event, details, address());
    }

    /** Who, for a line: the name someone signed in with, else "-". */
    public static String who(Authentication authentication) {
        return authentication == null || !authentication.isAuthenticated() || authentication instanceof AnonymousAuthenticationToken
                ? "-" : clean(authentication.getName());
    }

    /**
     * Text someone sent, made safe for one line: control characters (line breaks among them), spaces and
     * quotes become {@code _}, and it is cut to 100 characters ({@code …} marks a cut); empty is "-".
     */
    public static String clean(String text) {
        if (text == null || text.isEmpty()) {
            return "-";
        }
        StringBuilder out = new StringBuilder(Math.min(text.length(), LONGEST + 1));
        for (int i = 0; i < text.length() && out.length() < LONGEST; i++) {
            char c = text.charAt(i);
            // isWhitespace covers the line and paragraph separators (U+2028, U+2029) too
            out.append(Character.isISOControl(c) || Character.isWhitespace(c) || c == '"' || c == '=' || Character.getType(c) == Character.FORMAT
                    ? '_' : c);
        }
        if (text.length() > LONGEST) {
            out.append('…');
        }
        return out.toString();
    }

    /** The client's address as the server sees it (behind HAProxy or a council's proxy, from X-Forwarded-For in the prod profile). */
    private static String address() {
        RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
        if (attributes instanceof ServletRequestAttributes servlet) {
            HttpServletRequest request = servlet.getRequest();
            return clean(request.getRemoteAddr());
        }
        return "-";
    }
}
