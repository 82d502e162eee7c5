package org.dphub.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

/**
 * A page's write refused by a unique key because another request wrote the same thing at the same moment
 * (two of the team at once, a form sent twice without JavaScript to stop it): its transaction was rolled
 * back, so nothing was half done, and the person gets the 409 page ("the record has changed since the page
 * was opened… refresh and check"), with a line saying what happened, rather than a 500. Where a module knows
 * better it answers first (a lock, or its own message); the JSON API's answer is {@link ApiProblems}'s, which
 * comes before this for API controllers. Logged without the key's values, which can be personal.
 */
@ControllerAdvice
class SameMomentWrites {

    private static final Logger log = LoggerFactory.getLogger(SameMomentWrites.class);

    @ExceptionHandler(DuplicateKeyException.class)
    void sameMoment(DuplicateKeyException refused, HttpServletRequest request, HttpServletResponse response) throws IOException {
        logged(refused, request);
        request.setAttribute(ErrorPages.SAME_MOMENT, true);
        response.sendError(HttpServletResponse.SC_CONFLICT);
    }

    /** Logs the refusal: the request and the constraint's name, never the key's values. */
    static void logged(DuplicateKeyException refused, HttpServletRequest request) {
        log.warn("{} {}: a unique key ({}) refused a write made at the same moment as another; nothing was saved (409)",
                request.getMethod(), request.getRequestURI(), constraint(refused));
    }

    /** The constraint's name, never its values (PostgreSQL's detail line names them: an email address, say). */
    private static String constraint(DuplicateKeyException refused) {
        Throwable cause = refused.getMostSpecificCause();
        if (cause instanceof org.postgresql.util.PSQLException psql && psql.getServerErrorMessage() != null) {
            return psql.getServerErrorMessage().getConstraint();
        }
        return "unknown";
    }
}
