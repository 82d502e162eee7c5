package org.dphub.web;

/**
 * The record is not in a state that allows this: answered 409, as problem+json to the API
 * ({@code ApiProblems}, with the message) and as the "This cannot be done now" page to a person.
 */
@org.springframework.web.bind.annotation.ResponseStatus(org.springframework.http.HttpStatus.CONFLICT)
public class Conflict extends RuntimeException {
    public Conflict(String message) {
        super(message);
    }
}
