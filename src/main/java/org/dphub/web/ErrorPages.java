package org.dphub.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
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
 * trace: 404, 403 and 500 pages for people, problem+json for API callers.
 */
@Controller
class ErrorPages implements ErrorController {

    @RequestMapping(value = "/error", produces = MediaType.TEXT_HTML_VALUE)
    ModelAndView page(HttpServletRequest request) {
        HttpStatus status = status(request);
        String view = switch (status) {
            case NOT_FOUND, FORBIDDEN, INTERNAL_SERVER_ERROR, BAD_REQUEST, PAYLOAD_TOO_LARGE -> "error/" + status.value();
            default -> status.is4xxClientError() ? "error/400" : "error/500";
        };
        return new ModelAndView(view, Map.of("status", status.value()), status);
    }

    @RequestMapping("/error")
    ResponseEntity<ProblemDetail> problem(HttpServletRequest request) {
        HttpStatus status = status(request);
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, switch (status) {
            case NOT_FOUND -> "There is nothing at this address.";
            case FORBIDDEN -> "Your role does not allow this.";
            case UNAUTHORIZED -> "Give a valid username and password with HTTP Basic authentication.";
            case PAYLOAD_TOO_LARGE -> "The upload is too large.";
            default -> status.is5xxServerError() ? "Something went wrong on our side. Try again later." : status.getReasonPhrase();
        });
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        if (uri != null) {
            problem.setInstance(java.net.URI.create(uri.toString().replace(" ", "%20")));
        }
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
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
