package org.dphub.web;

import org.springframework.security.core.AuthenticationException;

/**
 * Too many failed password sign-ins have come from the client address within the lockout period,
 * whatever the usernames (issue 17, ASVS 2.2.1: a robot trying one password on many accounts).
 * Thrown by identity's password check before the password is looked at; the sign-in page and the
 * API say to wait.
 */
public final class TooManyFailedSignInsFromAddress extends AuthenticationException {

    private static final long serialVersionUID = 1L;

    public TooManyFailedSignInsFromAddress() {
        super("Too many failed sign-ins from this address");
    }
}
