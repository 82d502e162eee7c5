package org.dphub.web;

import java.util.List;

/**
 * Input an API caller must fix; answered as problem+json with {@code errors: [{field, message}]}
 * ({@code ApiProblems}). Should a page's form meet one (a form that was changed by hand), the person
 * gets the "There is a problem with your request" page (400), never the 500 page (PageMatrixIT).
 */
@org.springframework.web.bind.annotation.ResponseStatus(org.springframework.http.HttpStatus.BAD_REQUEST)
public class ValidationProblem extends RuntimeException {

    private final List<FormError> errors;

    public ValidationProblem(List<FormError> errors) {
        super("The request has " + errors.size() + " problem(s)");
        this.errors = List.copyOf(errors);
    }

    public List<FormError> errors() {
        return errors;
    }
}
