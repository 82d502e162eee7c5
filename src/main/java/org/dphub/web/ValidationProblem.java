package org.dphub.web;

import java.util.List;

/** Input an API caller must fix; answered as 400 problem+json with {@code errors: [{field, message}]}. */
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
