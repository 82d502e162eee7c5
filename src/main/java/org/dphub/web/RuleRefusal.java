package org.dphub.web;

/**
 * A rule (of the law or the council) refuses what was asked. Carries the rule's name for API
 * callers, and a plain-words message and what would allow it for people. Pages catch it where it
 * can happen and show the message by the field; one a page does not catch gets the "There is a
 * problem with your request" page (422), never the 500 page.
 */
@org.springframework.web.bind.annotation.ResponseStatus(org.springframework.http.HttpStatus.UNPROCESSABLE_ENTITY)
public class RuleRefusal extends RuntimeException {

    private final String rule;
    private final String whatWouldAllowIt;

    public RuleRefusal(String rule, String message, String whatWouldAllowIt) {
        super(message);
        this.rule = rule;
        this.whatWouldAllowIt = whatWouldAllowIt;
    }

    public String rule() {
        return rule;
    }

    public String whatWouldAllowIt() {
        return whatWouldAllowIt;
    }
}
