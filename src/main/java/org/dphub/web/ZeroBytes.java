package org.dphub.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A zero byte (U+0000, {@code %00} in an address) is refused with a 400 that says so, not a 500.
 * PostgreSQL cannot keep one in text: a search for "{@code %00}", or a JSON name with
 * U+0000 in it, failed in the database ("invalid byte sequence for encoding UTF8: 0x00"),
 * and the person was told something went wrong on our side. Found by sending odd values to every
 * page's parameters as each demo user.
 *
 * <p>An address or a plain form that has one is refused before anything reads it. Anything else
 * (a JSON body, above all) is refused when PostgreSQL refuses it: that statement's transaction is
 * rolled back, so nothing was saved, and the answer is the same 400. Pages answer the 400 page with
 * a line saying what to remove; the API answers problem+json ({@link ErrorPages}).
 */
final class ZeroBytes extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(ZeroBytes.class);

    /** PostgreSQL's "character not in repertoire": what it answers for a zero byte in text. */
    static final String NOT_IN_REPERTOIRE = "22021";

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (inTheAddressOrForm(request)) {
            refuse(request, response);
            return;
        }
        try {
            chain.doFilter(request, response);
        } catch (ServletException | RuntimeException failed) {
            if (response.isCommitted() || !refusedByTheDatabase(failed)) {
                throw failed;
            }
            log.warn("A zero byte in what {} {} sent was refused by PostgreSQL (SQLState {}): answered 400, nothing saved",
                    request.getMethod(), SecurityLog.clean(request.getRequestURI()), NOT_IN_REPERTOIRE);
            response.resetBuffer();
            refuse(request, response);
        }
    }

    private static boolean inTheAddressOrForm(HttpServletRequest request) {
        String query = request.getQueryString();
        if (query != null && query.toLowerCase(Locale.ROOT).contains("%00")) {
            return true;
        }
        String type = request.getContentType();
        if (type == null || !type.toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded")) {
            return false; // a file upload is the upload's to check; a JSON body, PostgreSQL's below
        }
        for (Map.Entry<String, String[]> parameter : request.getParameterMap().entrySet()) {
            if (parameter.getKey().indexOf('\0') >= 0) {
                return true;
            }
            for (String value : parameter.getValue()) {
                if (value != null && value.indexOf('\0') >= 0) {
                    return true;
                }
            }
        }
        return false;
    }

    static boolean refusedByTheDatabase(Throwable failed) {
        for (Throwable cause = failed; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && NOT_IN_REPERTOIRE.equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    private static void refuse(HttpServletRequest request, HttpServletResponse response) throws IOException {
        request.setAttribute(ErrorPages.ZERO_BYTE, Boolean.TRUE);
        response.sendError(HttpStatus.BAD_REQUEST.value());
    }
}
