package org.dphub.web;

import java.util.List;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/** Errors from the JSON API as RFC 9457 problem+json, with {@code errors: [{field, message}]} for bad input. */
@RestControllerAdvice(annotations = RestController.class)
@org.springframework.core.annotation.Order(0) // before SameMomentWrites, which answers pages
class ApiProblems extends ResponseEntityExceptionHandler {

    /**
     * A write refused by a unique key because another request wrote the same thing at the same moment: rolled
     * back whole, so 409 saying so, not a 500 (see {@link SameMomentWrites}).
     */
    @ExceptionHandler(org.springframework.dao.DuplicateKeyException.class)
    ResponseEntity<ProblemDetail> sameMoment(org.springframework.dao.DuplicateKeyException refused, jakarta.servlet.http.HttpServletRequest request) {
        SameMomentWrites.logged(refused, request);
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, "Another request made the same change at the same "
                + "moment, so this one saved nothing. Ask for the record again to see it as it is now.");
        return ResponseEntity.status(HttpStatus.CONFLICT).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    @ExceptionHandler(ValidationProblem.class)
    ResponseEntity<ProblemDetail> invalid(ValidationProblem problem) {
        return validation(problem.errors());
    }

    @ExceptionHandler(NotFound.class)
    ResponseEntity<ProblemDetail> notFound(NotFound notFound) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "There is no such record, or you may not see it.");
        return ResponseEntity.status(HttpStatus.NOT_FOUND).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        List<FormError> errors = ex.getBindingResult().getFieldErrors().stream()
                .map(e -> new FormError(e.getField(), e.getDefaultMessage()))
                .toList();
        return ResponseEntity.unprocessableEntity().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(validation(errors).getBody());
    }

    /** 422: the request was understood, but what it says cannot be accepted; nothing was saved. */
    static ResponseEntity<ProblemDetail> validation(List<FormError> errors) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_ENTITY,
                "The request has problems. Fix each one listed in errors and send it again. Nothing was saved.");
        problem.setTitle("Invalid request");
        problem.setProperty("errors", errors.stream().map(e -> Map.of("field", e.field(), "message", e.message())).toList());
        return ResponseEntity.unprocessableEntity().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    /** 422 for a file: every problem with its line number; nothing was imported. */
    @ExceptionHandler(FileProblem.class)
    ResponseEntity<ProblemDetail> file(FileProblem file) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_ENTITY,
                "The file has problems. Fix each line listed in errors and send the whole file again. Nothing was imported.");
        problem.setTitle("Invalid file");
        problem.setProperty("errors", file.errors().stream().map(e -> Map.of("line", e.line(), "message", e.message())).toList());
        return ResponseEntity.unprocessableEntity().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    /** A rule of the law or the council refused the request: 422 with the rule's name and why. */
    @ExceptionHandler(RuleRefusal.class)
    ResponseEntity<ProblemDetail> refused(RuleRefusal refusal) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_ENTITY, refusal.getMessage());
        problem.setTitle("Refused by a rule");
        problem.setProperty("rule", refusal.rule());
        if (refusal.whatWouldAllowIt() != null) {
            problem.setProperty("whatWouldAllowIt", refusal.whatWouldAllowIt());
        }
        return ResponseEntity.unprocessableEntity().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    /** The request is fine but the record is not in a state that allows it (for example already ended). */
    @ExceptionHandler(Conflict.class)
    ResponseEntity<ProblemDetail> conflict(Conflict conflict) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, conflict.getMessage());
        return ResponseEntity.status(HttpStatus.CONFLICT).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
