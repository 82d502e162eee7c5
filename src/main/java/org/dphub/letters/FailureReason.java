package org.dphub.letters;

import java.util.Locale;

/**
 * Why GOV.UK Notify did not take a letter, from the answer it gave (Notify's API: 400 bad request,
 * 403 auth error, 429 rate or daily limit, 500 server error). Some can never succeed by trying
 * again; the rest are worth another try after a wait.
 */
public enum FailureReason {
    /** 400 about the email address, phone number or postal address: Notify cannot send to it. */
    INVALID_RECIPIENT(false),
    /** Any other 4xx: the request itself is wrong (a missing template, a PDF it cannot post). */
    REFUSED(false),
    /** 403: Notify does not accept our API key. Trying again will not help until the key is fixed. */
    KEY_REFUSED(false),
    /** 429: too many requests, or the service's daily limit. */
    TOO_MANY_REQUESTS(true),
    /** 5xx: a problem at Notify's end. */
    NOTIFY_UNAVAILABLE(true),
    /** No answer at all: a timeout or a broken connection. Notify may or may not have the letter. */
    NO_ANSWER(true);

    private final boolean temporary;

    FailureReason(boolean temporary) {
        this.temporary = temporary;
    }

    /** Worth trying again after a wait. */
    public boolean temporary() {
        return temporary;
    }

    /** We cannot know whether Notify has the letter, so it is looked up by its reference before it is sent again. */
    public boolean outcomeUnknown() {
        return this == NO_ANSWER;
    }

    /** The reason for an HTTP status from Notify (0: no answer) and what it said. */
    public static FailureReason of(int httpStatus, String message) {
        if (httpStatus == 0) {
            return NO_ANSWER;
        }
        if (httpStatus == 429) {
            return TOO_MANY_REQUESTS;
        }
        if (httpStatus >= 500) {
            return NOTIFY_UNAVAILABLE;
        }
        if (httpStatus == 401 || httpStatus == 403) {
            return KEY_REFUSED;
        }
        String said = message == null ? "" : message.toLowerCase(Locale.ROOT);
        if (httpStatus == 400 && (said.contains("email_address") || said.contains("phone_number") || said.contains("address")
                || said.contains("postcode"))) {
            return INVALID_RECIPIENT;
        }
        return REFUSED;
    }
}
