package org.dphub.web;

import java.util.Optional;
import org.springframework.security.core.Authentication;

/**
 * A step some people take after a right password, before they are signed in: identity's
 * one-time codes for finance officers and council administrators (issue 17). Only the sign-in
 * form asks it; HTTP Basic and API keys have no further step (docs/SECURITY.md).
 */
public interface SignInStep {

    /** The page where this person finishes signing in, or empty when the password is enough. */
    Optional<String> pageAfterPassword(Authentication passwordChecked);
}
