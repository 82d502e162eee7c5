package org.dphub.letters.internal;

import org.dphub.letters.FailureReason;

/**
 * What GOV.UK Notify answered: accepted (its id for the notification), or not, with the HTTP
 * status (0: no answer), why in our terms, and what Notify said in its own words.
 */
public record NotifyAnswer(String notifyId, int httpStatus, FailureReason reason, String detail) {

    public static NotifyAnswer accepted(String notifyId) {
        return new NotifyAnswer(notifyId, 201, null, null);
    }

    public static NotifyAnswer notAccepted(int httpStatus, String detail) {
        return new NotifyAnswer(null, httpStatus, FailureReason.of(httpStatus, detail), detail);
    }

    public boolean isAccepted() {
        return notifyId != null;
    }
}
