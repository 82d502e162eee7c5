package org.dphub.web;

/**
 * A record that does not exist, or that this person may not see: the answer is the same, so
 * nobody learns that another council's record exists.
 */
@org.springframework.web.bind.annotation.ResponseStatus(org.springframework.http.HttpStatus.NOT_FOUND)
public class NotFound extends RuntimeException {
    public NotFound() {
        super("Not found");
    }
}
