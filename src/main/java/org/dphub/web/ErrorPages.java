package org.dphub.web;

import jakarta.servlet.MultipartConfigElement;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.ModelAndView;

/**
 * Every error a person can meet, in the same GOV.UK style as the rest, never with a stack
 * trace: 400, 403, 404, 409 (a record not at a step where this can be done), 413 and 500 pages for people (one fragment, {@code fragments/error-page}),
 * the "page was open too long" page for a form whose CSRF token has gone, and problem+json for
 * API callers.
 */
@Controller
class ErrorPages implements ErrorController {

    /** Set on a request refused for a missing or stale CSRF token: the form was open too long. */
    static final String FORM_EXPIRED = ErrorPages.class.getName() + ".formExpired";

    /** Set on a request refused for a file over the upload limit (not for any other body too big). */
    static final String FILE_TOO_LARGE = ErrorPages.class.getName() + ".fileTooLarge";

    /** Set on a request refused for a zero byte in what it sent ({@link ZeroBytes}). */
    static final String ZERO_BYTE = ErrorPages.class.getName() + ".zeroByte";

    /** Set on a write refused because another wrote the same thing at the same moment ({@link SameMomentWrites}). */
    static final String SAME_MOMENT = ErrorPages.class.getName() + ".sameMoment";

    /** Set, to the limit as people read it, on a request whose body (not a form) was over DPHUB_MAX_JSON_SIZE. */
    static final String BODY_TOO_LARGE = ErrorPages.class.getName() + ".bodyTooLarge";

    private final String uploadLimit;

    ErrorPages(MultipartConfigElement multipart) {
        long limit = multipart.getMaxFileSize() > 0 ? multipart.getMaxFileSize() : multipart.getMaxRequestSize();
        this.uploadLimit = limit > 0 ? readableSize(limit) : null;
    }

    @RequestMapping(value = "/error", produces = MediaType.TEXT_HTML_VALUE)
    ModelAndView page(HttpServletRequest request) {
        HttpStatus status = status(request);
        Map<String, Object> model = new HashMap<>();
        model.put("status", status.value());
        String kind;
        if (request.getAttribute(FORM_EXPIRED) != null) {
            kind = "form-expired";
            model.put("backUrl", backUrl(request));
        } else {
            // by number: 413 resolves to CONTENT_TOO_LARGE, not the older name PAYLOAD_TOO_LARGE
            kind = switch (status.value()) {
                case 400, 403, 404, 409, 413, 500 -> Integer.toString(status.value());
                default -> status.is4xxClientError() ? "400" : "500";
            };
        }
        if (status.value() == 409) {
            model.put("backUrl", backUrl(request));
            if (request.getAttribute(SAME_MOMENT) != null) {
                model.put("detailKey", "error.409.same-moment");
                model.put("detailArguments", new Object[0]);
            }
        }
        if (status.value() == 400 && request.getAttribute(ZERO_BYTE) != null) {
            model.put("detailKey", "error.400.zero-byte");
            model.put("detailArguments", new Object[0]);
            model.put("backUrl", backUrl(request));
        }
        if (status.value() == 413) {
            model.put("backUrl", backUrl(request));
            if (uploadLimit != null && request.getAttribute(FILE_TOO_LARGE) != null) {
                model.put("detailKey", "error.413.limit");
                model.put("detailArguments", new Object[] {uploadLimit});
            }
        }
        return new ModelAndView("error/" + kind, model, status);
    }

    @RequestMapping("/error")
    ResponseEntity<ProblemDetail> problem(HttpServletRequest request) {
        HttpStatus status = status(request);
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, switch (status.value()) {
            case 404 -> "There is nothing at this address.";
            case 400 -> request.getAttribute(ZERO_BYTE) != null
                    ? "What was sent has a zero byte in it (%00 in an address, \\u0000 in JSON), which cannot be kept. Remove it and"
                    + " send it again. Nothing was saved."
                    : status.getReasonPhrase();
            case 403 -> "Your role does not allow this.";
            case 401 -> "Give a valid username and password with HTTP Basic authentication.";
            case 413 -> request.getAttribute(BODY_TOO_LARGE) != null
                    ? "The request body is larger than the " + request.getAttribute(BODY_TOO_LARGE) + " limit. Send at most "
                    + request.getAttribute(BODY_TOO_LARGE) + ". Nothing was saved."
                    : uploadLimit == null ? "The upload is too large. Nothing was saved."
                    : "The upload is larger than the " + uploadLimit + " limit. Send a file smaller than " + uploadLimit
                    + ". Nothing was saved.";
            default -> status.is5xxServerError() ? "Something went wrong on our side. Try again later." : status.getReasonPhrase();
        });
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        if (uri != null) {
            problem.setInstance(java.net.URI.create(uri.toString().replace(" ", "%20")));
        }
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    /**
     * The page the form was on, from the browser's Referer, when it is this site's own page: only
     * its path and query are used, so the link can never lead anywhere else.
     */
    static String backUrl(HttpServletRequest request) {
        String referer = request.getHeader("Referer");
        String host = request.getHeader("Host");
        if (referer == null || host == null) {
            return null;
        }
        try {
            URI uri = URI.create(referer);
            if (!host.equalsIgnoreCase(uri.getRawAuthority()) || uri.getRawPath() == null || !uri.getRawPath().startsWith("/")
                    || uri.getRawPath().startsWith("//")) {
                return null;
            }
            return uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        } catch (IllegalArgumentException notAUri) {
            return null;
        }
    }

    /** "20 MB", "1.5 MB", "512 KB": the upload limit as people read it (never rounded up). */
    static String readableSize(long bytes) {
        long megabyte = 1024L * 1024L;
        if (bytes >= megabyte) {
            return java.math.BigDecimal.valueOf(bytes).divide(java.math.BigDecimal.valueOf(megabyte), 1, java.math.RoundingMode.DOWN)
                    .stripTrailingZeros().toPlainString() + " MB";
        }
        return Math.max(1, bytes / 1024) + " KB";
    }

    private static HttpStatus status(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        if (code instanceof Integer value) {
            HttpStatus status = HttpStatus.resolve(value);
            if (status != null) {
                return status;
            }
        }
        return HttpStatus.INTERNAL_SERVER_ERROR;
    }
}
