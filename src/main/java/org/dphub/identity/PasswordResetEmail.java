package org.dphub.identity;

import java.time.Duration;

/**
 * Sends the email with the link that lets someone choose a new password (the letters module does,
 * through GOV.UK Notify). The link is a secret: it is sent at once and kept nowhere, not in the
 * outbox of letters and not in a module event.
 */
public interface PasswordResetEmail {

    /** Sends it in the language given ("en" or "cy"); false when it could not be sent (Notify not set up, or refused). */
    boolean send(String emailAddress, String language, String link, Duration validFor);
}
